package org.gapdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.batch.Batch;
import org.gapdesk.batch.BatchCriteria;
import org.gapdesk.batch.BatchService;
import org.gapdesk.config.KioskConfig;
import org.gapdesk.intake.FormatDetector;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.IntakeLimits;
import org.gapdesk.intake.IntakeService;
import org.gapdesk.intake.Parsers;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.store.Database;
import org.gapdesk.worksheet.Worksheet;
import org.gapdesk.worksheet.WorksheetService;

/**
 * The worksheet bar of the design: N received requests (the {@link IntakeBench} request file, imported into a
 * fresh H2 file database before the clock starts) measured two ways:
 * <ul>
 * <li><b>end to end</b>: the batch is made ({@link BatchService#create}: pick, lock, store, move every request
 * to "on worksheet") and its worksheet PDF rendered to bytes ({@link WorksheetService}), fonts embedded;
 * <li><b>rendering</b>: the same worksheet rendered again from what was read, the PDF work alone.
 * </ul>
 * Warm-up runs go first and are not counted. The shipped configuration is used (A4).
 */
public final class WorksheetBench {
    /** Printed in place of a kiosk key fingerprint: the benchmark never creates a kiosk key. */
    public static final String FINGERPRINT = "BENC H000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000"
            + " 0000 0000";

    /**
     * What a run measured.
     *
     * @param machines requests on the worksheet (one per machine)
     * @param channel layout measured
     * @param pages pages of the PDF
     * @param pdfBytes size of the PDF
     * @param endToEnd batch creation and rendering times
     * @param render rendering times alone
     */
    public record Result(int machines, ActivationChannel channel, int pages, int pdfBytes, Timings endToEnd,
            Timings render) {
    }

    private final int machines;
    private final ActivationChannel channel;
    private final int warmups;
    private final int runs;
    private final Path workDir;

    /**
     * @param machines machines (one IID each) on the worksheet
     * @param channel phone or portal layout (portal adds a QR code per machine)
     * @param warmups uncounted runs before measuring
     * @param runs measured runs
     * @param workDir folder for the temporary databases (each run gets its own sub-folder, deleted after)
     */
    public WorksheetBench(int machines, ActivationChannel channel, int warmups, int runs, Path workDir) {
        if (machines < 1 || warmups < 0 || runs < 1) {
            throw new IllegalArgumentException("need at least 1 machine and 1 measured run");
        }
        this.machines = machines;
        this.channel = channel;
        this.warmups = warmups;
        this.runs = runs;
        this.workDir = workDir;
    }

    /** Runs the measurements. */
    public Result run() {
        UploadedFile file = IntakeBench.requestFile(machines);
        KioskConfig config = KioskConfig.defaults();
        List<Double> endToEnd = new ArrayList<>();
        List<Double> render = new ArrayList<>();
        byte[] last = null;
        for (int i = 0; i < warmups + runs; i++) {
            Path dir = workDir.resolve("run-" + i);
            try {
                Files.createDirectories(dir);
                try (Database db = Database.openH2(dir)) {
                    new IntakeService(db, new FormatDetector(Parsers.standard()), IntakeLimits.DEFAULT,
                            Clock.systemUTC()).commit(List.of(file), new IntakeDefaults(IntakeBench.LAB), "bench");
                    BatchService batches = new BatchService(db, Clock.systemUTC());
                    WorksheetService worksheets = new WorksheetService(config, batches, () -> FINGERPRINT,
                            ZoneOffset.UTC);

                    long start = System.nanoTime();
                    Batch batch = batches.create(BatchCriteria.received(IntakeBench.LAB), channel, "bench");
                    Worksheet ws = worksheets.worksheet(batch.id());
                    byte[] pdf = worksheets.pdf(ws);
                    double e2e = (System.nanoTime() - start) / 1e6;

                    start = System.nanoTime();
                    last = worksheets.pdf(ws);
                    double alone = (System.nanoTime() - start) / 1e6;
                    if (ws.entries().size() != machines || pdf.length == 0) {
                        throw new IllegalStateException("worksheet has " + ws.entries().size() + " entries, expected "
                                + machines);
                    }
                    if (i >= warmups) {
                        endToEnd.add(e2e);
                        render.add(alone);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                IntakeBench.deleteTree(dir);
            }
        }
        return new Result(machines, channel, pages(last), last.length, new Timings(endToEnd), new Timings(render));
    }

    private static int pages(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException("the benchmark PDF does not load: " + e.getMessage(), e);
        }
    }
}
