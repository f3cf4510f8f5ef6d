package org.gapdesk.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.TestIds;
import org.gapdesk.qr.QrMessage;
import org.gapdesk.qr.QrMessageAssembler;
import org.gapdesk.qr.QrOffer;
import org.gapdesk.qr.QrPayloads;
import org.gapdesk.qr.QrRequest;
import org.gapdesk.requests.RequestService;
import org.gapdesk.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrTextParserTest {
    static final IntakeDefaults DEFAULTS = new IntakeDefaults("LAB-D");
    static final String WIN = "2de67392-b7a7-462a-b1ca-108dd189f588";

    final QrTextParser parser = new QrTextParser();
    final TestIds ids = new TestIds(55);

    @TempDir
    Path dir;

    static UploadedFile file(String name, String text) {
        return new UploadedFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    QrRequest request(int machines) {
        List<QrRequest.Entry> entries = new ArrayList<>();
        Product win = new Product(WIN, Product.WINDOWS_APP_ID, "Windows(R), Enterprise edition", "Volume:MAK",
                "3V66T", 1);
        Product kms = new Product(WIN, Product.WINDOWS_APP_ID, "Windows(R), Enterprise edition", "Volume:GVLK",
                "WFG99", 5);
        for (int i = 1; i <= machines; i++) {
            entries.add(new QrRequest.Entry(String.format("WS-%03d", i), i % 2 == 0,
                    i == machines ? kms : win, TestIds.digits(ids.iid63())));
        }
        return new QrRequest("LAB-Q", entries);
    }

    static QrMessage assemble(List<String> parts) {
        QrMessageAssembler a = new QrMessageAssembler();
        QrOffer last = null;
        for (String p : parts) {
            last = a.offer(p);
        }
        return last.completed();
    }

    @Test
    void aCompletedMessageFileGivesEveryEntryWithItsLabNameAndProduct() throws Exception {
        QrRequest request = request(30);
        QrMessage message = assemble(QrPayloads.encode(request));
        UploadedFile f = new UploadedFile(message.fileName(), message.bytes());
        assertTrue(parser.recognizes(f));
        assertEquals(QrTextParser.FORMAT, new FormatDetector(Parsers.standard()).detect(f).format());
        ParsedFile p = parser.parse(f, DEFAULTS, IntakeLimits.DEFAULT);
        assertEquals(30, p.entries().size());
        assertTrue(p.problems().isEmpty());
        for (int i = 0; i < 30; i++) {
            IntakeEntry e = p.entries().get(i);
            QrRequest.Entry want = request.entries().get(i);
            assertEquals("LAB-Q", e.machine().lab());
            assertEquals(want.machine(), e.machine().name());
            assertEquals(want.alias(), e.machine().alias());
            assertEquals(want.product(), e.product());
            assertEquals(want.iid(), e.iidText());
            assertEquals("QR message " + message.messageId() + " machines[" + i + "].products[0]", e.where());
        }
        assertTrue(p.notes().get(0).contains(message.parts().size() + " part"), p.notes().toString());
    }

    @Test
    void scannerLinesMayComeInAnyOrderRepeatedAndMixedWithBareIids() throws Exception {
        List<String> parts = QrPayloads.encode(request(40));
        StringBuilder sb = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) {
            sb.append(parts.get(i).toLowerCase(java.util.Locale.ROOT)).append("\r\n");
        }
        sb.append(parts.get(0)).append("\r\n");
        String bare = ids.iid63();
        sb.append(bare).append("\n");
        sb.append("some noise\n");
        ParsedFile p = parser.parse(file("PC-900.txt", sb.toString()), DEFAULTS, IntakeLimits.DEFAULT);
        assertEquals(41, p.entries().size());
        IntakeEntry last = p.entries().get(40);
        assertEquals("PC-900", last.machine().name());
        assertEquals("LAB-D", last.machine().lab());
        assertEquals(bare, last.iidText());
        assertEquals("", last.product().name());
        assertTrue(p.notes().stream().anyMatch(n -> n.startsWith("repeated QR parts ignored: 1")), p.notes().toString());
        assertTrue(p.notes().stream().anyMatch(n -> n.startsWith("lines that are not a QR payload")),
                p.notes().toString());
    }

    @Test
    void bareNamedAndSlmgrLinesAreRead() throws Exception {
        String a = ids.iid63();
        String b = ids.iid54().replace('-', ' ');
        String c = ids.iid63();
        String text = a + "\nPC-002\t" + b + "\nPC-003; " + c + "\nInstallation ID for: Office 16, Office16ProPlusVL_MAK"
                + " edition: " + TestIds.XP_IID_54 + "\n";
        UploadedFile f = file("PC-001.txt", text);
        assertTrue(parser.recognizes(f));
        ParsedFile p = parser.parse(f, DEFAULTS, IntakeLimits.DEFAULT);
        assertEquals(4, p.entries().size());
        assertEquals(List.of("PC-001", "PC-002", "PC-003", "PC-001"),
                p.entries().stream().map(e -> e.machine().name()).toList());
        assertEquals(b, p.entries().get(1).iidText());
        assertEquals("Office 16, Office16ProPlusVL_MAK edition", p.entries().get(3).product().name());
        assertEquals("Volume:MAK", p.entries().get(3).product().channel());
        assertEquals("line 4", p.entries().get(3).where());
    }

    @Test
    void otherFormatsAreNotTakenForQrText() {
        assertFalse(parser.recognizes(file("x.csv", TestIds.XP_IID_54)));
        assertFalse(parser.recognizes(file("x.txt", "machine,iid\nPC-1," + TestIds.XP_IID_54)));
        assertFalse(parser.recognizes(file("x.txt", "Microsoft (R) Windows Script Host\nInstallation ID: "
                + TestIds.XP_IID_54)));
        assertFalse(parser.recognizes(file("x.txt", "{\"format\":\"gapdesk-request\"}")));
        assertFalse(parser.recognizes(file("x.txt", "12345")));
        assertTrue(parser.recognizes(file("x.txt", "\n\n  gd1:whatever")));
        assertTrue(parser.recognizes(file("x.txt", "Installation ID: 1\n" + QrPayloads.encode(request(1)).get(0))));
    }

    @Test
    void incompleteDamagedForeignVersionAndMixedMessagesRejectTheWholeFile() {
        List<String> parts = QrPayloads.encode(request(40));
        assertTrue(parts.size() >= 3);
        String missing = String.join("\n", parts.subList(0, parts.size() - 1));
        assertRejected(missing, "of " + parts.size() + " parts; missing " + parts.size());
        String damaged = parts.get(1);
        damaged = damaged.substring(0, 40) + (damaged.charAt(40) == '0' ? '1' : '0') + damaged.substring(41);
        assertRejected(String.join("\n", parts.get(0), damaged), "line 2: part 2 of " + parts.size());
        assertRejected("GD7:1234", "line 1: Gapdesk QR payload version 7 is not supported");
        String cut = parts.get(0).substring(0, 30);
        assertRejected(cut, "line 1:");
        List<String> other = QrPayloads.encode(request(41));
        String mixed = parts.get(0) + "\n" + other.get(1).replace(other.get(1).substring(4, 12),
                parts.get(0).substring(4, 12));
        assertRejected(mixed, "line 2:");
        assertRejected("hello\nworld", "no Gapdesk QR message");
    }

    private void assertRejected(String text, String expected) {
        FileRejectedException e = assertThrows(FileRejectedException.class,
                () -> parser.parse(file("scan.txt", text), DEFAULTS, IntakeLimits.DEFAULT));
        assertTrue(e.getMessage().startsWith("scan.txt: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aQrMessageGoesThroughPreviewAndCommitLikeAUsbFileAndRejectedScansStoreNothing() {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        try (Database db = Database.openH2(dir)) {
            IntakeService intake = new IntakeService(db, new FormatDetector(Parsers.standard()), IntakeLimits.DEFAULT,
                    Clock.fixed(now, ZoneOffset.UTC));
            QrRequest request = request(12);
            List<String> parts = QrPayloads.encode(request, 200);
            QrMessage message = assemble(parts);
            UploadedFile good = new UploadedFile(message.fileName(), message.bytes());
            UploadedFile incomplete = file("scan-2.txt", String.join("\n", parts.subList(1, parts.size())));

            ImportPreview preview = intake.preview(List.of(good, incomplete), DEFAULTS);
            assertEquals(11, preview.count(Outcome.NEW));
            assertEquals(1, preview.count(Outcome.KMS_CLIENT));
            assertTrue(preview.files().get(1).rejected());
            assertTrue(preview.files().get(1).rejection().contains("missing 1"), preview.files().get(1).rejection());

            ImportResult result = intake.commit(List.of(incomplete), DEFAULTS, "op");
            assertEquals(0, result.createdRequestIds().size());
            result = intake.commit(List.of(good), DEFAULTS, "op");
            assertEquals(12, result.createdRequestIds().size());
            ImportPreview again = intake.preview(List.of(good), DEFAULTS);
            assertEquals(12, again.count(Outcome.ALREADY_KNOWN), "a KMS client already on record is known too");
            assertEquals(0, again.count(Outcome.NEW));
            assertEquals(0, again.count(Outcome.KMS_CLIENT));
            assertEquals(12, new RequestService(db).list(null, null, null, 100).size());
        }
    }
}
