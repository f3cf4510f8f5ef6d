package org.gapdesk.licensing;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gapdesk.store.GeneratedKeys;

/** Reads and writes the MAK pool tables. Every method takes the caller's connection. */
final class MakRepository {
    private static final String MAK_COLUMNS = "id, last5, key_group, added_by, added_at";
    private static final String ALERT_COLUMNS = "a.id, m.last5, m.key_group, a.remaining, a.threshold, a.raised_by,"
            + " a.raised_at, a.mail_status, a.mail_detail";

    Optional<Mak> find(Connection c, MakKey key, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MAK_COLUMNS + " FROM mak WHERE last5 = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, key.last5());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mak(rs)) : Optional.empty();
            }
        }
    }

    List<Mak> all(Connection c) throws SQLException {
        List<Mak> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MAK_COLUMNS + " FROM mak ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(mak(rs));
            }
        }
        return out;
    }

    long insertMak(Connection c, MakKey key, String keyGroup, String operator, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mak (last5, key_group, low_alerted, added_by,"
                + " added_at) VALUES (?, ?, FALSE, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, key.last5());
            ps.setString(2, keyGroup);
            ps.setString(3, operator);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.executeUpdate();
            return GeneratedKeys.of(ps);
        }
    }

    long insertReading(Connection c, long makId, int remaining, LocalDate readOn, Instant readAt, String operator,
            Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mak_reading (mak_id, remaining, read_on, read_at,"
                + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, makId);
            ps.setInt(2, remaining);
            ps.setDate(3, Date.valueOf(readOn));
            ps.setTimestamp(4, Timestamp.from(readAt));
            ps.setString(5, operator);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.executeUpdate();
            return GeneratedKeys.of(ps);
        }
    }

    List<MakReading> readings(Connection c) throws SQLException {
        List<MakReading> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.id, m.last5, r.remaining, r.read_on, r.read_at,"
                + " r.recorded_by, r.recorded_at FROM mak_reading r JOIN mak m ON m.id = r.mak_id ORDER BY r.id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new MakReading(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getDate(4).toLocalDate(),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getTimestamp(7).toInstant()));
            }
        }
        return out;
    }

    /** The pool with its statuses as the record holds it now. */
    MakPoolSnapshot snapshot(Connection c, int threshold, Instant now, ZoneId zone) throws SQLException {
        return new MakPoolSnapshot(all(c), readings(c), KeyedActivations.load(c), threshold, now, zone);
    }

    /** A snapshot holding only {@code mak}: reads only what counts against it. */
    MakPoolSnapshot snapshot(Connection c, Mak mak, int threshold, Instant now, ZoneId zone) throws SQLException {
        List<MakReading> readings = readings(c).stream().filter(r -> r.last5().equals(mak.last5())).toList();
        return new MakPoolSnapshot(List.of(mak), readings, KeyedActivations.load(c, mak.last5()), threshold, now,
                zone);
    }

    /** Locks the MAK's row and says whether a low alert was raised since it was last above the threshold. */
    boolean lockLowAlerted(Connection c, long makId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT low_alerted FROM mak WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, makId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no MAK with id " + makId);
                }
                return rs.getBoolean(1);
            }
        }
    }

    void setLowAlerted(Connection c, long makId, boolean alerted) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE mak SET low_alerted = ? WHERE id = ?")) {
            ps.setBoolean(1, alerted);
            ps.setLong(2, makId);
            ps.executeUpdate();
        }
    }

    long insertAlert(Connection c, long makId, long readingId, long remaining, int threshold, String operator,
            Instant now, MakAlert.MailStatus status, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mak_alert (mak_id, reading_id, remaining,"
                + " threshold, raised_by, raised_at, mail_status, mail_detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, makId);
            ps.setLong(2, readingId);
            ps.setLong(3, remaining);
            ps.setInt(4, threshold);
            ps.setString(5, operator);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setString(7, status.name());
            ps.setString(8, clip(detail));
            ps.executeUpdate();
            return GeneratedKeys.of(ps);
        }
    }

    void setAlertMail(Connection c, long alertId, MakAlert.MailStatus status, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE mak_alert SET mail_status = ?, mail_detail = ? WHERE id = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, clip(detail));
            ps.setLong(3, alertId);
            ps.executeUpdate();
        }
    }

    Optional<MakAlert> alert(Connection c, long id) throws SQLException {
        List<MakAlert> found = alerts(c, "WHERE a.id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    List<MakAlert> latestAlerts(Connection c, int limit) throws SQLException {
        return alerts(c, "ORDER BY a.id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY");
    }

    private List<MakAlert> alerts(Connection c, String tail, Object... args) throws SQLException {
        List<MakAlert> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ALERT_COLUMNS
                + " FROM mak_alert a JOIN mak m ON m.id = a.mak_id " + tail)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MakAlert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant(),
                            MakAlert.MailStatus.valueOf(rs.getString(8)), rs.getString(9)));
                }
            }
        }
        return out;
    }

    private static Mak mak(ResultSet rs) throws SQLException {
        return new Mak(rs.getLong(1), new MakKey(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
