package org.gapdesk.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import org.gapdesk.Kiosk;
import org.gapdesk.intake.IntakeLimits;
import org.gapdesk.intake.UsbDrives;

/**
 * The kiosk's HTTP server: pages and API over one {@link Kiosk}. Binds where it is told (127.0.0.1 by default).
 *
 * <p>Pages: overview ({@code /}), operator chooser ({@code /operator}), import ({@code /import}, from USB
 * drives or upload, preview, confirm), requests ({@code /requests}, {@code /requests/{id}}). API under
 * {@code /api}: {@code POST /api/import/preview}, {@code POST /api/import/commit}, {@code GET /api/requests}.
 * Every answer carries a strict content security policy; errors are JSON under {@code /api} and pages
 * elsewhere; bad input is never a 500.
 */
public final class WebServer {
    /** Most bytes held for previews at once, and the largest upload. */
    static final long MAX_HELD_BYTES = 64L << 20;
    /** How long a preview is held for its confirmation. */
    static final Duration PREVIEW_TTL = Duration.ofMinutes(30);

    private final Kiosk kiosk;
    private final OperatorResolver operators;
    private Javalin app;

    /** A server whose operator is a name chosen at the kiosk, kept in a cookie. */
    public WebServer(Kiosk kiosk) {
        this(kiosk, new CookieOperatorResolver());
    }

    /** A server that asks {@code operators} who is acting. */
    public WebServer(Kiosk kiosk, OperatorResolver operators) {
        this.kiosk = kiosk;
        this.operators = operators;
    }

    /**
     * Starts serving.
     *
     * @param host address to bind, e.g. {@code 127.0.0.1}
     * @param port port, or 0 for any free port
     * @return the port bound
     */
    public int start(String host, int port) {
        IntakeLimits limits = kiosk.intake().limits();
        Pages pages = new Pages(kiosk.config().site(), operators, new Templates());
        WebErrors errors = new WebErrors(pages, limits.maxFileBytes(), MAX_HELD_BYTES);
        PendingImports pending = new PendingImports(MAX_HELD_BYTES, PREVIEW_TTL, Clock.systemUTC());
        UsbDrives usb = UsbDrives.of(kiosk.config().site().usbRoots(), limits);

        app = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson());
            config.jetty.multipartConfig.maxFileSize(limits.maxFileBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(MAX_HELD_BYTES + (1L << 20), SizeUnit.BYTES);
            config.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/static";
                s.location = Location.CLASSPATH;
            });
            config.routes.before(SecurityHeaders::apply);

            new OverviewPage(pages, kiosk.requests()).register(config.routes);
            new OperatorPages(pages).register(config.routes);
            new ImportPages(pages, kiosk.intake(), usb, pending).register(config.routes);
            new RequestPages(pages, kiosk.requests()).register(config.routes);
            new ImportApi(pages, kiosk.intake(), MAX_HELD_BYTES).register(config.routes);
            new RequestApi(kiosk.requests()).register(config.routes);

            config.routes.exception(OperatorRequiredException.class, errors::operatorRequired);
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> errors.respond(ctx, 400,
                    e.getMessage()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> errors.respond(ctx, e.getStatus(),
                    e.getMessage()));
            config.routes.exception(Exception.class, errors::unexpected);
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().equals("Not Found")) {
                    errors.respond(ctx, 404, "there is no page at " + ctx.path());
                }
            });
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
