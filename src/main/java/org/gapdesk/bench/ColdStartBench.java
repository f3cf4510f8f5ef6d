package org.gapdesk.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cold-start bar of the design: {@code java -Xmx256m -cp CLASSPATH org.gapdesk.Gapdesk --home HOME serve
 * --port 0} is launched as a separate process, and the time runs from just before the launch to the first
 * {@code 200} answer for the set-up page ({@code /setup}, the first page of a kiosk without operators). The
 * first run starts on an empty home folder (database created and migrated, signing key generated); the later
 * runs restart on the same folder. Each process is then stopped with SIGTERM, which runs its shutdown hook.
 *
 * <p>Heap: every process logs its collections and its heap at exit ({@code -Xlog:gc,gc+heap+exit}); the peak
 * heap used is the largest of the occupancies before each collection and the occupancy at exit (garbage not yet
 * collected included, so it is an upper bound of what the kiosk needed). "Runs in a 256 MB heap" holds when
 * every run served the page under {@code -Xmx256m} without an {@code OutOfMemoryError}.
 *
 * <p>Baseline, measured in the same run: the same JVM and class path starting {@code Gapdesk --help} (the JVM and
 * the command line, no kiosk) until it exits.
 */
public final class ColdStartBench {
    /** The heap limit the bar names. */
    public static final String HEAP_LIMIT = "-Xmx256m";
    private static final Pattern URL = Pattern.compile("at (http://\\S+/)");
    private static final Pattern GC = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern EXIT_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    /**
     * What the runs measured.
     *
     * @param firstStart launch to first page on an empty home folder (one run)
     * @param restarts launch to first page on the same folder again
     * @param jvmBaseline launch to exit of {@code Gapdesk --help} with the same JVM, heap limit and class path
     * @param peakHeapUsedBytes the largest heap occupancy seen in any run
     * @param outOfMemory true when any run reported an {@code OutOfMemoryError}
     * @param command the launch command of a run, for the record ({@code java}, the jar's file name or
     *     {@code CLASSPATH}, and {@code HOME} standing for the folder)
     */
    public record Result(Timings firstStart, Timings restarts, Timings jvmBaseline, long peakHeapUsedBytes,
            boolean outOfMemory, List<String> command) {
        /** Every run, first starts included: under {@code millis}? */
        public boolean allUnder(double millis) {
            return firstStart.millis().stream().allMatch(m -> m < millis)
                    && restarts.millis().stream().allMatch(m -> m < millis);
        }
    }

    private final String java;
    private final String classPath;
    private final int restarts;
    private final Path workDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * @param java the {@code java} executable to launch
     * @param classPath the class path holding Gapdesk and its libraries (for example {@code gapdesk.jar})
     * @param restarts measured first starts, each on an empty home folder, and as many restarts of one of those
     *     homes (the baseline runs as many times too)
     * @param workDir folder for the home folder and the logs (deleted after)
     */
    public ColdStartBench(String java, String classPath, int restarts, Path workDir) {
        if (restarts < 1) {
            throw new IllegalArgumentException("need at least 1 restart");
        }
        this.java = java;
        this.classPath = classPath;
        this.restarts = restarts;
        this.workDir = workDir;
    }

    /** The {@code java} executable of this JVM and its class path: what a benchmark run from the jar uses. */
    public static ColdStartBench ofThisJvm(int restarts, Path workDir) {
        String exe = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ColdStartBench(exe, System.getProperty("java.class.path"), restarts, workDir);
    }

    /** Runs the first starts (each on an empty home folder), the restarts of the first home and the baseline. */
    public Result run() {
        Path homes = workDir.resolve("cold-start-homes");
        List<Double> first = new ArrayList<>();
        List<Double> again = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        long peak = 0;
        boolean oom = false;
        try {
            for (int i = 0; i < 2 * restarts; i++) {
                boolean firstStart = i < restarts;
                Launch l = launchOnce(homes.resolve(firstStart ? "home-" + i : "home-0"), i);
                (firstStart ? first : again).add(l.millis);
                peak = Math.max(peak, l.peakHeapUsed);
                oom |= l.outOfMemory;
            }
            for (int i = 0; i < restarts; i++) {
                baseline.add(helpOnce(i));
            }
        } finally {
            IntakeBench.deleteTree(homes);
            IntakeBench.deleteTree(workDir.resolve("cold-start-logs"));
        }
        return new Result(new Timings(first), new Timings(again), new Timings(baseline), peak, oom, shownCommand());
    }

    /** The launch command as the record shows it: {@code java}, the jar's file name (or CLASSPATH), HOME. */
    private List<String> shownCommand() {
        String cp = classPath.contains(File.pathSeparator) ? "CLASSPATH"
                : String.valueOf(Path.of(classPath).getFileName());
        return List.of("java", HEAP_LIMIT, "-Xlog:gc,gc+heap+exit:file=gc.log", "-cp", cp, "org.gapdesk.Gapdesk",
                "--home", "HOME", "serve", "--port", "0");
    }

    private List<String> command(Path home, Path gcLog) {
        return List.of(java, HEAP_LIMIT, "-Xlog:gc,gc+heap+exit:file=" + gcLog, "-cp", classPath,
                "org.gapdesk.Gapdesk", "--home", home.toString(), "serve", "--port", "0");
    }

    private record Launch(double millis, long peakHeapUsed, boolean outOfMemory) {
    }

    private Launch launchOnce(Path home, int run) {
        Path logs = workDir.resolve("cold-start-logs");
        Path gcLog = logs.resolve("gc-" + run + ".log");
        Path err = logs.resolve("stderr-" + run + ".txt");
        Process p = null;
        try {
            Files.createDirectories(logs);
            Files.createDirectories(home);
            ProcessBuilder pb = new ProcessBuilder(command(home, gcLog)).redirectError(err.toFile());
            long start = System.nanoTime();
            p = pb.start();
            Process proc = p;
            CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> readUrl(proc));
            String base = url.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (base == null) {
                throw new IllegalStateException("the kiosk exited without serving (exit " + waitExit(p) + "): "
                        + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            firstPage(URI.create(base + "setup"), start);
            double ms = (System.nanoTime() - start) / 1e6;
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the kiosk did not stop within 30 s of SIGTERM");
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            return new Launch(ms, peakHeapUsed(Files.readAllLines(gcLog, StandardCharsets.UTF_8)),
                    stderr.contains("OutOfMemoryError"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the kiosk did not print its address within " + START_LIMIT.toSeconds()
                    + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    /** The address the kiosk prints, or null when its output ends first; keeps draining the output after. */
    private static String readUrl(Process p) {
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = in.readLine()) != null) {
                Matcher m = URL.matcher(line);
                if (m.find()) {
                    String found = m.group(1);
                    Thread drain = new Thread(() -> {
                        try {
                            in.transferTo(Writer.nullWriter());
                        } catch (IOException ignored) {
                            // the process ended
                        }
                    }, "cold-start-drain");
                    drain.setDaemon(true);
                    drain.start();
                    return found;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Asks for the page until it answers 200 (the address is printed once the server listens). */
    private void firstPage(URI page, long start) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).GET().build();
        while (true) {
            try {
                HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
                throw new IllegalStateException(page + " answered " + r.statusCode() + ", expected 200");
            } catch (ConnectException e) {
                if (System.nanoTime() - start > START_LIMIT.toNanos()) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    private double helpOnce(int run) {
        Path logs = workDir.resolve("cold-start-logs");
        try {
            Files.createDirectories(logs);
            ProcessBuilder pb = new ProcessBuilder(java, HEAP_LIMIT, "-cp", classPath, "org.gapdesk.Gapdesk",
                    "--help").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(logs.resolve("help-" + run + ".txt").toFile());
            long start = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Gapdesk --help did not exit within " + START_LIMIT.toSeconds() + " s");
            }
            double ms = (System.nanoTime() - start) / 1e6;
            if (p.exitValue() != 0) {
                throw new IllegalStateException("Gapdesk --help exited with " + p.exitValue());
            }
            return ms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int waitExit(Process p) throws InterruptedException {
        return p.waitFor(5, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    /**
     * The largest heap occupancy in a unified GC log: before each collection ({@code 24M->3M(256M)}) and at exit
     * ({@code garbage-first heap total 262144K, used 104085K}), in bytes; 0 when the log shows neither.
     */
    static long peakHeapUsed(List<String> gcLog) {
        long peak = 0;
        for (String line : gcLog) {
            Matcher gc = GC.matcher(line);
            if (gc.find()) {
                peak = Math.max(peak, bytes(gc.group(1), gc.group(2)));
            }
            Matcher exit = EXIT_USED.matcher(line);
            if (exit.find()) {
                peak = Math.max(peak, bytes(exit.group(1), "K"));
            }
        }
        return peak;
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }
}
