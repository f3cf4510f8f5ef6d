package org.gapdesk.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;

/**
 * Reads CSV with a header row: comma, semicolon or tab delimited (whichever the header line uses most, or
 * the one an Excel {@code sep=} line names), RFC 4180 quoting. Header names are matched ignoring case,
 * spaces, hyphens, underscores and dots, with aliases (see {@link Column}). Only an Installation ID column is
 * required. A row without an IID is skipped with a note (products with no key); a row without a machine name
 * is an entry problem. Columns it does not know are listed once in the notes.
 */
public final class CsvParser implements FileParser {
    /** The format name. */
    public static final String FORMAT = "csv";

    /** The columns Gapdesk reads, each with its header aliases (normalized: lower case, no separators). */
    enum Column {
        LAB("lab"),
        /** Machine aliases in order of preference; the first present wins, "name" and "alias" last. */
        MACHINE("machine", "machinename", "host", "hostname", "computer", "computername", "pscomputername", "alias",
                "name"),
        ACTIVATION_ID("activationid", "sku", "skuid"),
        APPLICATION_ID("applicationid"),
        PRODUCT("product", "productname"),
        CHANNEL("channel", "productkeychannel"),
        PARTIAL_KEY("partialkey", "partialproductkey"),
        LICENSE_STATUS("licensestatus"),
        IID("iid", "installationid", "offlineinstallationid");

        private final String[] aliases;

        Column(String... aliases) {
            this.aliases = aliases;
        }

        /** Preference rank of {@code header} for this column (0 best), or -1 when it is not an alias. */
        int rank(String normalizedHeader) {
            for (int i = 0; i < aliases.length; i++) {
                if (aliases[i].equals(normalizedHeader)) {
                    return i;
                }
            }
            return -1;
        }

        static Column of(String normalizedHeader) {
            for (Column c : values()) {
                if (c.rank(normalizedHeader) >= 0) {
                    return c;
                }
            }
            return null;
        }
    }

    private static final String IID_HEADERS = "IID, Installation ID, InstallationId, OfflineInstallationId";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognizes(UploadedFile file) {
        if (file.name().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return true;
        }
        List<String> lines = TextDecoder.peek(file.bytes(), 8192).lines().limit(3).toList();
        for (String line : lines) {
            if (line.startsWith("sep=") || line.startsWith("#TYPE")) {
                continue;
            }
            char d = delimiter(line);
            if (line.indexOf(d) < 0) {
                return false;
            }
            for (String h : line.split(java.util.regex.Pattern.quote(String.valueOf(d)), -1)) {
                if (Column.of(normalize(h)) == Column.IID) {
                    return true;
                }
            }
            return false;
        }
        return false;
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
        String text = decoded.text();
        int start = 0;
        int line = 1;
        Character forced = null;
        // Preamble lines: Excel's "sep=;" and PowerShell 5.1 Export-Csv's "#TYPE ..." line.
        while (true) {
            int eol = lineEnd(text, start);
            String first = text.substring(start, eol);
            if (first.startsWith("sep=") && first.length() == 5) {
                forced = first.charAt(4);
            } else if (first.startsWith("#TYPE")) {
                out.note("line " + line + ": PowerShell type line skipped");
            } else if (!first.isBlank()) {
                break;
            }
            if (eol >= text.length()) {
                throw new FileRejectedException(name + ": no header row; a CSV file needs a header with an "
                        + IID_HEADERS + " column");
            }
            start = skipBreak(text, eol);
            line++;
        }
        char delimiter = forced != null ? forced : delimiter(text.substring(start, lineEnd(text, start)));
        CsvRecords records = new CsvRecords(name, text, start, delimiter, line);
        CsvRecords.Row header = records.next();
        Map<Column, Integer> columns = mapHeader(out, header);
        if (!columns.containsKey(Column.IID)) {
            throw new FileRejectedException(name + ": line " + header.line() + ": no Installation ID column in the"
                    + " header (" + ParsedFileBuilder.shorten(String.join(", ", header.fields()))
                    + "); expected one of: " + IID_HEADERS);
        }
        boolean alias = columns.containsKey(Column.MACHINE)
                && normalize(header.get(columns.get(Column.MACHINE))).equals("alias");
        int width = header.fields().size();
        for (CsvRecords.Row row = records.next(); row != null; row = records.next()) {
            if (row.blank()) {
                continue;
            }
            String where = "line " + row.line();
            if (row.fields().size() > width) {
                out.tally("rows with more fields than the header (extra fields ignored)", where);
            }
            String iid = value(row, columns, Column.IID);
            String machineName = value(row, columns, Column.MACHINE);
            if (iid.isBlank()) {
                out.tally("rows without an Installation ID skipped (no key installed)", where);
                continue;
            }
            if (machineName.isBlank()) {
                out.problem(where, "", where + ": no machine name");
                continue;
            }
            String lab = value(row, columns, Column.LAB);
            Machine machine = new Machine(lab.isBlank() ? defaults.lab() : lab, machineName, alias);
            Integer status = null;
            String statusText = value(row, columns, Column.LICENSE_STATUS).strip();
            if (!statusText.isEmpty()) {
                try {
                    status = Integer.valueOf(statusText);
                } catch (NumberFormatException e) {
                    out.tally("license status that is not a number, left empty", where);
                }
            }
            Product product = new Product(value(row, columns, Column.ACTIVATION_ID),
                    value(row, columns, Column.APPLICATION_ID), value(row, columns, Column.PRODUCT),
                    value(row, columns, Column.CHANNEL), value(row, columns, Column.PARTIAL_KEY), status);
            out.entry(where, machine, product, iid);
        }
        return out.build();
    }

    /** Maps header fields to columns: the best-ranked alias wins; others and unknown headers become notes. */
    private static Map<Column, Integer> mapHeader(ParsedFileBuilder out, CsvRecords.Row header) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        Map<Column, Integer> ranks = new EnumMap<>(Column.class);
        List<String> unknown = new ArrayList<>();
        Map<Integer, Column> passedOver = new LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String h = normalize(header.get(i));
            Column c = Column.of(h);
            if (c == null) {
                if (!h.isEmpty()) {
                    unknown.add(ParsedFileBuilder.shorten(header.get(i).strip()));
                }
                continue;
            }
            int rank = c.rank(h);
            Integer held = ranks.get(c);
            if (held == null || rank < held) {
                if (held != null) {
                    passedOver.put(columns.get(c), c);
                }
                columns.put(c, i);
                ranks.put(c, rank);
            } else {
                passedOver.put(i, c);
            }
        }
        for (Map.Entry<Integer, Column> e : passedOver.entrySet()) {
            out.note("column '" + ParsedFileBuilder.shorten(header.get(e.getKey()).strip()) + "' not used: column '"
                    + ParsedFileBuilder.shorten(header.get(columns.get(e.getValue())).strip()) + "' gives the same");
        }
        if (!unknown.isEmpty()) {
            out.note("columns this kiosk does not read were ignored: " + String.join(", ", unknown));
        }
        return columns;
    }

    private static String value(CsvRecords.Row row, Map<Column, Integer> columns, Column c) {
        Integer i = columns.get(c);
        return i == null ? "" : row.get(i).strip();
    }

    /** Header name reduced for matching: lower case, without spaces, hyphens, underscores, dots and a BOM. */
    static String normalize(String header) {
        StringBuilder sb = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"' || c == ' ' || c == '-' || c == '_' || c == '.' || c == '\uFEFF' || c == '\t') {
                continue;
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }

    /** The delimiter the line uses most, outside quotes: comma, semicolon or tab; comma when none. */
    static char delimiter(String headerLine) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    comma++;
                } else if (c == ';') {
                    semicolon++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        if (tab > comma && tab > semicolon) {
            return '\t';
        }
        return semicolon > comma ? ';' : ',';
    }

    private static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int skipBreak(String text, int eol) {
        if (eol < text.length() && text.charAt(eol) == '\r') {
            eol++;
        }
        if (eol < text.length() && text.charAt(eol) == '\n') {
            eol++;
        }
        return eol;
    }
}
