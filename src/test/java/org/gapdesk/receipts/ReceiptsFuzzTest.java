package org.gapdesk.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.Product;
import org.gapdesk.bundle.ExportResult;
import org.gapdesk.demo.SyntheticIds;
import org.gapdesk.fuzz.FuzzTries;
import org.gapdesk.fuzz.Mutator;
import org.gapdesk.fuzz.RowCounts;
import org.gapdesk.fuzz.Verdict;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.lab.KioskLoop;
import org.gapdesk.lab.LabProduct;
import org.gapdesk.lab.LabTestKit;
import org.gapdesk.lab.ResultEntry;
import org.gapdesk.lab.ResultsFile;
import org.gapdesk.lab.SimulatedLab;

/**
 * Lab results files under fuzzing: the reader answers every byte string with a {@link ResultsFile} or a
 * {@link ReceiptRejectedException} naming the file; the importer's preview stores nothing, and a commit whose file
 * is rejected leaves every table of the record as it was.
 */
@AddLifecycleHook(FuzzTries.class)
class ReceiptsFuzzTest {
    static Path dir;
    static KioskLoop loop;
    static List<byte[]> seeds = new ArrayList<>();

    @BeforeContainer
    static void exportABundle() throws IOException {
        dir = Files.createTempDirectory("receipts-fuzz");
        loop = new KioskLoop(dir);
        SyntheticIds ids = new SyntheticIds(31);
        SimulatedLab lab = new SimulatedLab();
        for (int i = 1; i <= 4; i++) {
            lab.product("PC-00" + i, new LabProduct(LabTestKit.WINDOWS_ID, Product.WINDOWS_APP_ID,
                    "Windows 11 Enterprise", "Volume MAK channel", "Volume:MAK", "ABCDE", 5, ids.iid63()));
        }
        List<ActivationRequest> requests = new ArrayList<>();
        for (long id : loop.importFrom(lab, "LAB-A").createdRequestIds()) {
            loop.confirm(id, ids.cid48());
            requests.add(loop.request(id));
        }
        ExportResult bundle = loop.export("LAB-A");
        String[][] outcomes = {{"applied", null, "1", null}, {"failed", "0xC004F02C", null, "deposit-failed"},
            {"skipped", null, null, "not-this-machine"}, {"failed", null, null, "iid-mismatch"}};
        List<ResultEntry> entries = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ActivationRequest r = requests.get(i);
            String[] o = outcomes[i];
            entries.add(new ResultEntry(r.id(), r.machine().name(), r.product().activationId(), r.iid().digits(), o[0],
                    o[1], o[2] == null ? null : Integer.valueOf(o[2]), o[3], i == 3 ? ids.iid63() : null));
        }
        seeds.add(new ResultsFile("LAB-A", bundle.bundle().sequence(), bundle.manifestSha256(), false,
                "2026-11-21T08:00:00Z", entries).toJson());
        seeds.add(new ResultsFile("LAB-A", bundle.bundle().sequence(), bundle.manifestSha256(), false,
                "2026-11-21T08:00:00Z", entries.subList(0, 1)).toJson());
    }

    @AfterContainer
    static void close() throws IOException {
        loop.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<byte[]> mutants() {
        return Arbitraries.oneOf(Mutator.mutants(seeds), Mutator.randomBytes(1024));
    }

    @Example
    void theSeedsPreviewWithoutRejection() {
        for (byte[] s : seeds) {
            ReceiptPreview p = loop.kiosk.receipts().preview(List.of(new UploadedFile("seed.json", s)));
            assertFalse(p.anyRejected(), () -> p.files().get(0).rejection());
        }
    }

    @Property(tries = 1500)
    void theReaderAnswersEveryFileWithAResultOrARejectionNamingIt(@ForAll("mutants") byte[] bytes) {
        Verdict<ResultsFile> v = Verdict.of(ReceiptRejectedException.class,
                () -> ResultsFileReader.read("results.json", bytes));
        if (v.rejected()) {
            assertTrue(v.message().startsWith("results.json: "), v.message());
        }
    }

    @Provide
    Arbitrary<String> hostileValues() {
        return Arbitraries.of("null", "-1", "0", "1e400", "9223372036854775808", "\"\"", "[]", "{}", "\"0xZZ\"",
                "\"" + "9".repeat(10_000) + "\"", "\"../../x\"", "\"\\u0000\"", "true", "\"applied\"", "\"failed\"");
    }

    @Provide
    Arbitrary<byte[]> fieldSwaps() {
        List<String> keys = List.of("format", "version", "lab", "bundleSequence", "bundleManifestSha256", "entries",
                "requestId", "machine", "activationId", "installationId", "outcome", "hresult", "licenseStatus", "reason",
                "currentInstallationId");
        return Combinators.combine(Arbitraries.of(seeds), Arbitraries.of(keys), hostileValues())
                .as((seed, key, value) -> new String(seed, StandardCharsets.UTF_8)
                        .replaceFirst("\"" + key + "\"\\s*:\\s*(\"[^\"]*\"|[^,}\\]]+)", "\"" + key + "\":"
                                + java.util.regex.Matcher.quoteReplacement(value))
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void aCommitOfARejectedFileStoresNothingAndAPreviewNeverStores(@ForAll("fieldSwapsOrMutants") byte[] bytes) {
        UploadedFile f = new UploadedFile("gapdesk-results-LAB-A-1-x.json", bytes);
        Map<String, Long> before = RowCounts.of(loop.kiosk.database());
        ReceiptPreview preview = Verdict.of(RuntimeException.class,
                () -> loop.kiosk.receipts().preview(List.of(f))).value();
        assertEquals(before, RowCounts.of(loop.kiosk.database()), "a preview stored something");
        if (preview.anyRejected()) {
            ReceiptPreview committed = Verdict.of(RuntimeException.class,
                    () -> loop.kiosk.receipts().commit(List.of(f), KioskLoop.OPERATOR)).value();
            assertTrue(committed.anyRejected());
            assertTrue(committed.files().get(0).rejection().startsWith(f.name() + ": "),
                    committed.files().get(0).rejection());
            assertEquals(before, RowCounts.of(loop.kiosk.database()), "a rejected file stored something");
        }
    }

    @Provide
    Arbitrary<byte[]> fieldSwapsOrMutants() {
        return Arbitraries.oneOf(fieldSwaps(), Mutator.mutants(seeds));
    }
}
