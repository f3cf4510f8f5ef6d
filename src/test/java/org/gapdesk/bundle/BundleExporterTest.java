package org.gapdesk.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gapdesk.activation.RequestState;
import org.gapdesk.signing.KioskKey;
import org.gapdesk.store.RequestEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleExporterTest {
    @TempDir
    Path dir;
    BundleFixture f;
    Path usb;
    List<Long> labA;

    @BeforeEach
    void open() throws IOException {
        f = new BundleFixture(dir.resolve("db"));
        labA = f.standardContent();
        usb = Files.createDirectories(dir.resolve("usb"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void exportWritesAVerifiedBundleAndMovesTheRequestsToExported() {
        ExportResult r = f.exporter().exportToFolder(BundleFixture.LAB, null, "alice", usb);
        assertEquals(1, r.bundle().sequence());
        assertEquals(BundleStatus.WRITTEN, r.bundle().status());
        assertEquals(labA.size(), r.bundle().entryCount());
        assertEquals(usb.resolve("gapdesk-bundle-LAB-A-1"), r.path());
        assertEquals(labA.stream().sorted().toList(), r.exportedRequestIds().stream().sorted().toList());
        assertTrue(r.changedMeanwhile().isEmpty());
        VerificationResult v = new BundleVerifier().verify(r.path(), BundleFixture.key().publicKey(), "LAB-A", 0L);
        assertTrue(v.valid(), v.message());
        assertEquals(r.manifestSha256(), v.manifestSha256());
        assertEquals(r.bundle().manifestSha256(), v.manifestSha256());
        for (long id : labA) {
            assertEquals(RequestState.EXPORTED, f.state(id));
            List<RequestEvent> h = f.db.read(c -> f.requests.history(c, id));
            RequestEvent last = h.get(h.size() - 1);
            assertEquals("exported in bundle LAB-A #1", last.detail());
            assertEquals("alice", last.operator());
            assertEquals(RequestState.CONFIRMED, last.from());
        }
        // Every move is in the hash-chained audit log, and the chain is intact.
        org.gapdesk.audit.AuditLog audit = new org.gapdesk.audit.AuditLog(f.db, f.clock);
        for (long id : labA) {
            var rows = audit.forSubject("request " + id);
            assertTrue(rows.get(rows.size() - 1).detail().endsWith("exported in bundle LAB-A #1"),
                    rows.get(rows.size() - 1).detail());
        }
        assertTrue(audit.verify().intact(), audit.verify().describe());
        // The entries are the confirmed LAB-A requests, sorted, with their IIDs and CIDs.
        List<BundleEntry> entries = v.confirmations().entries();
        assertEquals(entries.stream().sorted(BundleEntry.ORDER).toList(), entries);
        assertEquals("=HYPERLINK(\"x\")", entries.get(0).machine());
        assertTrue(entries.stream().anyMatch(e -> e.alias() && e.machine().equals("alias-7f3a")));
        assertTrue(entries.stream().anyMatch(e -> e.confirmationId().length() == 42));
        // Nothing left behind but the five files.
        assertEquals(List.of("gapdesk-bundle-LAB-A-1"), list(usb));
        assertEquals(BundleFormat.ALL_FILES.stream().sorted().toList(), list(r.path()));
    }

    @Test
    void theCsvGuardsFormulasAndTheJsonIsAscii() throws IOException {
        ExportResult r = f.exporter().exportToFolder(BundleFixture.LAB, null, "alice", usb);
        String csv = Files.readString(r.path().resolve(BundleFormat.CONFIRMATIONS_CSV));
        assertTrue(csv.startsWith("machine,alias,activation_id,product,installation_id,confirmation_id,request_id\n"));
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"x\"\")\",false,,Windows Server 2022,"), csv);
        assertTrue(csv.contains("Prüfstand-Ü1"), csv);
        assertFalse(csv.contains("\r"), "LF line ends only");
        byte[] json = Files.readAllBytes(r.path().resolve(BundleFormat.CONFIRMATIONS_JSON));
        for (byte b : json) {
            assertTrue(b == '\n' || (b >= 0x20 && b < 0x7f), "pure ASCII, LF only");
        }
        assertTrue(new String(json, StandardCharsets.US_ASCII).contains("Pr\\u00fcfstand-\\u00dc1"));
        String readme = Files.readString(r.path().resolve(BundleFormat.README));
        assertTrue(readme.contains(org.gapdesk.signing.KeyFingerprint.grouped(BundleFixture.key().publicKey())));
        assertTrue(readme.contains("openssl dgst -sha256 -verify kiosk-public.pem -signature manifest.sig manifest.json"));
    }

    @Test
    void sequencesIncreasePerLabAndNothingToExportAllocatesNothing() {
        BundleExporter exporter = f.exporter();
        assertEquals(1, exporter.exportToFolder("LAB-A", null, "alice", usb).bundle().sequence());
        BundleException none = assertThrows(BundleException.class,
                () -> exporter.exportToFolder("LAB-A", null, "alice", usb));
        assertTrue(none.getMessage().startsWith("nothing to export"), none.getMessage());
        assertEquals(1, exporter.bundles("LAB-A").size());
        assertEquals(1, exporter.exportToFolder("LAB-B", null, "alice", usb).bundle().sequence());
        f.confirmed("LAB-A", "PC-010", false, BundleFixture.WINDOWS_ID, "Windows");
        ExportResult second = exporter.exportToFolder("LAB-A", null, "bob", usb);
        assertEquals(2, second.bundle().sequence());
        assertEquals(1, second.bundle().entryCount());
        assertEquals(List.of(2L, 1L), exporter.bundles("LAB-A").stream().map(BundleRecord::sequence).toList());
        VerificationResult v = new BundleVerifier().verify(second.path(), BundleFixture.key().publicKey(), "LAB-A",
                1L);
        assertTrue(v.valid(), v.message());
        assertThrows(BundleException.class, () -> exporter.exportToFolder("LAB-Z", null, "alice", usb));
    }

    @Test
    void aCidKeyedAgainAfterExportGoesIntoTheNextBundle() {
        BundleExporter exporter = f.exporter();
        exporter.exportToFolder("LAB-A", null, "alice", usb);
        long id = labA.get(0);
        f.confirm(id, f.ids.cid48());
        assertEquals(RequestState.CONFIRMED, f.state(id));
        ExportResult again = exporter.exportToFolder("LAB-A", null, "alice", usb);
        assertEquals(2, again.bundle().sequence());
        assertEquals(List.of(id), again.exportedRequestIds());
    }

    @Test
    void anUnusableFolderAllocatesNoNumberAndMovesNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        BundleException e = assertThrows(BundleException.class,
                () -> f.exporter().exportToFolder("LAB-A", null, "alice", file));
        assertTrue(e.getMessage().contains("no bundle number was used"), e.getMessage());
        assertThrows(BundleException.class,
                () -> f.exporter().exportToFolder("LAB-A", null, "alice", dir.resolve("missing")));
        assertTrue(f.exporter().bundles(null).isEmpty());
        labA.forEach(id -> assertEquals(RequestState.CONFIRMED, f.state(id)));
        assertEquals(1, f.exporter().exportToFolder("LAB-A", null, "alice", usb).bundle().sequence());
    }

    @Test
    void aFailedWriteSpendsItsNumberMovesNothingAndLeavesNoFiles() {
        FolderWriter failing = (folder, files) -> {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(BundleFormat.README), "partial");
            throw new IOException("No space left on device");
        };
        BundleException e = assertThrows(BundleException.class,
                () -> f.exporter(failing).exportToFolder("LAB-A", null, "alice", usb));
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertTrue(e.getMessage().contains("No request was marked exported"), e.getMessage());
        BundleRecord failed = f.exporter().find("LAB-A", 1).orElseThrow();
        assertEquals(BundleStatus.FAILED, failed.status());
        assertTrue(failed.failure().contains("No space left on device"));
        labA.forEach(id -> assertEquals(RequestState.CONFIRMED, f.state(id)));
        assertEquals(List.of(), list(usb), "the partial folder was removed");
        ExportResult next = f.exporter().exportToFolder("LAB-A", null, "alice", usb);
        assertEquals(2, next.bundle().sequence(), "the failed number is never used again");
        labA.forEach(id -> assertEquals(RequestState.EXPORTED, f.state(id)));
        assertThrows(BundleException.class, () -> f.exporter().rewriteZip(failed.id()));
    }

    @Test
    void aBundleThatDoesNotReadBackIsAFailedWrite() {
        FolderWriter corrupting = (folder, files) -> {
            BundleFolder.write(folder, files);
            Files.write(folder.resolve(BundleFormat.CONFIRMATIONS_CSV), "machine\n".getBytes(StandardCharsets.UTF_8));
        };
        BundleException e = assertThrows(BundleException.class,
                () -> f.exporter(corrupting).exportToFolder("LAB-A", null, "alice", usb));
        assertTrue(e.getMessage().contains("differ"), e.getMessage());
        assertEquals(BundleStatus.FAILED, f.exporter().find("LAB-A", 1).orElseThrow().status());
        labA.forEach(id -> assertEquals(RequestState.CONFIRMED, f.state(id)));
        assertEquals(List.of(), list(usb));
    }

    /** A stop between reserving the number and recording the export: simulated by an Error nothing catches. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aCrashWhileWritingLeavesTheNumberReservedAndTheRequestsConfirmed() {
        FolderWriter crashing = (folder, files) -> {
            BundleFolder.write(folder, files);
            throw new SimulatedCrash();
        };
        assertThrows(SimulatedCrash.class, () -> f.exporter(crashing).exportToFolder("LAB-A", null, "alice", usb));
        assertEquals(BundleStatus.RESERVED, f.exporter().find("LAB-A", 1).orElseThrow().status());
        labA.forEach(id -> assertEquals(RequestState.CONFIRMED, f.state(id)));
        ExportResult next = f.exporter().exportToFolder("LAB-A", null, "alice", usb);
        assertEquals(2, next.bundle().sequence());
        assertEquals(labA.size(), next.exportedRequestIds().size());
        // The lab may hold #1 from the interrupted write; #2 carries the same entries and supersedes it.
        VerificationResult v = new BundleVerifier().verify(next.path(), BundleFixture.key().publicKey(), "LAB-A", 1L);
        assertTrue(v.valid(), v.message());
    }

    @Test
    void aRequestChangedWhileWritingIsNotMarkedExported() {
        long changed = labA.get(2);
        FolderWriter rekeying = (folder, files) -> {
            BundleFolder.write(folder, files);
            f.confirm(changed, f.ids.cid48());
        };
        ExportResult r = f.exporter(rekeying).exportToFolder("LAB-A", null, "alice", usb);
        assertEquals(List.of(changed), r.changedMeanwhile());
        assertEquals(RequestState.CONFIRMED, f.state(changed));
        assertEquals(labA.size() - 1, r.exportedRequestIds().size());
    }

    @Test
    void aBatchExportsOnlyItsConfirmedRequests() {
        long batch = batch("LAB-A", labA.subList(0, 3));
        long other = batch("LAB-B", List.of());
        BundleExporter exporter = f.exporter();
        assertEquals(3, exporter.pending("LAB-A", batch).size());
        ExportResult r = exporter.exportToFolder("LAB-A", batch, "alice", usb);
        assertEquals(3, r.bundle().entryCount());
        assertEquals(batch, r.bundle().batchId());
        assertEquals(RequestState.CONFIRMED, f.state(labA.get(3)));
        assertThrows(BundleException.class, () -> exporter.exportToFolder("LAB-A", batch, "alice", usb),
                "nothing left in the batch");
        BundleException wrongLab = assertThrows(BundleException.class,
                () -> exporter.exportToFolder("LAB-A", other, "alice", usb));
        assertTrue(wrongLab.getMessage().contains("is for lab LAB-B"), wrongLab.getMessage());
        assertThrows(BundleException.class, () -> exporter.exportToFolder("LAB-A", 9999L, "alice", usb));
        assertEquals(2, exporter.exportToFolder("LAB-A", null, "alice", usb).bundle().sequence());
    }

    @Test
    void identicalRecordsGiveIdenticalBytesAndAReExportIsByteForByteTheSame(@TempDir Path other) throws Exception {
        ExportResult first = f.exporter().exportToFolder("LAB-A", null, "alice", usb);
        try (BundleFixture twin = new BundleFixture(other.resolve("db"))) {
            twin.standardContent();
            Path usb2 = Files.createDirectories(other.resolve("usb"));
            ExportResult second = twin.exporter().exportToFolder("LAB-A", null, "alice", usb2);
            assertSameFiles(first.path(), second.path());
            assertArrayEquals(f.exporter().rewriteZip(first.bundle().id()).zip(),
                    twin.exporter().rewriteZip(second.bundle().id()).zip());
        }
        Path again = Files.createDirectories(dir.resolve("again"));
        ExportResult re = f.exporter().rewriteToFolder(first.bundle().id(), again);
        assertTrue(re.rewritten());
        assertSameFiles(first.path(), re.path());
        byte[] zip1 = f.exporter().rewriteZip(first.bundle().id()).zip();
        byte[] zip2 = f.exporter().rewriteZip(first.bundle().id()).zip();
        assertArrayEquals(zip1, zip2);
        assertTrue(BundleZip.read(zip1, BundleLimits.DEFAULT).sameAs(new BundleVerifier().read(first.path())));
        // Rewriting into the folder that already holds it leaves the same bytes.
        f.exporter().rewriteToFolder(first.bundle().id(), usb);
        assertSameFiles(first.path(), re.path());
    }

    @Test
    void writingAgainIntoAFolderLeftByAnInterruptedWriteReplacesItsTemporaryFiles() throws Exception {
        ExportResult first = f.exporter().exportToFolder("LAB-A", null, "alice", usb);
        Files.writeString(first.path().resolve(".README.txt.tmp"), "half");
        Files.delete(first.path().resolve(BundleFormat.MANIFEST));
        f.exporter().rewriteToFolder(first.bundle().id(), usb);
        assertEquals(BundleFormat.ALL_FILES.stream().sorted().toList(), list(first.path()));
        assertTrue(new BundleVerifier().verify(first.path(), BundleFixture.key().publicKey(), "LAB-A", 0L).valid());
        Files.writeString(first.path().resolve("notes.txt"), "mine");
        BundleException e = assertThrows(BundleException.class,
                () -> f.exporter().rewriteToFolder(first.bundle().id(), usb));
        assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
        assertTrue(Files.exists(first.path().resolve("notes.txt")), "nothing of the operator's is removed");
    }

    @Test
    void aReExportAfterAKeyRotationStillWritesTheOriginalSignature() throws Exception {
        ExportResult first = f.exporter().exportToFolder("LAB-A", null, "alice", usb);
        KioskKey rotated = BundleFixture.otherKey();
        BundleExporter afterRotation = new BundleExporter(f.db, () -> rotated, "kiosk-1", f.clock);
        ExportResult re = afterRotation.rewriteToFolder(first.bundle().id(), Files.createDirectories(dir.resolve("r")));
        assertSameFiles(first.path(), re.path());
        assertTrue(new BundleVerifier().verify(re.path(), BundleFixture.key().publicKey(), "LAB-A", 0L).valid());
    }

    @Test
    void zipExportsAreVerifiedAndDeterministic() throws Exception {
        ExportResult r = f.exporter().exportZip("LAB-A", null, "alice");
        assertNull(r.path());
        assertEquals("gapdesk-bundle-LAB-A-1.zip", r.fileName());
        assertEquals("download", r.bundle().destination());
        assertArrayEquals(r.zip(), f.exporter().rewriteZip(r.bundle().id()).zip());
        labA.forEach(id -> assertEquals(RequestState.EXPORTED, f.state(id)));
        f.confirmed("LAB-A", "PC-011", false, BundleFixture.WINDOWS_ID, "Windows");
        Path zipFile = usb.resolve("bundle.zip");
        ExportResult file = f.exporter().exportZipFile("LAB-A", null, "alice", zipFile);
        assertEquals(2, file.bundle().sequence());
        assertTrue(new BundleVerifier().verify(zipFile, BundleFixture.key().publicKey(), "LAB-A", 1L).valid());
        assertArrayEquals(Files.readAllBytes(zipFile), f.exporter().rewriteZip(file.bundle().id()).zip());
        assertEquals(List.of("bundle.zip"), list(usb));
    }

    private long batch(String lab, List<Long> requestIds) {
        return f.db.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch (lab, channel, state, entry_count,"
                    + " created_by, created_at) VALUES (?, 'PHONE', 'CLOSED', ?, 't', ?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, lab);
                ps.setInt(2, requestIds.size());
                ps.setTimestamp(3, Timestamp.from(BundleFixture.NOW));
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            int pos = 1;
            for (long r : requestIds) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO batch_request (batch_id, request_id, position) VALUES (?, ?, ?)")) {
                    ps.setLong(1, id);
                    ps.setLong(2, r);
                    ps.setInt(3, pos++);
                    ps.executeUpdate();
                }
            }
            return id;
        });
    }

    static void assertSameFiles(Path a, Path b) throws IOException {
        assertEquals(list(a), list(b));
        for (String name : list(a)) {
            assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
        }
    }

    static List<String> list(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return new ArrayList<>(s.map(p -> p.getFileName().toString()).sorted().toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
