package org.gapdesk.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gapdesk.store.AuditChain;
import org.gapdesk.store.Database;

/**
 * Rotates the kiosk signing key and records each rotation (time, operator, old and new fingerprint, where the
 * old key went) in the {@code key_event} table and, in the same transaction, in the audit chain.
 *
 * <p>Order: the new key is generated in memory; then, in one transaction, the old key and certificate are
 * copied to {@code keys/retired/<UTC time>/}, the event is inserted, and the new pair is written over the old
 * (both files flushed to temporary names first, then renamed). A failure before the rename rolls the record
 * back and leaves the old key in use. Bundles signed by the old key keep verifying with the old public key;
 * labs must be given the new public key (and its fingerprint on paper) before they can accept new bundles.
 */
public final class KeyRotator {
    private final Database db;
    private final Path keyDir;
    private final String kioskId;
    private final Clock clock;

    /**
     * A rotation that happened.
     *
     * @param key the new key, now in use
     * @param oldFingerprint 64 hex digits of the old key, or null when there was none
     * @param newFingerprint 64 hex digits of the new key
     * @param retiredTo the folder holding the old key and certificate, or null
     * @param at when
     * @param operator who
     */
    public record Rotation(KioskKey key, String oldFingerprint, String newFingerprint, Path retiredTo, Instant at,
            String operator) {
    }

    /**
     * A recorded rotation.
     *
     * @param at when
     * @param operator who
     * @param oldFingerprint 64 hex digits, or null
     * @param newFingerprint 64 hex digits
     * @param retiredTo folder of the old key, or null
     */
    public record KeyEvent(Instant at, String operator, String oldFingerprint, String newFingerprint,
            String retiredTo) {
    }

    /** @param keyDir the kiosk's key folder ({@code HOME/keys}) */
    public KeyRotator(Database db, Path keyDir, String kioskId, Clock clock) {
        this.db = db;
        this.keyDir = keyDir;
        this.kioskId = kioskId;
        this.clock = clock;
    }

    /** Replaces the kiosk key with a new one, keeping the old one in {@code keys/retired/}, and records it. */
    public Rotation rotate(String operator) {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("a key rotation needs an operator name");
        }
        String who = operator.strip().length() > 100 ? operator.strip().substring(0, 100) : operator.strip();
        Instant now = clock.instant();
        KioskKey fresh;
        try {
            fresh = KioskKey.generate(kioskId, now);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a new key: " + e.getMessage(), e);
        }
        String newFp = KeyFingerprint.hex(fresh.publicKey());
        return db.inTransaction(c -> {
            try {
                String oldFp = null;
                Path retired = null;
                if (KioskKey.exists(keyDir)) {
                    oldFp = KeyFingerprint.hex(KioskKey.loadExisting(keyDir).publicKey());
                    retired = KioskKey.retire(keyDir, now);
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO key_event (at, operator, action,"
                        + " old_fingerprint, new_fingerprint, retired_to) VALUES (?, ?, 'ROTATED', ?, ?, ?)")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setString(2, who);
                    ps.setString(3, oldFp);
                    ps.setString(4, newFp);
                    ps.setString(5, retired == null ? null : retired.toString());
                    ps.executeUpdate();
                }
                new AuditChain().append(c, now, who, "key.rotated", "kiosk key",
                        (oldFp == null ? "first key" : "old fingerprint " + oldFp) + " -> new fingerprint " + newFp);
                fresh.save(keyDir);
                return new Rotation(fresh, oldFp, newFp, retired, now, who);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rotate the key in " + keyDir + ": " + e.getMessage(), e);
            }
        });
    }

    /** Every recorded rotation, oldest first. */
    public List<KeyEvent> history() {
        return db.read(c -> {
            List<KeyEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT at, operator, old_fingerprint, new_fingerprint,"
                    + " retired_to FROM key_event ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new KeyEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        });
    }
}
