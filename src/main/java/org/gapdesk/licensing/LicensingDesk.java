package org.gapdesk.licensing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.gapdesk.config.KioskConfig;
import org.gapdesk.mail.MailSettings;
import org.gapdesk.store.Database;

/**
 * The licensing desk of one kiosk: MAK pool, alerts, flags and advice over one record, with the settings of
 * {@code licensing.json} and the mail relay of {@code mail.json}.
 *
 * <pre>{@code
 * LicensingDesk desk = LicensingDesk.open(kiosk.database(), kiosk.config(), kiosk.home().config(),
 *         Clock.systemUTC(), ZoneId.systemDefault());
 * desk.pool().record("3V66T", "Windows 10/11 Enterprise", "250", "2026-11-02", "admin");
 * desk.alerts().check(operator);            // after a CID is stored
 * desk.flags().flagsForAll(requests);       // badges on a list
 * desk.advisor().advice();                  // per lab
 * }</pre>
 */
public final class LicensingDesk {
    private final LicensingSettings settings;
    private final MakPool pool;
    private final MakAlerts alerts;
    private final LicensingFlags flags;
    private final LicensingAdvisor advisor;

    /** Wires the desk from explicit settings. */
    public LicensingDesk(Database db, KioskConfig config, LicensingSettings settings, MailSettings mail, Clock clock,
            ZoneId zone) {
        this.settings = settings;
        this.alerts = new MakAlerts(db, settings, mail, config.site(), clock, zone);
        this.pool = new MakPool(db, settings, alerts, clock, zone);
        this.flags = new LicensingFlags(pool::snapshot, config.catalog());
        this.advisor = new LicensingAdvisor(db, config);
    }

    /**
     * Opens the desk, reading {@code licensing.json} and {@code mail.json} from the kiosk's configuration folder.
     *
     * @param zone the kiosk's time zone, for reading dates and day boundaries
     */
    public static LicensingDesk open(Database db, KioskConfig config, Path configDir, Clock clock, ZoneId zone) {
        return new LicensingDesk(db, config, LicensingSettings.load(configDir), MailSettings.load(configDir), clock,
                zone);
    }

    public LicensingSettings settings() {
        return settings;
    }

    public MakPool pool() {
        return pool;
    }

    public MakAlerts alerts() {
        return alerts;
    }

    public LicensingFlags flags() {
        return flags;
    }

    public LicensingAdvisor advisor() {
        return advisor;
    }
}
