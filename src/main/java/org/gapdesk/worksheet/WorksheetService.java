package org.gapdesk.worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.batch.Batch;
import org.gapdesk.batch.BatchContent;
import org.gapdesk.batch.BatchService;
import org.gapdesk.config.KioskConfig;
import org.gapdesk.config.Lab;

/**
 * Prints the worksheet of a batch: the batch's requests in worksheet order under the site's header and
 * channel instructions. Printing the same batch again gives the same content (a reprint).
 */
public final class WorksheetService {
    private final KioskConfig config;
    private final BatchService batches;
    private final Supplier<String> fingerprint;
    private final ZoneId zone;
    private final WorksheetPdf renderer = new WorksheetPdf();

    /**
     * @param config site settings (name, labs, paper size) and {@code channels.json}
     * @param batches where batches are read from
     * @param fingerprint the kiosk key fingerprint, asked for on every print
     * @param zone time zone of the printed date
     */
    public WorksheetService(KioskConfig config, BatchService batches, Supplier<String> fingerprint, ZoneId zone) {
        this.config = config;
        this.batches = batches;
        this.fingerprint = fingerprint;
        this.zone = zone;
    }

    /** What the worksheet of a batch shows. */
    public Worksheet worksheet(long batchId) {
        BatchContent content = batches.content(batchId);
        Batch batch = content.batch();
        List<WorksheetEntry> entries = new ArrayList<>();
        int position = 0;
        for (ActivationRequest r : content.requests()) {
            entries.add(new WorksheetEntry(++position, r.id(), r.machine().name(), r.machine().alias(),
                    r.product().name(), r.product().activationId(), r.product().partialKey(), r.iid()));
        }
        Lab lab = config.site().lab(batch.lab());
        return new Worksheet(config.site().siteName(), batch.lab(), lab == null ? null : lab.name(), batch.id(),
                batch.channel(), batch.createdBy(), batch.createdAt().atZone(zone), fingerprint.get(),
                ChannelInstructions.from(config.channels(), batch.channel()),
                PaperSize.parse(config.site().paperSize()), entries, content.machineCount());
    }

    /** The worksheet PDF of a batch. */
    public byte[] pdf(long batchId) {
        return pdf(worksheet(batchId));
    }

    /** The PDF of a worksheet already read with {@link #worksheet}. */
    public byte[] pdf(Worksheet worksheet) {
        return renderer.render(worksheet);
    }

    /** Writes the worksheet PDF of a batch to {@code out} (not closed). */
    public void write(long batchId, OutputStream out) {
        renderer.write(worksheet(batchId), out);
    }

    /**
     * Writes the worksheet PDF of a batch to a file; see {@link #writeFile}.
     *
     * @return the number of bytes written
     */
    public long write(long batchId, Path file) {
        return writeFile(pdf(batchId), file);
    }

    /**
     * Writes PDF bytes to a file, creating its folder; the file is replaced only once the whole PDF is
     * written, so a reader never sees half a worksheet.
     *
     * @return the number of bytes written
     */
    public static long writeFile(byte[] bytes, Path file) {
        Path target = file.toAbsolutePath();
        try {
            Path dir = target.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = Files.createTempFile(dir, ".worksheet-", ".pdf.part");
            try {
                Files.write(tmp, bytes);
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return bytes.length;
    }
}
