package org.gapdesk.bundle;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gapdesk.activation.RequestState;
import org.gapdesk.signing.KeyFingerprint;
import org.gapdesk.signing.KioskKey;
import org.gapdesk.store.Database;
import org.gapdesk.store.RequestRepository;

/**
 * Keeps the record of a bundle through an export: reserves the lab's next sequence (before any byte is
 * written), then marks the bundle written, moving its requests to exported, or failed.
 */
final class BundleLedger {
    private static final int RESERVE_ATTEMPTS = 5;

    private final Database db;
    private final BundleRepository bundles;
    private final RequestRepository requests;
    private final String kioskId;
    private final Clock clock;

    BundleLedger(Database db, BundleRepository bundles, RequestRepository requests, String kioskId, Clock clock) {
        this.db = db;
        this.bundles = bundles;
        this.requests = requests;
        this.kioskId = kioskId;
        this.clock = clock;
    }

    /** A bundle on record as {@link BundleStatus#RESERVED}, rendered and signed. */
    record Reserved(long id, BundleHeader header, BundleBuilder.Built built, List<BundleEntry> entries) {
        String label() {
            return header.lab() + " #" + header.sequence();
        }
    }

    /** The requests moved to exported, and those that changed while the bundle was written. */
    record Finished(List<Long> moved, List<Long> changed) {
    }

    /**
     * In one transaction: allocates the lab's next sequence, renders and signs the bundle and records it as
     * reserved with its entries. Retries with the next number when another kiosk took this one.
     */
    Reserved reserve(String lab, Long batchId, String operator, List<BundleEntry> entries, KioskKey k) {
        String fingerprint = KeyFingerprint.hex(k.publicKey());
        for (int attempt = 1;; attempt++) {
            try {
                return db.inTransaction(c -> {
                    long sequence = bundles.lastAllocated(c, lab) + 1;
                    BundleHeader h = new BundleHeader(kioskId, fingerprint, lab, sequence, clock.instant());
                    BundleBuilder.Built b = BundleBuilder.build(h, entries, k::sign);
                    long id = bundles.insertReserved(c, h, batchId, operator, b.manifestSha256(),
                            b.files().raw(BundleFormat.SIGNATURE), entries);
                    return new Reserved(id, h, b, entries);
                });
            } catch (RuntimeException e) {
                if (attempt >= RESERVE_ATTEMPTS || !isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * In one transaction: locks the requests, moves each still confirmed with the same CID to exported and
     * marks the bundle {@link BundleStatus#WRITTEN}.
     *
     * @throws RuntimeException when the transaction fails, or the bundle is no longer reserved
     */
    Finished markWritten(Reserved r, String destination, String operator) {
        return db.inTransaction(c -> {
            List<BundleEntry> entries = r.entries();
            Map<Long, BundleRepository.Locked> locked = bundles.lockRequests(c, r.id());
            Instant now = clock.instant();
            String detail = "exported in bundle " + r.label();
            List<Long> moved = new ArrayList<>();
            List<Long> changed = new ArrayList<>();
            for (BundleEntry e : entries) {
                BundleRepository.Locked l = locked.get(e.requestId());
                if (l != null && RequestState.CONFIRMED.name().equals(l.state())
                        && e.confirmationId().equals(l.cid())) {
                    moved.add(e.requestId());
                } else {
                    changed.add(e.requestId());
                }
            }
            requests.changeStates(c, moved, RequestState.CONFIRMED, RequestState.EXPORTED, now, operator, detail);
            if (!bundles.finish(c, r.id(), BundleStatus.WRITTEN, destination, null, now)) {
                throw new IllegalStateException("bundle " + r.label() + " is no longer reserved");
            }
            return new Finished(moved, changed);
        });
    }

    /** Marks the bundle {@link BundleStatus#FAILED} with the reason; if even that fails it stays reserved. */
    void markFailed(Reserved r, String why) {
        try {
            db.inTransaction(c -> bundles.finish(c, r.id(), BundleStatus.FAILED, null, why, clock.instant()));
        } catch (RuntimeException ignored) {
            // The bundle stays RESERVED: its number is spent all the same and no request was moved.
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
