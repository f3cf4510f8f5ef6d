package org.gapdesk.licensing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.gapdesk.config.SiteSettings;
import org.gapdesk.mail.MailResult;
import org.gapdesk.mail.MailSettings;
import org.gapdesk.mail.Mailer;
import org.gapdesk.store.AuditChain;
import org.gapdesk.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Low-count alerts. A MAK <em>crosses</em> when its local count falls to the warning threshold or below while it
 * was above (or had never been checked). Each crossing is recorded once, with an audit entry, in the transaction
 * that notices it (a row lock on the MAK makes two kiosks or operators noticing it at once raise it once), and
 * then mailed once on a background thread through the site relay ({@code mail.json}) to the alert recipients of
 * {@code licensing.json}, or else to the relay's own recipients. A MAK whose count rises above the threshold
 * again (a new reading) is re-armed and alerts again at its next crossing. Nothing here blocks the desk or
 * throws for a mail problem: the outcome is written to the alert's record.
 */
public final class MakAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(MakAlerts.class);

    private final Database db;
    private final LicensingSettings settings;
    private final MailSettings mail;
    private final SiteSettings site;
    private final Clock clock;
    private final ZoneId zone;
    private final MakRepository repo = new MakRepository();
    private final AuditChain audit = new AuditChain();

    public MakAlerts(Database db, LicensingSettings settings, MailSettings mail, SiteSettings site, Clock clock,
            ZoneId zone) {
        this.db = db;
        this.settings = settings;
        this.mail = withRecipients(mail, settings.alertRecipients());
        this.site = site;
        this.clock = clock;
        this.zone = zone;
    }

    /** The relay settings alerts are sent with (recipients from {@code licensing.json} when it names any). */
    public MailSettings mailSettings() {
        return mail;
    }

    /**
     * Raises an alert for every MAK that has crossed the threshold since the last check and re-arms every MAK that
     * is above it again. Reads every activation: after a single CID, {@link #check(String, String)} is cheaper.
     *
     * @param operator whose action prompted the check (recorded on the alert and in the audit log)
     * @return the alerts raised now (usually none)
     */
    public List<RaisedAlert> check(String operator) {
        return check(operator, c -> repo.snapshot(c, settings.warningThreshold(), clock.instant(), zone));
    }

    /**
     * As {@link #check(String)} for the one MAK whose last five characters are {@code partialKey}: the check to
     * run after a CID is stored for a request with that partial key. Returns at once, after one indexed read,
     * when the key is null or not in the pool.
     */
    public List<RaisedAlert> check(String operator, String partialKey) {
        String key = MakPoolSnapshot.normalKey(partialKey);
        if (key == null || !key.matches("[A-Z0-9]{5}")) {
            return List.of();
        }
        Optional<Mak> mak = db.read(c -> repo.find(c, new MakKey(key), false));
        if (mak.isEmpty()) {
            return List.of();
        }
        return check(operator, c -> repo.snapshot(c, mak.get(), settings.warningThreshold(), clock.instant(), zone));
    }

    private List<RaisedAlert> check(String operator, Database.Work<MakPoolSnapshot> snapshot) {
        String who = operator == null || operator.isBlank() ? "system" : operator.strip();
        List<MakAlert> raised = db.inTransaction(c -> {
            Instant now = clock.instant();
            MakPoolSnapshot pool = snapshot.run(c);
            Map<Long, Boolean> alerted = lowAlerted(c);
            List<MakAlert> out = new ArrayList<>();
            for (MakStatus s : pool.statuses()) {
                long id = s.mak().id();
                boolean warns = s.level().warns();
                if (warns == alerted.getOrDefault(id, false)) {
                    continue;
                }
                if (warns == repo.lockLowAlerted(c, id)) {
                    continue; // another check got there first
                }
                repo.setLowAlerted(c, id, warns);
                String subject = "mak " + s.last5();
                if (warns) {
                    boolean on = mail.enabled();
                    long alertId = repo.insertAlert(c, id, s.latest().id(), s.remainingNow(), s.threshold(), who, now,
                            on ? MakAlert.MailStatus.PENDING : MakAlert.MailStatus.NOT_SENT,
                            on ? null : mail.describe());
                    audit.append(c, now, who, "mak.low-alert", subject, s.summary());
                    out.add(repo.alert(c, alertId).orElseThrow());
                } else {
                    audit.append(c, now, who, "mak.alert-rearmed", subject, "above the warning threshold of "
                            + s.threshold() + " again: " + s.summary());
                }
            }
            return out;
        });
        List<RaisedAlert> result = new ArrayList<>();
        for (MakAlert a : raised) {
            LOG.warn("{}", a.summary());
            result.add(new RaisedAlert(a, send(a)));
        }
        return result;
    }

    /** The newest alerts, newest first. */
    public List<MakAlert> recent(int limit) {
        return db.read(c -> repo.latestAlerts(c, limit));
    }

    private CompletableFuture<MailResult> send(MakAlert a) {
        if (!mail.enabled()) {
            return CompletableFuture.completedFuture(new MailResult(false, mail.describe()));
        }
        return new Mailer(mail, clock).sendInBackground(subject(a), body(a), List.of()).handle((r, e) -> {
            MailResult outcome = e == null ? r : new MailResult(false, "mail not sent: " + e.getMessage());
            try {
                db.inTransaction(c -> {
                    repo.setAlertMail(c, a.id(), outcome.sent() ? MakAlert.MailStatus.SENT
                            : MakAlert.MailStatus.NOT_SENT, outcome.message());
                    return null;
                });
            } catch (RuntimeException ex) {
                LOG.warn("could not record the mail outcome of MAK alert {}: {}", a.id(), ex.toString());
            }
            return outcome;
        });
    }

    String subject(MakAlert a) {
        return "MAK ending " + a.last5() + " is low: " + a.remaining() + " remaining (" + a.keyGroup() + ")";
    }

    String body(MakAlert a) {
        return "The MAK ending " + a.last5() + " (key group " + a.keyGroup() + ") has " + a.remaining()
                + " activations remaining by the kiosk's local count: at or below the warning threshold of "
                + a.threshold() + ".\n\n"
                + "The kiosk counts down from the remaining count last read at VLSC, one activation per Installation"
                + " ID whose Confirmation ID was keyed in; CIDs reused from the store spend nothing. The true count is"
                + " only visible at VLSC (or VAMT).\n\n"
                + "What to do: read the count at VLSC and record it at the kiosk (MAK pool, or"
                + " gapdesk mak add --last5 " + a.last5() + " --remaining N --read-on YYYY-MM-DD), or ask Microsoft"
                + " for more activations on this key.\n\n"
                + "Site:     " + site.siteName() + "\n"
                + "Kiosk:    " + site.kioskId() + "\n"
                + "Raised:   " + a.raisedAt() + " by " + a.raisedBy() + "\n\n"
                + "This alert is sent once for this crossing. Sent by Gapdesk.\n";
    }

    private static Map<Long, Boolean> lowAlerted(Connection c) throws SQLException {
        Map<Long, Boolean> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, low_alerted FROM mak");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getBoolean(2));
            }
        }
        return out;
    }

    /** {@code mail} with other recipients, everything else (relay, sender, timeouts) unchanged. */
    static MailSettings withRecipients(MailSettings mail, List<String> recipients) {
        if (recipients.isEmpty() || !mail.enabled()) {
            return mail;
        }
        return new MailSettings(mail.enabled(), mail.host(), mail.port(), mail.starttls(), mail.username(),
                mail.password(), mail.from(), recipients, mail.timeoutSeconds(), mail.problem());
    }
}
