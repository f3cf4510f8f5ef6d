package org.gapdesk.licensing;

import static org.gapdesk.licensing.LicensingLab.CLIENT_GROUP;
import static org.gapdesk.licensing.LicensingLab.CLIENT_MAK;
import static org.gapdesk.licensing.LicensingLab.OFFICE_MAK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.RequestState;
import org.gapdesk.audit.AuditEntry;
import org.gapdesk.audit.AuditLog;
import org.gapdesk.confirm.ConfirmStatus;
import org.gapdesk.intake.Outcome;
import org.gapdesk.intake.PlannedEntry;
import org.gapdesk.licensing.LicensingLab.Box;
import org.gapdesk.requests.RequestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MakPoolTest {
    @TempDir
    Path dir;
    LicensingLab lab;
    MakPool pool;

    @BeforeEach
    void open() {
        lab = new LicensingLab(dir, "2026-11-02T08:00:00Z");
        pool = lab.desk().pool();
    }

    @AfterEach
    void close() {
        lab.close();
    }

    MakStatus status(String last5) {
        return pool.status(last5).orElseThrow();
    }

    @Test
    void keyedCidsCountDownOncePerIidAndStoredCidReuseSpendsNothing() {
        MakPool.Recorded added = pool.record(CLIENT_MAK, CLIENT_GROUP, "120", "2026-11-02", "admin");
        assertTrue(added.newMak());
        assertEquals(120, added.status().remainingNow());
        assertEquals(MakLevel.OK, added.status().level());

        Map<String, Long> a = lab.importLab("LAB-A", LicensingLab.clients("LAB-A-PC", 12, CLIENT_MAK));
        lab.importLab("LAB-A", List.of(Box.office("LAB-A-PC-001", OFFICE_MAK)));
        assertEquals(120, status(CLIENT_MAK).remainingNow(), "imported, not yet activated: nothing spent");

        lab.at("2026-11-03T10:00:00Z");
        List<String> cids = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            cids.add(lab.key(a.get(String.format("LAB-A-PC-%03d", i))));
        }
        assertEquals(8, status(CLIENT_MAK).activationsSince());
        assertEquals(112, status(CLIENT_MAK).remainingNow());

        // PC-003's CID was mistyped: the lab reports 0xC004F02C and the right CID is keyed over it a day later.
        lab.at("2026-11-04T09:00:00Z");
        lab.rekey(a.get("LAB-A-PC-003"));
        // PC-004's CID keyed again unchanged (the operator re-entered the same digits).
        assertEquals(ConfirmStatus.UNCHANGED, lab.confirmations.confirm(a.get("LAB-A-PC-004"), cids.get(3), false,
                false, "tech").status());
        assertEquals(112, status(CLIENT_MAK).remainingNow(), "a re-keyed CID for the same IID does not count twice");

        // PC-005 is reimaged on unchanged hardware: the same IID comes back and its stored CID is reused.
        lab.applied(a.get("LAB-A-PC-005"));
        lab.at("2026-11-05T09:00:00Z");
        Map<String, Long> again = lab.importLab("LAB-A", List.of(Box.client("LAB-A-PC-005", CLIENT_MAK)), true);
        ActivationRequest reused = new RequestService(lab.db).find(again.get("LAB-A-PC-005")).orElseThrow();
        assertEquals(RequestState.CONFIRMED, reused.state());
        assertTrue(reused.cidReused());
        assertEquals(112, status(CLIENT_MAK).remainingNow(), "stored-CID reuse spends nothing");

        // An Office MAK request keyed does not touch the Windows MAK.
        assertTrue(pool.status(OFFICE_MAK).isEmpty());
        assertEquals(8, KeyedActivationsCount.of(lab, CLIENT_MAK));
        List<KeyedActivation> all = lab.db.read(KeyedActivations::load);
        assertEquals(all.stream().filter(x -> CLIENT_MAK.equals(x.partialKey())).toList(),
                lab.db.read(c -> KeyedActivations.load(c, CLIENT_MAK.toLowerCase())), "one key reads the same rows");
        assertEquals(List.of(), lab.db.read(c -> KeyedActivations.load(c, OFFICE_MAK)), "no Office CID was keyed");
    }

    @Test
    void aNewReadingResetsTheBaseAndOnlyLaterActivationsCountAgainstIt() {
        Map<String, Long> a = lab.importLab("LAB-A", LicensingLab.clients("PC", 10, CLIENT_MAK));
        lab.at("2026-11-02T12:00:00Z");
        pool.record(CLIENT_MAK, CLIENT_GROUP, "100", "2026-11-01", "admin");
        lab.at("2026-11-03T10:00:00Z");
        for (int i = 1; i <= 4; i++) {
            lab.key(a.get(String.format("PC-%03d", i)));
        }
        assertEquals(96, status(CLIENT_MAK).remainingNow());

        // The administrator reads VLSC on the 5th at 14:00: it shows 95 (the 4 above plus one activation elsewhere).
        lab.at("2026-11-05T09:00:00Z");
        lab.key(a.get("PC-005"));
        lab.at("2026-11-05T16:00:00Z");
        MakPool.Recorded reading = pool.record(CLIENT_MAK.toLowerCase(), "", "95", "2026-11-05T14:00", "admin");
        assertFalse(reading.newMak());
        assertEquals(0, reading.status().activationsSince(), "PC-005 was keyed before the reading's time");
        assertEquals(95, reading.status().remainingNow());

        lab.at("2026-11-06T09:00:00Z");
        lab.key(a.get("PC-006"));
        lab.key(a.get("PC-007"));
        assertEquals(93, status(CLIENT_MAK).remainingNow());
        assertEquals(95, status(CLIENT_MAK).latest().remaining());

        // A reading with a date only starts at midnight: activations of that day count again (the safe side).
        lab.at("2026-11-07T11:00:00Z");
        lab.key(a.get("PC-008"));
        lab.at("2026-11-07T15:00:00Z");
        MakStatus dateOnly = pool.record(CLIENT_MAK, CLIENT_GROUP, "92", "2026-11-07", "admin").status();
        assertEquals(1, dateOnly.activationsSince());
        assertEquals(91, dateOnly.remainingNow());

        MakTimeline t = pool.snapshot().timeline(CLIENT_MAK).orElseThrow();
        assertEquals(3, t.readings().size());
        assertEquals(List.of(100L, 96L, 95L, 95L, 93L, 92L, 91L, 91L),
                t.points().stream().map(MakPoint::remaining).toList());
        assertEquals(List.of(MakPoint.Kind.READING, MakPoint.Kind.COUNTDOWN, MakPoint.Kind.COUNTDOWN,
                MakPoint.Kind.READING, MakPoint.Kind.COUNTDOWN, MakPoint.Kind.READING, MakPoint.Kind.COUNTDOWN,
                MakPoint.Kind.NOW), t.points().stream().map(MakPoint::kind).toList());
    }

    @Test
    void aMistypedCidCorrectedAfterANewReadingKeepsItsFirstTimeAndIsNotCountedAgain() {
        Map<String, Long> a = lab.importLab("LAB-A", LicensingLab.clients("PC", 3, CLIENT_MAK));
        pool.record(CLIENT_MAK, CLIENT_GROUP, "50", "2026-11-01", "admin");
        lab.at("2026-11-03T10:00:00Z");
        lab.key(a.get("PC-001"));
        lab.at("2026-11-04T10:00:00Z");
        pool.record(CLIENT_MAK, null, "49", "2026-11-04", "admin");
        lab.at("2026-11-05T10:00:00Z");
        lab.rekey(a.get("PC-001"));
        assertEquals(49, status(CLIENT_MAK).remainingNow());
        assertEquals(0, status(CLIENT_MAK).activationsSince());
    }

    @Test
    void thresholdGivesLowThenUsedUp() {
        Map<String, Long> a = lab.importLab("LAB-A", LicensingLab.clients("PC", 13, CLIENT_MAK));
        pool.record(CLIENT_MAK, CLIENT_GROUP, "12", "2026-11-01", "admin");
        lab.at("2026-11-03T10:00:00Z");
        lab.key(a.get("PC-001"));
        assertEquals(MakLevel.OK, status(CLIENT_MAK).level());
        lab.key(a.get("PC-002"));
        assertEquals(10, status(CLIENT_MAK).remainingNow());
        assertEquals(MakLevel.LOW, status(CLIENT_MAK).level(), "at the threshold is low");
        assertTrue(status(CLIENT_MAK).summary().contains("at or below the warning threshold of 10"),
                status(CLIENT_MAK).summary());
        for (int i = 3; i <= 13; i++) {
            lab.key(a.get(String.format("PC-%03d", i)));
        }
        MakStatus s = status(CLIENT_MAK);
        assertEquals(-1, s.remainingNow(), "more keyed than the reading allowed: shown, not hidden");
        assertEquals(MakLevel.USED_UP, s.level());
        assertTrue(s.summary().contains("0xC004C020"), s.summary());
    }

    @Test
    void aFullProductKeyIsRefusedAndNothingIsStoredOrEchoed() {
        String full = "ABCDE-FGHJK-MNPQR-STVWX-3V66T";
        for (String pasted : List.of(full, full.replace("-", ""), full.toLowerCase(), " " + full + " ",
                "FGHJK-MNPQR-3V66T")) {
            LicensingInputException e = assertThrows(LicensingInputException.class,
                    () -> pool.record(pasted, CLIENT_GROUP, "100", "2026-11-01", "admin"));
            assertTrue(e.getMessage().contains("last five characters"), e.getMessage());
            assertFalse(e.getMessage().toUpperCase().contains("ABCDE"), "the key is never repeated");
            assertFalse(e.getMessage().toUpperCase().contains("MNPQR"), "the key is never repeated");
        }
        assertTrue(pool.statuses().isEmpty());
        assertEquals(0, count("SELECT COUNT(*) FROM mak") + count("SELECT COUNT(*) FROM audit_log WHERE action"
                + " LIKE 'mak.%'"));
    }

    @Test
    void badValuesAreRefusedWithAClearMessageAndNothingStored() {
        pool.record(CLIENT_MAK, CLIENT_GROUP, "100", "2026-11-01", "admin");
        List<String> messages = new ArrayList<>();
        for (String[] bad : List.of(
                new String[] {"3V66", CLIENT_GROUP, "100", "2026-11-01"},
                new String[] {"3V6-T", CLIENT_GROUP, "100", "2026-11-01"},
                new String[] {"3V66T", "Windows Server 2022 Standard/Datacenter", "100", "2026-11-01"},
                new String[] {"ZZZZZ", "", "100", "2026-11-01"},
                new String[] {"3V66T", CLIENT_GROUP, "-1", "2026-11-01"},
                new String[] {"3V66T", CLIENT_GROUP, "ten", "2026-11-01"},
                new String[] {"3V66T", CLIENT_GROUP, "100", "01/11/2026"},
                new String[] {"3V66T", CLIENT_GROUP, "100", "2026-11-03"},
                new String[] {"3V66T", "Windows\u000710", "100", "2026-11-01"})) {
            LicensingInputException e = assertThrows(LicensingInputException.class,
                    () -> pool.record(bad[0], bad[1], bad[2], bad[3], "admin"));
            messages.add(e.getMessage());
        }
        assertTrue(messages.get(0).contains("5 letters A-Z or digits 0-9"), messages.get(0));
        assertTrue(messages.get(2).contains("is recorded for key group 'Windows 10/11 Enterprise'"), messages.get(2));
        assertTrue(messages.get(3).contains("name its product key group"), messages.get(3));
        assertTrue(messages.get(4).contains("whole number from 0"), messages.get(4));
        assertTrue(messages.get(6).contains("YYYY-MM-DD"), messages.get(6));
        assertTrue(messages.get(7).contains("in the future"), messages.get(7));
        assertTrue(messages.get(8).contains("one line"), messages.get(8));
        assertEquals(1, count("SELECT COUNT(*) FROM mak_reading"));
        assertEquals(1, count("SELECT COUNT(*) FROM mak"));
    }

    @Test
    void everyPoolChangeIsAuditedInTheChain() {
        pool.record(CLIENT_MAK, CLIENT_GROUP, "100", "2026-11-01", "admin");
        pool.record(CLIENT_MAK, "windows  10/11 ENTERPRISE", "90", "2026-11-02", "admin2");
        AuditLog audit = new AuditLog(lab.db, lab.clock);
        List<AuditEntry> entries = audit.forSubject("mak " + CLIENT_MAK);
        assertEquals(List.of("mak.added", "mak.reading"), entries.stream().map(AuditEntry::action).toList());
        assertEquals("key group Windows 10/11 Enterprise; remaining 100 read on 2026-11-01", entries.get(0).detail());
        assertEquals("admin2", entries.get(1).operator());
        assertTrue(audit.verify().intact(), audit.verify().toString());
    }

    @Test
    void readingsAreAllKeptAsHistory() {
        pool.record(CLIENT_MAK, CLIENT_GROUP, "100", "2026-10-01", "admin");
        pool.record(CLIENT_MAK, CLIENT_GROUP, "80", "2026-10-15", "admin");
        pool.record(CLIENT_MAK, CLIENT_GROUP, "85", "2026-10-08", "admin");
        MakTimeline t = pool.snapshot().timeline(CLIENT_MAK).orElseThrow();
        assertEquals(List.of(100, 85, 80), t.readings().stream().map(MakReading::remaining).toList(),
                "in the order they were read, not entered");
        assertEquals(80, status(CLIENT_MAK).latest().remaining(), "the latest reading by date is the base");
    }

    @Test
    void previewOfAnImportIsUnaffectedByThePool() {
        pool.record(CLIENT_MAK, CLIENT_GROUP, "100", "2026-11-01", "admin");
        List<PlannedEntry> entries = lab.preview("LAB-A", List.of(Box.client("PC-1", "ZZZZZ"))).entries();
        assertEquals(Outcome.NEW, entries.get(0).outcome(), "flags inform, they never block an import");
    }

    long count(String sql) {
        return lab.db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Activations counted against a MAK over all time. */
    static final class KeyedActivationsCount {
        static long of(LicensingLab lab, String last5) {
            return lab.db.read(KeyedActivations::load).stream().filter(a -> last5.equals(a.partialKey())).count();
        }
    }
}
