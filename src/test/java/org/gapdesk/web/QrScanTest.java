package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gapdesk.activation.TestIds;
import org.gapdesk.intake.IntakeLimits;
import org.gapdesk.intake.UploadedFile;
import org.junit.jupiter.api.Test;

/** One session's QR scan, the scans of all sessions, and the machine name given to scanned text. */
class QrScanTest {
    private static final QrCompletion NOTHING = new QrCompletion("LAB-A", List.of(), "", List.of(), null);

    private static QrScan scan(IntakeLimits limits) {
        return new QrScan(limits, m -> NOTHING);
    }

    @Test
    void textLinesAreKeptOnceEachAndBecomeOneUploadNamedAfterTheMachine() {
        QrScan scan = scan(IntakeLimits.DEFAULT);
        String iid = new TestIds(1).iid63();
        scan.frame(List.of(iid));
        scan.frame(List.of(iid));
        scan.lines(" " + iid + " \r\n\nInstallation ID: 123\n");
        QrScanView view = scan.view();
        assertEquals(2, view.lines());
        assertEquals("complete", view.state());
        List<UploadedFile> files = scan.uploads(" PC-7 ");
        assertEquals(1, files.size());
        assertEquals("PC-7.txt", files.get(0).name());
        assertEquals(iid + "\nInstallation ID: 123\n", new String(files.get(0).bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void linesOverTheIntakeLimitsAreRefusedWithAReason() {
        QrScan scan = scan(new IntakeLimits(1000, 2, 10, 50));
        scan.lines("x".repeat(51) + "\n1234567890\n2234567890\n3234567890");
        QrScanView view = scan.view();
        assertEquals(2, view.lines());
        String events = view.events().toString();
        assertTrue(events.contains("line 1: 51 characters is over the limit of 50"), events);
        assertTrue(events.contains("over the limit of one file"), events);
    }

    @Test
    void gapdeskPartsGoToTheAssemblerAndEmptyFramesAreCounted() {
        List<String> parts = QrFixture.parts(QrFixture.lab(6, 3L), 150);
        QrScan scan = scan(IntakeLimits.DEFAULT);
        scan.frame(List.of());
        scan.frame(List.of());
        assertEquals(2, scan.emptyFrames());
        scan.frame(List.of(parts.get(1)));
        assertEquals(0, scan.emptyFrames());
        QrScanView view = scan.view();
        assertEquals("scanning", view.state());
        assertEquals("1 of " + parts.size() + " parts, missing 1, 3-" + parts.size(), view.progress());
        assertThrows(IllegalArgumentException.class, () -> scan.uploads("PC-1"), "nothing complete yet");
        parts.forEach(scan::offer);
        assertEquals("complete", scan.view().state());
        assertEquals(1, scan.uploads(null).size(), "a message needs no machine name");
        scan.clear();
        assertEquals("idle", scan.view().state());
        assertEquals(0, scan.view().events().size());
    }

    @Test
    void scansEndWithTheirSessionsAndAreBounded() {
        Set<String> live = new HashSet<>(Set.of("a", "b"));
        QrScans scans = new QrScans(live::contains, () -> scan(IntakeLimits.DEFAULT));
        QrScan a = scans.of("a");
        assertSame(a, scans.of("a"));
        scans.of("b");
        assertEquals(2, scans.size());
        live.remove("a");
        scans.of("b");
        assertEquals(1, scans.size(), "a's session ended, so its scan is gone");
        live.add("a");
        assertNotSame(a, scans.of("a"), "a new session starts a new scan");
        for (int i = 0; i < QrScans.MAX_SCANS + 10; i++) {
            live.add("s" + i);
            scans.of("s" + i);
        }
        assertEquals(QrScans.MAX_SCANS, scans.size());
    }

    @Test
    void machineNamesCannotBePathsOrControlCharacters() {
        assertEquals("PC-001", QrMachineName.check("  PC-001 "));
        for (String bad : new String[] {null, " ", "../x", "a/b", "a\\b", "C:x", ".hidden", "a\u0000b", "x".repeat(65)}) {
            assertThrows(IllegalArgumentException.class, () -> QrMachineName.check(bad), String.valueOf(bad));
        }
    }
}
