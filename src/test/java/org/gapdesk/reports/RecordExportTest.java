package org.gapdesk.reports;

import static org.gapdesk.licensing.LicensingLab.CLIENT_MAK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gapdesk.activation.TestIds;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.licensing.LicensingLab;
import org.gapdesk.licensing.LicensingLab.Box;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordExportTest {
    @TempDir
    Path dir;
    LicensingLab lab;

    @BeforeEach
    void open() {
        lab = new LicensingLab(dir, "2026-11-02T08:00:00Z");
    }

    @AfterEach
    void close() {
        lab.close();
    }

    @Test
    void everyRequestIsARowWithItsCidChannelAndLastOperatorAndNoCellIsAFormula() {
        String formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
        Map<String, Long> ids = lab.importLab("LAB-A", List.of(Box.client("PC-001", CLIENT_MAK),
                Box.client(formula, CLIENT_MAK), Box.client("@SUM(A1)", CLIENT_MAK), Box.kmsClient("+PC-004"),
                Box.client("-PC-005", CLIENT_MAK)));
        lab.batch("LAB-A", ActivationChannel.PORTAL);
        lab.at("2026-11-03T10:00:00Z");
        String cid = lab.key(ids.get("PC-001"));
        lab.key(ids.get("-PC-005"));
        lab.applied(ids.get("PC-001"));
        lab.at("2026-11-04T10:00:00Z");
        Map<String, Long> again = lab.importLab("LAB-A", List.of(Box.client("PC-001", CLIENT_MAK)), true);

        StringWriter out = new StringWriter();
        int rows = new RecordExport(lab.db, lab.config.catalog()).write(out);
        assertEquals(6, rows);
        String csv = out.toString();
        String[] lines = csv.split("\r\n");
        assertEquals(7, lines.length);
        assertEquals(String.join(",", RecordExport.HEADER), lines[0]);
        assertTrue(csv.endsWith("\r\n"));

        String first = lines[1];
        assertTrue(first.startsWith(ids.get("PC-001") + ",LAB-A,PC-001,no,\"Windows(R), Enterprise edition\","
                + "Windows,7a1b2c3d-0000-4000-8000-00000000a001,Volume:MAK,3V66T,Windows 10/11 Enterprise,"), first);
        assertTrue(first.contains(",applied,yes," + grouped(cid) + ",keyed,1,portal,"), first);
        assertTrue(first.endsWith(",tech,"), "last change by the operator who recorded it: " + first);

        assertTrue(lines[2].contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",no,"), lines[2]);
        assertTrue(lines[2].contains(",on worksheet,no,,,1,portal,"), lines[2]);
        assertTrue(lines[3].contains(",'@SUM(A1),"), lines[3]);
        assertTrue(lines[4].contains(",'+PC-004,"), lines[4]);
        assertTrue(lines[4].contains(",KMS client,no,"), lines[4]);
        assertTrue(lines[5].contains(",'-PC-005,"), lines[5]);
        for (String line : lines) {
            for (String cell : line.split(",")) {
                String c = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0, "formula cell in " + line);
            }
        }

        String reused = lines[6];
        assertTrue(reused.startsWith(again.get("PC-001") + ",LAB-A,PC-001,"), reused);
        assertTrue(reused.contains(",confirmed,yes," + grouped(cid) + ",stored,,,"), reused);
    }

    @Test
    void theFileIsWrittenWholeInUtf8() throws Exception {
        lab.importLab("LAB-Ä", List.of(Box.client("Prüfstand-1", CLIENT_MAK)));
        Path file = dir.resolve("out/record.csv");
        assertEquals(1, new RecordExport(lab.db, lab.config.catalog()).writeFile(file));
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(csv.contains("LAB-Ä,Prüfstand-1"), csv);
        try (var listing = Files.list(file.getParent())) {
            assertEquals(List.of(file), listing.toList(), "no temporary file left beside it");
        }
    }

    private static String grouped(String cid) {
        return String.join("-", TestIds.digits(cid).split("(?<=\\G.{6})"));
    }
}
