package org.gapdesk.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;
import org.gapdesk.intake.FilePreview;
import org.gapdesk.intake.ImportPreview;
import org.gapdesk.intake.ImportResult;
import org.gapdesk.intake.Outcome;
import org.gapdesk.intake.PlannedEntry;

/** The shapes the JSON API answers with. Times are ISO-8601 instants; IIDs are given as digits and grouped. */
final class ApiJson {
    private ApiJson() {
    }

    /** One entry of a preview or commit; {@code requestId} is set once committed and stored. */
    record Entry(String file, String where, String lab, String machine, boolean alias, String product,
            String activationId, String channel, String partialKey, Integer licenseStatus, String iid,
            String iidGrouped, String outcome, String outcomeLabel, String reason, List<Long> supersedes,
            boolean cidReused, Long requestId) {
    }

    /** One file of a preview or commit. */
    record File(String name, String format, long size, String sha256, boolean rejected, String rejection,
            List<String> notes, Map<String, Long> counts, List<Entry> entries) {
    }

    /** A preview, or with {@code createdIds} a commit. */
    record Import(boolean committed, String summary, long stored, long superseded, boolean anyRejected,
            Map<String, Long> counts, List<File> files, List<Long> createdIds) {
    }

    /** One request. */
    record Request(long id, String lab, String machine, boolean alias, String product, String activationId,
            String applicationId, String channel, String partialKey, Integer licenseStatus, String iid,
            String iidGrouped, String state, String stateLabel, String cid, boolean cidReused, Long supersededBy,
            long importId, String createdAt, String updatedAt) {
    }

    /** A request list. */
    record Requests(int count, boolean more, List<Request> requests) {
    }

    static Import preview(ImportPreview p) {
        return build(p, null);
    }

    static Import result(ImportResult r) {
        return build(r.preview(), r.createdRequestIds());
    }

    private static Import build(ImportPreview p, List<Long> created) {
        Iterator<Long> ids = created == null ? null : created.iterator();
        List<File> files = new ArrayList<>();
        for (FilePreview f : p.files()) {
            List<Entry> entries = new ArrayList<>();
            for (PlannedEntry e : f.entries()) {
                Long id = ids != null && e.outcome().stores() && ids.hasNext() ? ids.next() : null;
                entries.add(entry(e, id));
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Outcome o : Outcome.values()) {
                counts.put(o.name(), f.count(o));
            }
            files.add(new File(f.fileName(), f.format(), f.size(), f.sha256(), f.rejected(), f.rejection(), f.notes(),
                    counts, entries));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        p.counts().forEach((o, n) -> counts.put(o.name(), n));
        return new Import(created != null, p.summary(), p.storedCount(), p.supersededCount(), p.anyRejected(), counts,
                files, created == null ? List.of() : created);
    }

    private static Entry entry(PlannedEntry e, Long requestId) {
        Machine m = e.machine();
        Product pr = e.product();
        return new Entry(e.file(), e.where(), m.lab(), m.name(), m.alias(), pr.name(), pr.activationId(),
                pr.channel(), pr.partialKey(), pr.licenseStatus(), e.iid() == null ? null : e.iid().digits(),
                e.iid() == null ? null : e.iid().grouped(), e.outcome().name(), e.outcome().label(), e.reason(),
                e.supersedes(), e.storedCid() != null, requestId);
    }

    static Requests requests(List<ActivationRequest> rows, boolean more) {
        return new Requests(rows.size(), more, rows.stream().map(ApiJson::request).toList());
    }

    static Request request(ActivationRequest r) {
        Product p = r.product();
        return new Request(r.id(), r.machine().lab(), r.machine().name(), r.machine().alias(), p.name(),
                p.activationId(), p.applicationId(), p.channel(), p.partialKey(), p.licenseStatus(), r.iid().digits(),
                r.iid().grouped(), r.state().name(), r.state().label(), r.cid(), r.cidReused(), r.supersededBy(),
                r.importId(), r.createdAt().toString(), r.updatedAt().toString());
    }
}
