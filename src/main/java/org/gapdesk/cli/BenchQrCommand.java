package org.gapdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.gapdesk.bench.QrBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gapdesk bench qr}. */
@Command(name = "qr", mixinStandardHelpOptions = true,
        description = {"QR codes from photos: a generated corpus of phone photos of QR codes on a lab screen or on"
                + " paper (rotation, perspective, blur, noise, low contrast, moire, glare, JPEG), decoded by Gapdesk"
                + " and by zbarimg (Debian zbar-tools) from the same files.",
                "Bar: at least zbarimg's decode rate."})
final class BenchQrCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--photos", paramLabel = "N", defaultValue = "150",
            description = "Photos in the corpus (default: ${DEFAULT-VALUE}).")
    int photos;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Corpus seed; the same seed gives the same photos (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--zbarimg", paramLabel = "CMD", defaultValue = "zbarimg",
            description = "The zbarimg command (default: ${DEFAULT-VALUE}).")
    String zbarimg;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Keep the photos and a per-photo report.csv in DIR (default: a temporary folder, deleted).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (photos < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--photos must be at least 1");
        }
        boolean keep = out != null;
        Path dir = keep ? Files.createDirectories(out) : Files.createTempDirectory("gapdesk-bench-qr");
        PrintWriter w = spec.commandLine().getOut();
        w.println("QR benchmark: " + photos + " generated photos (seed " + seed + ")");
        w.flush();
        QrBench.Result r;
        try {
            r = new QrBench(seed, photos, dir, zbarimg).run();
            if (keep) {
                Files.write(dir.resolve("report.csv"), QrBench.report(r));
            }
        } finally {
            if (!keep) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
        line(w, r.gapdesk(), "");
        if (r.zbar() == null) {
            w.println("zbarimg:  not found ('" + zbarimg + "'; Debian: apt-get install zbar-tools); not compared");
        } else {
            line(w, r.zbar(), String.format("; starting zbarimg alone takes %.1f ms (median)", r.zbarStart().median()));
            w.println("bar:      at least zbarimg's decode rate: " + (r.barMet() ? "met" : "MISSED"));
        }
        if (keep) {
            w.println("photos and report.csv in " + dir.toAbsolutePath());
        }
        w.flush();
        return CommandLine.ExitCode.OK;
    }

    private static void line(PrintWriter w, QrBench.DecoderRun run, String note) {
        w.printf("%-9s %d of %d decoded (%.1f%%)%s; per photo median %.1f ms, min %.1f ms, total %.1f s%s%n",
                run.name() + ":", run.decoded(), run.decodedFlags().size(), run.rate() * 100,
                run.wrong() > 0 ? ", " + run.wrong() + " WRONG" : "", run.perPhoto().median(), run.perPhoto().min(),
                run.perPhoto().millis().stream().mapToDouble(Double::doubleValue).sum() / 1000, note);
    }
}
