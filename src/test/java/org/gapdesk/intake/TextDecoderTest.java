package org.gapdesk.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
    static final String TEXT = "Installation ID: 123\r\nMachine: Büro-7\r\n";

    static byte[] bytes(byte[] prefix, String text, Charset cs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        out.writeBytes(text.getBytes(cs));
        return out.toByteArray();
    }

    static TextDecoder.Decoded decode(byte[] b) throws FileRejectedException {
        return TextDecoder.decodeLines(new UploadedFile("x.txt", b), IntakeLimits.DEFAULT);
    }

    @Test
    void readsUtf8WithAndWithoutBom() throws Exception {
        TextDecoder.Decoded plain = decode(TEXT.getBytes(StandardCharsets.UTF_8));
        assertEquals(TEXT, plain.text());
        assertEquals("UTF-8", plain.encoding());
        assertFalse(plain.bom());
        TextDecoder.Decoded bom = decode(bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT,
                StandardCharsets.UTF_8));
        assertEquals(TEXT, bom.text());
        assertTrue(bom.bom());
    }

    @Test
    void readsUtf16WithByteOrderMarks() throws Exception {
        TextDecoder.Decoded le = decode(bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT, StandardCharsets.UTF_16LE));
        assertEquals(TEXT, le.text());
        assertEquals("UTF-16LE", le.encoding());
        TextDecoder.Decoded be = decode(bytes(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT, StandardCharsets.UTF_16BE));
        assertEquals(TEXT, be.text());
        assertEquals("UTF-16BE", be.encoding());
    }

    @Test
    void detectsUtf16WithoutByteOrderMarkByItsNulPattern() throws Exception {
        TextDecoder.Decoded le = decode(TEXT.getBytes(StandardCharsets.UTF_16LE));
        assertEquals(TEXT, le.text());
        assertEquals("UTF-16LE", le.encoding());
        TextDecoder.Decoded be = decode(TEXT.getBytes(StandardCharsets.UTF_16BE));
        assertEquals(TEXT, be.text());
        assertEquals("UTF-16BE", be.encoding());
    }

    @Test
    void fallsBackToWindows1252WhenNotUtf8() throws Exception {
        TextDecoder.Decoded d = decode(TEXT.getBytes(TextDecoder.WINDOWS_1252));
        assertEquals(TEXT, d.text());
        assertTrue(d.fellBack());
    }

    @Test
    void rejectsNulBytesNamingTheLine() {
        byte[] b = "line one\nline two\nbad\0line\n".getBytes(StandardCharsets.UTF_8);
        FileRejectedException e = assertThrows(FileRejectedException.class, () -> decode(b));
        assertEquals("x.txt: line 3 holds a NUL character; this is not a text file", e.getMessage());
    }

    @Test
    void rejectsOverlongLinesNamingTheLine() throws Exception {
        IntakeLimits small = new IntakeLimits(1 << 20, 100, 10, 20);
        byte[] b = ("short\r\nshort too\r\n" + "x".repeat(21) + "\r\n").getBytes(StandardCharsets.UTF_8);
        FileRejectedException e = assertThrows(FileRejectedException.class,
                () -> TextDecoder.decodeLines(new UploadedFile("x.txt", b), small));
        assertEquals("x.txt: line 3 is longer than 20 characters", e.getMessage());
        TextDecoder.decodeLines(new UploadedFile("x.txt", ("x".repeat(20) + "\n").getBytes(StandardCharsets.UTF_8)),
                small);
    }

    @Test
    void documentsMayHaveLongLinesButNoNul() throws Exception {
        IntakeLimits small = new IntakeLimits(1 << 20, 100, 10, 20);
        String oneLine = "{\"a\":\"" + "x".repeat(100) + "\"}";
        assertEquals(oneLine, TextDecoder.decodeDocument(new UploadedFile("x.json",
                oneLine.getBytes(StandardCharsets.UTF_8)), small).text());
        assertThrows(FileRejectedException.class, () -> TextDecoder.decodeDocument(new UploadedFile("x.json",
                "{\0}".getBytes(StandardCharsets.UTF_8)), small));
    }

    @Test
    void rejectsUtf16WithAnOddByteCountAndDamagedUtf8AfterABom() {
        byte[] odd = bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, "abc", StandardCharsets.UTF_16LE);
        byte[] cut = java.util.Arrays.copyOf(odd, odd.length - 1);
        FileRejectedException e = assertThrows(FileRejectedException.class, () -> decode(cut));
        assertTrue(e.getMessage().startsWith("x.txt: "), e.getMessage());
        assertTrue(e.getMessage().contains("odd number of bytes"), e.getMessage());
        byte[] damaged = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', (byte) 0xC3};
        e = assertThrows(FileRejectedException.class, () -> decode(damaged));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    @Test
    void rejectsFilesOverTheByteLimit() {
        IntakeLimits small = new IntakeLimits(10, 100, 10, 20);
        FileRejectedException e = assertThrows(FileRejectedException.class,
                () -> TextDecoder.decodeLines(new UploadedFile("x.txt", new byte[11]), small));
        assertEquals("x.txt: 11 bytes is over the limit of 10 bytes", e.getMessage());
    }

    @Test
    void peeksLenientlyForDetection() {
        byte[] le = bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, "  \r\n{ \"a\": 1 }", StandardCharsets.UTF_16LE);
        assertEquals('{', TextDecoder.firstNonBlank(le));
        assertEquals('<', TextDecoder.firstNonBlank(" <x/>".getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(0, TextDecoder.firstNonBlank("   ".getBytes(StandardCharsets.UTF_8)));
        assertEquals("ab", TextDecoder.peek("abc".getBytes(StandardCharsets.UTF_8), 2));
    }
}
