package org.gapdesk.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.TestIds;
import org.gapdesk.demo.RequestFileBuilder;
import org.gapdesk.intake.ActivationTextParser;
import org.gapdesk.intake.FileRejectedException;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.IntakeEntry;
import org.gapdesk.intake.IntakeLimits;
import org.gapdesk.intake.ParsedFile;
import org.gapdesk.intake.RequestFileParser;
import org.gapdesk.intake.UploadedFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The lab QR page (toolkit/Show-GapdeskQr.html) in real headless Chromium: its QR encoder agrees with ZXing
 * module for module, its payload encoder writes the same strings as {@link QrPayloads}, and what it shows on
 * screen decodes (ZXing, from the canvas pixels) and reassembles into exactly the input.
 */
@Tag("browser")
class LabQrPageTest {
    static ChromeDriver driver;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void openPage() {
        driver.get(HeadlessChromium.labPageUrl());
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A request file with unusual names, several products per machine, aliases and missing fields. */
    static RequestFileBuilder requestFile(int machines, long seed) {
        TestIds ids = new TestIds(seed);
        RequestFileBuilder b = new RequestFileBuilder("LAB-QR").collectedAt("2026-11-20T09:30:00Z")
                .collector("test");
        for (int i = 1; i <= machines; i++) {
            List<RequestFileBuilder.ProductEntry> products = new ArrayList<>();
            products.add(new RequestFileBuilder.ProductEntry(QrTestData.WINDOWS_MAK, Product.WINDOWS_APP_ID,
                    "Windows(R), Enterprise edition", "Volume MAK channel", i % 4 == 0 ? "" : "Volume:MAK", "3V66T", 1,
                    ids.iid63()));
            if (i % 3 == 0) {
                products.add(new RequestFileBuilder.ProductEntry(QrTestData.OFFICE_MAK.toUpperCase(),
                        Product.OFFICE_APP_ID, "Office 21, OfficeLTSC2021ProPlus2021MAK edition", "", "Volume:MAK",
                        "7TQ4K", 5, ids.iid63().replace('-', ' ')));
            }
            String name = i % 5 == 0 ? "Büro " + i + " (Ost)" : String.format("PC-%03d", i);
            b.machine(new RequestFileBuilder.MachineEntry(name, i % 7 == 0, products));
        }
        return b;
    }

    /** What the Java encoder is given: the parsed entries as they are. */
    static QrRequest javaRequest(ParsedFile parsed) {
        List<QrRequest.Entry> entries = new ArrayList<>();
        String lab = null;
        for (IntakeEntry e : parsed.entries()) {
            lab = e.machine().lab();
            entries.add(new QrRequest.Entry(e.machine().name(), e.machine().alias(), e.product(), e.iidText()));
        }
        return new QrRequest(lab, entries);
    }

    /** What the kiosk gets back from a message: the same entries with the IIDs as bare digits. */
    static QrRequest decoded(QrRequest request) {
        return new QrRequest(request.lab(), request.entries().stream().map(e -> new QrRequest.Entry(e.machine(),
                e.alias(), e.product(), e.iid().replaceAll("[^0-9]", ""))).toList());
    }

    static ParsedFile parseRequest(byte[] json) throws FileRejectedException {
        return new RequestFileParser().parse(new UploadedFile("request.json", json), new IntakeDefaults("X"),
                IntakeLimits.DEFAULT);
    }

    @Test
    void theQrEncoderAgreesWithZxingModuleForModule() throws WriterException {
        Random r = new Random(1);
        List<String> texts = new ArrayList<>();
        String alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        // alphanumeric texts whose lengths cross every version boundary at level M up to version 40
        int[] lengths = {1, 20, 21, 38, 39, 61, 62, 90, 91, 122, 154, 178, 221, 262, 311, 312, 366, 419, 483, 528,
            600, 656, 734, 816, 909, 970, 1035, 1134, 1248, 1326, 1451, 1542, 1637, 1638, 1732, 1839, 1994, 2113,
            2238, 2369, 2506, 2632, 2780, 2894, 3054, 3220, 3391};
        for (int n : lengths) {
            StringBuilder sb = new StringBuilder("GD1:");
            while (sb.length() < n) {
                sb.append(alnum.charAt(r.nextInt(alnum.length())));
            }
            texts.add(sb.substring(0, n));
        }
        texts.add(TestIds.digits(new TestIds(2).iid63()));
        texts.add("1");
        texts.add("0".repeat(300));
        texts.add("Installation ID: 12345-67890");
        texts.add("hello, world");
        for (String text : texts) {
            QRCode want = Encoder.encode(text, ErrorCorrectionLevel.M);
            @SuppressWarnings("unchecked")
            Map<String, Object> got = (Map<String, Object>) js("var q = window.GapdeskQr.qrEncode(arguments[0]);"
                    + " return {version: q.version, mask: q.mask, mode: q.mode, rows: q.modules.map(function (r) {"
                    + " return r.join(''); })};", text);
            String label = text.length() + " chars";
            assertEquals((long) want.getVersion().getVersionNumber(), got.get("version"), label);
            assertEquals(want.getMode().name().toLowerCase(), got.get("mode"), label);
            assertEquals((long) want.getMaskPattern(), got.get("mask"), label);
            @SuppressWarnings("unchecked")
            List<String> rows = (List<String>) got.get("rows");
            ByteMatrix m = want.getMatrix();
            for (int y = 0; y < m.getHeight(); y++) {
                StringBuilder row = new StringBuilder();
                for (int x = 0; x < m.getWidth(); x++) {
                    row.append(m.get(x, y));
                }
                assertEquals(row.toString(), rows.get(y), label + ", row " + y);
            }
        }
    }

    @Test
    void sha256InThePageAgreesWithTheJdk() throws Exception {
        Random r = new Random(2);
        for (int n : new int[] {0, 1, 55, 56, 63, 64, 65, 119, 120, 1000}) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            List<Integer> ints = new ArrayList<>();
            for (byte x : b) {
                ints.add(x & 0xFF);
            }
            @SuppressWarnings("unchecked")
            List<Long> got = (List<Long>) js("return window.GapdeskQr.sha256(arguments[0]);", ints);
            byte[] want = QrPart.sha256(b);
            for (int i = 0; i < 32; i++) {
                assertEquals(want[i] & 0xFF, got.get(i).intValue(), n + " bytes, byte " + i);
            }
        }
    }

    @Test
    void thePagesPayloadsAreTheJavaEncodersStrings() throws Exception {
        byte[] json = requestFile(45, 3).toBytes(false);
        QrRequest request = javaRequest(parseRequest(json));
        for (int size : new int[] {200, 400, 600}) {
            @SuppressWarnings("unchecked")
            List<String> js = (List<String>) js("var r = window.GapdeskQr.fromRequestJson(arguments[0]);"
                    + " return window.GapdeskQr.encodeParts(r, arguments[1]);",
                    new String(json, StandardCharsets.UTF_8), size);
            assertEquals(QrPayloads.encode(request, size), js, "part size " + size);
        }
        @SuppressWarnings("unchecked")
        List<List<String>> perMachine = (List<List<String>>) js("var r = window.GapdeskQr.fromRequestJson(arguments[0]);"
                + " return window.GapdeskQr.encodePerMachine(r, 400).map(function (m) { return m.parts; });",
                new String(json, StandardCharsets.UTF_8));
        assertEquals(QrPayloads.encodePerMachine(request, 400), perMachine);
    }

    @Test
    void pastedSlmgrAndOsppTextGivesTheSameStringsAsTheKiosksTextReader() throws Exception {
        TestIds ids = new TestIds(4);
        String text = "Microsoft (R) Windows Script Host Version 5.812\r\n\r\nInstallation ID: " + ids.iid63()
                + "\r\n\r\nInstallation ID for: Office 16, Office16ProPlusVL_MAK edition: " + ids.iid63() + "\r\n"
                + "Installation ID for: Office 16, Office16VisioProVL_KMS_Client edition:\r\n" + ids.iid63() + "\r\n";
        ParsedFile parsed = new ActivationTextParser().parse(new UploadedFile("Lab PC 7.txt",
                text.getBytes(StandardCharsets.UTF_8)), new IntakeDefaults("LAB-S"), IntakeLimits.DEFAULT);
        assertEquals(3, parsed.entries().size());
        QrRequest request = javaRequest(parsed);
        @SuppressWarnings("unchecked")
        List<String> js = (List<String>) js("var r = window.GapdeskQr.fromActivationText(arguments[0], 'LAB-S',"
                + " ' Lab PC 7 '); return window.GapdeskQr.encodeParts(r, 400);", text);
        assertEquals(QrPayloads.encode(request, 400), js);
    }

    @Test
    void aBatchShownOnScreenDecodesAndReassemblesIntoExactlyTheRequestFile() throws Exception {
        byte[] json = requestFile(60, 5).toBytes(false);
        QrRequest expected = javaRequest(parseRequest(json));
        upload(json);
        pause();
        String status = driver.findElement(By.id("status")).getText();
        assertTrue(status.startsWith("Lab LAB-QR: 60 machines, 80 Installation IDs, "), status);
        List<String> decoded = readAllCodes();
        int count = QrPayloads.encode(expected).size();
        assertEquals(count, decoded.size());
        QrMessageAssembler assembler = new QrMessageAssembler();
        QrOffer last = null;
        for (String d : decoded) {
            last = assembler.offer(d);
        }
        assertNotNull(last.completed(), last.message());
        assertEquals(decoded(expected), last.completed().request());
    }

    @Test
    void oneCodePerMachineCarriesEachMachineWithItsName() throws Exception {
        byte[] json = requestFile(12, 6).toBytes(false);
        QrRequest expected = javaRequest(parseRequest(json));
        upload(json);
        pause();
        driver.findElement(By.id("modeMachine")).click();
        driver.findElement(By.id("partSize")).sendKeys("M");
        List<String> decoded = readAllCodes();
        assertEquals(12, decoded.size(), "one code per machine");
        List<QrRequest.Entry> all = new ArrayList<>();
        for (String d : decoded) {
            QrMessageAssembler a = new QrMessageAssembler();
            QrOffer o = a.offer(d);
            assertEquals(QrOffer.Status.COMPLETED, o.status(), o.message());
            List<QrRequest.Entry> entries = o.completed().request().entries();
            assertTrue(entries.stream().map(QrRequest.Entry::machine).distinct().count() == 1);
            assertEquals("LAB-QR", o.completed().request().lab());
            all.addAll(entries);
        }
        assertEquals(decoded(expected).entries(), all);
    }

    @Test
    void pastedTextIsShownAsAOneMachineCode() throws Exception {
        String iid = new TestIds(7).iid63();
        driver.findElement(By.id("slmgr")).sendKeys("Installation ID: " + iid);
        driver.findElement(By.id("machine")).sendKeys("PC-042");
        driver.findElement(By.id("lab")).sendKeys("LAB-P");
        driver.findElement(By.id("usePaste")).click();
        List<String> decoded = readAllCodes();
        assertEquals(1, decoded.size());
        QrOffer o = new QrMessageAssembler().offer(decoded.get(0));
        QrRequest r = o.completed().request();
        assertEquals("LAB-P", r.lab());
        assertEquals(List.of(new QrRequest.Entry("PC-042", false, new Product(null, null, "Windows", null, null, null),
                TestIds.digits(iid))), r.entries());
    }

    @Test
    void badInputIsExplainedOnThePage() throws Exception {
        upload("{\"format\":\"gapdesk-request\",\"version\":2,\"lab\":\"L\",\"machines\":[]}"
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(driver.findElement(By.id("status")).getText().contains("version 2 is not supported"));
        driver.findElement(By.id("usePaste")).click();
        assertTrue(driver.findElement(By.id("status")).getText().contains("machine name"));
        assertEquals("No codes yet", driver.findElement(By.id("caption")).getText());
    }

    private void upload(byte[] json) throws IOException {
        Path file = dir.resolve("request-" + System.nanoTime() + ".json");
        Files.write(file, json);
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        waitFor("return document.getElementById('status').textContent.length > 0;");
    }

    private void pause() {
        WebElement play = driver.findElement(By.id("play"));
        if (play.getText().equals("Pause")) {
            play.click();
        }
    }

    private void waitFor(String condition) {
        for (int i = 0; i < 200; i++) {
            if (Boolean.TRUE.equals(js(condition))) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("page never met: " + condition);
    }

    /** Every code the page cycles through, decoded by ZXing from the canvas pixels, in page order. */
    private List<String> readAllCodes() throws QrImageException {
        QrImageDecoder decoder = new QrImageDecoder();
        List<String> out = new ArrayList<>();
        String first = null;
        for (int i = 0; i < 500; i++) {
            String dataUrl = (String) js("return document.getElementById('qr').toDataURL('image/png');");
            byte[] png = Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
            List<String> texts = decoder.decode("canvas", png);
            assertEquals(1, texts.size(), "one code on screen");
            String shown = (String) js("return document.getElementById('qr').getAttribute('data-text');");
            assertEquals(shown, texts.get(0), "the pixels hold what the page meant to show");
            if (texts.get(0).equals(first)) {
                return out;
            }
            if (first == null) {
                first = texts.get(0);
            }
            out.add(texts.get(0));
            driver.findElement(By.id("next")).click();
        }
        throw new AssertionError("the page never came back to its first code");
    }
}
