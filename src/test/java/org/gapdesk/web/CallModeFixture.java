package org.gapdesk.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.gapdesk.Kiosk;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.TestIds;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.batch.Batch;
import org.gapdesk.batch.BatchCriteria;
import org.gapdesk.batch.BatchService;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.UploadedFile;

/**
 * A kiosk on a random loopback port with one lab's machines imported and put on a batch, for the batch and
 * call-mode tests: machines {@code PC-001} to {@code PC-n}, each with a valid synthetic 63-digit IID.
 */
final class CallModeFixture implements AutoCloseable {
    static final String LAB = "LAB-A";
    static final String OPERATOR = "Ana Lee";

    final Kiosk kiosk;
    final WebServer server;
    final int port;
    final String base;
    final TestIds ids;
    /** The IIDs of PC-001 to PC-n, in that order. */
    final List<String> iids = new ArrayList<>();
    /** The batch, or null when made without one. */
    final Batch batch;
    /** The request ids in worksheet order (PC-001 first). */
    final List<Long> requestIds = new ArrayList<>();

    private CallModeFixture(Path home, int machines, ActivationChannel channel, long seed) {
        TestSite.write(home);
        kiosk = SignedInClient.openKiosk(home);
        ids = new TestIds(seed);
        if (machines > 0) {
            RequestFileJson file = new RequestFileJson(LAB);
            for (int i = 1; i <= machines; i++) {
                String iid = ids.iid63();
                iids.add(iid);
                file.mak(String.format("PC-%03d", i), iid);
            }
            kiosk.intake().commit(List.of(new UploadedFile("lab-a.json",
                    file.toString().getBytes(StandardCharsets.UTF_8))), new IntakeDefaults(null), OPERATOR);
        }
        if (channel != null) {
            BatchService batches = new BatchService(kiosk.database(), Clock.systemUTC());
            batch = batches.create(BatchCriteria.received(LAB), channel, OPERATOR);
            for (ActivationRequest r : batches.content(batch.id()).requests()) {
                requestIds.add(r.id());
            }
        } else {
            batch = null;
        }
        server = new WebServer(kiosk);
        port = server.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + port;
    }

    /** {@code machines} machines of LAB-A on one batch for {@code channel} (null: imported, no batch). */
    static CallModeFixture start(Path home, int machines, ActivationChannel channel) {
        return new CallModeFixture(home, machines, channel, 20261120L);
    }

    /** The operator {@value #OPERATOR}, signed in over HTTP. */
    SignedInClient operator() {
        return SignedInClient.operator(kiosk, port, OPERATOR);
    }

    /** Makes the operator {@value #OPERATOR} (for a browser to sign in as). */
    void addOperator() {
        if (kiosk.operators().find(OPERATOR).isEmpty()) {
            kiosk.operators().add(OPERATOR, org.gapdesk.operator.Role.OPERATOR, SignedInClient.SECRET.toCharArray(),
                    "test");
        }
    }

    ActivationRequest request(long id) {
        return kiosk.requests().find(id).orElseThrow();
    }

    @Override
    public void close() {
        server.stop();
        kiosk.close();
    }
}
