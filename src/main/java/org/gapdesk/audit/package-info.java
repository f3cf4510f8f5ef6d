/** The tamper-evident audit trail: verifying the hash chain, reading and exporting it. */
package org.gapdesk.audit;
