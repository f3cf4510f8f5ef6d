package org.gapdesk.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.ParsedEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.LocalConnector;
import org.gapdesk.Kiosk;
import org.gapdesk.batch.BatchService;
import org.gapdesk.config.KioskConfig;
import org.gapdesk.intake.IntakeLimits;
import org.gapdesk.intake.UsbDrives;

/**
 * The kiosk's HTTP server: pages and API over one {@link Kiosk}. Binds where it is told (127.0.0.1 by default).
 *
 * <p>Pages: overview ({@code /}); sign-in ({@code /signin}, {@code /setup} on first start, {@code /signout},
 * {@code /session/status} and {@code /session/ping} for the idle timeout); import ({@code /import}, from USB
 * drives or upload, preview, confirm) and QR ({@code /qr}); requests ({@code /requests}, {@code /requests/{id}});
 * batches and worksheets ({@code /batches}, {@code /batches/{id}}, its {@code worksheet.pdf}, mail, close); call
 * mode ({@code /call}, {@code /batches/{id}/call}); bundles ({@code /bundles}); receipts ({@code /receipts}); lab
 * toolkit ({@code /toolkit}); kiosk key ({@code /key}, its PEM files); dashboard ({@code /dashboard},
 * {@code /advice}, {@code /export/record.csv}); audit ({@code /audit}, {@code /audit/export.csv}); admins only:
 * operators ({@code /admin/operators}), MAK pool ({@code /admin/mak}), key rotation ({@code /admin/key/rotate}).
 * API under {@code /api}: import ({@code POST /api/import/preview}, {@code /commit}), {@code GET /api/requests},
 * {@code POST /api/confirm}, bundles ({@code POST /api/bundles}, {@code GET /api/bundles/{file}}), receipts
 * ({@code POST /api/receipts/preview}, {@code /commit}), QR ({@code POST /api/qr/frame}, {@code /lines},
 * {@code GET /api/qr/status}).
 * Every request first passes {@link AccessGate} (host, sign-in, CSRF token, admin role); every answer carries a
 * strict content security policy; errors are JSON under {@code /api} and pages elsewhere; bad input is never a
 * 500.
 */
public final class WebServer {
    /** Most bytes held for previews at once, and the largest upload. */
    static final long MAX_HELD_BYTES = 64L << 20;
    /** How long a preview is held for its confirmation. */
    static final Duration PREVIEW_TTL = Duration.ofMinutes(30);

    private static final AtomicBoolean WARMING_UP = new AtomicBoolean();

    private final Kiosk kiosk;
    private final SessionOperatorResolver operators;
    private Javalin app;

    /** A server whose operators sign in with their name and secret; sessions and time come from the kiosk. */
    public WebServer(Kiosk kiosk) {
        this.kiosk = kiosk;
        this.operators = new SessionOperatorResolver(kiosk.sessions(), kiosk.operators());
    }

    /**
     * Starts {@link #warmUp()} on a daemon thread, once per process: later calls do nothing. {@code serve} calls it as
     * early as it can, before the command line is even parsed.
     */
    public static void warmUpInBackground() {
        if (WARMING_UP.compareAndSet(false, true)) {
            Thread warmUp = new Thread(WebServer::warmUp, "gapdesk-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
    }

    /**
     * Loads and initialises the web stack (Javalin, Jetty, the compiled templates) and the configuration reader, and
     * answers one request in memory (Jetty's {@link LocalConnector}: no socket is opened), without reading anything
     * of a home folder. Most of a start is class loading; {@code serve} runs this on a second thread while the
     * command line is parsed and the record opens.
     */
    public static void warmUp() {
        KioskConfig.defaults(); // reading the configuration (Jackson) comes first in a start
        new Templates();
        LocalConnector[] local = new LocalConnector[1];
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.addConnector((server, http) -> local[0] = new LocalConnector(server));
            config.routes.before(SecurityHeaders::apply);
            config.routes.get("/", ctx -> ctx.html("<!DOCTYPE html><p>warm</p>"));
        });
        try {
            app.start();
            local[0].getResponse("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        } catch (Exception e) {
            // only a warm-up: the real start reports its own failures
        } finally {
            app.stop();
        }
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
        Clock clock = kiosk.clock();
        Pages pages = new Pages(kiosk.config().site(), operators, new Templates(), kiosk.sessions().idleTimeout());
        WebErrors errors = new WebErrors(pages, limits.maxFileBytes(), MAX_HELD_BYTES);
        PendingImports pending = new PendingImports(MAX_HELD_BYTES, PREVIEW_TTL, clock);
        AccessGate gate = new AccessGate(operators, kiosk.operators(), new HostCheck(host));
        UsbDrives usb = UsbDrives.of(kiosk.config().site().usbRoots(), limits);
        BatchService batches = new BatchService(kiosk.database(), clock);

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
            config.routes.before(gate::check);

            new OverviewPage(pages, kiosk.requests()).register(config.routes);
            new SignInPages(pages, operators, kiosk.operators(), new SignInThrottle(clock), clock)
                    .register(config.routes);
            new OperatorPages(pages, kiosk.operators()).register(config.routes);
            new AuditPages(pages, kiosk.audit()).register(config.routes);
            new ImportPages(pages, kiosk.intake(), usb, pending, kiosk.licensing().flags(), batches)
                    .register(config.routes);
            new RequestPages(pages, kiosk.requests(), kiosk.audit(), kiosk.licensing().flags())
                    .register(config.routes);
            new ImportApi(pages, kiosk.intake(), MAX_HELD_BYTES).register(config.routes);
            new RequestApi(kiosk.requests()).register(config.routes);
            new BatchRoutes(pages, kiosk, batches).register(config.routes);
            new BundleRoutes(pages, kiosk).register(config.routes);
            new LicensingRoutes(pages, kiosk).register(config.routes);
            new QrRoutes(pages, kiosk, pending).register(config.routes);

            config.routes.exception(HostCheck.HostRefusedException.class, errors::hostRefused);
            config.routes.exception(SeeOther.class, (e, ctx) -> ctx.redirect(e.location(), HttpStatus.SEE_OTHER));
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

    /** Every registered route as {@code METHOD path}, e.g. {@code POST /import/commit} (tests walk them). */
    List<String> routes() {
        List<String> out = new ArrayList<>();
        for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
            out.add(e.endpoint.method.name() + " " + e.endpoint.path);
        }
        return out;
    }

    /** Stops serving. */
    public void stop() {
        if (app != null) {
            app.stop();
        }
    }
}
