package org.gapdesk.worksheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.RequestState;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.batch.Batch;
import org.gapdesk.config.KioskConfig;
import org.gapdesk.config.SiteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorksheetPdfTest {
    @TempDir
    Path dir;

    @Test
    void everyIidGroupAndTheFingerprintAreOnTheWorksheetEachBlockOnOnePage() throws IOException {
        try (WorksheetFixture f = new WorksheetFixture(dir).machines(23)) {
            Batch batch = f.batch(ActivationChannel.PHONE);
            byte[] pdf = f.service().pdf(batch.id());

            try (PDDocument doc = Loader.loadPDF(pdf)) {
                int pages = doc.getNumberOfPages();
                assertTrue(pages > 1, "23 machines need several pages");
                List<String> pageTexts = new ArrayList<>();
                for (int p = 1; p <= pages; p++) {
                    PDFTextStripper stripper = new PDFTextStripper();
                    stripper.setStartPage(p);
                    stripper.setEndPage(p);
                    String text = stripper.getText(doc);
                    pageTexts.add(text);
                    assertTrue(text.contains("Page " + p + " of " + pages), "page " + p + ": " + text);
                    assertTrue(text.contains(WorksheetFixture.FINGERPRINT), "fingerprint on page " + p);
                    assertTrue(text.contains("Batch " + batch.id()), "batch on page " + p);
                }
                String first = pageTexts.get(0);
                for (String expected : List.of("Activation worksheet", "Example Research Site", "LAB-A",
                        "Materials lab (isolated)", "alice", "2026-11-20 10:00 +00:00", "Telephone channel",
                        "Number: see your site's activation centre number", "27 IIDs on 23 machines")) {
                    assertTrue(first.contains(expected), expected + " in the header:\n" + first);
                }
                for (int i = 0; i < f.iids.size(); i++) {
                    InstallationId iid = InstallationId.parse(f.iids.get(i));
                    int onPage = -1;
                    for (int p = 0; p < pages; p++) {
                        if (pageTexts.get(p).contains(iid.groups().get(0))) {
                            onPage = p;
                        }
                    }
                    assertTrue(onPage >= 0, "IID " + iid + " is printed");
                    for (String group : iid.groups()) {
                        assertTrue(pageTexts.get(onPage).contains(group),
                                "group " + group + " of " + iid + " on the same page as its first group");
                    }
                }
                assertTrue(first.contains("Volume licence customer?") && first.contains("Yes"),
                        "the telephone channel prints the IVR answers");
                assertTrue(first.contains("Installed on how many") && first.contains("1  (one)"));
                assertFontsEmbedded(doc);
                assertEquals(PDRectangle.A4.getWidth(), doc.getPage(0).getMediaBox().getWidth(), 0.01);
            }
        }
    }

    @Test
    void aReprintHasTheSameContentAndLetterPaperIsHonoured() throws IOException {
        try (WorksheetFixture f = new WorksheetFixture(dir).machines(6)) {
            Batch batch = f.batch(ActivationChannel.PORTAL);
            f.batches.close(batch.id(), "bob");
            KioskConfig defaults = KioskConfig.defaults();
            SiteSettings s = defaults.site();
            KioskConfig letter = new KioskConfig(new SiteSettings(s.siteName(), s.kioskId(), s.bindHost(), s.port(),
                    s.labs(), s.usbRoots(), "Letter"), defaults.catalog(), defaults.channels());
            WorksheetService service = f.service(letter);

            String once = text(service.pdf(batch.id()));
            String again = text(service.pdf(batch.id()));
            assertEquals(once, again);
            assertTrue(once.contains("Address: aka.ms/aoh"), once);
            assertTrue(once.contains("Portal channel"), once);
            assertFalse(once.contains("Volume licence customer?"), "IVR answers are for the telephone channel");
            try (PDDocument doc = Loader.loadPDF(service.pdf(batch.id()))) {
                assertEquals(PDRectangle.LETTER.getHeight(), doc.getPage(0).getMediaBox().getHeight(), 0.01);
            }
        }
    }

    @Test
    void hostileNamesArePrintedSafelyAndLongOnesAreCut() throws IOException {
        try (WorksheetFixture f = new WorksheetFixture(dir)) {
            String iid = f.ids.iid63();
            f.record.add("LAB-A", "PC-\u0007\u202e\ud83d\ude00-\u4e2d" + "X".repeat(200), new Product(null, null,
                    "Windows " + "Very Long Edition ".repeat(10), null, null, null), iid, RequestState.RECEIVED);
            Batch batch = f.batch(ActivationChannel.PHONE);
            Path out = dir.resolve("out/ws.pdf");
            long size = f.service().write(batch.id(), out);
            assertEquals(Files.size(out), size);
            String text = text(Files.readAllBytes(out));
            assertTrue(text.contains("PC-??"), "control and direction characters print as '?': " + text);
            assertFalse(text.contains("\u0007") || text.contains("\u202e"), text);
            assertTrue(text.contains("\u2026"), "long names end in an ellipsis");
            assertTrue(text.contains("not reported"), "a missing Activation ID says so");
            for (String group : InstallationId.parse(iid).groups()) {
                assertTrue(text.contains(group));
            }
        }
    }

    @Test
    void channelInstructionsNeverInventANumber() {
        KioskConfig defaults = KioskConfig.defaults();
        ChannelInstructions phone = ChannelInstructions.from(defaults.channels(), ActivationChannel.PHONE);
        assertEquals("Number", phone.contactLabel());
        assertEquals(ChannelInstructions.NO_NUMBER, phone.contact());
        assertFalse(phone.steps().isEmpty());
        ChannelInstructions none = ChannelInstructions.from(null, ActivationChannel.PHONE);
        assertEquals(ChannelInstructions.NO_NUMBER, none.contact());
        assertEquals(PaperSize.LETTER, PaperSize.parse("letter"));
    }

    @Test
    void machineCountsDistinctMachines() {
        try (WorksheetFixture f = new WorksheetFixture(dir).machines(10)) {
            Worksheet ws = f.service().worksheet(f.batch(ActivationChannel.PHONE).id());
            assertEquals(12, ws.entries().size());
            assertEquals(10, ws.machineCount());
            assertEquals(List.of(1, 2, 3), ws.entries().stream().limit(3).map(WorksheetEntry::position).toList());
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static void assertFontsEmbedded(PDDocument doc) throws IOException {
        Set<String> names = new HashSet<>();
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                names.add(font.getName().substring(font.getName().indexOf('+') + 1));
            }
        }
        assertTrue(names.containsAll(Set.of("DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono-Bold")), names.toString());
    }
}
