package org.gapdesk.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.gapdesk.activation.TestIds;
import org.gapdesk.fuzz.FuzzTries;
import org.gapdesk.fuzz.Mutator;
import org.gapdesk.fuzz.Seeds;
import org.gapdesk.fuzz.Verdict;

/**
 * QR payloads and QR photos under fuzzing. The assembler answers every string with an offer (never an exception)
 * and completes only messages whose parts all verify; the image decoder answers every byte string with texts or a
 * {@link QrImageException} naming the image, within the time limit, whatever the image header claims.
 */
@AddLifecycleHook(FuzzTries.class)
class QrFuzzTest {
    static final List<String> PARTS = List.of(Seeds.qrParts(5, 80, new TestIds(21)).split("\n"));

    // ---- payloads ----

    @Provide
    Arbitrary<List<String>> scans() {
        Arbitrary<String> mutatedPart = Combinators.combine(Arbitraries.of(PARTS), Arbitraries.longs(),
                Arbitraries.integers().between(1, 3)).as((p, seed, n) -> new String(Mutator.mutate(
                        p.getBytes(StandardCharsets.UTF_8), new Random(seed), n), StandardCharsets.UTF_8));
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of(PARTS), Arbitraries.of(PARTS), mutatedPart,
                Arbitraries.strings().withChars("GD1:/*0123456789ABCDEFGHJKMNPQRSTVWXYZ $%+-.").ofMaxLength(200),
                Arbitraries.strings().ofMaxLength(50), Arbitraries.of("", " ", "GD1", "x".repeat(10_000)));
        return text.list().ofMaxSize(30);
    }

    @Property(tries = 800)
    void everyScanGetsAnOfferAndCompletedMessagesAreTheOriginal(@ForAll("scans") List<String> scans) {
        QrMessageAssembler a = new QrMessageAssembler();
        Verdict.of(RuntimeException.class, () -> {
            for (String s : scans) {
                QrOffer o = a.offer(s);
                assertNotNull(o.status());
                assertNotNull(o.message() == null && o.status() != QrOffer.Status.REJECTED ? "" : o.message());
                if (o.status() == QrOffer.Status.COMPLETED) {
                    QrMessage m = o.completed();
                    assertNotNull(m);
                    if (m.parts().stream().allMatch(PARTS::contains)) {
                        assertEquals(Seeds.qrRequest(5, new TestIds(21)), m.request());
                    }
                }
            }
            a.openMessages();
            return null;
        });
        assertTrue(a.openMessages().size() <= QrLimits.DEFAULT.maxOpenMessages());
    }

    @Example
    void thePartsInAnyOrderCompleteTheMessage() {
        List<String> shuffled = new ArrayList<>(PARTS);
        java.util.Collections.shuffle(shuffled, new Random(5));
        QrMessageAssembler a = new QrMessageAssembler();
        QrOffer last = null;
        for (String p : shuffled) {
            last = a.offer(p);
        }
        assertEquals(QrOffer.Status.COMPLETED, last.status());
    }

    // ---- images ----

    static final byte[] PNG;
    static final byte[] JPEG;

    static {
        try {
            BufferedImage code = QrImageDecoderTest.code(PARTS.get(0), 3);
            PNG = QrImageDecoderTest.png(code);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(code, "jpg", out);
            JPEG = out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    final QrImageDecoder decoder = new QrImageDecoder();

    static Verdict<List<String>> decode(QrImageDecoder decoder, String name, byte[] bytes, boolean frame) {
        Verdict<List<String>> v = Verdict.of(QrImageException.class,
                () -> frame ? decoder.decodeFrame(name, bytes) : decoder.decode(name, bytes));
        if (v.rejected()) {
            assertTrue(v.message().startsWith(name + ":"), v.message());
        }
        return v;
    }

    @Example
    void theSeedImagesDecode() {
        assertEquals(List.of(PARTS.get(0)), decode(decoder, "code.png", PNG, false).value());
        assertEquals(List.of(PARTS.get(0)), decode(decoder, "code.jpg", JPEG, true).value());
    }

    @Provide
    Arbitrary<byte[]> images() {
        return Arbitraries.oneOf(Mutator.mutants(List.of(PNG, JPEG)), Mutator.mutants(List.of(PNG, JPEG))
                .map(b -> java.util.Arrays.copyOf(b, b.length / 3)), Mutator.randomBytes(512),
                Arbitraries.integers().between(0, 3).flatMap(kind -> Arbitraries.integers().between(-5, 120_000)
                        .tuple2().map(wh -> hugeHeader(kind, wh.get1(), wh.get2()))));
    }

    @Property(tries = 150)
    void garbledTruncatedAndHugeImagesDecodeOrAreRejected(@ForAll("images") byte[] bytes, @ForAll boolean frame) {
        decode(decoder, "photo.png", bytes, frame);
    }

    @Example
    void headersClaimingHugeImagesAreRejectedBeforeDecoding() {
        for (int kind = 0; kind < 4; kind++) {
            Verdict<List<String>> v = decode(decoder, "huge.img", hugeHeader(kind, 100_000, 100_000), false);
            assertTrue(v.rejected(), "kind " + kind);
        }
        // within the limits but with no pixel data behind the header: a read error, not an endless wait
        assertTrue(decode(decoder, "empty.png", hugeHeader(0, 10_000, 10_000), false).rejected());
    }

    /** A header of a PNG (0), BMP (1), GIF (2) or JPEG (3) claiming {@code w} x {@code h} pixels, and little else. */
    static byte[] hugeHeader(int kind, int w, int h) {
        switch (kind) {
            case 0: {
                ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2)
                        .put((byte) 0).put((byte) 0).put((byte) 0);
                byte[] idat = deflate(new byte[1024]);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
                chunk(out, "IHDR", ihdr.array());
                chunk(out, "IDAT", idat);
                chunk(out, "IEND", new byte[0]);
                return out.toByteArray();
            }
            case 1: {
                ByteBuffer b = ByteBuffer.allocate(54 + 64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                b.put((byte) 'B').put((byte) 'M').putInt(54 + 64).putInt(0).putInt(54).putInt(40).putInt(w).putInt(h)
                        .putShort((short) 1).putShort((short) 24).putInt(0).putInt(0).putInt(2835).putInt(2835)
                        .putInt(0).putInt(0);
                return b.array();
            }
            case 2: {
                ByteBuffer b = ByteBuffer.allocate(40).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                b.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) w).putShort((short) h)
                        .put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0x2c).putShort((short) 0)
                        .putShort((short) 0).putShort((short) w).putShort((short) h).put((byte) 0).put((byte) 2)
                        .put((byte) 2).put((byte) 0x44).put((byte) 0x01).put((byte) 0).put((byte) 0x3b);
                return b.array();
            }
            default: {
                // JPEG: SOI, then the seed's segments with the SOF0 dimensions replaced
                byte[] b = JPEG.clone();
                for (int i = 2; i + 9 < b.length; i++) {
                    if ((b[i] & 0xff) == 0xff && (b[i + 1] & 0xff) == 0xc0) {
                        b[i + 5] = (byte) (h >> 8);
                        b[i + 6] = (byte) h;
                        b[i + 7] = (byte) (w >> 8);
                        b[i + 8] = (byte) w;
                        break;
                    }
                }
                return b;
            }
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater();
        d.setInput(data);
        d.finish();
        byte[] buf = new byte[data.length + 64];
        int n = d.deflate(buf);
        d.end();
        return java.util.Arrays.copyOf(buf, n);
    }

}
