package org.gapdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gapdesk.qr.QrImageDecoder;
import org.gapdesk.qr.QrImageException;

/**
 * The QR bar of the design: the generated photo corpus ({@link QrCorpus}) is written to a folder as JPEG files
 * and every file is decoded twice, by Gapdesk's {@link QrImageDecoder} (from the file's bytes) and by
 * {@code zbarimg --raw -q FILE} (Debian package zbar-tools), one process per file. A photo counts as decoded
 * when the decoder returns exactly the text the code holds. Gapdesk gets one uncounted warm-up pass over the
 * first ten photos; zbarimg's times include starting its process, which is measured on its own too.
 */
public final class QrBench {
    /**
     * What one decoder achieved.
     *
     * @param name {@code gapdesk} or {@code zbarimg}
     * @param decoded photos whose code was read correctly
     * @param wrong photos where the decoder returned text that is not the code's (never expected)
     * @param perPhoto time per photo
     * @param decodedFlags per photo, in corpus order: read correctly or not
     */
    public record DecoderRun(String name, int decoded, int wrong, Timings perPhoto, List<Boolean> decodedFlags) {
        public DecoderRun {
            decodedFlags = List.copyOf(decodedFlags);
        }

        /** Decoded photos divided by all photos. */
        public double rate() {
            return decoded / (double) decodedFlags.size();
        }
    }

    /**
     * What a run measured.
     *
     * @param photos photos in the corpus
     * @param seed the corpus seed
     * @param folder where the photos were written
     * @param gapdesk Gapdesk's run
     * @param zbar zbarimg's run, or null when zbarimg is not installed
     * @param zbarStart time to start zbarimg on a tiny image without a code, or null
     * @param samples the corpus, for per-photo reports
     */
    public record Result(int photos, long seed, Path folder, DecoderRun gapdesk, DecoderRun zbar, Timings zbarStart,
            List<QrCorpus.Sample> samples) {
        /** True when Gapdesk decoded at least as many photos as zbarimg; null when zbarimg did not run. */
        public Boolean barMet() {
            return zbar == null ? null : gapdesk.decoded() >= zbar.decoded();
        }
    }

    private final long seed;
    private final int photos;
    private final Path folder;
    private final String zbarimg;

    /**
     * @param seed corpus seed
     * @param photos corpus size
     * @param folder where the JPEG files are written (created if missing)
     * @param zbarimg the zbarimg command; when it cannot be started only Gapdesk is measured
     */
    public QrBench(long seed, int photos, Path folder, String zbarimg) {
        if (photos < 1) {
            throw new IllegalArgumentException("need at least 1 photo");
        }
        this.seed = seed;
        this.photos = photos;
        this.folder = folder;
        this.zbarimg = zbarimg;
    }

    /** Generates, writes and decodes the corpus. */
    public Result run() {
        List<QrCorpus.Sample> corpus = QrCorpus.generate(seed, photos);
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (QrCorpus.Sample s : corpus) {
                Path f = folder.resolve(s.name());
                Files.write(f, s.jpeg());
                files.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DecoderRun gapdesk = runGapdesk(corpus);
        Timings start = zbarStart();
        DecoderRun zbar = start == null ? null : runZbar(corpus, files);
        return new Result(photos, seed, folder, gapdesk, zbar, start, corpus);
    }

    private static DecoderRun runGapdesk(List<QrCorpus.Sample> corpus) {
        QrImageDecoder decoder = new QrImageDecoder();
        for (QrCorpus.Sample s : corpus.subList(0, Math.min(10, corpus.size()))) {
            decodeQuietly(decoder, s);
        }
        List<Double> times = new ArrayList<>();
        List<Boolean> flags = new ArrayList<>();
        int ok = 0;
        int wrong = 0;
        for (QrCorpus.Sample s : corpus) {
            long t0 = System.nanoTime();
            List<String> texts = decodeQuietly(decoder, s);
            times.add((System.nanoTime() - t0) / 1e6);
            boolean hit = texts.contains(s.payload());
            ok += hit ? 1 : 0;
            wrong += !hit && !texts.isEmpty() ? 1 : 0;
            flags.add(hit);
        }
        return new DecoderRun("gapdesk", ok, wrong, new Timings(times), flags);
    }

    private static List<String> decodeQuietly(QrImageDecoder decoder, QrCorpus.Sample s) {
        try {
            return decoder.decode(s.name(), s.jpeg());
        } catch (QrImageException e) {
            throw new IllegalStateException("a generated photo could not be read: " + e.getMessage(), e);
        }
    }

    /** zbarimg's start-up time on a tiny image without a code, three runs; null when it cannot be started. */
    private Timings zbarStart() {
        try {
            Path blank = folder.resolve("blank.png");
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(8, 8,
                    java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            javax.imageio.ImageIO.write(img, "png", blank.toFile());
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                zbar(blank);
                times.add((System.nanoTime() - t0) / 1e6);
            }
            Files.deleteIfExists(blank);
            return new Timings(times);
        } catch (IOException e) {
            return null;
        }
    }

    private DecoderRun runZbar(List<QrCorpus.Sample> corpus, List<Path> files) {
        List<Double> times = new ArrayList<>();
        List<Boolean> flags = new ArrayList<>();
        int ok = 0;
        int wrong = 0;
        for (int i = 0; i < corpus.size(); i++) {
            long t0 = System.nanoTime();
            List<String> texts;
            try {
                texts = zbar(files.get(i));
            } catch (IOException e) {
                throw new UncheckedIOException("zbarimg failed on " + files.get(i), e);
            }
            times.add((System.nanoTime() - t0) / 1e6);
            boolean hit = texts.contains(corpus.get(i).payload());
            ok += hit ? 1 : 0;
            wrong += !hit && !texts.isEmpty() ? 1 : 0;
            flags.add(hit);
        }
        return new DecoderRun("zbarimg", ok, wrong, new Timings(times), flags);
    }

    /** The lines zbarimg prints for {@code file} (one per code; --raw prints the text alone). */
    private List<String> zbar(Path file) throws IOException {
        Process p = new ProcessBuilder(zbarimg, "--raw", "-q", file.toString()).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("zbarimg did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        // exit status 4 means "no symbols found"; other failures print nothing either
        String text = new String(out, StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    /** A CSV line per photo: name, payload length, Gapdesk, zbarimg, conditions. */
    public static List<String> report(Result r) {
        List<String> lines = new ArrayList<>();
        lines.add("photo,payload_chars,gapdesk,zbarimg,conditions");
        for (int i = 0; i < r.samples().size(); i++) {
            QrCorpus.Sample s = r.samples().get(i);
            lines.add(s.name() + "," + s.payload().length() + "," + (r.gapdesk().decodedFlags().get(i) ? "yes" : "no")
                    + "," + (r.zbar() == null ? "" : r.zbar().decodedFlags().get(i) ? "yes" : "no") + ",\""
                    + s.conditions() + "\"");
        }
        return lines;
    }
}
