/** USB and upload intake: parse request files, validate IIDs, preview what would be stored, commit in one transaction. */
package org.gapdesk.intake;
