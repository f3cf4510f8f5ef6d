package org.gapdesk.export;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

/**
 * Writes CSV as RFC 4180 describes it (comma separated, CRLF line ends, a cell quoted when it holds a comma,
 * a double quote, CR or LF, with inner quotes doubled) and safe to open in a spreadsheet.
 *
 * <p>Formula-injection guard: a text cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab
 * or a carriage return is written with a leading apostrophe ({@code '=1+1}), so a spreadsheet shows it as
 * text instead of evaluating it. {@link Number} cells are written as they are: a number cannot carry a
 * formula. A null cell is written empty.
 *
 * <pre>{@code
 * try (CsvWriter csv = new CsvWriter(writer)) {
 *     csv.row("machine", "state");
 *     csv.row("PC-001", "received");
 * }
 * }</pre>
 */
public final class CsvWriter implements Closeable, Flushable {
    private final Writer out;

    /** Writes to {@code out}; {@link #close()} closes it. */
    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** Writes one row of cells followed by CRLF. */
    public CsvWriter row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    /** Writes one row of cells followed by CRLF. */
    public CsvWriter row(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        line.append("\r\n");
        try {
            out.write(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** One cell as it is written: guarded against formula injection, then quoted when needed. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = guard(value.toString());
        return needsQuotes(text) ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** {@code text} with an apostrophe in front when a spreadsheet would read it as a formula. */
    public static String guard(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return risky ? "'" + text : text;
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == ',' || ch == '"' || ch == '\r' || ch == '\n') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
