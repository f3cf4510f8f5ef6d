package org.gapdesk.intake;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;

/**
 * Reads the captured output of {@code slmgr.vbs /dti} and {@code cscript ospp.vbs /dinstid} saved to a text
 * file, in any of the encodings Windows writes (UTF-16LE from PowerShell redirection included).
 *
 * <p>Every line that contains "Installation ID" and a colon gives one entry: the IID is the text after the
 * last colon (or, when that is empty, the next non-blank line). The product is the text between "for:" and
 * the last colon when present ({@code ospp.vbs}), else "Windows" ({@code slmgr}). The file carries no machine
 * name: the machine is the file name without its last extension ({@code PC-017.txt} is {@code PC-017}); the
 * lab is the operator's default. The parser only extracts; IIDs that fail their check digits still become
 * entries, which the import then rejects with the group at fault.
 */
public final class ActivationTextParser implements FileParser {
    /** The format name. */
    public static final String FORMAT = "slmgr-text";

    private static final String MARK = "installation id";
    private static final Pattern RECOGNIZE = Pattern.compile("(?i)installation id[^\\r\\n]*:");
    private static final int PEEK_BYTES = 64 * 1024;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognizes(UploadedFile file) {
        if (file.namedAsStructured()) {
            return false;
        }
        return RECOGNIZE.matcher(TextDecoder.peek(file.bytes(), PEEK_BYTES)).find();
    }

    @Override
    public ParsedFile parse(UploadedFile file, IntakeDefaults defaults, IntakeLimits limits)
            throws FileRejectedException {
        String name = file.name();
        TextDecoder.Decoded decoded = TextDecoder.decodeLines(file, limits);
        ParsedFileBuilder out = new ParsedFileBuilder(name, FORMAT, limits);
        if (decoded.fellBack()) {
            out.note("not valid UTF-8; read as windows-1252");
        }
        String machineName = machineName(name);
        Machine machine = new Machine(defaults.lab(), machineName, false);
        List<String> lines = decoded.text().lines().toList();
        int found = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int mark = line.toLowerCase(Locale.ROOT).indexOf(MARK);
            if (mark < 0) {
                if (line.toUpperCase(Locale.ROOT).contains("ERROR")) {
                    out.note("line " + (i + 1) + ": " + ParsedFileBuilder.shorten(line.strip()));
                }
                continue;
            }
            int colon = line.lastIndexOf(':');
            if (colon < mark) {
                out.note("line " + (i + 1) + ": \"Installation ID\" without a colon; ignored");
                continue;
            }
            String where = "line " + (i + 1);
            String value = line.substring(colon + 1).strip();
            if (value.isEmpty()) {
                int next = nextNonBlank(lines, i + 1);
                if (next >= 0 && looksLikeDigits(lines.get(next))) {
                    value = lines.get(next).strip();
                    i = next;
                }
            }
            if (value.chars().noneMatch(Character::isDigit)) {
                out.note(where + ": \"Installation ID\" without digits; ignored");
                continue;
            }
            found++;
            if (machineName.isEmpty()) {
                out.problem(where, "", where + ": no machine name (the file name gives none)");
                continue;
            }
            out.entry(where, machine, product(line.substring(mark, colon)), value);
        }
        if (found == 0) {
            throw new FileRejectedException(name + ": no \"Installation ID: <digits>\" line found; expected the"
                    + " output of slmgr.vbs /dti or cscript ospp.vbs /dinstid");
        }
        out.note("machine name '" + ParsedFileBuilder.shorten(machineName) + "' taken from the file name; lab "
                + defaults.lab() + " as chosen for this import");
        return out.build();
    }

    /**
     * The product a line names: the text after "for:" up to the last colon ({@code ospp.vbs /dinstid}), else
     * Windows ({@code slmgr /dti}). The channel is derived from an Office edition name ending in
     * {@code _KMS_Client edition} or {@code _MAK edition}; otherwise it is unknown.
     */
    static Product product(String labelPart) {
        int forAt = labelPart.toLowerCase(Locale.ROOT).indexOf("for:");
        if (forAt < 0) {
            return new Product(null, null, "Windows", null, null, null);
        }
        String productName = labelPart.substring(forAt + 4).strip();
        String upper = productName.toUpperCase(Locale.ROOT);
        String channel = null;
        if (upper.contains("_KMS_CLIENT")) {
            channel = "Volume:GVLK";
        } else if (upper.contains("_MAK")) {
            channel = "Volume:MAK";
        }
        return new Product(null, null, productName, channel, null, null);
    }

    /** The file name without its last extension; {@code PC-017.txt} gives {@code PC-017}. */
    static String machineName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        return stem.strip();
    }

    private static int nextNonBlank(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean looksLikeDigits(String s) {
        String t = s.strip();
        return !t.isEmpty() && t.chars().allMatch(c -> Character.isDigit(c) || c == ' ' || c == '-');
    }
}
