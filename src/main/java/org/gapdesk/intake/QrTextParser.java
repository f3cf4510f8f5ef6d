package org.gapdesk.intake;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;
import org.gapdesk.qr.QrLimits;
import org.gapdesk.qr.QrMessage;
import org.gapdesk.qr.QrMessageAssembler;
import org.gapdesk.qr.QrOffer;
import org.gapdesk.qr.QrPart;
import org.gapdesk.qr.QrRequest;

/**
 * Reads what QR codes bring as text, one payload a line: a completed QR message ({@code qr-message-<id>.txt}
 * from the assembler), text typed by a handheld scanner, or a paste. Each non-blank line is one of:
 * <ul>
 * <li>a Gapdesk QR part ({@code GD1:...}); parts are reassembled per message and every message must be
 * complete and pass its checksum, otherwise the whole file is rejected naming the line or the missing parts;
 * repeated parts are ignored;
 * <li>bare Installation ID digits in any grouping;
 * <li>{@code NAME<tab>IID} (also {@code ;} or {@code ,} as the separator): a machine name and its IID;
 * <li>a captured {@code slmgr /dti} or {@code ospp.vbs /dinstid} line ({@code Installation ID...: digits}).
 * </ul>
 * Other lines are ignored and counted in a note. Bare IIDs and slmgr lines carry no machine name: the machine
 * is the file name without its extension (as for captured slmgr text) and the lab is the operator's default;
 * a Gapdesk message brings its own lab and machine names. The file is recognized when any of its first 8 KiB
 * of lines is a Gapdesk part, or its first non-blank line is bare IID digits or a {@code NAME<tab>IID} line.
 */
public final class QrTextParser implements FileParser {
    /** The format name. */
    public static final String FORMAT = "qr-text";

    private static final int PEEK_BYTES = 8192;
    /** Fewer digits than this on a line are not taken for an attempted IID. */
    private static final int MIN_IID_DIGITS = 10;
    private static final String SEPARATOR_CHARS = " \\-\\u00a0\\u2010-\\u2015\\u2212";
    private static final Pattern DIGITS_LINE = Pattern.compile("[0-9][0-9" + SEPARATOR_CHARS + "]*");
    private static final Pattern NAMED_LINE = Pattern.compile("([^\\t;,]*[^\\t;, ])\\s*[\\t;,]\\s*([0-9][0-9"
            + SEPARATOR_CHARS + "]*)");
    private static final String MARK = "installation id";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognizes(UploadedFile file) {
        if (file.namedAsStructured()) {
            return false;
        }
        boolean first = true;
        for (String line : TextDecoder.peek(file.bytes(), PEEK_BYTES).lines().toList()) {
            String t = line.strip().replace("\uFEFF", "");
            if (t.isEmpty()) {
                continue;
            }
            if (QrPart.looksLikePart(t) || first && (bareIid(t) != null || named(t) != null)) {
                return true;
            }
            first = false;
        }
        return false;
    }

    @Override
    public ParsedFile parse(UploadedFile file, IntakeDefaults defaults, IntakeLimits limits)
            throws FileRejectedException {
        String name = file.name();
        TextDecoder.Decoded decoded = TextDecoder.decodeLines(file, limits);
        ParsedFileBuilder out = new ParsedFileBuilder(name, FORMAT, limits);
        QrLimits qrLimits = new QrLimits(QrLimits.DEFAULT.maxParts(), QrLimits.DEFAULT.maxBodyBytes(),
                limits.maxEntriesPerFile(), QrLimits.DEFAULT.maxOpenMessages());
        QrMessageAssembler assembler = new QrMessageAssembler(qrLimits);
        String fileMachine = ActivationTextParser.machineName(name);
        List<String> lines = decoded.text().lines().toList();
        int found = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip().replace("\uFEFF", "");
            String where = "line " + (i + 1);
            if (line.isEmpty()) {
                continue;
            }
            if (QrPart.looksLikePart(line)) {
                QrOffer offer = assembler.offer(line);
                switch (offer.status()) {
                    case REJECTED -> throw new FileRejectedException(name + ": " + where + ": " + offer.message());
                    case DUPLICATE, ALREADY_COMPLETED -> out.tally("repeated QR parts ignored", where);
                    case COMPLETED -> {
                        found++;
                        addMessage(out, offer.completed(), defaults);
                    }
                    default -> {
                        // part held until its message is complete
                    }
                }
                continue;
            }
            String iid;
            String machine = null;
            Product product = new Product(null, null, "", null, null, null);
            int mark = line.toLowerCase(Locale.ROOT).indexOf(MARK);
            int colon = line.lastIndexOf(':');
            String[] named = named(line);
            if (mark >= 0 && colon > mark) {
                iid = line.substring(colon + 1).strip();
                product = ActivationTextParser.product(line.substring(mark, colon));
            } else if (bareIid(line) != null) {
                iid = line;
            } else if (named != null) {
                machine = named[0];
                iid = named[1];
            } else {
                out.tally("lines that are not a QR payload or an Installation ID were ignored", where);
                continue;
            }
            found++;
            if (machine == null) {
                machine = fileMachine;
                out.note("machine name '" + ParsedFileBuilder.shorten(machine) + "' taken from the file name for"
                        + " Installation IDs without one; lab " + defaults.lab() + " as chosen for this import");
            }
            out.entry(where, new Machine(defaults.lab(), machine, false), product, iid);
        }
        List<String> incomplete = assembler.openMessages().stream().map(p -> p.summary()).toList();
        if (!incomplete.isEmpty()) {
            throw new FileRejectedException(name + ": " + String.join("; ", incomplete)
                    + "; scan the missing parts and import again");
        }
        if (found == 0) {
            throw new FileRejectedException(name + ": no Gapdesk QR message, Installation ID or \"NAME<tab>IID\""
                    + " line found");
        }
        return out.build();
    }

    private static void addMessage(ParsedFileBuilder out, QrMessage message, IntakeDefaults defaults)
            throws FileRejectedException {
        QrRequest request = message.request();
        String lab = request.lab().strip();
        String what = "QR message " + message.messageId();
        if (lab.isEmpty()) {
            lab = defaults.lab();
            out.note(what + " names no lab; lab " + lab + " as chosen for this import");
        }
        out.note(what + ": " + message.parts().size() + " part" + (message.parts().size() == 1 ? "" : "s") + ", "
                + request.entries().size() + " Installation IDs, lab " + ParsedFileBuilder.shorten(lab));
        int machineIndex = -1;
        int productIndex = 0;
        QrRequest.Entry previous = null;
        for (QrRequest.Entry e : request.entries()) {
            if (previous == null || !previous.machine().equals(e.machine()) || previous.alias() != e.alias()) {
                machineIndex++;
                productIndex = 0;
            }
            previous = e;
            String where = what + " machines[" + machineIndex + "].products[" + productIndex++ + "]";
            if (e.machine().isBlank()) {
                out.problem(where, "", where + ": no machine name");
                continue;
            }
            out.entry(where, new Machine(lab, e.machine(), e.alias()), e.product(), e.iid());
        }
        if (request.entries().isEmpty()) {
            out.note(what + " lists no Installation IDs");
        }
    }

    /** {@code s} when it is only digits and separators with at least 10 digits, else null. */
    private static String bareIid(String s) {
        if (!DIGITS_LINE.matcher(s).matches()) {
            return null;
        }
        long digits = s.chars().filter(c -> c >= '0' && c <= '9').count();
        return digits >= MIN_IID_DIGITS ? s : null;
    }

    /** {name, iid} of a {@code NAME<tab>IID} line, or null. */
    private static String[] named(String s) {
        Matcher m = NAMED_LINE.matcher(s);
        if (!m.matches() || bareIid(m.group(2)) == null) {
            return null;
        }
        return new String[] {m.group(1).strip(), m.group(2)};
    }
}
