package org.gapdesk.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.gapdesk.fuzz.FuzzTries;
import org.gapdesk.fuzz.Mutator;
import org.gapdesk.fuzz.Verdict;

/**
 * The lab-side verifier on mutated bundle folders: any file mutated as it lies on the stick, and (to reach the
 * checks behind the signature) manifests and confirmation files mutated and signed again with the pinned key,
 * plus listed names that climb out of the folder, extra files, sub-folders and links. Each ends in a
 * {@link VerifiedBundle} equal to the original or a {@link BundleRejectedException} with a reason and message.
 */
@AddLifecycleHook(FuzzTries.class)
class LabVerifierFuzzTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> FILES = List.of("manifest.json", "manifest.sig", "confirmations.json",
            "confirmations.csv", "README.txt");
    static Path root;
    static Path good;
    static VerifiedBundle original;
    static int counter;

    @BeforeContainer
    static void writeTheSeedBundle() throws Exception {
        root = Files.createTempDirectory("lab-fuzz");
        good = LabTestKit.writeBundle(root, LabTestKit.LAB, 7, LabTestKit.entries(3), LabTestKit.key());
        original = new LabVerifier(LabTestKit.pinned()).verify(good, LabTestKit.LAB, 6, false);
    }

    @AfterContainer
    static void removeAll() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A copy of the good bundle with {@code name} replaced by {@code bytes} (or removed when null). */
    static Path variant(String name, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(root.resolve("v" + (counter++)));
        for (String f : FILES) {
            Files.copy(good.resolve(f), dir.resolve(f));
        }
        if (bytes == null) {
            Files.delete(dir.resolve(name));
        } else {
            Files.write(dir.resolve(name), bytes);
        }
        return dir;
    }

    static Verdict<VerifiedBundle> verify(Path dir) {
        Verdict<VerifiedBundle> v = Verdict.of(BundleRejectedException.class,
                () -> new LabVerifier(LabTestKit.pinned()).verify(dir, LabTestKit.LAB, 6, false));
        if (v.rejected()) {
            assertNotNull(((BundleRejectedException) v.rejection()).reason());
        } else {
            assertEquals(original.entries(), v.value().entries(), "a bundle that verifies carries the signed entries");
        }
        cleanUp(dir);
        return v;
    }

    static void cleanUp(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(String name) {
        try {
            return Files.readAllBytes(good.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> fileNames() {
        return Arbitraries.of(FILES);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 150)
    void aFileMutatedOnTheStickIsRejectedOrHarmless(@ForAll("fileNames") String name, @ForAll("seeds") long seed)
            throws IOException {
        byte[] bytes = Mutator.mutate(read(name), new Random(seed), 1 + (int) Math.floorMod(seed, 4L));
        Verdict<VerifiedBundle> v = verify(variant(name, bytes));
        if (!v.rejected()) {
            assertTrue(java.util.Arrays.equals(bytes, read(name)), "a changed " + name + " verified");
        }
    }

    /** The signature of {@code manifest} by the pinned key's private half. */
    static byte[] signedManifest(byte[] manifest) {
        return LabTestKit.key().sign(manifest);
    }

    @Property(tries = 100)
    void aMutatedManifestSignedAgainIsRejectedOrHarmless(@ForAll("seeds") long seed) throws IOException {
        byte[] manifest = Mutator.mutate(read("manifest.json"), new Random(seed), 1 + (int) Math.floorMod(seed, 4L));
        Path dir = variant("manifest.json", manifest);
        Files.write(dir.resolve("manifest.sig"), signedManifest(manifest));
        verify(dir);
    }

    @Property(tries = 100)
    void mutatedConfirmationsListedInASignedManifestAreRejectedOrRead(@ForAll("seeds") long seed) throws IOException {
        byte[] conf = Mutator.mutate(read("confirmations.json"), new Random(seed), 1 + (int) Math.floorMod(seed, 4L));
        Path dir = variant("confirmations.json", conf);
        ObjectNode m = (ObjectNode) JSON.readTree(read("manifest.json"));
        for (JsonNode f : m.get("files")) {
            if (f.get("name").asText().equals("confirmations.json")) {
                ((ObjectNode) f).put("size", conf.length).put("sha256", LabVerifier.sha256Hex(conf));
            }
        }
        byte[] manifest = JSON.writeValueAsBytes(m);
        Files.write(dir.resolve("manifest.json"), manifest);
        Files.write(dir.resolve("manifest.sig"), signedManifest(manifest));
        Verdict<VerifiedBundle> v = Verdict.of(BundleRejectedException.class,
                () -> new LabVerifier(LabTestKit.pinned()).verify(dir, LabTestKit.LAB, 6, false));
        if (!v.rejected()) {
            assertEquals(7, v.value().sequence());
        }
        cleanUp(dir);
    }

    @Provide
    Arbitrary<String> hostileNames() {
        return Arbitraries.of("../../../etc/passwd", "/etc/passwd", "..", ".", "", "a/b", "a\\b", "C:\\x", "C:x",
                "confirmations.json\u0000.txt", "con", "NUL", "x".repeat(300), "manifest.json", "manifest.sig",
                "payload.ps1", "README.txt ", "CONFIRMATIONS.JSON", "confirmations.json/.", "\u202Eexe.txt");
    }

    @Property(tries = 60)
    void listedNamesThatClimbOutOrCollideAreRejected(@ForAll("hostileNames") String name, @ForAll boolean add)
            throws IOException {
        Path dir = variant("README.txt", read("README.txt"));
        ObjectNode m = (ObjectNode) JSON.readTree(read("manifest.json"));
        ArrayNode files = (ArrayNode) m.get("files");
        if (add) {
            files.addObject().put("name", name).put("size", 4).put("sha256", LabVerifier.sha256Hex(new byte[4]));
        } else {
            ((ObjectNode) files.get(files.size() - 1)).put("name", name);
        }
        byte[] manifest = JSON.writeValueAsBytes(m);
        Files.write(dir.resolve("manifest.json"), manifest);
        Files.write(dir.resolve("manifest.sig"), signedManifest(manifest));
        Verdict<VerifiedBundle> v = Verdict.of(BundleRejectedException.class,
                () -> new LabVerifier(LabTestKit.pinned()).verify(dir, LabTestKit.LAB, 6, false));
        assertTrue(v.rejected(), () -> "verified with a listed name " + name);
        cleanUp(dir);
    }

    @Example
    void extraFilesSubFoldersLinksAndMissingFilesAreRejected() throws IOException {
        for (String f : FILES) {
            assertTrue(verify(variant(f, null)).rejected(), "missing " + f);
        }
        Path extra = variant("README.txt", read("README.txt"));
        Files.write(extra.resolve("run-me.ps1"), "Remove-Item C:\\ -Recurse".getBytes(StandardCharsets.UTF_8));
        assertTrue(verify(extra).rejected());
        Path sub = variant("README.txt", read("README.txt"));
        Files.createDirectories(sub.resolve("sub"));
        assertTrue(verify(sub).rejected());
        Path huge = variant("manifest.sig", new byte[(int) LabVerifier.MAX_SIGNATURE_BYTES + 1]);
        assertTrue(verify(huge).rejected());
    }

    /** Regression: a link in place of a listed file (even to the right bytes) was followed and accepted. */
    @Example
    void aLinkInPlaceOfAListedFileIsRejectedAsAnExtraFile() throws IOException {
        for (String name : FILES) {
            Path dir = variant(name, null);
            Files.createSymbolicLink(dir.resolve(name), good.resolve(name));
            Verdict<VerifiedBundle> v = verify(dir);
            assertTrue(v.rejected(), "a link as " + name);
            assertEquals(LabReason.EXTRA_FILE, ((BundleRejectedException) v.rejection()).reason());
            assertTrue(v.message().endsWith("'" + name + "' is a link; a bundle holds plain files only"), v.message());
        }
    }

    @Example
    void theSeedVerifies() {
        assertEquals(3, original.entries().size());
    }
}
