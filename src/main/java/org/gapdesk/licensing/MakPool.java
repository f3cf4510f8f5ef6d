package org.gapdesk.licensing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.gapdesk.store.AuditChain;
import org.gapdesk.store.Database;

/**
 * The MAK pool: the administrator records each MAK by its last five characters, its product key group, and the
 * remaining count read at VLSC with the date it was read; every reading is kept. The kiosk counts down locally
 * from the latest reading (see {@link KeyedActivations} for exactly what counts). Only the last five characters
 * of a key are ever accepted or stored. Every change is audited in its own transaction.
 *
 * <p>Recording is an administrator's action: the web and CLI layers check the role before calling.
 */
public final class MakPool {
    /** Largest remaining count accepted. */
    public static final int MAX_REMAINING = 10_000_000;
    /** Longest key group name accepted. */
    public static final int MAX_GROUP = 100;

    private final Database db;
    private final LicensingSettings settings;
    private final MakAlerts alerts;
    private final Clock clock;
    private final ZoneId zone;
    private final MakRepository repo = new MakRepository();
    private final AuditChain audit = new AuditChain();

    /**
     * @param zone the kiosk's time zone: a reading date starts at midnight there
     */
    public MakPool(Database db, LicensingSettings settings, MakAlerts alerts, Clock clock, ZoneId zone) {
        this.db = db;
        this.settings = settings;
        this.alerts = alerts;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * What recording a reading did.
     *
     * @param status the MAK's status after it
     * @param newMak true when the MAK was not in the pool before
     * @param alerts alerts the new count raised (a reading at or below the threshold is a crossing too)
     */
    public record Recorded(MakStatus status, boolean newMak, List<RaisedAlert> alerts) {
        public Recorded {
            alerts = List.copyOf(alerts);
        }
    }

    /**
     * Records a reading of a MAK's remaining count, adding the MAK to the pool when it is new. All text is as a
     * person typed it.
     *
     * @param last5 the last five characters of the MAK; a full product key is refused and never stored or echoed
     * @param keyGroup the product key group (e.g. {@code Windows 10/11 Enterprise}); required for a new MAK; for a
     *     known MAK it may be empty, and must otherwise name the same group
     * @param remaining the remaining count read at VLSC: a whole number from 0 to {@value #MAX_REMAINING}
     * @param readOn when it was read: {@code YYYY-MM-DD} (the count-down starts at midnight of that day, so
     *     activations keyed earlier that day count again: the safe side), or {@code YYYY-MM-DDTHH:MM}; not in the
     *     future
     * @param operator the administrator
     * @throws LicensingInputException when any value is refused (nothing is stored then)
     */
    public Recorded record(String last5, String keyGroup, String remaining, String readOn, String operator) {
        MakKey key = MakKey.parse(last5);
        String group = group(keyGroup);
        int count = count(remaining);
        Instant now = clock.instant();
        LocalDateTime readAt = readOn(readOn, now);
        String who = operator == null ? "" : operator.strip();
        if (who.isEmpty()) {
            throw new LicensingInputException("name the operator recording the reading");
        }
        boolean created = db.inTransaction(c -> {
            Optional<Mak> found = repo.find(c, key, true);
            long makId;
            String detail = "remaining " + count + " read on " + describe(readAt);
            if (found.isEmpty()) {
                if (group == null) {
                    throw new LicensingInputException(key.label() + " is not in the pool yet: name its product key"
                            + " group (e.g. Windows 10/11 Enterprise)");
                }
                makId = repo.insertMak(c, key, group, who, now);
                audit.append(c, now, who, "mak.added", "mak " + key.last5(), "key group " + group + "; " + detail);
            } else {
                Mak mak = found.get();
                if (group != null && !MakPoolSnapshot.sameGroup(group, mak.keyGroup())) {
                    throw new LicensingInputException(key.label() + " is recorded for key group '" + mak.keyGroup()
                            + "'; a MAK belongs to one key group. Leave the group empty to add a reading.");
                }
                makId = mak.id();
                audit.append(c, now, who, "mak.reading", "mak " + key.last5(), detail);
            }
            repo.insertReading(c, makId, count, readAt.toLocalDate(), readAt.atZone(zone).toInstant(), who, now);
            return found.isEmpty();
        });
        List<RaisedAlert> raised = alerts.check(who, key.last5());
        MakStatus status = snapshot().status(key.last5()).orElseThrow();
        return new Recorded(status, created, raised);
    }

    /** The pool as it stands now: statuses, timelines, key groups. One read of the record. */
    public MakPoolSnapshot snapshot() {
        return db.read(c -> repo.snapshot(c, settings.warningThreshold(), clock.instant(), zone));
    }

    /** Every MAK's status, by key group then last five characters. */
    public List<MakStatus> statuses() {
        return snapshot().statuses();
    }

    /** The status of one MAK, if in the pool. */
    public Optional<MakStatus> status(String last5) {
        return snapshot().status(MakKey.parse(last5).last5());
    }

    /** The warning threshold in force. */
    public int threshold() {
        return settings.warningThreshold();
    }

    private static String group(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String g = text.strip().replaceAll("\\s+", " ");
        if (g.length() > MAX_GROUP || g.chars().anyMatch(Character::isISOControl)) {
            throw new LicensingInputException("a key group name is at most " + MAX_GROUP
                    + " characters on one line, e.g. Windows 10/11 Enterprise");
        }
        return g;
    }

    private static int count(String text) {
        String t = text == null ? "" : text.strip().replace(" ", "").replace("_", "");
        if (!t.matches("\\d{1,8}") || Long.parseLong(t) > MAX_REMAINING) {
            throw new LicensingInputException("the remaining count is a whole number from 0 to " + MAX_REMAINING
                    + ", as VLSC shows it");
        }
        return Integer.parseInt(t);
    }

    private LocalDateTime readOn(String text, Instant now) {
        String t = text == null ? "" : text.strip();
        LocalDateTime at;
        try {
            at = t.length() <= 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new LicensingInputException("the date the count was read is YYYY-MM-DD (optionally with a time,"
                    + " YYYY-MM-DDTHH:MM)");
        }
        if (at.getYear() < 2000) {
            throw new LicensingInputException("the date the count was read is before 2000; check the year");
        }
        if (at.atZone(zone).toInstant().isAfter(now)) {
            throw new LicensingInputException("the date the count was read is in the future");
        }
        return at;
    }

    private static String describe(LocalDateTime at) {
        return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.toString();
    }
}
