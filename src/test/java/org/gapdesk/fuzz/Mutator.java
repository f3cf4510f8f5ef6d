package org.gapdesk.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Mutation fuzzing: derives hostile inputs from valid seed files by bit flips, truncation, duplicated and
 * deleted slices, huge lines, random bytes, tokens that matter to parsers, and encoding swaps (UTF-16 with and
 * without a byte order mark, windows-1252, invalid UTF-8). A mutant is a pure function of its seed file and a
 * random seed, so a failing input can be rebuilt from the numbers jqwik reports.
 */
public final class Mutator {
    /** Largest mutant produced; keeps a CI run fast while still passing every parser's line limit. */
    public static final int MAX_BYTES = 1 << 20;

    private static final byte[] INTERESTING = {0, -1, 0x7f, (byte) 0x80, (byte) 0xc0, '"', '\'', '<', '>', '&', ',',
        ';', '\t', '\n', '\r', '{', '}', '[', ']', ':', '-', '9', '0', ' ', '\\', '=', '/'};
    private static final List<String> TOKENS = List.of("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
            "&e;", "<![CDATA[", "]]>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "\"machines\":", "null", "[]",
            "{}", "1e999999", "-1", "9223372036854775808", "\"\\u0000\"", "\"\\ud800\"", "GD1:", "GD1*", "/", "sep=;",
            "=cmd|' /C calc'!A0", "Installation ID: ", "Installation ID for: ", "\uFEFF", "\u202E", "..\\..\\",
            "../../etc/passwd", "0".repeat(63), "1234567-".repeat(9), "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
            "{\"a\":".repeat(64));

    private Mutator() {
    }

    /** Mutants of {@code seeds}: one seed, then one to six mutations chosen by a random seed. */
    public static Arbitrary<byte[]> mutants(List<byte[]> seeds) {
        List<byte[]> copies = seeds.stream().map(byte[]::clone).toList();
        return Combinators.combine(Arbitraries.integers().between(0, copies.size() - 1), Arbitraries.longs(),
                Arbitraries.integers().between(1, 6))
                .as((i, seed, rounds) -> mutate(copies.get(i), new Random(seed), rounds));
    }

    /** Random bytes, up to {@code maxSize}, sometimes mostly printable. */
    public static Arbitrary<byte[]> randomBytes(int maxSize) {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize);
        Arbitrary<byte[]> printable = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\r', '\t')
                .ofMaxLength(maxSize).map(s -> s.getBytes(StandardCharsets.US_ASCII));
        return Arbitraries.oneOf(raw, printable);
    }

    /** {@code rounds} mutations of {@code seed}. */
    public static byte[] mutate(byte[] seed, Random r, int rounds) {
        byte[] b = seed.clone();
        for (int i = 0; i < rounds; i++) {
            b = once(b, r);
            if (b.length > MAX_BYTES) {
                b = Arrays.copyOf(b, MAX_BYTES);
            }
        }
        return b;
    }

    private static byte[] once(byte[] b, Random r) {
        int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
        switch (r.nextInt(11)) {
            case 0: { // bit flips
                byte[] out = b.clone();
                for (int k = 1 + r.nextInt(8); k > 0 && out.length > 0; k--) {
                    out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return out;
            }
            case 1: // truncation
                return Arrays.copyOf(b, at);
            case 2: { // duplicate a slice
                int from = b.length == 0 ? 0 : r.nextInt(b.length);
                int len = Math.min(b.length - from, 1 + r.nextInt(256));
                return insert(b, at, Arrays.copyOfRange(b, from, from + len));
            }
            case 3: { // huge line, just over the intake line limit, of a repeated character
                char ch = "A9-,<\" ".charAt(r.nextInt(7));
                int len = r.nextBoolean() ? 65_537 + r.nextInt(64) : 1 + r.nextInt(4096);
                return insert(b, at, (String.valueOf(ch).repeat(len) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            case 4: { // random bytes
                byte[] junk = new byte[1 + r.nextInt(64)];
                r.nextBytes(junk);
                return insert(b, at, junk);
            }
            case 5: { // interesting byte values
                byte[] out = b.clone();
                for (int k = 1 + r.nextInt(4); k > 0 && out.length > 0; k--) {
                    out[r.nextInt(out.length)] = INTERESTING[r.nextInt(INTERESTING.length)];
                }
                return out;
            }
            case 6: { // delete a slice
                int len = Math.min(b.length - at, 1 + r.nextInt(512));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                return out;
            }
            case 7: // encoding swap
                return reencode(b, r);
            case 8: // a token that matters to some parser
                return insert(b, at, TOKENS.get(r.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8));
            case 9: { // invalid UTF-8 sequences
                byte[][] bad = {{(byte) 0xc3, 0x28}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xc0, (byte) 0x80},
                    {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xff, (byte) 0xfe}, {(byte) 0xe2, (byte) 0x82}};
                return insert(b, at, bad[r.nextInt(bad.length)]);
            }
            default: { // repeat the whole input
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int k = 1 + r.nextInt(3); k >= 0 && out.size() < MAX_BYTES; k--) {
                    out.writeBytes(b);
                }
                return out.toByteArray();
            }
        }
    }

    /** The bytes read as UTF-8 (leniently) and written in another encoding, with or without a byte order mark. */
    public static byte[] reencode(byte[] b, Random r) {
        String text = new String(b, StandardCharsets.UTF_8);
        switch (r.nextInt(5)) {
            case 0:
                return concat(new byte[] {(byte) 0xff, (byte) 0xfe}, text.getBytes(StandardCharsets.UTF_16LE));
            case 1:
                return concat(new byte[] {(byte) 0xfe, (byte) 0xff}, text.getBytes(StandardCharsets.UTF_16BE));
            case 2:
                return text.getBytes(StandardCharsets.UTF_16LE);
            case 3:
                return text.getBytes(Charset.forName("windows-1252"));
            default:
                return concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, b);
        }
    }

    static byte[] insert(byte[] b, int at, byte[] piece) {
        byte[] out = new byte[b.length + piece.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(b, at, out, at + piece.length, b.length - at);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        return insert(a, a.length, b);
    }
}
