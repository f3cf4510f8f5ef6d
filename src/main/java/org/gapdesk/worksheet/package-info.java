/** Print-quality worksheet PDFs for a batch, laid out for the telephone or the portal channel. */
package org.gapdesk.worksheet;
