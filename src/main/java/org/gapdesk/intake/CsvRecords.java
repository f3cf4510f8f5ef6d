package org.gapdesk.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180): fields separated by one delimiter character, optionally enclosed
 * in double quotes, a doubled quote standing for one quote, line breaks allowed inside quotes. Lenient where
 * spreadsheet programs are: text after a closing quote is kept, and CR, LF and CRLF all end a record.
 */
final class CsvRecords {
    /**
     * One record.
     *
     * @param line the line it starts on, from 1
     * @param fields the field values, unquoted
     */
    record Row(int line, List<String> fields) {
        /** True when every field is empty or blank. */
        boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }

        /** The field at {@code index}, or "" when the row is shorter. */
        String get(int index) {
            return index >= 0 && index < fields.size() ? fields.get(index) : "";
        }
    }

    private final String fileName;
    private final String text;
    private final char delimiter;
    private int pos;
    private int line;

    /**
     * @param text the whole text
     * @param start where the records start in {@code text}
     * @param startLine the line number at {@code start}, from 1
     */
    CsvRecords(String fileName, String text, int start, char delimiter, int startLine) {
        this.fileName = fileName;
        this.text = text;
        this.pos = start;
        this.delimiter = delimiter;
        this.line = startLine;
    }

    /** The next record, or null at the end of the text. */
    Row next() throws FileRejectedException {
        if (pos >= text.length()) {
            return null;
        }
        int startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int quoteLine = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (quoted) {
                if (c == '"') {
                    if (pos < text.length() && text.charAt(pos) == '"') {
                        field.append('"');
                        pos++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && !(pos < text.length() && text.charAt(pos) == '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                quoteLine = line;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                    pos++;
                }
                line++;
                fields.add(field.toString());
                return new Row(startLine, fields);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new FileRejectedException(fileName + ": line " + quoteLine + ": a quoted field is not closed");
        }
        fields.add(field.toString());
        return new Row(startLine, fields);
    }
}
