package org.gapdesk.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gapdesk.activation.TestIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CilParserTest {
    static final IntakeDefaults DEFAULTS = new IntakeDefaults("LAB-V");
    static final String WIN_ACT = "7a1b2c3d-0000-4000-8000-00000000a001";
    static final String OFFICE_ACT = "7a1b2c3d-0000-4000-8000-00000000b002";

    final CilParser parser = new CilParser();
    final TestIds ids = new TestIds(9);

    static UploadedFile xml(String name, String text) {
        return new UploadedFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    ParsedFile parse(String text) throws FileRejectedException {
        return parser.parse(xml("lab.cilx", text), DEFAULTS, IntakeLimits.DEFAULT);
    }

    String reject(String text) {
        return assertThrows(FileRejectedException.class, () -> parse(text)).getMessage();
    }

    static String sku(String id, String name) {
        return "<Sku Id=\"" + id + "\" Name=\"" + name + "\" ApplicationId=\"55c92734-d682-4d71-983e-d6ec3f16059f\"/>";
    }

    @Test
    void readsTheDocumentedStructureAndFindsIidsByTheirCheckDigits() throws Exception {
        String iid1 = ids.iid63();
        String iid2 = ids.iid63();
        String cid = ids.cid48();
        String text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<SoftwareLicensingData xmlns=\"urn:example:vamt\" Version=\"2.0\">\n"
                + " <Computers>\n"
                + "  <Computer Name=\"PC-1\" OSVersion=\"10.0\" OSEdition=\"Enterprise\" NetworkType=\"Domain\""
                + " NetworkName=\"corp\" Id=\"7\">\n"
                + "   <MacAddresses><MacAddress>00-11-22-33-44-55</MacAddress></MacAddresses>\n"
                + "   <Products>\n"
                + "    <Product>" + sku(WIN_ACT, "Windows 11 Enterprise") + "<InstallationId>" + iid1.replace('-', ' ')
                + "</InstallationId><ConfirmationId>" + cid + "</ConfirmationId><Extra>abc</Extra></Product>\n"
                + "    <Product Iid=\"" + iid2 + "\">" + sku(OFFICE_ACT, "Office") + "</Product>\n"
                + "    <Product>" + sku(WIN_ACT, "No key") + "</Product>\n"
                + "   </Products>\n"
                + "  </Computer>\n"
                + " </Computers>\n"
                + "</SoftwareLicensingData>\n";
        ParsedFile f = parse(text);
        assertEquals("vamt-cil", f.format());
        assertEquals(2, f.entries().size());
        IntakeEntry e = f.entries().get(0);
        assertEquals("Computer[1] 'PC-1' / Product[1]", e.where());
        assertEquals("PC-1", e.machine().name());
        assertEquals("LAB-V", e.machine().lab());
        assertEquals(WIN_ACT, e.product().activationId());
        assertEquals("55c92734-d682-4d71-983e-d6ec3f16059f", e.product().applicationId());
        assertEquals("Windows 11 Enterprise", e.product().name());
        assertEquals(TestIds.digits(iid1), e.iidText());
        assertEquals(TestIds.digits(iid2), f.entries().get(1).iidText());
        assertEquals(OFFICE_ACT, f.entries().get(1).product().activationId());
        List<String> notes = f.notes();
        assertTrue(notes.contains("Confirmation ID-like values not used (Gapdesk takes CIDs only as keyed in): 1"
                + " (first at Computer[1] 'PC-1' / Product[1] Product/ConfirmationId)"), notes.toString());
        assertTrue(notes.contains("Computer 'PC-1' product 'No key': no Installation ID found"), notes.toString());
        assertTrue(notes.contains("Installation IDs recognised by their check digits at: Product/InstallationId,"
                + " Product/@Iid"), notes.toString());
        assertTrue(notes.contains("not mapped (seen, not used): Computer/@Id, Computer/@NetworkName,"
                + " Computer/@NetworkType, Computer/@OSEdition, Computer/@OSVersion, Product/Extra"), notes.toString());
        assertTrue(notes.contains("MAC addresses present in the file were not kept"), notes.toString());
        assertFalse(notes.toString().contains("00-11-22-33-44-55"));
        assertFalse(f.entries().toString().contains("00-11-22-33-44-55"));
    }

    @Test
    void twoDifferentIidsInOneProductAreAnEntryProblemNamingTheElement() throws Exception {
        String text = "<SoftwareLicensingData><Computers>"
                + "<Computer Name=\"PC-1\"><Products><Product>" + sku(WIN_ACT, "W") + "<A>" + ids.iid63() + "</A>"
                + "</Product></Products></Computer>"
                + "<Computer Name=\"PC-7\"><Products><Product>" + sku(WIN_ACT, "W") + "<A>" + ids.iid63() + "</A><B>"
                + ids.iid54() + "</B></Product></Products></Computer>"
                + "</Computers></SoftwareLicensingData>";
        ParsedFile f = parse(text);
        assertEquals(1, f.entries().size());
        assertEquals(1, f.problems().size());
        EntryProblem p = f.problems().get(0);
        assertEquals("Computer[2] 'PC-7' / Product[1]", p.where());
        assertEquals("PC-7", p.machineName());
        assertEquals("Computer[2] 'PC-7' / Product[1] 'W': 2 different Installation IDs (Product/A, Product/B);"
                + " cannot tell which one is current", p.message());
    }

    @Test
    void sameIidTwiceInOneProductIsOneEntry() throws Exception {
        String iid = ids.iid63();
        ParsedFile f = parse("<SoftwareLicensingData><Computers><Computer Name=\"PC-1\"><Products><Product Iid=\""
                + iid + "\"><X>" + TestIds.digits(iid) + "</X></Product></Products></Computer></Computers>"
                + "</SoftwareLicensingData>");
        assertEquals(1, f.entries().size());
        assertEquals(0, f.problems().size());
    }

    @Test
    void computerWithoutNameIsAnEntryProblem() throws Exception {
        ParsedFile f = parse("<SoftwareLicensingData><Computers><Computer><Products><Product><A>" + ids.iid63()
                + "</A></Product></Products></Computer></Computers></SoftwareLicensingData>");
        assertEquals(List.of("Computer[1] / Product[1]: the Computer has no Name attribute"),
                f.problems().stream().map(EntryProblem::message).toList());
    }

    @Test
    void notesIidsOutsideTheDocumentedStructureAndAnUnexpectedRoot() throws Exception {
        ParsedFile f = parse("<Data><Loose>" + ids.iid63() + "</Loose><Computer Name=\"PC\"><Product><A>"
                + ids.iid63() + "</A></Product></Computer></Data>");
        assertEquals(1, f.entries().size());
        assertTrue(f.notes().contains("root element is 'Data', not SoftwareLicensingData as documented; read anyway"),
                f.notes().toString());
        assertTrue(f.notes().contains("1 Installation ID(s) outside any Computer element (first in Loose) not"
                + " imported: no machine can be tied to them"), f.notes().toString());
    }

    @Test
    void rejectsXmlWithoutTheDocumentedStructure() {
        assertEquals("lab.cilx: the documented VAMT structure (SoftwareLicensingData > Computers > Computer) was not"
                + " found", reject("<SoftwareLicensingData><Machines/></SoftwareLicensingData>"));
    }

    @Test
    void rejectsMalformedXmlNamingTheLine() {
        String m = reject("<SoftwareLicensingData>\n<Computers>\n</SoftwareLicensingData>");
        assertTrue(m.startsWith("lab.cilx: not well-formed XML at line 3, column "), m);
    }

    @Test
    void rejectsAnExternalEntityWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String text = "<?xml version=\"1.0\"?>\n<!DOCTYPE SoftwareLicensingData [\n"
                + "  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n]>\n"
                + "<SoftwareLicensingData><Computers><Computer Name=\"&xxe;\"><Products><Product><A>"
                + ids.iid63() + "</A></Product></Products></Computer></Computers></SoftwareLicensingData>";
        String m = reject(text);
        assertTrue(m.startsWith("lab.cilx: has a DOCTYPE at line 2"), m);
        assertTrue(m.endsWith("; Gapdesk reads no DTD and no entities in XML"), m);
        assertFalse(m.contains("TOP-SECRET"), m);
        String parameter = "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY % p SYSTEM \"" + dir.resolve("missing.dtd")
                .toUri() + "\"> %p;]><d/>";
        assertTrue(reject(parameter).startsWith("lab.cilx: has a DOCTYPE"));
        String externalDtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE d SYSTEM \"http://192.0.2.1/x.dtd\"><d/>";
        assertTrue(reject(externalDtd).startsWith("lab.cilx: has a DOCTYPE"));
    }

    @Test
    void rejectsBillionLaughs() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            sb.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                sb.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            sb.append("\">\n");
        }
        sb.append("]>\n<lolz>&lol9;</lolz>");
        String m = reject(sb.toString());
        assertTrue(m.startsWith("lab.cilx: has a DOCTYPE at line 2"), m);
    }

    @Test
    void rejectsVeryDeepNesting() {
        String deep = "<a>".repeat(CilParser.MAX_ELEMENT_DEPTH + 10) + "</a>".repeat(CilParser.MAX_ELEMENT_DEPTH + 10);
        String m = reject(deep);
        assertTrue(m.startsWith("lab.cilx: nested deeper than 256 elements at line 1"), m);
    }

    @Test
    void recognizesByNameOrLeadingAngleBracket() {
        assertTrue(parser.recognizes(xml("x.cil", "anything")));
        assertTrue(parser.recognizes(xml("x.CILX", "anything")));
        assertTrue(parser.recognizes(new UploadedFile("x.xml",
                "\uFEFF  <SoftwareLicensingData/>".getBytes(StandardCharsets.UTF_16LE))));
        assertFalse(parser.recognizes(xml("x.txt", "Installation ID: 1")));
    }
}
