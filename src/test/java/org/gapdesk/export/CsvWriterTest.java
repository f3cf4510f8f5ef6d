package org.gapdesk.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
    private static String write(Object... cells) {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(cells);
        return out.toString();
    }

    @Test
    void plainCellsAreCommaSeparatedAndRowsEndInCrLf() {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = new CsvWriter(out)) {
            csv.row("machine", "state").row("PC-001", "received");
        }
        assertEquals("machine,state\r\nPC-001,received\r\n", out.toString());
    }

    @Test
    void quotesCellsWithCommaQuoteOrLineBreakAndDoublesInnerQuotes() {
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n",
                write("a,b", "say \"hi\"", "two\nlines", "cr\rhere"));
    }

    @Test
    void nullIsAnEmptyCell() {
        assertEquals("a,,b\r\n", write("a", null, "b"));
    }

    @Test
    void everyFormulaStarterIsPrefixedWithAnApostrophe() {
        for (String risky : Arrays.asList("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "=HYPERLINK(\"http://x\")")) {
            String cell = CsvWriter.cell(risky);
            String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
            assertEquals("'" + risky, unquoted, "cell for " + risky);
        }
        assertEquals("\"'\rx\"", CsvWriter.cell("\rx"));
        assertEquals("'=cmd|' /C calc'!A0", CsvWriter.cell("=cmd|' /C calc'!A0"));
    }

    @Test
    void aGuardedCellWithACommaIsStillQuoted() {
        assertEquals("\"'=1,2\"", CsvWriter.cell("=1,2"));
    }

    @Test
    void harmlessTextAndNumbersAreLeftAlone() {
        assertEquals("PC-001", CsvWriter.cell("PC-001"));
        assertEquals("a=b", CsvWriter.cell("a=b"));
        assertEquals("", CsvWriter.cell(""));
        assertEquals("-5", CsvWriter.cell(-5));
        assertEquals("42", CsvWriter.cell(42L));
    }
}
