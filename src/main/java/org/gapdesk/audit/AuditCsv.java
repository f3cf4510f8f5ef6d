package org.gapdesk.audit;

import java.io.Writer;
import java.util.List;
import org.gapdesk.export.CsvWriter;

/**
 * The audit log as CSV: one row per entry, oldest first, with the chain hashes, written through
 * {@link CsvWriter} so no cell can act as a spreadsheet formula. (A guarded cell gains a leading apostrophe,
 * so the chain is verified on the kiosk, not from a spreadsheet.)
 */
public final class AuditCsv {
    /** The header row. */
    public static final List<String> HEADER = List.of("seq", "at", "operator", "action", "subject", "detail",
            "prev_hash", "hash");

    private AuditCsv() {
    }

    /** Writes the header and {@code entries} to {@code out} (does not close it). */
    public static void write(List<AuditEntry> entries, Writer out) {
        CsvWriter csv = new CsvWriter(out);
        csv.row(HEADER);
        for (AuditEntry e : entries) {
            csv.row(e.seq(), e.at().toString(), e.operator(), e.action(), e.subject(), e.detail(), e.prevHash(),
                    e.hash());
        }
        csv.flush();
    }
}
