/** Receipts: importing the lab's results files, which mark exported requests applied or failed with a reason. */
package org.gapdesk.receipts;
