package org.gapdesk.bench;

import java.nio.file.Path;
import java.time.Clock;
import org.gapdesk.Kiosk;
import org.gapdesk.config.KioskHome;
import org.gapdesk.web.WebServer;

/**
 * A kiosk opened in a fresh folder (a temporary database, never a kiosk's own) and served on the loopback
 * address, for one or more runs of the load benchmark. Operator secrets are hashed with the iteration count
 * given (sign-in is not measured).
 */
public final class ServedKiosk implements AutoCloseable {
    private final Kiosk kiosk;
    private final WebServer server;
    private final String url;

    private ServedKiosk(Kiosk kiosk, WebServer server, int port) {
        this.kiosk = kiosk;
        this.server = server;
        this.url = "http://127.0.0.1:" + port + "/";
    }

    /** Opens the kiosk in {@code home} and starts serving it on 127.0.0.1 (any free port). */
    public static ServedKiosk open(Path home, int secretIterations) {
        Kiosk kiosk = Kiosk.open(KioskHome.of(home), Clock.systemUTC(), secretIterations);
        try {
            kiosk.key(); // a serving kiosk has its key (serve makes it at start): exports measure exporting
            WebServer server = new WebServer(kiosk);
            return new ServedKiosk(kiosk, server, server.start("127.0.0.1", 0));
        } catch (RuntimeException e) {
            kiosk.close();
            throw e;
        }
    }

    /** Runs the benchmark once against this kiosk. */
    public LoadResult run(LoadSettings settings) {
        return new LoadBench(kiosk, url, settings).run();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            kiosk.close();
        }
    }
}
