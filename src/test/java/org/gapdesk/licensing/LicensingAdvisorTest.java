package org.gapdesk.licensing;

import static org.gapdesk.licensing.LicensingLab.CLIENT_MAK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gapdesk.licensing.LicensingLab.Box;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicensingAdvisorTest {
    static final String SERVER_MAK = "W7KQP";

    @TempDir
    Path dir;
    LicensingLab lab;
    LicensingAdvisor advisor;

    @BeforeEach
    void open() {
        lab = new LicensingLab(dir, "2026-11-02T08:00:00Z");
        advisor = lab.desk().advisor();
    }

    @AfterEach
    void close() {
        lab.close();
    }

    static List<Box> servers(String prefix, int n) {
        List<Box> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(Box.server(String.format("%s-%02d", prefix, i), SERVER_MAK));
        }
        return out;
    }

    LabAdvice advice(String code) {
        return advisor.advice(code).orElseThrow();
    }

    @Test
    void twentyFourClientsAndFourServersAreBelowBothThresholds() {
        List<Box> boxes = new ArrayList<>(LicensingLab.clients("LAB-A-PC", 21, CLIENT_MAK));
        boxes.add(Box.kmsClient("LAB-A-PC-022"));
        boxes.add(Box.kmsClient("LAB-A-PC-023"));
        boxes.add(Box.kmsClient("LAB-A-PC-024"));
        boxes.addAll(servers("LAB-A-SRV", 4));
        lab.importLab("LAB-A", boxes);

        LabAdvice a = advice("LAB-A");
        assertEquals("Materials lab (isolated)", a.labName());
        assertEquals(24, a.clients().machines());
        assertFalse(a.clients().reached());
        assertEquals(4, a.servers().machines());
        assertFalse(a.servers().reached());
        assertEquals(List.of(new MachineCount("Windows", "Volume:GVLK", 3), new MachineCount("Windows", "Volume:MAK", 21),
                new MachineCount("Windows Server", "Volume:MAK", 4)), a.machines());
        assertEquals(List.of("LAB-A-PC-022", "LAB-A-PC-023", "LAB-A-PC-024"), a.kmsClientMachines());
        assertEquals(List.of(
                "3 machines in LAB-A have a KMS client key (Volume:GVLK): phone activation does not apply to them."
                        + " Install a MAK on each (slmgr /ipk) and bring the new Installation IDs through Gapdesk: with"
                        + " 24 Windows client machines the lab is below the 25 a KMS host needs before it activates"
                        + " any client.",
                "LAB-A has 24 Windows client machines: fewer than the 25 a KMS host needs before it activates any"
                        + " client, so KMS would activate none of them; keep activating by MAK through Gapdesk.",
                "LAB-A has 4 Windows Server machines: fewer than the 5 a KMS host needs before it activates servers;"
                        + " keep activating by MAK through Gapdesk."), a.advice());
    }

    @Test
    void twentyFiveClientsAndFiveServersReachBothThresholds() {
        List<Box> boxes = new ArrayList<>(LicensingLab.clients("LAB-B-PC", 24, CLIENT_MAK));
        boxes.add(Box.kmsClient("LAB-B-PC-025"));
        boxes.addAll(servers("LAB-B-SRV", 5));
        lab.importLab("LAB-B", boxes);

        LabAdvice b = advice("LAB-B");
        assertEquals(25, b.clients().machines());
        assertTrue(b.clients().reached());
        assertEquals(5, b.servers().machines());
        assertTrue(b.servers().reached());
        assertEquals(List.of(
                "1 machine in LAB-B has a KMS client key (Volume:GVLK): phone activation does not apply to it. The lab"
                        + " has enough Windows client machines for a KMS host (see below); otherwise install a MAK on"
                        + " each (slmgr /ipk) and bring the new Installation IDs through Gapdesk.",
                "LAB-B has 25 Windows client machines: a KMS host in the lab would activate them without calls; it"
                        + " needs one activation itself by phone through Gapdesk, and clients must reach it every 180"
                        + " days.",
                "LAB-B has 5 Windows Server machines: a KMS host in the lab would activate them without calls (servers"
                        + " need 5); it needs one activation itself by phone through Gapdesk, and servers must reach it"
                        + " every 180 days."), b.advice());
    }

    @Test
    void aMachineCountsOnceAndSupersededRequestsAreLeftOut() {
        Map<String, Long> first = lab.importLab("LAB-B", LicensingLab.clients("PC", 25, CLIENT_MAK));
        lab.importLab("LAB-B", List.of(Box.office("PC-001", LicensingLab.OFFICE_MAK)));
        // PC-025 is reimaged: its new IID supersedes the old request.
        lab.importLab("LAB-B", List.of(Box.client("PC-025", CLIENT_MAK)));
        assertEquals(first.size(), advice("LAB-B").clients().machines());
        assertTrue(advice("LAB-B").machines().contains(new MachineCount("Office", "Volume:MAK", 1)));
        assertTrue(advice("LAB-B").clients().reached());
    }

    @Test
    void activationsSavedByStoredCidReuseAreCounted() {
        Map<String, Long> ids = lab.importLab("LAB-A", LicensingLab.clients("LAB-A-PC", 3, CLIENT_MAK));
        lab.at("2026-11-03T09:00:00Z");
        ids.values().forEach(lab::key);
        ids.values().forEach(lab::applied);
        lab.at("2026-11-10T09:00:00Z");
        lab.importLab("LAB-A", LicensingLab.clients("LAB-A-PC", 2, CLIENT_MAK), true);

        LabAdvice a = advice("LAB-A");
        assertEquals(3, a.keyedActivations());
        assertEquals(2, a.savedByReuse());
        assertEquals("Stored CIDs saved 2 activations in LAB-A: requests were confirmed from the store without a"
                + " call.", a.advice().get(a.advice().size() - 1));
    }

    @Test
    void everyConfiguredLabIsAdvisedEvenWithoutMachines() {
        lab.importLab("LAB-Z", LicensingLab.clients("Z", 1, CLIENT_MAK));
        List<String> labs = advisor.advice().stream().map(LabAdvice::lab).toList();
        assertEquals(List.of("LAB-A", "LAB-B", "LAB-Z"), labs);
        assertEquals(List.of("No machines of LAB-A are in the record yet."), advice("LAB-A").advice());
    }
}
