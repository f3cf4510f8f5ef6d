/** Worksheet batches: which queued requests go on one worksheet, for which lab and channel. */
package org.gapdesk.batch;
