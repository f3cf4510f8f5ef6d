package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.RequestState;
import org.gapdesk.bundle.BundleFormat;
import org.gapdesk.demo.SyntheticIds;
import org.gapdesk.lab.LabApplier;
import org.gapdesk.lab.LabApplyRun;
import org.gapdesk.lab.LabTestKit;
import org.gapdesk.lab.PinnedKey;
import org.gapdesk.lab.ResultEntry;
import org.gapdesk.lab.ResultsFile;
import org.gapdesk.lab.SimulatedLab;
import org.gapdesk.store.RequestEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The closed loop over HTTP, signed in as an operator: import the lab's request file ({@code POST
 * /api/import/commit}), make a worksheet batch ({@code POST /batches}), key the CIDs ({@code POST /api/confirm};
 * one mistyped), export ({@code POST /api/bundles}, then the zip), let the lab reference verify and apply it
 * against a simulated lab with the key from {@code /key} (one machine's IID changed meanwhile), import the
 * results file ({@code POST /api/receipts/commit}) and check every final state; then re-key the mistyped CID,
 * export bundle #2 and bring its results back through the receipts pages (upload, preview, import).
 */
class LoopHttpIT {
    static final String LAB = BundleFixture.LAB;
    static final String WIN = BundleFixture.WIN;
    static final String OFFICE = BundleFixture.OFFICE;

    @TempDir
    Path home;
    @TempDir
    Path media;
    @TempDir
    Path labUsb;

    @Test
    void theWholeLoopOverHttpEndsInExactlyTheExpectedStates() throws Exception {
        SyntheticIds ids = new SyntheticIds(2027);
        SimulatedLab lab = BundleFixture.lab(ids);
        try (BundleFixture f = BundleFixture.start(home, media)) {
            SignedInClient web = f.operator;
            // Import: five requests.
            JsonNode imported = WebClient.json(web.postMultipart("/api/import/commit", new WebClient.Multipart()
                    .file("files", "gapdesk-request-LAB-A.json", BundleFixture.requestFile(lab))));
            assertEquals(5, imported.get("createdIds").size(), imported.toString());

            // Worksheet batch.
            HttpResponse<String> batch = web.postFields("/batches", Map.of("lab", LAB, "channel", "phone"));
            assertEquals(303, batch.statusCode(), batch.body());
            Matcher m = Pattern.compile("/batches/([0-9]+)").matcher(WebClient.location(batch));
            assertTrue(m.find(), WebClient.location(batch));
            String batchId = m.group(1);
            Map<String, ActivationRequest> r = requests(f);
            r.values().forEach(q -> assertEquals(RequestState.ON_WORKSHEET, q.state()));

            // Confirm through the call-mode API; PC-002's CID mistyped (valid check digits, wrong CID).
            for (ActivationRequest q : r.values()) {
                String cid = q.machine().name().equals("PC-002") ? ids.cid48() : lab.issuedCid(q.iid().digits());
                JsonNode a = WebClient.json(web.postFields("/api/confirm", Map.of("request", String.valueOf(q.id()),
                        "cid", cid, "batch", batchId)));
                assertEquals("STORED", a.get("status").asText(), a.toString());
            }

            // Export over the API and download the zip.
            JsonNode first = WebClient.json(web.postFields("/api/bundles", Map.of("lab", LAB)));
            assertEquals(1, first.get("sequence").asInt(), first.toString());
            assertEquals(5, first.get("exportedRequestIds").size());
            PinnedKey pinned = PinnedKey.fromPem(web.get("/key/kiosk-public.pem").body());
            Path bundle1 = download(f, first, 1);

            // Meanwhile PC-003 was reinstalled: its IID is not the one collected.
            String changed = ids.iid63();
            lab.changeIid("PC-003", WIN, changed);
            LabApplyRun.Outcome applied = apply(bundle1, lab, pinned, "run-1");
            Map<String, ResultEntry> results = new HashMap<>();
            applied.results().entries().forEach(e -> results.put(e.machine() + "/" + e.activationId(), e));
            assertEquals("0xC004F02C", results.get("PC-002/" + WIN).hresult());
            assertEquals(changed, results.get("PC-003/" + WIN).currentInstallationId());

            // Results back over the API.
            JsonNode receipt = WebClient.json(web.postMultipart("/api/receipts/commit", new WebClient.Multipart()
                    .file("files", applied.resultsPath().getFileName().toString(),
                            Files.readAllBytes(applied.resultsPath()))));
            assertTrue(receipt.get("committed").asBoolean());
            assertEquals(3, receipt.get("counts").get("APPLIED").asInt(), receipt.toString());
            assertEquals(2, receipt.get("counts").get("FAILED").asInt(), receipt.toString());
            r = requests(f);
            assertEquals(RequestState.APPLIED, r.get("PC-001/" + WIN).state());
            assertEquals(RequestState.APPLIED, r.get("PC-001/" + OFFICE).state());
            assertEquals(RequestState.APPLIED, r.get("PC-004/" + WIN).state());
            assertEquals(RequestState.FAILED, r.get("PC-002/" + WIN).state());
            assertEquals(RequestState.FAILED, r.get("PC-003/" + WIN).state());
            assertTrue(lastDetail(f, r.get("PC-002/" + WIN)).contains("CID mistyped: re-enter the CID"));
            assertTrue(lastDetail(f, r.get("PC-003/" + WIN))
                    .contains("the machine's IID changed since collection: collect again"));

            // Re-key PC-002's CID (replacing the mistyped one), export #2: only it.
            ActivationRequest pc2 = r.get("PC-002/" + WIN);
            JsonNode again = WebClient.json(web.postFields("/api/confirm", Map.of("request",
                    String.valueOf(pc2.id()), "cid", lab.issuedCid(pc2.iid().digits()), "replace", "true")));
            assertEquals("STORED", again.get("status").asText(), again.toString());
            JsonNode second = WebClient.json(web.postFields("/api/bundles", Map.of("lab", LAB)));
            assertEquals(2, second.get("sequence").asInt());
            assertEquals(List.of(pc2.id()), List.of(second.get("exportedRequestIds").get(0).asLong()));
            LabApplyRun.Outcome applied2 = apply(download(f, second, 2), lab, pinned, "run-2");
            assertEquals(ResultsFile.APPLIED, applied2.results().entries().get(0).outcome());

            // Results #2 through the receipts pages: upload, preview (nothing changes), import.
            HttpResponse<String> held = web.postMultipart("/receipts/preview", new WebClient.Multipart()
                    .file("files", applied2.resultsPath().getFileName().toString(),
                            Files.readAllBytes(applied2.resultsPath())));
            assertEquals(303, held.statusCode(), held.body());
            HttpResponse<String> preview = web.get(WebClient.location(held));
            assertEquals(200, preview.statusCode(), preview.body());
            assertTrue(preview.body().contains("PC-002") && preview.body().contains("applied"), preview.body());
            assertEquals(RequestState.EXPORTED, f.kiosk.requests().find(pc2.id()).orElseThrow().state(),
                    "a preview stores nothing");
            Matcher t = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(preview.body());
            assertTrue(t.find(), preview.body());
            HttpResponse<String> done = web.postFields("/receipts/commit", Map.of("token", t.group(1)));
            assertEquals(200, done.statusCode(), done.body());
            assertTrue(done.body().contains("id=\"receipts-done\""), done.body());

            r = requests(f);
            assertEquals(RequestState.APPLIED, r.get("PC-001/" + WIN).state());
            assertEquals(RequestState.APPLIED, r.get("PC-001/" + OFFICE).state());
            assertEquals(RequestState.APPLIED, r.get("PC-002/" + WIN).state());
            assertEquals(RequestState.FAILED, r.get("PC-003/" + WIN).state(), "still needs a new collection");
            assertEquals(RequestState.APPLIED, r.get("PC-004/" + WIN).state());

            // The first results file again: already imported, nothing changes.
            JsonNode replay = WebClient.json(web.postMultipart("/api/receipts/preview", new WebClient.Multipart()
                    .file("files", "again.json", Files.readAllBytes(applied.resultsPath()))));
            assertEquals(5, replay.get("counts").get("UNCHANGED").asInt(), replay.toString());
            // A file that is not a results file: rejected whole, an answer rather than an error.
            JsonNode bogus = WebClient.json(web.postMultipart("/api/receipts/commit", new WebClient.Multipart()
                    .file("bogus.json", "{\"format\":\"gapdesk-results\",\"version\":2}")));
            assertTrue(bogus.get("anyRejected").asBoolean(), bogus.toString());
        }
    }

    /** Downloads an exported bundle's zip and unpacks it on the lab's stick, as the operator would. */
    private Path download(BundleFixture f, JsonNode bundle, int sequence) throws Exception {
        HttpResponse<byte[]> zip = f.bytes(f.operator, bundle.get("download").asText());
        assertEquals(200, zip.statusCode());
        return BundleFixture.unzipTo(zip.body(), labUsb.resolve(BundleFormat.folderName(LAB, sequence)));
    }

    private LabApplyRun.Outcome apply(Path bundle, SimulatedLab lab, PinnedKey pinned, String run) throws Exception {
        return LabApplyRun.run(new LabApplyRun.Options(bundle, LAB, labUsb.resolve("lab-state.json"), labUsb, run,
                false, LabApplier.Scope.MACHINE_LIST, null), pinned, lab, Clock.fixed(LabTestKit.NOW,
                ZoneOffset.UTC));
    }

    private static Map<String, ActivationRequest> requests(BundleFixture f) {
        Map<String, ActivationRequest> out = new HashMap<>();
        for (ActivationRequest q : f.kiosk.requests().list(LAB, null, null, 100)) {
            out.put(q.machine().name() + "/" + q.product().activationId(), q);
        }
        return out;
    }

    private static String lastDetail(BundleFixture f, ActivationRequest q) {
        List<RequestEvent> h = f.kiosk.requests().history(q.id());
        return h.get(h.size() - 1).detail();
    }
}
