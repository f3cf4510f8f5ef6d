package org.gapdesk.web;

import io.javalin.Javalin;
import org.gapdesk.Kiosk;

/** The kiosk's HTTP server: pages and API over one {@link Kiosk}. Binds where it is told (127.0.0.1 by default). */
public final class WebServer {
    private final Kiosk kiosk;
    private Javalin app;

    public WebServer(Kiosk kiosk) {
        this.kiosk = kiosk;
    }

    /**
     * Starts serving.
     *
     * @param host address to bind, e.g. {@code 127.0.0.1}
     * @param port port, or 0 for any free port
     * @return the port bound
     */
    public int start(String host, int port) {
        app = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.routes.get("/", ctx -> ctx.result(kiosk.config().site().siteName()));
        }).start();
        return app.port();
    }

    /** Stops serving. */
    public void stop() {
        if (app != null) {
            app.stop();
        }
    }
}
