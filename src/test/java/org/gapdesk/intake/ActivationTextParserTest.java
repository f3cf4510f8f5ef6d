package org.gapdesk.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.gapdesk.activation.TestIds;
import org.junit.jupiter.api.Test;

class ActivationTextParserTest {
    static final IntakeDefaults DEFAULTS = new IntakeDefaults("LAB-T");
    static final String WSH = "Microsoft (R) Windows Script Host Version 5.812\r\n"
            + "Copyright (C) Microsoft Corporation. All rights reserved.\r\n\r\n";

    final ActivationTextParser parser = new ActivationTextParser();
    final TestIds ids = new TestIds(3);

    static byte[] utf16leWithBom(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }

    ParsedFile parse(String name, byte[] bytes) throws FileRejectedException {
        return parser.parse(new UploadedFile(name, bytes), DEFAULTS, IntakeLimits.DEFAULT);
    }

    @Test
    void readsSlmgrDtiCapturedByPowerShellAsUtf16() throws Exception {
        UploadedFile f = new UploadedFile("PC-017.txt",
                utf16leWithBom(WSH + "Installation ID: " + TestIds.XP_IID_54 + "\r\n\r\n"));
        assertTrue(parser.recognizes(f));
        ParsedFile p = parser.parse(f, DEFAULTS, IntakeLimits.DEFAULT);
        assertEquals("slmgr-text", p.format());
        assertEquals(1, p.entries().size());
        IntakeEntry e = p.entries().get(0);
        assertEquals("line 4", e.where());
        assertEquals("PC-017", e.machine().name());
        assertEquals("LAB-T", e.machine().lab());
        assertEquals("Windows", e.product().name());
        assertNull(e.product().channel());
        assertEquals(TestIds.XP_IID_54, e.iidText());
        assertTrue(p.notes().contains("machine name 'PC-017' taken from the file name; lab LAB-T as chosen for this"
                + " import"), p.notes().toString());
    }

    @Test
    void readsOsppDinstidWithProductNames() throws Exception {
        String mak = ids.iid63().replace('-', ' ');
        String kms = ids.iid63();
        String text = "---Processing--------------------------\n"
                + "---------------------------------------\n"
                + "Installation ID for: Office 16, Office16ProPlusVL_MAK edition: " + mak + "\n"
                + "---------------------------------------\n"
                + "Installation ID for: Office 16, Office16VisioProVL_KMS_Client edition: " + kms + "\n"
                + "---------------------------------------\n"
                + "ERROR CODE: 0xC004F009\n"
                + "---Exiting-----------------------------\n";
        ParsedFile p = parse("lab-pc-3.log", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, p.entries().size());
        assertEquals("Office 16, Office16ProPlusVL_MAK edition", p.entries().get(0).product().name());
        assertEquals("Volume:MAK", p.entries().get(0).product().channel());
        assertEquals(mak, p.entries().get(0).iidText());
        assertEquals("Office 16, Office16VisioProVL_KMS_Client edition", p.entries().get(1).product().name());
        assertTrue(p.entries().get(1).product().isKmsClient());
        assertEquals("lab-pc-3", p.entries().get(0).machine().name());
        assertTrue(p.notes().contains("line 7: ERROR CODE: 0xC004F009"), p.notes().toString());
    }

    @Test
    void takesTheIidFromTheNextLineWhenTheLabelStandsAlone() throws Exception {
        ParsedFile p = parse("PC-1.txt", ("Installation ID:\n\n  " + TestIds.XP_IID_50 + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(TestIds.XP_IID_50, p.entries().get(0).iidText());
        assertEquals("line 1", p.entries().get(0).where());
    }

    @Test
    void onlyExtractsDigitsThatFailTheirChecksStillBecomeEntries() throws Exception {
        String broken = TestIds.breakGroup(TestIds.XP_IID_54, 9, 6);
        ParsedFile p = parse("PC-2.txt", ("Installation ID: " + broken + "\n"
                + "installation id: 12345-6789X\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(2, p.entries().size());
        assertEquals(broken, p.entries().get(0).iidText());
        assertEquals("12345-6789X", p.entries().get(1).iidText());
    }

    @Test
    void readsUtf8AndUtf16WithoutBom() throws Exception {
        String text = WSH + "Installation ID: " + TestIds.XP_IID_54 + "\r\n";
        assertEquals(1, parse("a.txt", text.getBytes(StandardCharsets.UTF_8)).entries().size());
        assertEquals(1, parse("a.txt", text.getBytes(StandardCharsets.UTF_16LE)).entries().size());
        assertEquals(1, parse("a.txt", text.getBytes(StandardCharsets.UTF_16BE)).entries().size());
    }

    @Test
    void rejectsTextWithoutAnInstallationIdLine() {
        FileRejectedException e = assertThrows(FileRejectedException.class,
                () -> parse("PC-1.txt", (WSH + "Installation ID:\r\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals("PC-1.txt: no \"Installation ID: <digits>\" line found; expected the output of slmgr.vbs /dti"
                + " or cscript ospp.vbs /dinstid", e.getMessage());
    }

    @Test
    void rejectsNulAndOverlongLines() {
        FileRejectedException e = assertThrows(FileRejectedException.class,
                () -> parse("PC-1.txt", "Installation ID: 1\n\0\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("PC-1.txt: line 2 holds a NUL character; this is not a text file", e.getMessage());
        IntakeLimits small = new IntakeLimits(1 << 20, 100, 10, 80);
        e = assertThrows(FileRejectedException.class, () -> parser.parse(new UploadedFile("PC-1.txt",
                ("Installation ID: " + "1".repeat(100)).getBytes(StandardCharsets.UTF_8)), DEFAULTS, small));
        assertEquals("PC-1.txt: line 1 is longer than 80 characters", e.getMessage());
    }

    @Test
    void recognizesCapturedOutputButNotCsv() {
        byte[] text = "Installation ID: 1".getBytes(StandardCharsets.UTF_8);
        assertTrue(parser.recognizes(new UploadedFile("x.txt", text)));
        assertFalse(parser.recognizes(new UploadedFile("x.csv", text)));
        assertFalse(parser.recognizes(new UploadedFile("x.txt",
                "Machine,Installation ID\nPC,1".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void machineNameIsTheFileNameWithoutItsLastExtension() {
        assertEquals("PC-017", ActivationTextParser.machineName("PC-017.txt"));
        assertEquals("PC-017.dti", ActivationTextParser.machineName("PC-017.dti.txt"));
        assertEquals("PC-017", ActivationTextParser.machineName("PC-017"));
    }
}
