package org.gapdesk.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gapdesk.activation.TestIds;
import org.junit.jupiter.api.Test;

class CsvParserTest {
    static final IntakeDefaults DEFAULTS = new IntakeDefaults("LAB-D");
    static final String WIN_ACT = "7a1b2c3d-0000-4000-8000-00000000a001";

    final CsvParser parser = new CsvParser();
    final TestIds ids = new TestIds(5);

    static UploadedFile csv(String name, String text) {
        return new UploadedFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    ParsedFile parse(String text) throws FileRejectedException {
        return parser.parse(csv("list.csv", text), DEFAULTS, IntakeLimits.DEFAULT);
    }

    @Test
    void readsCommaSeparatedWithAllColumns() throws Exception {
        String iid = ids.iid63();
        ParsedFile f = parse("Lab,Machine,Activation ID,Application ID,Product Name,Channel,Partial Key,License Status,IID\r\n"
                + "LAB-B,PC-001," + WIN_ACT + ",55c92734-d682-4d71-983e-d6ec3f16059f,\"Windows(R), Enterprise edition\","
                + "Volume:MAK,3V66T,1," + iid + "\r\n");
        assertEquals("csv", f.format());
        assertEquals(1, f.entries().size());
        IntakeEntry e = f.entries().get(0);
        assertEquals("line 2", e.where());
        assertEquals("LAB-B", e.machine().lab());
        assertEquals("PC-001", e.machine().name());
        assertEquals(WIN_ACT, e.product().activationId());
        assertEquals("Windows(R), Enterprise edition", e.product().name());
        assertEquals("Volume:MAK", e.product().channel());
        assertEquals("3V66T", e.product().partialKey());
        assertEquals(1, e.product().licenseStatus());
        assertEquals(iid, e.iidText());
        assertEquals(List.of(), f.notes());
    }

    @Test
    void detectsSemicolonAndQuotedFieldsOverSeveralLines() throws Exception {
        String iid1 = ids.iid54();
        String iid2 = ids.iid54();
        ParsedFile f = parse("hostname;\"product\";installation id\n"
                + "PC-1;\"Office; \"\"Pro\"\"\nPlus\";" + iid1 + "\n"
                + "\n"
                + "PC-2;Windows;" + iid2 + "\n");
        assertEquals(2, f.entries().size());
        assertEquals("Office; \"Pro\"\nPlus", f.entries().get(0).product().name());
        assertEquals("LAB-D", f.entries().get(0).machine().lab(), "default lab");
        assertEquals("line 2", f.entries().get(0).where());
        assertEquals("line 5", f.entries().get(1).where());
        assertNull(f.entries().get(0).product().activationId());
    }

    @Test
    void readsTabSeparatedUtf16AsExcelUnicodeTextWritesIt() throws Exception {
        String text = "Computer\tSKU\tOfflineInstallationId\r\nPC-9\t" + WIN_ACT + "\t" + ids.iid63() + "\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        ParsedFile f = parser.parse(new UploadedFile("list.txt", out.toByteArray()), DEFAULTS, IntakeLimits.DEFAULT);
        assertEquals(1, f.entries().size());
        assertEquals("PC-9", f.entries().get(0).machine().name());
        assertEquals(WIN_ACT, f.entries().get(0).product().activationId());
    }

    @Test
    void honoursExcelSepLineAndSkipsPowerShellTypeLine() throws Exception {
        ParsedFile f = parse("sep=|\nMachine|IID\nPC-1|" + ids.iid63() + "\n");
        assertEquals(1, f.entries().size());
        assertEquals("line 3", f.entries().get(0).where());
        f = parse("#TYPE Microsoft.Management.Infrastructure.CimInstance#root/cimv2/SoftwareLicensingProduct\n"
                + "\"PSComputerName\",\"Name\",\"ID\",\"ProductKeyChannel\",\"LicenseStatus\",\"OfflineInstallationId\"\n"
                + "\"PC-4\",\"Windows(R), Enterprise edition\",\"" + WIN_ACT + "\",\"Volume:GVLK\",\"5\",\"" + ids.iid63() + "\"\n"
                + "\"PC-4\",\"Office\",\"" + WIN_ACT.replace('2', '3') + "\",\"\",\"0\",\"\"\n");
        assertEquals(1, f.entries().size());
        IntakeEntry e = f.entries().get(0);
        assertEquals("PC-4", e.machine().name(), "PSComputerName wins over Name");
        assertTrue(e.product().isKmsClient());
        assertEquals(5, e.product().licenseStatus());
        assertEquals(List.of(
                "rows without an Installation ID skipped (no key installed): 1 (first at line 4)",
                "line 1: PowerShell type line skipped",
                "column 'Name' not used: column 'PSComputerName' gives the same",
                "columns this kiosk does not read were ignored: ID"), f.notes());
    }

    @Test
    void aliasColumnMarksMachinesAsAliases() throws Exception {
        ParsedFile f = parse("Alias,IID\nseat-4," + ids.iid63() + "\n");
        assertTrue(f.entries().get(0).machine().alias());
        f = parse("Host,IID\nPC-4," + ids.iid63() + "\n");
        assertFalse(f.entries().get(0).machine().alias());
    }

    @Test
    void rejectsAFileWithoutAnIidColumnNamingTheHeader() {
        FileRejectedException e = assertThrows(FileRejectedException.class,
                () -> parse("Machine,Product,Key\nPC-1,Windows,123\n"));
        assertEquals("list.csv: line 1: no Installation ID column in the header (Machine, Product, Key); expected one"
                + " of: IID, Installation ID, InstallationId, OfflineInstallationId", e.getMessage());
        e = assertThrows(FileRejectedException.class, () -> parse("\n\n"));
        assertTrue(e.getMessage().startsWith("list.csv: no header row"), e.getMessage());
    }

    @Test
    void rowWithoutMachineNameIsAnEntryProblem() throws Exception {
        ParsedFile f = parse("Machine,IID\nPC-1," + ids.iid63() + "\n," + ids.iid63() + "\n");
        assertEquals(1, f.entries().size());
        assertEquals(1, f.problems().size());
        assertEquals("line 3: no machine name", f.problems().get(0).message());
        assertEquals("line 3", f.problems().get(0).where());
    }

    @Test
    void badFieldsAreEntryProblemsNamingTheLine() throws Exception {
        ParsedFile f = parse("Machine,Activation ID,License Status,IID\nPC-1,nope,licensed," + ids.iid63() + "\n");
        assertEquals(List.of("line 2: Activation ID 'nope' is not a GUID"),
                f.problems().stream().map(EntryProblem::message).toList());
        assertTrue(f.notes().contains("license status that is not a number, left empty: 1 (first at line 2)"),
                f.notes().toString());
    }

    @Test
    void rejectsAnUnclosedQuoteNamingItsLine() {
        FileRejectedException e = assertThrows(FileRejectedException.class,
                () -> parse("Machine,IID\nPC-1,1\nPC-2,\"12345\n"));
        assertEquals("list.csv: line 3: a quoted field is not closed", e.getMessage());
    }

    @Test
    void rejectsAnOverlongLine() {
        IntakeLimits small = new IntakeLimits(1 << 20, 100, 10, 200);
        FileRejectedException e = assertThrows(FileRejectedException.class,
                () -> parser.parse(csv("list.csv", "Machine,IID\nPC-1," + "1".repeat(300) + "\n"), DEFAULTS, small));
        assertEquals("list.csv: line 2 is longer than 200 characters", e.getMessage());
    }

    @Test
    void recognizesByNameOrHeader() {
        assertTrue(parser.recognizes(csv("x.csv", "anything")));
        assertTrue(parser.recognizes(csv("x.txt", "Host;Installation ID\nPC;1")));
        assertTrue(parser.recognizes(csv("x.txt", "\"Host\",\"IID\"\n")));
        assertFalse(parser.recognizes(csv("x.txt", "Host;Product\nPC;1")));
        assertFalse(parser.recognizes(csv("x.txt", "IID\n123")));
    }
}
