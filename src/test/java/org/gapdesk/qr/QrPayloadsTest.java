package org.gapdesk.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.TestIds;
import org.junit.jupiter.api.Test;

class QrPayloadsTest {
    private static final Pattern ALPHANUMERIC = Pattern.compile("[0-9A-Z $%*+\\-./:]+");

    @Test
    void oneMachineIsOnePartThatRoundTrips() throws Exception {
        QrRequest request = QrTestData.lab(1, 1);
        List<String> parts = QrPayloads.encode(request);
        assertEquals(1, parts.size());
        assertTrue(parts.get(0).startsWith("GD1:"), parts.get(0));
        assertTrue(parts.get(0).matches("GD1:[0-9A-Z]{8}:1/1:.*:[0-9A-Z]{4}"), parts.get(0));
        assertEquals(request, decode(parts));
    }

    @Test
    void aLabOfManyMachinesSplitsIntoBalancedAlphanumericPartsThatRoundTripInAnyOrder() throws Exception {
        QrRequest request = QrTestData.lab(120, 2);
        List<String> parts = QrPayloads.encode(request);
        assertTrue(parts.size() > 5, "parts: " + parts.size());
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            assertTrue(ALPHANUMERIC.matcher(p).matches(), "alphanumeric only: " + p);
            assertTrue(p.length() <= QrPayloads.DEFAULT_PART_CHARS, p.length() + " chars");
            assertTrue(p.contains(":" + (i + 1) + "/" + parts.size() + ":"), p);
            min = Math.min(min, p.length());
            max = Math.max(max, p.length());
        }
        assertTrue(max - min <= 4, "balanced: " + min + ".." + max);
        List<String> shuffled = new ArrayList<>(parts);
        Collections.shuffle(shuffled, new Random(7));
        assertEquals(request, decode(shuffled));
    }

    @Test
    void everyPartFitsVersion12AtLevelMInAlphanumericMode() throws WriterException {
        for (String p : QrPayloads.encode(QrTestData.lab(60, 3))) {
            QRCode code = Encoder.encode(p, ErrorCorrectionLevel.M);
            assertEquals(Mode.ALPHANUMERIC, code.getMode());
            assertTrue(code.getVersion().getVersionNumber() <= 12, "version " + code.getVersion());
        }
        for (String p : QrPayloads.encode(QrTestData.lab(60, 3), 600)) {
            assertTrue(Encoder.encode(p, ErrorCorrectionLevel.M).getVersion().getVersionNumber() <= 15);
        }
    }

    @Test
    void fieldsSurviveIncludingUnusualNamesAndMissingValues() throws Exception {
        List<QrRequest.Entry> entries = List.of(
                new QrRequest.Entry("Büro-Rechner 7 (Ost)", true, new Product(null, null, "", null, null, null),
                        "334481-558826-870862-843844-566221-823392-794862-457401-103810"),
                new QrRequest.Entry("HOST:42", false, new Product("{ABCDEF01-2345-6789-ABCD-EF0123456789}",
                        "not-a-guid", "Office 2010", "OEM:DM", "AB12C", 0), TestIds.XP_IID_50),
                new QrRequest.Entry("HOST:42", false, new Product(null, Product.OFFICE_2010_APP_ID, "x", "Retail",
                        null, 6), "1"));
        QrRequest request = new QrRequest("Labor/Süd", entries);
        QrRequest back = decode(QrPayloads.encode(request));
        assertEquals("Labor/Süd", back.lab());
        assertEquals(3, back.entries().size());
        assertEquals("334481558826870862843844566221823392794862457401103810", back.entries().get(0).iid());
        assertEquals("14036062715350867422169017124390402165958115005292", back.entries().get(1).iid());
        assertEquals("abcdef01-2345-6789-abcd-ef0123456789", back.entries().get(1).product().activationId());
        assertEquals("not-a-guid", back.entries().get(1).product().applicationId());
        assertEquals(Integer.valueOf(0), back.entries().get(1).product().licenseStatus());
        assertEquals("1", back.entries().get(2).iid());
        assertTrue(back.entries().get(0).alias());
        assertEquals(new QrRequest(request.lab(), List.of(
                new QrRequest.Entry(entries.get(0).machine(), true, entries.get(0).product(),
                        back.entries().get(0).iid()),
                new QrRequest.Entry("HOST:42", false, entries.get(1).product(), back.entries().get(1).iid()),
                entries.get(2))), back);
    }

    @Test
    void iidDigitsOfEveryLengthAndLeadingZerosSurvive() throws Exception {
        List<QrRequest.Entry> entries = new ArrayList<>();
        for (int n = 1; n <= 100; n++) {
            StringBuilder d = new StringBuilder();
            for (int i = 0; i < n; i++) {
                d.append((char) ('0' + (i * 7 + n) % 10));
            }
            d.setCharAt(0, '0');
            entries.add(new QrRequest.Entry("M" + n, false, QrTestData.windows(), d.toString()));
        }
        QrRequest request = new QrRequest("L", entries);
        assertEquals(request, decode(QrPayloads.encode(request, 4000)));
    }

    @Test
    void anIidWithLettersCannotBeEncoded() {
        QrRequest bad = new QrRequest("L", List.of(new QrRequest.Entry("PC", false, QrTestData.windows(),
                "12345A")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QrPayloads.encode(bad));
        assertTrue(e.getMessage().contains("PC"), e.getMessage());
    }

    @Test
    void theMessageIdFollowsTheContentAndThePartCount() {
        QrRequest a = QrTestData.lab(30, 4);
        QrRequest b = QrTestData.lab(30, 5);
        String idA = id(QrPayloads.encode(a).get(0));
        assertEquals(idA, id(QrPayloads.encode(a).get(0)), "deterministic");
        assertNotEquals(idA, id(QrPayloads.encode(b).get(0)));
        assertNotEquals(idA, id(QrPayloads.encode(a, 200).get(0)), "another split is another message");
    }

    @Test
    void lowerCaseFromAScannerWithCapsLockIsAccepted() throws Exception {
        QrRequest request = QrTestData.lab(2, 6);
        List<String> parts = QrPayloads.encode(request);
        List<String> lower = parts.stream().map(p -> "  " + p.toLowerCase(java.util.Locale.ROOT) + "\r\n").toList();
        assertEquals(request, decode(lower));
    }

    @Test
    void malformedPartsAreRejectedWithClearMessages() {
        String good = QrPayloads.encode(QrTestData.lab(1, 7)).get(0);
        assertRejected("GD2:" + good.substring(4), "version 2 is not supported");
        assertRejected("GD1:ABC", "malformed or cut short");
        assertRejected(good.substring(0, good.length() - 10), "damaged");
        assertRejected(good.replace("1/1", "2/1"), "impossible");
        assertRejected(good.replace("1/1", "0/1"), "impossible");
        assertRejected("GD1:ABCDEFGU:1/1:00:ABCD", "malformed message id");
        assertRejected(flip(good, 30), "damaged");
        assertRejected("GD1:" + "A".repeat(5000), "oversized");
        assertRejected(good.replace("1/1", "1/999"), "more than the limit of 250");
        String text = "GD1:0123ABCD:1/1:0";
        assertRejected(text + ":" + QrPart.check(text), "cut short");
        text = "GD1:0123ABCD:1/1:GGW";
        assertRejected(text + ":" + QrPart.check(text), "out of range");
        text = "GD1:0123ABCD:1/1:a#b";
        assertRejected(text + ":" + QrPart.check(text.toUpperCase()), "not in the QR alphanumeric set");
    }

    @Test
    void partsWithValidChecksButForeignContentFailTheWholeMessageChecksum() throws Exception {
        List<String> parts = QrPayloads.encode(QrTestData.lab(40, 8));
        String id = id(parts.get(0));
        // a forged part: right header, valid part check, other data
        String forged = "GD1:" + id + ":1/" + parts.size() + ":" + Base45.encode(new byte[] {1, 2, 3}, 0, 3);
        forged = forged + ":" + QrPart.check(forged);
        List<QrPart> read = new ArrayList<>();
        read.add(QrPart.parse(forged, QrLimits.DEFAULT));
        for (String p : parts.subList(1, parts.size())) {
            read.add(QrPart.parse(p, QrLimits.DEFAULT));
        }
        QrFormatException e = assertThrows(QrFormatException.class, () -> QrPayloads.decode(read, QrLimits.DEFAULT));
        assertTrue(e.getMessage().contains("does not match its checksum"), e.getMessage());
    }

    @Test
    void truncatedAndTrailingBodiesAreRejected() {
        byte[] body = QrBody.encode(QrTestData.lab(2, 9));
        for (int cut = 0; cut < body.length; cut++) {
            byte[] shorter = java.util.Arrays.copyOf(body, cut);
            QrFormatException e = assertThrows(QrFormatException.class,
                    () -> QrBody.decode(shorter, "QR message X", 1000), "cut at " + cut);
            assertTrue(e.getMessage().startsWith("QR message X: "), e.getMessage());
        }
        byte[] longer = java.util.Arrays.copyOf(body, body.length + 1);
        QrFormatException e = assertThrows(QrFormatException.class, () -> QrBody.decode(longer, "m", 1000));
        assertTrue(e.getMessage().contains("left over"), e.getMessage());
    }

    @Test
    void randomBytesNeverCrashTheBodyReader() {
        Random r = new Random(10);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[r.nextInt(200)];
            r.nextBytes(b);
            try {
                QrBody.decode(b, "m", 1000);
            } catch (QrFormatException expected) {
                // fine
            }
        }
    }

    @Test
    void tooLargeRequestsAreRefusedByTheEncoder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QrPayloads.encode(QrTestData.lab(3, 11), 39));
        assertTrue(e.getMessage().contains("between"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> QrPayloads.encode(QrTestData.lab(400, 11), 50));
        assertTrue(e.getMessage().contains("more than 250 QR codes"), e.getMessage());
    }

    static QrRequest decode(List<String> parts) throws QrFormatException {
        List<QrPart> read = new ArrayList<>();
        for (String p : parts) {
            read.add(QrPart.parse(p, QrLimits.DEFAULT));
        }
        return QrPayloads.decode(read, QrLimits.DEFAULT);
    }

    static String id(String part) {
        return part.substring(4, 12);
    }

    private static String flip(String s, int at) {
        char c = s.charAt(at);
        return s.substring(0, at) + (c == 'A' ? 'B' : 'A') + s.substring(at + 1);
    }

    private static void assertRejected(String text, String expected) {
        QrFormatException e = assertThrows(QrFormatException.class, () -> QrPart.parse(text, QrLimits.DEFAULT),
                text);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
