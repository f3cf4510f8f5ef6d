package org.gapdesk.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.gapdesk.activation.TestIds;
import org.gapdesk.fuzz.FuzzTries;
import org.gapdesk.fuzz.Mutator;
import org.gapdesk.fuzz.Seeds;
import org.gapdesk.fuzz.Verdict;

/**
 * Every intake parser fed mutated seeds, random bytes and structure-aware hostile files: each ends in a
 * {@link ParsedFile} or a {@link FileRejectedException} naming the file, never another exception or a hang.
 */
@AddLifecycleHook(FuzzTries.class)
class IntakeParsersFuzzTest {
    static final IntakeDefaults DEFAULTS = new IntakeDefaults("LAB-F");
    static final List<FileParser> PARSERS = Parsers.standard();
    static final List<UploadedFile> SEEDS = Seeds.intakeFiles();

    /** Parses {@code file} with {@code parser}, checking the verdict's shape. */
    static Verdict<ParsedFile> parse(FileParser parser, UploadedFile file) {
        Verdict<ParsedFile> v = Verdict.of(FileRejectedException.class,
                () -> parser.parse(file, DEFAULTS, IntakeLimits.DEFAULT));
        if (v.rejected()) {
            assertTrue(v.message().startsWith(file.name() + ":"), () -> "message must name the file: " + v.message());
        } else {
            checkResult(file, v.value());
        }
        return v;
    }

    static void checkResult(UploadedFile file, ParsedFile p) {
        assertEquals(file.name(), p.fileName());
        assertTrue(p.entries().size() + p.problems().size() <= IntakeLimits.DEFAULT.maxEntriesPerFile() + 1);
        for (IntakeEntry e : p.entries()) {
            assertFalse(e.where() == null || e.where().isBlank(), "an entry says where it is");
            assertNotNull(e.machine());
            assertNotNull(e.product());
            assertNotNull(e.iidText());
        }
        for (EntryProblem e : p.problems()) {
            assertFalse(e.message() == null || e.message().isBlank(), "a problem says what is wrong");
        }
    }

    @Provide
    Arbitrary<UploadedFile> mutants() {
        Arbitrary<Integer> which = Arbitraries.integers().between(0, SEEDS.size() - 1);
        return Combinators.combine(which, Arbitraries.longs(), Arbitraries.integers().between(1, 6))
                .as((i, seed, rounds) -> new UploadedFile(SEEDS.get(i).name(),
                        Mutator.mutate(SEEDS.get(i).bytes(), new Random(seed), rounds)));
    }

    @Provide
    Arbitrary<FileParser> parsers() {
        return Arbitraries.of(PARSERS);
    }

    @Example
    void everySeedIsReadByTheParserTheDetectorPicks() {
        FormatDetector detector = new FormatDetector(PARSERS);
        for (UploadedFile f : SEEDS) {
            FileParser p = detector.detect(f);
            assertNotNull(p, f.name());
            Verdict<ParsedFile> v = parse(p, f);
            assertFalse(v.rejected(), () -> f.name() + ": " + v.message());
            assertFalse(v.value().entries().isEmpty(), f.name());
            assertTrue(v.value().problems().isEmpty(), () -> f.name() + ": " + v.value().problems());
        }
    }

    @Property(tries = 3000)
    void mutatedFilesEndInAResultOrARejection(@ForAll("mutants") UploadedFile file, @ForAll("parsers") FileParser parser) {
        parse(parser, file);
    }

    @Property(tries = 400)
    void theDetectorNeverThrowsAndItsChoiceReadsOrRejects(@ForAll("mutants") UploadedFile file) {
        FileParser p = Verdict.of(RuntimeException.class, () -> new FormatDetector(PARSERS).detect(file)).value();
        if (p != null) {
            parse(p, file);
        }
    }

    @Property(tries = 1000)
    void randomBytesEndInAResultOrARejection(@ForAll("randomBytes") byte[] bytes, @ForAll("parsers") FileParser parser,
            @ForAll("names") String name) {
        parse(parser, new UploadedFile(name, bytes));
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Mutator.randomBytes(2048);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("x.json", "x.csv", "x.txt", "x.cil", "x.cilx", "gapdesk-qr-x.txt", "", "../../etc/passwd",
                "C:\\Windows\\x.csv", "a\u0000b\nc.json", "\u202Etxt.exe");
    }

    // ---- request JSON, structure-aware ----

    static final List<String> NASTY = List.of("null", "true", "0", "-1", "1.5", "1e400", "\"\"", "\" \"", "[]", "{}",
            "\"\\u0000\"", "\"\\ud800\"", "\"" + "x".repeat(5000) + "\"", "\"PC-\\n1\"", "\"=cmd|'/C calc'!A0\"",
            "\"../../x\"", "[[[[[[[[[[]]]]]]]]]]", "\"\u202E\u0645\"", "9223372036854775808");

    @Provide
    Arbitrary<String> requestFiles() {
        TestIds ids = new TestIds(11);
        List<String> iids = List.of(ids.iid63(), ids.iid54(), TestIds.breakGroup(ids.iid63(), 3, 6), "1", "");
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(NASTY),
                Arbitraries.of(iids).map(s -> "\"" + s + "\""),
                Arbitraries.strings().ofMaxLength(40).map(s -> com.fasterxml.jackson.core.io.JsonStringEncoder
                        .getInstance().quoteAsString(s)).map(c -> "\"" + new String(c) + "\""));
        Arbitrary<String> product = Combinators.combine(value, value, value, value, Arbitraries.of(iids),
                Arbitraries.integers().between(0, 7))
                .as((act, name, channel, status, iid, drop) -> "{" + (drop == 0 ? "" : "\"activationId\":" + act + ",")
                        + "\"name\":" + name + ",\"channel\":" + (drop == 1 ? "\"Volume:GVLK\"" : channel)
                        + ",\"licenseStatus\":" + (drop == 2 ? "1" : status) + (drop == 3 ? "" : ",\"installationId\":"
                        + (drop == 4 ? value.sample() : "\"" + iid + "\"")) + ",\"extra\":" + name + "}");
        Arbitrary<String> machine = Combinators.combine(value, value, product.list().ofMaxSize(4),
                Arbitraries.integers().between(0, 5)).as((name, alias, products, shape) -> switch (shape) {
                    case 0 -> name;
                    case 1 -> "{\"name\":" + name + ",\"products\":" + value.sample() + "}";
                    default -> "{\"name\":" + (shape == 2 ? name : "\"PC-" + shape + "\"") + ",\"alias\":"
                            + (shape == 3 ? alias : "false") + ",\"products\":[" + String.join(",", products) + "]}";
                });
        return Combinators.combine(value, value, machine.list().ofMaxSize(6), Arbitraries.integers().between(0, 6))
                .as((lab, version, machines, shape) -> "{\"format\":" + (shape == 0 ? lab : "\"gapdesk-request\"")
                        + ",\"version\":" + (shape == 1 ? version : "1") + ",\"lab\":" + (shape == 2 ? lab : "\"LAB-J\"")
                        + ",\"machines\":" + (shape == 3 ? version : "[" + String.join(",", machines) + "]") + "}");
    }

    @Property(tries = 600)
    void structuredRequestFilesEndInAResultOrARejectionNamingTheElement(@ForAll("requestFiles") String json) {
        UploadedFile f = new UploadedFile("req.json", json.getBytes(StandardCharsets.UTF_8));
        Verdict<ParsedFile> v = parse(new RequestFileParser(), f);
        if (!v.rejected()) {
            for (IntakeEntry e : v.value().entries()) {
                assertTrue(e.where().startsWith("machines["), e.where());
            }
            for (EntryProblem p : v.value().problems()) {
                assertTrue(p.where().startsWith("machines["), p.where());
            }
        }
    }

    @Example
    void deeplyNestedOrHugeJsonIsRejectedByName() {
        for (String text : List.of("[".repeat(200_000), "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000),
                "{\"format\":\"gapdesk-request\",\"version\":1,\"lab\":\"L\",\"machines\":" + "[".repeat(5000)
                        + "]".repeat(5000) + "}", "\"" + "a".repeat(5_000_000) + "\"")) {
            Verdict<ParsedFile> v = parse(new RequestFileParser(), new UploadedFile("deep.json",
                    text.getBytes(StandardCharsets.UTF_8)));
            assertTrue(v.rejected(), "deep.json read");
        }
    }

    // ---- CSV, structure-aware ----

    @Provide
    Arbitrary<String> csvFiles() {
        TestIds ids = new TestIds(12);
        Arbitrary<String> cell = Arbitraries.oneOf(Arbitraries.strings().withChars("abc,;\t\"\r\n =+-@|'").ofMaxLength(12),
                Arbitraries.of(ids.iid63(), ids.iid54(), Seeds.WIN_ACT, "Volume:MAK", "Volume:GVLK", "PC-1", "LAB-X",
                        "\"" + "q".repeat(70_000) + "\""));
        Arbitrary<String> header = Arbitraries.of("Machine,IID", "Lab;Machine;Activation ID;IID", "Computer\tSKU\tOfflineInstallationId",
                "sep=|\nMachine|IID", "IID", "Machine,Machine,IID", "a,b,c", "");
        Arbitrary<String> sep = Arbitraries.of(",", ";", "\t", "|");
        Arbitrary<String> row = Combinators.combine(cell.list().ofMaxSize(6), sep).as((cells, s) -> String.join(s, cells));
        return Combinators.combine(header, row.list().ofMaxSize(20), Arbitraries.of("\n", "\r\n", "\r"))
                .as((h, rows, nl) -> h + nl + String.join(nl, rows) + nl);
    }

    @Property(tries = 600)
    void structuredCsvEndsInAResultOrARejectionNamingTheLine(@ForAll("csvFiles") String text) {
        UploadedFile f = new UploadedFile("lab.csv", text.getBytes(StandardCharsets.UTF_8));
        Verdict<ParsedFile> v = parse(new CsvParser(), f);
        if (!v.rejected()) {
            for (IntakeEntry e : v.value().entries()) {
                assertTrue(e.where().startsWith("line "), e.where());
            }
        }
    }

    // ---- slmgr / ospp text: encodings ----

    @Property(tries = 400)
    void capturedTextInAnyEncodingReadsOrRejects(@ForAll("seedsOfText") String text, @ForAll("encodings") String enc,
            @ForAll boolean bom) {
        byte[] body = text.getBytes(java.nio.charset.Charset.forName(enc));
        byte[] prefix = !bom ? new byte[0] : switch (enc) {
            case "UTF-16LE" -> new byte[] {(byte) 0xff, (byte) 0xfe};
            case "UTF-16BE" -> new byte[] {(byte) 0xfe, (byte) 0xff};
            case "UTF-8" -> new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
            default -> new byte[0];
        };
        byte[] bytes = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        System.arraycopy(body, 0, bytes, prefix.length, body.length);
        UploadedFile f = new UploadedFile("PC-9.txt", bytes);
        Verdict<ParsedFile> v = parse(new ActivationTextParser(), f);
        if (!enc.equals("windows-1252") || text.chars().allMatch(c -> c < 128)) {
            assertFalse(v.rejected(), () -> enc + " " + bom + ": " + v.message());
            assertFalse(v.value().entries().isEmpty());
        }
    }

    @Provide
    Arbitrary<String> seedsOfText() {
        return Arbitraries.of(Seeds.slmgr(), Seeds.ospp(new TestIds(3)), "Installation ID: " + TestIds.XP_IID_50
                + "\r\nCaf\u00e9 \u00fcber\r\n");
    }

    @Provide
    Arbitrary<String> encodings() {
        return Arbitraries.of("UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252");
    }

    @Example
    void invalidEncodingsAndControlCharactersAreRejectedOrReadNeverThrown() {
        List<byte[]> inputs = new ArrayList<>();
        inputs.add(new byte[] {(byte) 0xff, (byte) 0xfe, 0x49}); // UTF-16LE BOM, odd length
        inputs.add(new byte[] {(byte) 0xfe, (byte) 0xff, (byte) 0xd8, 0x00, 0x00, 0x41}); // lone surrogate
        inputs.add(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, (byte) 0xc0, (byte) 0x80});
        inputs.add("Installation ID: 1\u0000\n".getBytes(StandardCharsets.UTF_8));
        inputs.add(("Installation ID: " + "9".repeat(70_000) + "\n").getBytes(StandardCharsets.UTF_8));
        inputs.add(new byte[] {0, 0, (byte) 0xfe, (byte) 0xff}); // UTF-32 BOM
        for (byte[] b : inputs) {
            for (FileParser p : PARSERS) {
                parse(p, new UploadedFile("odd.txt", b));
            }
        }
    }

    // ---- CIL / CILX: XML attacks ----

    static final String BILLION_LAUGHS = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
            + " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
            + " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
            + " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
            + " <!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
            + "]>\n<SoftwareLicensingData><Computers><Computer Name=\"&lol9;\"/></Computers></SoftwareLicensingData>";

    @Example
    void xmlAttacksAreRejectedWithAClearMessage() {
        List<String> attacks = List.of(BILLION_LAUGHS,
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<SoftwareLicensingData><Computers><Computer Name=\"&x;\"/></Computers></SoftwareLicensingData>",
                "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"http://127.0.0.1:9/x.dtd\"><SoftwareLicensingData/>",
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p\"> %p;]><r/>",
                "<SoftwareLicensingData xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file:///etc/passwd\""
                        + " parse=\"text\"/></SoftwareLicensingData>",
                "<SoftwareLicensingData>" + "<a>".repeat(100_000) + "</a>".repeat(100_000) + "</SoftwareLicensingData>",
                "<SoftwareLicensingData>" + "<Computers>".repeat(300) + "</Computers>".repeat(300)
                        + "</SoftwareLicensingData>",
                "<SoftwareLicensingData " + "a=\"1\" ".repeat(1) + "a=\"2\"/>",
                "<SoftwareLicensingData><Computers><Computer Name=\"" + "N".repeat(2_000_000) + "\"/></Computers>"
                        + "</SoftwareLicensingData>",
                "<SoftwareLicensingData>&#0;</SoftwareLicensingData>",
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?><SoftwareLicensingData/>",
                "<?xml version=\"1.0\" encoding=\"x-no-such\"?><SoftwareLicensingData/>",
                "<");
        for (String a : attacks) {
            Verdict<ParsedFile> v = parse(new CilParser(), new UploadedFile("attack.cil", a.getBytes(StandardCharsets.UTF_8)));
            if (a.contains("DOCTYPE")) {
                assertTrue(v.rejected() && v.message().contains("DOCTYPE"), () -> "DOCTYPE accepted: " + v.message());
            }
            if (a.contains("xi:include") && !v.rejected()) {
                assertFalse(v.value().toString().contains("root:"), "XInclude resolved");
            }
            if (a.contains("<a>") || a.contains("<Computers><Computers>")) {
                assertTrue(v.rejected() && v.message().contains("nested deeper"), () -> "deep nesting: " + v.message());
            }
        }
    }

    @Provide
    Arbitrary<String> cilFiles() {
        TestIds ids = new TestIds(13);
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of(ids.iid63(), ids.iid63().replace('-', ' '),
                ids.cid48(), "", "&amp;", "&#x41;", "&bogus;", "<![CDATA[" + ids.iid54() + "]]>", "x".repeat(70_000)),
                Arbitraries.strings().withChars("ab<>&\"' 0123456789-").ofMaxLength(30));
        Arbitrary<String> attr = Arbitraries.strings().withChars("abcIdNameSku").ofMinLength(1).ofMaxLength(8)
                .filter(s -> Character.isLetter(s.charAt(0)));
        Arbitrary<String> product = Combinators.combine(attr, text, text, Arbitraries.integers().between(0, 4))
                .as((a, t1, t2, shape) -> switch (shape) {
                    case 0 -> "<Product>" + "<Sku Id=\"" + Seeds.WIN_ACT + "\" Name=\"W\"/><InstallationId>" + t1
                            + "</InstallationId></Product>";
                    case 1 -> "<Product " + a + "=\"" + t1.replace("\"", "&quot;").replace("<", "&lt;") + "\">" + t2 + "</Product>";
                    case 2 -> "<Product><" + a + ">" + t1 + "</" + a + "><Sku/></Product>";
                    case 3 -> "<Product>" + t1 + "<Product>" + t2 + "</Product></Product>";
                    default -> "<Products>" + t1 + "</Products>";
                });
        Arbitrary<String> computer = Combinators.combine(text, product.list().ofMaxSize(4))
                .as((name, ps) -> "<Computer Name=\"" + name.replace("\"", "&quot;").replace("<", "&lt;") + "\"><Products>"
                        + String.join("", ps) + "</Products></Computer>");
        return Combinators.combine(computer.list().ofMaxSize(5), Arbitraries.of("", "xmlns=\"urn:x\"", "xmlns:v=\"urn:v\""))
                .as((cs, ns) -> "<?xml version=\"1.0\"?><SoftwareLicensingData " + ns + "><Computers>" + String.join("", cs)
                        + "</Computers></SoftwareLicensingData>");
    }

    @Property(tries = 600)
    void structuredCilEndsInAResultOrARejection(@ForAll("cilFiles") String xml) {
        parse(new CilParser(), new UploadedFile("lab.cilx", xml.getBytes(StandardCharsets.UTF_8)));
    }

    // ---- QR text ----

    @Provide
    Arbitrary<String> qrTexts() {
        TestIds ids = new TestIds(14);
        List<String> parts = List.of(Seeds.qrParts(4, 80, ids).split("\n"));
        Arbitrary<String> line = Arbitraries.oneOf(Arbitraries.of(parts),
                Arbitraries.of(parts).map(p -> p.substring(0, p.length() / 2)),
                Arbitraries.of(parts).map(p -> p.replace('A', 'B')),
                Arbitraries.strings().withChars("GD1:/*0123456789ABCDEFGHJKMNPQRSTVWXYZ $%+-.").ofMaxLength(120),
                Arbitraries.of(ids.iid63(), TestIds.XP_IID_54, "GD1", "GD1:", "x".repeat(5000)));
        return line.list().ofMaxSize(12).map(ls -> String.join("\n", ls));
    }

    @Property(tries = 600)
    void scannedQrTextEndsInAResultOrARejection(@ForAll("qrTexts") String text) {
        UploadedFile f = new UploadedFile("scan.txt", text.getBytes(StandardCharsets.UTF_8));
        parse(new QrTextParser(), f);
        parse(new ActivationTextParser(), f);
    }
}
