package org.gapdesk.reports;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gapdesk.activation.ConfirmationId;
import org.gapdesk.activation.IdFormatException;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.RequestState;
import org.gapdesk.config.CatalogEntry;
import org.gapdesk.config.ProductCatalog;
import org.gapdesk.export.CsvWriter;
import org.gapdesk.licensing.KeyedActivation;
import org.gapdesk.licensing.KeyedActivations;
import org.gapdesk.store.Database;

/**
 * The compliance record as CSV: one row per activation request (superseded ones included), oldest first, written
 * with {@link CsvWriter} (RFC 4180, CRLF, formula-injection guard). Who activated what, when, with which key:
 * the CID itself is included (it is not a secret: it only works for its own IID), the product key never (the
 * kiosk has only its last five characters). Times are ISO-8601 UTC. IIDs and CIDs are written in hyphenated
 * groups so a spreadsheet keeps them as text instead of rounding them to a number.
 */
public final class RecordExport {
    /** The header row. */
    public static final List<String> HEADER = List.of("request_id", "lab", "machine", "alias", "product",
            "product_family", "activation_id", "key_channel", "partial_key", "key_group", "installation_id", "state",
            "cid_present", "confirmation_id", "cid_source", "batch_id", "activation_channel", "created_at",
            "updated_at", "last_changed_by", "superseded_by");

    private static final String SQL = "SELECT r.id, m.lab, m.name, m.is_alias, r.product_name, r.activation_id,"
            + " r.application_id, r.channel, r.partial_key, r.iid, r.state, r.cid, r.cid_reused, r.created_at,"
            + " r.updated_at, e.operator, r.superseded_by"
            + " FROM activation_request r JOIN machine m ON m.id = r.machine_id"
            + " LEFT JOIN (SELECT request_id, MAX(id) AS last_id FROM request_event GROUP BY request_id) le"
            + " ON le.request_id = r.id"
            + " LEFT JOIN request_event e ON e.id = le.last_id"
            + " ORDER BY r.id";

    private final Database db;
    private final ProductCatalog catalog;

    public RecordExport(Database db, ProductCatalog catalog) {
        this.db = db;
        this.catalog = catalog;
    }

    /**
     * Writes the header and every request to {@code out} (flushed, not closed).
     *
     * @return the number of request rows written
     */
    public int write(Writer out) {
        CsvWriter csv = new CsvWriter(out);
        csv.row(HEADER);
        int rows = db.read(c -> {
            BatchChannels batches = BatchChannels.load(c);
            Map<Long, Instant> keyedAt = new HashMap<>();
            Map<String, Instant> iidAt = new HashMap<>();
            for (KeyedActivation a : KeyedActivations.load(c)) {
                keyedAt.put(a.requestId(), a.at());
                iidAt.put(a.iid(), a.at());
            }
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement(SQL)) {
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        Product p = new Product(rs.getString(6), rs.getString(7), rs.getString(5), rs.getString(8),
                                rs.getString(9), null);
                        CatalogEntry entry = catalog.find(p.activationId());
                        String iid = rs.getString(10);
                        String cid = rs.getString(12);
                        boolean reused = rs.getBoolean(13);
                        boolean keyed = cid != null && !reused;
                        Instant at = keyed ? keyedAt.getOrDefault(id, iidAt.get(iid)) : null;
                        BatchChannels.Membership batch = batches.batchOf(id, at);
                        String channel = batch != null ? batch.channel().key() : keyed ? "unknown" : null;
                        long sup = rs.getLong(17);
                        Long supersededBy = rs.wasNull() ? null : sup;
                        csv.row(id, rs.getString(2), rs.getString(3), rs.getBoolean(4) ? "yes" : "no", p.name(),
                                catalog.family(p), p.activationId(), p.channel(), p.partialKey(),
                                entry == null ? null : entry.keyGroup(), grouped(iid, false),
                                RequestState.valueOf(rs.getString(11)).label(), cid == null ? "no" : "yes",
                                grouped(cid, true), cid == null ? null : reused ? "stored" : "keyed",
                                batch == null ? null : batch.batchId(), channel,
                                rs.getTimestamp(14).toInstant().toString(), rs.getTimestamp(15).toInstant().toString(),
                                rs.getString(16), supersededBy);
                        n++;
                    }
                }
            }
            return n;
        });
        csv.flush();
        return rows;
    }

    /**
     * Writes the export to {@code file} (UTF-8): to a temporary file beside it first, then moved into place, so a
     * failure never leaves half a file under that name.
     *
     * @return the number of request rows written
     */
    public int writeFile(Path file) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), ".gapdesk-record-", ".csv.tmp");
            int rows;
            try (Writer w = new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8)) {
                rows = write(w);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the move took it, or the folder is gone
                }
            }
        }
    }

    private static String grouped(String digits, boolean cid) {
        if (digits == null) {
            return null;
        }
        try {
            return cid ? ConfirmationId.parse(digits).grouped() : InstallationId.parse(digits).grouped();
        } catch (IdFormatException e) {
            return digits;
        }
    }
}
