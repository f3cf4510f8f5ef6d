package org.gapdesk.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gapdesk.activation.Product;
import org.gapdesk.bundle.ExportResult;
import org.gapdesk.demo.SyntheticIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab reference verifier against every single-byte change of every file of a bundle exported by the real
 * {@code BundleExporter}: each flipped copy (XOR 0x01, one byte at a time) is refused.
 */
class LabTamperTest {
    @TempDir
    Path dir;

    @Test
    void theLabReferenceRejectsEveryFlippedByteOfEveryFile() throws Exception {
        try (KioskLoop loop = new KioskLoop(dir)) {
            SyntheticIds ids = new SyntheticIds(5);
            SimulatedLab lab = new SimulatedLab();
            for (int i = 1; i <= 4; i++) {
                lab.product("PC-00" + i, new LabProduct(LabTestKit.WINDOWS_ID, Product.WINDOWS_APP_ID,
                        "Windows 11 Enterprise", "Volume MAK channel", "Volume:MAK", "ABCDE", 5, ids.iid63()));
            }
            List<Long> created = loop.importFrom(lab, "LAB-A").createdRequestIds();
            for (long id : created) {
                loop.confirm(id, ids.cid48());
            }
            ExportResult export = loop.export("LAB-A");
            Path bundle = export.path();
            LabVerifier verifier = new LabVerifier(loop.pinned());
            assertEquals(4, verifier.verify(bundle, "LAB-A", 0, false).entries().size());

            List<Path> files;
            try (Stream<Path> s = Files.list(bundle)) {
                files = s.sorted().toList();
            }
            assertEquals(5, files.size());
            Map<LabReason, Integer> reasons = new EnumMap<>(LabReason.class);
            long flips = 0;
            for (Path file : files) {
                byte[] original = Files.readAllBytes(file);
                for (int i = 0; i < original.length; i++) {
                    byte[] flipped = original.clone();
                    flipped[i] ^= 0x01;
                    Files.write(file, flipped);
                    int at = i;
                    BundleRejectedException e = assertThrows(BundleRejectedException.class,
                            () -> verifier.verify(bundle, "LAB-A", 0, false),
                            () -> "accepted " + file.getFileName() + " with byte " + at + " flipped");
                    reasons.merge(e.reason(), 1, Integer::sum);
                    flips++;
                }
                Files.write(file, original);
            }
            assertEquals(files.stream().mapToLong(f -> f.toFile().length()).sum(), flips);
            assertTrue(reasons.getOrDefault(LabReason.HASH_MISMATCH, 0) > 0, reasons.toString());
            assertTrue(reasons.getOrDefault(LabReason.BAD_SIGNATURE, 0) > 0, reasons.toString());
            verifier.verify(bundle, "LAB-A", 0, false);
        }
    }
}
