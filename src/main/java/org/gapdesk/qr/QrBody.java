package org.gapdesk.qr;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gapdesk.activation.Product;

/**
 * The binary body of a Gapdesk QR message (version 1), before it is split into parts; grammar in
 * {@code docs/qr-format.md}. Products are listed once in a table and machines refer to them by index, so a
 * batch of machines with the same product costs the product's name once. IIDs are packed three digits to
 * ten bits. Encoding is deterministic: the lab page's JavaScript produces the same bytes.
 */
final class QrBody {
    /** Longest string field, in UTF-8 bytes. */
    static final int MAX_STRING_BYTES = 1024;
    /** Most digits in one IID (real ones have 50, 54 or 63). */
    static final int MAX_IID_DIGITS = 100;
    /** Most products on one machine. */
    static final int MAX_PRODUCTS_PER_MACHINE = 1000;

    private static final int ID_NONE = 0;
    private static final int ID_GUID = 1;
    private static final int ID_WINDOWS = 2;
    private static final int ID_OFFICE = 3;
    private static final int ID_OFFICE_2010 = 4;
    private static final int ID_TEXT = 5;
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Separators people put in IIDs: white space and hyphens or dashes. */
    private static final Pattern SEPARATORS = Pattern.compile("[ \\t\\r\\n\\u00a0\\-\\u2010-\\u2015\\u2212]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private QrBody() {
    }

    /**
     * The body bytes of {@code request}.
     *
     * @throws IllegalArgumentException when an IID holds a character that is neither a digit nor a separator,
     *     a string is longer than {@value #MAX_STRING_BYTES} bytes, or a licence status is negative
     */
    static byte[] encode(QrRequest request) {
        Writer w = new Writer();
        w.string(request.lab(), "lab");
        Map<Product, Integer> table = new LinkedHashMap<>();
        for (QrRequest.Entry e : request.entries()) {
            table.putIfAbsent(e.product(), table.size());
        }
        w.varint(table.size());
        for (Product p : table.keySet()) {
            w.id(p.activationId());
            w.id(p.applicationId());
            w.string(p.name(), "product name");
            w.string(p.channel() == null ? "" : p.channel(), "channel");
            w.string(p.partialKey() == null ? "" : p.partialKey(), "partial key");
            Integer status = p.licenseStatus();
            if (status != null && status < 0) {
                throw new IllegalArgumentException("licence status " + status + " is negative");
            }
            w.varint(status == null ? 0 : status + 1L);
        }
        List<List<QrRequest.Entry>> machines = groupByMachine(request.entries());
        w.varint(machines.size());
        for (List<QrRequest.Entry> m : machines) {
            QrRequest.Entry first = m.get(0);
            w.string(first.machine(), "machine name");
            w.out.write(first.alias() ? 1 : 0);
            w.varint(m.size());
            for (QrRequest.Entry e : m) {
                w.varint(table.get(e.product()));
                w.iid(e.iid(), first.machine());
            }
        }
        return w.out.toByteArray();
    }

    /** Runs of consecutive entries with the same machine name and alias flag. */
    static List<List<QrRequest.Entry>> groupByMachine(List<QrRequest.Entry> entries) {
        List<List<QrRequest.Entry>> out = new ArrayList<>();
        List<QrRequest.Entry> run = null;
        for (QrRequest.Entry e : entries) {
            if (run == null || !run.get(0).machine().equals(e.machine()) || run.get(0).alias() != e.alias()
                    || run.size() >= MAX_PRODUCTS_PER_MACHINE) {
                run = new ArrayList<>();
                out.add(run);
            }
            run.add(e);
        }
        return out;
    }

    /**
     * Reads a body.
     *
     * @param what how to name the message in errors, e.g. {@code QR message 7K3M9Q2D}
     * @param maxEntries most entries accepted
     * @throws QrFormatException naming the field where the data ends early or holds a bad value
     */
    static QrRequest decode(byte[] body, String what, int maxEntries) throws QrFormatException {
        Reader r = new Reader(body, what);
        String lab = r.string("lab");
        int productCount = r.count("the product table size", maxEntries);
        List<Product> products = new ArrayList<>(productCount);
        for (int i = 0; i < productCount; i++) {
            String at = "products[" + i + "]";
            String activationId = r.id(at + ".activationId");
            String applicationId = r.id(at + ".applicationId");
            String name = r.string(at + ".name");
            String channel = r.string(at + ".channel");
            String partialKey = r.string(at + ".partialKey");
            long status = r.varint(at + ".licenseStatus");
            if (status > Integer.MAX_VALUE) {
                throw r.error(at + ".licenseStatus is out of range");
            }
            products.add(new Product(activationId, applicationId, name, channel, partialKey,
                    status == 0 ? null : (int) (status - 1)));
        }
        int machineCount = r.count("the machine count", maxEntries);
        List<QrRequest.Entry> entries = new ArrayList<>();
        for (int m = 0; m < machineCount; m++) {
            String at = "machines[" + m + "]";
            String name = r.string(at + ".name");
            int flags = r.u8(at + ".alias");
            if (flags > 1) {
                throw r.error(at + ".alias holds unknown flags " + flags);
            }
            int n = r.count(at + " product count", MAX_PRODUCTS_PER_MACHINE);
            for (int k = 0; k < n; k++) {
                String pat = at + ".products[" + k + "]";
                long index = r.varint(pat + ".product");
                if (index >= products.size()) {
                    throw r.error(pat + " refers to product " + index + " but the table has " + products.size());
                }
                if (entries.size() >= maxEntries) {
                    throw r.error("more than " + maxEntries + " entries");
                }
                entries.add(new QrRequest.Entry(name, flags == 1, products.get((int) index),
                        r.iid(pat + ".installationId")));
            }
        }
        if (!r.atEnd()) {
            throw r.error((body.length - r.pos) + " bytes left over after the last machine");
        }
        return new QrRequest(lab, entries);
    }

    /** The IID's digits with separators removed. */
    static String iidDigits(String iid, String machine) {
        String d = SEPARATORS.matcher(iid).replaceAll("");
        if (!DIGITS.matcher(d).matches()) {
            throw new IllegalArgumentException("the Installation ID of " + machine + " holds a character that is not"
                    + " a digit, space or hyphen");
        }
        if (d.length() > MAX_IID_DIGITS) {
            throw new IllegalArgumentException("the Installation ID of " + machine + " has more than "
                    + MAX_IID_DIGITS + " digits");
        }
        return d;
    }

    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void varint(long v) {
            while (v >= 0x80) {
                out.write((int) (v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out.write((int) v);
        }

        void string(String s, String what) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (b.length > MAX_STRING_BYTES) {
                throw new IllegalArgumentException(what + " is longer than " + MAX_STRING_BYTES + " bytes");
            }
            varint(b.length);
            out.writeBytes(b);
        }

        void id(String id) {
            if (id == null) {
                out.write(ID_NONE);
            } else if (id.equals(Product.WINDOWS_APP_ID)) {
                out.write(ID_WINDOWS);
            } else if (id.equals(Product.OFFICE_APP_ID)) {
                out.write(ID_OFFICE);
            } else if (id.equals(Product.OFFICE_2010_APP_ID)) {
                out.write(ID_OFFICE_2010);
            } else if (GUID.matcher(id).matches()) {
                out.write(ID_GUID);
                out.writeBytes(HexFormat.of().parseHex(id.replace("-", "")));
            } else {
                out.write(ID_TEXT);
                string(id, "ID");
            }
        }

        void iid(String iid, String machine) {
            String d = iidDigits(iid, machine);
            varint(d.length());
            int acc = 0;
            int bits = 0;
            for (int i = 0; i < d.length(); i += 3) {
                int len = Math.min(3, d.length() - i);
                int width = len == 3 ? 10 : len == 2 ? 7 : 4;
                acc = acc << width | Integer.parseInt(d, i, i + len, 10);
                bits += width;
                while (bits >= 8) {
                    out.write(acc >>> (bits - 8) & 0xFF);
                    bits -= 8;
                }
                acc &= (1 << bits) - 1;
            }
            if (bits > 0) {
                out.write(acc << (8 - bits) & 0xFF);
            }
        }
    }

    private static final class Reader {
        final byte[] b;
        final String what;
        int pos;

        Reader(byte[] b, String what) {
            this.b = b;
            this.what = what;
        }

        QrFormatException error(String message) {
            return new QrFormatException(what + ": " + message);
        }

        boolean atEnd() {
            return pos == b.length;
        }

        int u8(String field) throws QrFormatException {
            if (pos >= b.length) {
                throw error("the data ends early, at " + field);
            }
            return b[pos++] & 0xFF;
        }

        long varint(String field) throws QrFormatException {
            long v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int x = u8(field);
                v |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
            throw error(field + " is not a valid number");
        }

        int count(String field, int max) throws QrFormatException {
            long v = varint(field);
            if (v > max) {
                throw error(field + " is " + v + ", more than the limit of " + max);
            }
            return (int) v;
        }

        String string(String field) throws QrFormatException {
            int n = count(field + " length", MAX_STRING_BYTES);
            if (b.length - pos < n) {
                throw error("the data ends early, inside " + field);
            }
            try {
                String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, pos, n)).toString();
                pos += n;
                return s;
            } catch (CharacterCodingException e) {
                throw error(field + " is not valid UTF-8");
            }
        }

        String id(String field) throws QrFormatException {
            int tag = u8(field);
            switch (tag) {
                case ID_NONE:
                    return null;
                case ID_WINDOWS:
                    return Product.WINDOWS_APP_ID;
                case ID_OFFICE:
                    return Product.OFFICE_APP_ID;
                case ID_OFFICE_2010:
                    return Product.OFFICE_2010_APP_ID;
                case ID_GUID: {
                    if (b.length - pos < 16) {
                        throw error("the data ends early, inside " + field);
                    }
                    String h = HexFormat.of().formatHex(b, pos, pos + 16);
                    pos += 16;
                    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                            + h.substring(16, 20) + "-" + h.substring(20);
                }
                case ID_TEXT:
                    return string(field);
                default:
                    throw error(field + " has unknown kind " + tag);
            }
        }

        String iid(String field) throws QrFormatException {
            int n = count(field + " length", MAX_IID_DIGITS);
            if (n == 0) {
                throw error(field + " is empty");
            }
            int bitsTotal = n / 3 * 10 + (n % 3 == 2 ? 7 : n % 3 == 1 ? 4 : 0);
            int bytes = (bitsTotal + 7) / 8;
            if (b.length - pos < bytes) {
                throw error("the data ends early, inside " + field);
            }
            StringBuilder sb = new StringBuilder(n);
            int bit = pos * 8;
            for (int i = 0; i < n; i += 3) {
                int len = Math.min(3, n - i);
                int width = len == 3 ? 10 : len == 2 ? 7 : 4;
                int v = bits(bit, width);
                bit += width;
                if (v >= (len == 3 ? 1000 : len == 2 ? 100 : 10)) {
                    throw error(field + " is damaged (digit group " + (i / 3 + 1) + " out of range)");
                }
                String digits = Integer.toString(v);
                sb.append("000", 0, len - digits.length()).append(digits);
            }
            int end = (pos + bytes) * 8;
            if (bits(bit, end - bit) != 0) {
                throw error(field + " is damaged (padding bits set)");
            }
            pos += bytes;
            return sb.toString();
        }

        private int bits(int from, int width) {
            int v = 0;
            for (int k = 0; k < width; k++) {
                int at = from + k;
                v = v << 1 | (b[at >> 3] >> (7 - (at & 7)) & 1);
            }
            return v;
        }
    }
}
