package org.gapdesk.cli;

import java.io.PrintWriter;
import java.net.BindException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.gapdesk.Kiosk;
import org.gapdesk.config.SiteSettings;
import org.gapdesk.demo.DemoLab;
import org.gapdesk.intake.ImportResult;
import org.gapdesk.web.WebServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gapdesk serve}: opens the kiosk, starts the web server, prints its address and runs until stopped
 * (Ctrl-C or a termination signal; a shutdown hook stops the server and closes the database cleanly).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the kiosk: open the home folder's database and serve the pages.",
                "Prints the address to open, e.g. http://127.0.0.1:7878/, and runs until Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    GapdeskCommand parent;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N",
            description = "Port to listen on; 0 picks a free one (default: site.json port, 7878).")
    Integer port;

    @Option(names = "--host", paramLabel = "H",
            description = "Address to bind (default: site.json bindHost, 127.0.0.1: this computer only).")
    String host;

    @Option(names = "--demo", description = "Load the demo lab first (synthetic data; loading it again adds nothing).")
    boolean demo;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CompletableFuture<RunningKiosk> started = new CompletableFuture<>();

    /** A started kiosk: its web server and database. Closing stops the server, then closes the database. */
    public static final class RunningKiosk implements AutoCloseable {
        private final Kiosk kiosk;
        private final WebServer server;
        private final String url;
        private final int port;
        private boolean closed;

        RunningKiosk(Kiosk kiosk, WebServer server, String url, int port) {
            this.kiosk = kiosk;
            this.server = server;
            this.url = url;
            this.port = port;
        }

        /** The address to open in a browser, ending in {@code /}. */
        public String url() {
            return url;
        }

        /** The port bound. */
        public int port() {
            return port;
        }

        public Kiosk kiosk() {
            return kiosk;
        }

        /** Stops the server and closes the database; later calls do nothing. */
        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                server.stop();
            } finally {
                kiosk.close();
            }
        }
    }

    /**
     * Opens the kiosk (its database migrating while the web server starts), loads the demo when asked, starts the
     * web server, waits for the migrations (a database in use elsewhere fails here) and loads the signing key or
     * starts generating it in the background.
     * The caller owns the result and must close it.
     */
    public RunningKiosk start() {
        WebServer.warmUpInBackground();
        Kiosk kiosk = parent.openKioskForServing();
        WebServer server = null;
        try {
            PrintWriter out = spec.commandLine().getOut();
            SiteSettings site = kiosk.config().site();
            if (demo) {
                Optional<ImportResult> result = DemoLab.load(kiosk);
                out.println(result.isPresent() ? "Demo lab loaded: " + result.get().preview().summary() + "."
                        : "Demo lab already loaded in this home folder; nothing imported.");
            }
            String bindHost = host != null ? host : site.bindHost();
            int wanted = port != null ? port : site.port();
            server = new WebServer(kiosk);
            int bound;
            try {
                bound = server.start(bindHost, wanted);
            } catch (RuntimeException e) {
                if (CliErrors.causedBy(e, BindException.class)) {
                    throw new CliException("cannot listen on " + bindHost + " port " + wanted
                            + ": the address is in use or not this computer's (is Gapdesk already running?"
                            + " choose another --port)");
                }
                throw e;
            }
            kiosk.database().awaitMigrations();
            kiosk.prepareKey();
            return new RunningKiosk(kiosk, server, url(bindHost, bound), bound);
        } catch (RuntimeException e) {
            if (server != null) {
                server.stop();
            }
            kiosk.close();
            throw e;
        }
    }

    /** Runs until {@link #stop()} or JVM shutdown. */
    @Override
    public Integer call() {
        RunningKiosk running;
        try {
            running = start();
        } catch (RuntimeException e) {
            started.completeExceptionally(e);
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Gapdesk is serving " + running.kiosk().home().root() + " at " + running.url());
        if (host != null && isWildcard(host)) {
            out.println("Listening on every network interface of this computer, as --host " + host + " asked.");
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        Thread hook = new Thread(() -> {
            running.close();
            stopRequested.countDown();
        }, "gapdesk-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        started.complete(running);
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is already running and closes the kiosk itself.
        }
        running.close();
        out.println("Gapdesk stopped.");
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    /** Completes with the running kiosk once {@link #call()} has started it (or fails as it failed). */
    public CompletableFuture<RunningKiosk> started() {
        return started;
    }

    /** Asks a running {@link #call()} to stop the server, close the database and return. */
    public void stop() {
        stopRequested.countDown();
    }

    /** The browser address for a bound host and port: 127.0.0.1 for a wildcard bind, brackets for IPv6. */
    static String url(String host, int port) {
        String h = isWildcard(host) ? "127.0.0.1" : host;
        if (h.indexOf(':') >= 0 && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return "http://" + h + ":" + port + "/";
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }
}
