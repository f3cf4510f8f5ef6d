/** Finding and reading activation requests: lists, filters, detail with history, overview counts. */
package org.gapdesk.requests;
