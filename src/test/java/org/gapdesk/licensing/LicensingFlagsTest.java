package org.gapdesk.licensing;

import static org.gapdesk.licensing.LicensingLab.CLIENT_GROUP;
import static org.gapdesk.licensing.LicensingLab.CLIENT_MAK;
import static org.gapdesk.licensing.LicensingLab.OFFICE_MAK;
import static org.gapdesk.licensing.LicensingLab.SERVER_GROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.Product;
import org.gapdesk.intake.ImportPreview;
import org.gapdesk.intake.Outcome;
import org.gapdesk.licensing.LicensingLab.Box;
import org.gapdesk.requests.RequestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicensingFlagsTest {
    @TempDir
    Path dir;
    LicensingLab lab;
    LicensingDesk desk;

    @BeforeEach
    void open() {
        lab = new LicensingLab(dir, "2026-11-02T08:00:00Z");
        desk = lab.desk();
    }

    @AfterEach
    void close() {
        lab.close();
    }

    List<FlagKind> kinds(Box box) {
        return desk.flags().flagsFor(box.product()).stream().map(LicensingFlag::kind).toList();
    }

    @Test
    void anEmptyPoolFlagsCataloguedKeyGroupsAndKmsClientsOnly() {
        assertEquals(List.of(FlagKind.NO_MAK_FOR_KEY_GROUP), kinds(Box.client("PC-1", CLIENT_MAK)));
        assertEquals(List.of(), kinds(Box.office("PC-1", OFFICE_MAK)),
                "no catalogue key group and no pool: nothing to check against");
        assertEquals(List.of(FlagKind.KMS_CLIENT), kinds(Box.kmsClient("PC-1")));
        String message = desk.flags().flagsFor(Box.client("PC-1", CLIENT_MAK).product()).get(0).message();
        assertEquals("no MAK of key group 'Windows 10/11 Enterprise' is in the pool: record the MAK installed on these"
                + " machines, or check the product", message);
    }

    @Test
    void eachFlagForItsCase() {
        desk.pool().record(CLIENT_MAK, CLIENT_GROUP, "200", "2026-11-01", "admin");
        desk.pool().record(OFFICE_MAK, "Office LTSC Professional Plus 2021", "4", "2026-11-01", "admin");
        desk.pool().record("KKKKK", SERVER_GROUP, "0", "2026-11-01", "admin");

        assertEquals(List.of(), kinds(Box.client("PC-1", CLIENT_MAK)), "the right MAK of the right group");
        assertEquals(List.of(), kinds(Box.client("PC-1", CLIENT_MAK.toLowerCase())));
        assertEquals(List.of(FlagKind.UNKNOWN_MAK), kinds(Box.client("PC-1", "QQQQQ")));
        assertEquals(List.of(FlagKind.KEY_GROUP_MISMATCH), kinds(Box.server("SRV-1", CLIENT_MAK)));
        assertEquals(List.of(FlagKind.KEY_GROUP_MISMATCH, FlagKind.MAK_USED_UP), kinds(Box.client("PC-1", "KKKKK")));
        assertEquals(List.of(FlagKind.MAK_LOW), kinds(Box.office("PC-1", OFFICE_MAK)));
        assertEquals(List.of(FlagKind.MAK_USED_UP), kinds(Box.server("SRV-1", "KKKKK")));
        assertEquals(List.of(FlagKind.KMS_CLIENT), kinds(Box.kmsClient("PC-1")));

        Product retail = new Product(null, Product.WINDOWS_APP_ID, "Windows(R), Professional edition", "Retail",
                "ABCDE", 1);
        assertEquals(List.of(), desk.flags().flagsFor(retail), "retail keys are not the pool's business");
        Product slmgrText = new Product(null, null, "Windows", null, "ZZZZZ", null);
        assertEquals(List.of(), desk.flags().flagsFor(slmgrText), "unknown channel: only MAK channel is checked");
        Product noChannelKnownMak = new Product(null, null, "Windows", null, OFFICE_MAK, null);
        assertEquals(List.of(FlagKind.MAK_LOW), desk.flags().flagsFor(noChannelKnownMak).stream()
                .map(LicensingFlag::kind).toList());

        String mismatch = desk.flags().flagsFor(Box.server("SRV-1", CLIENT_MAK).product()).get(0).message();
        assertTrue(mismatch.contains("a MAK only activates editions of its own group"), mismatch);
        assertTrue(desk.flags().flagsFor(Box.office("PC-1", OFFICE_MAK).product()).get(0).message()
                .contains("4 activations left"));
    }

    @Test
    void bulkFormsFlagAListAndAnImportPreview() {
        desk.pool().record(CLIENT_MAK, CLIENT_GROUP, "200", "2026-11-01", "admin");
        List<Box> boxes = List.of(Box.client("LAB-A-PC-001", CLIENT_MAK), Box.client("LAB-A-PC-002", "QQQQQ"),
                Box.kmsClient("LAB-A-PC-003"), Box.server("LAB-A-SRV-01", "RRRRR"));
        Map<String, Long> ids = lab.importLab("LAB-A", boxes);
        List<ActivationRequest> requests = new RequestService(lab.db).list("LAB-A", null, null, 100);
        Map<Long, List<LicensingFlag>> flags = desk.flags().flagsForAll(requests);
        assertEquals(4, flags.size());
        assertEquals(List.of(), flags.get(ids.get("LAB-A-PC-001")));
        assertEquals(FlagKind.UNKNOWN_MAK, flags.get(ids.get("LAB-A-PC-002")).get(0).kind());
        assertEquals(FlagKind.KMS_CLIENT, flags.get(ids.get("LAB-A-PC-003")).get(0).kind());
        assertEquals(List.of(FlagKind.NO_MAK_FOR_KEY_GROUP, FlagKind.UNKNOWN_MAK),
                flags.get(ids.get("LAB-A-SRV-01")).stream().map(LicensingFlag::kind).toList());
        assertEquals(flags.get(ids.get("LAB-A-PC-002")), desk.flags().flagsFor(
                new RequestService(lab.db).find(ids.get("LAB-A-PC-002")).orElseThrow()));

        ImportPreview preview = lab.preview("LAB-B", List.of(Box.client("LAB-B-PC-001", "QQQQQ"),
                Box.client("LAB-B-PC-002", CLIENT_MAK)));
        List<List<LicensingFlag>> previewFlags = desk.flags().flagsForPreview(preview);
        assertEquals(preview.entries().size(), previewFlags.size());
        assertEquals(Outcome.NEW, preview.entries().get(0).outcome());
        assertEquals(FlagKind.UNKNOWN_MAK, previewFlags.get(0).get(0).kind());
        assertEquals(List.of(), previewFlags.get(1));
    }
}
