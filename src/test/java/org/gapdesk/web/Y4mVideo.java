package org.gapdesk.web;

import com.google.zxing.common.BitMatrix;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a YUV4MPEG2 video ({@code .y4m}, 4:2:0, grey) for Chromium's fake camera
 * ({@code --use-file-for-fake-video-capture}, which loops the file): each frame is a grey screen with a QR code
 * in the middle, or an empty screen.
 */
final class Y4mVideo {
    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    private static final int BACKGROUND = 128;
    private static final int DARK = 20;
    private static final int LIGHT = 235;

    private Y4mVideo() {
    }

    /**
     * Writes {@code frames} at {@code fps} frames a second; a null frame is an empty screen.
     *
     * @param frames the codes, one a frame, drawn as large as fits
     */
    static void write(Path file, int fps, List<BitMatrix> frames) {
        byte[] chroma = new byte[WIDTH / 2 * HEIGHT / 2];
        Arrays.fill(chroma, (byte) 128);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F" + fps + ":1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (BitMatrix code : frames) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(luma(code));
                out.write(chroma);
                out.write(chroma);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Y plane: {@code code} (modules with its quiet zone) scaled to fit and centred, on grey. */
    private static byte[] luma(BitMatrix code) {
        byte[] y = new byte[WIDTH * HEIGHT];
        Arrays.fill(y, (byte) BACKGROUND);
        if (code == null) {
            return y;
        }
        int modules = code.getWidth();
        int scale = Math.max(1, (HEIGHT - 20) / modules);
        int size = modules * scale;
        int x0 = (WIDTH - size) / 2;
        int y0 = (HEIGHT - size) / 2;
        for (int py = 0; py < size; py++) {
            for (int px = 0; px < size; px++) {
                y[(y0 + py) * WIDTH + x0 + px] = (byte) (code.get(px / scale, py / scale) ? DARK : LIGHT);
            }
        }
        return y;
    }
}
