package org.gapdesk.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gapdesk.activation.Product;
import org.gapdesk.demo.SyntheticIds;
import org.gapdesk.intake.FormatDetector;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.IntakeEntry;
import org.gapdesk.intake.IntakeLimits;
import org.gapdesk.intake.ParsedFile;
import org.gapdesk.intake.Parsers;
import org.gapdesk.intake.UploadedFile;
import org.junit.jupiter.api.Test;

class LabCollectorTest {
    final SyntheticIds ids = new SyntheticIds(3);

    SimulatedLab lab() {
        return new SimulatedLab()
                .product("ENG-WS01", new LabProduct(LabTestKit.WINDOWS_ID, Product.WINDOWS_APP_ID,
                        "Windows 11 Enterprise", "Volume MAK channel", "Volume:MAK", "ABCDE", 5, ids.iid63()))
                .product("ENG-WS01", new LabProduct(LabTestKit.OFFICE_ID, Product.OFFICE_APP_ID,
                        "Office LTSC Professional Plus 2021", "Volume MAK channel", "Volume:MAK", "FGHIJ", 1,
                        ids.iid63()))
                .product("ENG-WS02", new LabProduct(LabTestKit.WINDOWS_ID, Product.WINDOWS_APP_ID,
                        "Windows 11 Enterprise", "Volume MAK channel", "Volume:MAK", "ABCDE", 2, ids.iid63()));
    }

    static ParsedFile parse(byte[] bytes) throws Exception {
        UploadedFile f = new UploadedFile("request.json", bytes);
        return new FormatDetector(Parsers.standard()).detect(f).parse(f, new IntakeDefaults("LAB-X"),
                IntakeLimits.DEFAULT);
    }

    @Test
    void theRequestFileCarriesTheUnlicensedProductsAndTheKioskReadsIt() throws Exception {
        byte[] file = new LabCollector(lab()).collect("LAB-A", null, "2026-11-20T09:30:00Z", false);
        ParsedFile parsed = parse(file);
        assertEquals(List.of(), parsed.problems());
        List<IntakeEntry> entries = parsed.entries();
        assertEquals(2, entries.size(), "the licensed Office product is left out");
        assertTrue(entries.stream().allMatch(e -> e.machine().lab().equals("LAB-A") && !e.machine().alias()));
        assertTrue(new String(file, StandardCharsets.UTF_8).contains("\"collector\" : \"gapdesk-collect 1.0\""));
        assertEquals(3, parse(new LabCollector(lab()).collect("LAB-A", null, null, true)).entries().size());
    }

    @Test
    void withAnAliasMapNoHostNameLeavesTheLab() throws Exception {
        AliasMap map = AliasMap.parseCsv("host,alias\nENG-WS01,ALIAS-1\neng-ws02,ALIAS-2\n");
        byte[] file = new LabCollector(lab()).collect("LAB-A", map, null, false);
        String text = new String(file, StandardCharsets.UTF_8);
        assertFalse(text.contains("ENG-WS"), text);
        List<IntakeEntry> entries = parse(file).entries();
        assertTrue(entries.stream().allMatch(e -> e.machine().alias() && e.machine().name().startsWith("ALIAS-")));

        AliasMap partial = AliasMap.single("ENG-WS01", "ALIAS-1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LabCollector(lab()).collect("LAB-A", partial, null, false));
        assertTrue(e.getMessage().contains("ENG-WS02"), e.getMessage());
    }

    @Test
    void aliasMapsRefuseDuplicatesAndBadNames() {
        assertThrows(IllegalArgumentException.class, () -> AliasMap.parseCsv("name,alias\nA,B\n"));
        assertThrows(IllegalArgumentException.class, () -> AliasMap.parseCsv("host,alias\nA,X\nB,X\n"));
        assertThrows(IllegalArgumentException.class, () -> AliasMap.parseCsv("host,alias\nA,has space\n"));
        assertEquals("PC-9", AliasMap.parseCsv("\uFEFFhost,alias\r\n\"PC-9\",\"A9\"\r\n").hostOf("a9").orElseThrow());
    }
}
