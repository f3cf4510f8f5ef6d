package org.gapdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gapdesk.activation.RequestState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    @TempDir
    Path home;

    @Test
    void servesOnAFreePortWithTheDemoAndStopsCleanly() throws Exception {
        CommandLine cl = GapdeskCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        ServeCommand serve = cl.getSubcommands().get("serve").getCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cl.execute("--home", home.toString(), "serve", "--port", "0", "--demo"));

        ServeCommand.RunningKiosk running = serve.started().get(60, TimeUnit.SECONDS);
        try {
            assertTrue(running.url().matches("http://127\\.0\\.0\\.1:\\d+/"), running.url());
            assertTrue(running.port() > 0);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(running.url()))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(page.statusCode() < 500, "status " + page.statusCode());
            assertEquals(1, running.kiosk().requests().list(null, RequestState.CONFIRMED, null, 10).size());
        } finally {
            serve.stop();
        }
        assertEquals(0, exit.get(60, TimeUnit.SECONDS), err.toString());
        assertTrue(out.toString().contains("Demo lab loaded: 35 new, 1 CID reused from store"), out.toString());
        assertTrue(out.toString().contains("at " + running.url()), out.toString());
        assertTrue(out.toString().contains("Gapdesk stopped."), out.toString());
    }

    @Test
    void startReturnsTheRunningServerForTheCaller() throws Exception {
        CommandLine cl = GapdeskCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.parseArgs("--home", home.toString(), "serve", "--port", "0", "--host", "127.0.0.1");
        ServeCommand serve = cl.getSubcommands().get("serve").getCommand();
        try (ServeCommand.RunningKiosk running = serve.start()) {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(running.url()))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
            assertTrue(r.statusCode() < 500, "status " + r.statusCode());
        }
    }

    @Test
    void theServeOnlyCommandLineTakesTheHomeBeforeOrAfterServeAndHelpsAlike() throws Exception {
        for (String[] args : List.of(new String[] {"--home", home.toString(), "serve", "--port", "0"},
                new String[] {"serve", "--home", home.toString(), "--port", "0"})) {
            CommandLine cl = GapdeskCommand.commandLine(true);
            cl.setOut(new PrintWriter(new StringWriter(), true));
            cl.parseArgs(args);
            ServeCommand serve = cl.getSubcommands().get("serve").getCommand();
            try (ServeCommand.RunningKiosk running = serve.start()) {
                assertEquals(home.toAbsolutePath().normalize(), running.kiosk().home().root().toAbsolutePath()
                        .normalize(), String.join(" ", args));
            }
        }
        assertEquals(List.of("serve", "help"), List.copyOf(GapdeskCommand.commandLine(true).getSubcommands().keySet()));
        assertEquals(GapdeskCommand.commandLine().getSubcommands().get("serve").getUsageMessage(),
                GapdeskCommand.commandLine(true).getSubcommands().get("serve").getUsageMessage());
    }

    @Test
    void aPortInUseIsAClearErrorWithoutAStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Cli.Run run = Cli.run("--home", home.toString(), "serve", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(run.err().contains("cannot listen on 127.0.0.1 port " + taken.getLocalPort()), run.err());
            assertFalse(run.err().contains("\tat "), run.err());
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedFailsTheStartAndFreesThePort() throws Exception {
        java.nio.file.Files.createDirectories(home.resolve("data"));
        java.nio.file.Files.write(home.resolve("data").resolve("gapdesk.mv.db"), "not a database".repeat(600).getBytes(
                java.nio.charset.StandardCharsets.US_ASCII));
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        Cli.Run run = Cli.run("--home", home.toString(), "serve", "--port", String.valueOf(port));
        assertEquals(1, run.exitCode(), run.toString());
        assertFalse(run.out().contains("Gapdesk is serving"), run.toString());
        assertTrue(run.err().contains("the kiosk database cannot be read, its file is damaged"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void theUrlUsesLoopbackForAWildcardBindAndBracketsForIpv6() {
        assertEquals("http://127.0.0.1:7878/", ServeCommand.url("127.0.0.1", 7878));
        assertEquals("http://127.0.0.1:80/", ServeCommand.url("0.0.0.0", 80));
        assertEquals("http://[::1]:7878/", ServeCommand.url("::1", 7878));
    }
}
