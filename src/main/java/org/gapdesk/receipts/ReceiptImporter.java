package org.gapdesk.receipts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.RequestState;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.lab.ResultEntry;
import org.gapdesk.lab.ResultsFile;
import org.gapdesk.signing.Sha256;
import org.gapdesk.store.Database;
import org.gapdesk.store.RequestRepository;
import org.gapdesk.store.StoreLock;

/**
 * Imports lab results files: each is read as untrusted input ({@link ResultsFileReader}), matched to the
 * bundle it names (lab and sequence of a bundle this kiosk wrote, the same manifest SHA-256, and every entry
 * exactly as it was in that bundle: request, machine, Activation ID, IID), then every accepted file is stored
 * in one transaction:
 * <ul>
 * <li>{@code applied}: the request becomes {@link RequestState#APPLIED};</li>
 * <li>{@code failed}: the request becomes {@link RequestState#FAILED} with a readable reason
 * ({@link LabOutcomeText}); a failed request takes a CID again, so a mistyped CID goes back to re-entry;</li>
 * <li>{@code skipped}: the request stays as it is and the skip is recorded in its history.</li>
 * </ul>
 * Only a request still waiting for that bundle's result moves (exported, or failed by that same bundle); one
 * exported again in a later bundle stays as it is. Importing the same file again, or a file that says again
 * what is on record, changes nothing. A rejected file stores nothing; the other files still go in. History
 * events name the file.
 */
public final class ReceiptImporter {
    private final Database db;
    private final Clock clock;
    private final RequestRepository requests = new RequestRepository();
    private final ReceiptRepository receipts = new ReceiptRepository();
    private final ExportedBundles bundles = new ExportedBundles();

    public ReceiptImporter(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The keys of the files that were imported before byte for byte (a results file with the same SHA-256 is on
     * record), whatever their names. Reads only.
     */
    public <K> Set<K> importedBefore(Map<K, UploadedFile> files) {
        return db.read(c -> {
            Set<K> out = new HashSet<>();
            for (Map.Entry<K, UploadedFile> f : files.entrySet()) {
                if (receipts.findBySha256(c, Sha256.hex(f.getValue().bytes())).isPresent()) {
                    out.add(f.getKey());
                }
            }
            return out;
        });
    }

    /** What committing {@code files} would do. Stores nothing. */
    public ReceiptPreview preview(List<UploadedFile> files) {
        try {
            db.inTransaction(c -> {
                throw new RolledBack(run(c, files, "(preview)"));
            });
            throw new IllegalStateException("unreachable");
        } catch (RolledBack r) {
            return r.preview;
        }
    }

    /**
     * Stores what {@code files} report, in one transaction, recording {@code operator} on every change. Serialized
     * on this kiosk, and across kiosks sharing the database by the {@link StoreLock#RECEIPTS} lock.
     */
    public synchronized ReceiptPreview commit(List<UploadedFile> files, String operator) {
        return db.inTransaction(c -> {
            StoreLock.hold(c, StoreLock.RECEIPTS);
            return run(c, files, operator);
        });
    }

    /** Carries a preview out of a transaction that must not commit. */
    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ReceiptPreview preview;

        RolledBack(ReceiptPreview preview) {
            super(null, null, false, false);
            this.preview = preview;
        }
    }

    private ReceiptPreview run(Connection c, List<UploadedFile> files, String operator) throws SQLException {
        Instant now = clock.instant();
        List<ReceiptFilePreview> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (UploadedFile f : files) {
            out.add(importOne(c, f, operator, now, seen));
        }
        return new ReceiptPreview(out);
    }

    private ReceiptFilePreview importOne(Connection c, UploadedFile f, String operator, Instant now, Set<String> seen)
            throws SQLException {
        String sha = Sha256.hex(f.bytes());
        ResultsFile file;
        try {
            file = ResultsFileReader.read(f.name(), f.bytes());
        } catch (ReceiptRejectedException e) {
            return ReceiptFilePreview.rejected(f.name(), sha, e.getMessage());
        }
        ExportedBundles.Exported bundle = bundles.find(c, file.lab(), file.bundleSequence()).orElse(null);
        String label = file.lab() + " bundle #" + file.bundleSequence();
        if (bundle == null) {
            return ReceiptFilePreview.rejected(f.name(), sha, f.name() + ": this kiosk wrote no " + label
                    + "; results belong to the kiosk that exported the bundle");
        }
        if (!bundle.written()) {
            return ReceiptFilePreview.rejected(f.name(), sha, f.name() + ": " + label + " was never completed on this"
                    + " kiosk (" + bundle.status() + "): its requests were not exported and go into the next bundle;"
                    + " import that bundle's results instead");
        }
        if (!bundle.manifestSha256().equals(file.bundleManifestSha256())) {
            return ReceiptFilePreview.rejected(f.name(), sha, f.name() + ": bundleManifestSha256 "
                    + file.bundleManifestSha256() + " is not the manifest of " + label + " (" + bundle.manifestSha256()
                    + ")");
        }
        for (int i = 0; i < file.entries().size(); i++) {
            String mismatch = mismatch(file.entries().get(i), bundle, "entries[" + i + "]", label);
            if (mismatch != null) {
                return ReceiptFilePreview.rejected(f.name(), sha, f.name() + ": " + mismatch);
            }
        }
        Optional<ReceiptRepository.StoredFile> earlier = receipts.findBySha256(c, sha);
        if (earlier.isPresent() || !seen.add(sha)) {
            String when = earlier.map(e -> "imported as " + e.fileName() + " on " + e.importedAt() + " by "
                    + e.operator()).orElse("given twice in this import");
            return unchanged(c, f.name(), sha, file, "this file was already " + when + "; nothing changes");
        }
        String source = f.name() + " (" + label + (file.sequenceOverride() ? ", applied with the lab's sequence"
                + " override" : "") + ")";
        List<PlannedReceipt> planned = new ArrayList<>();
        List<ReceiptEffect> effects = new ArrayList<>();
        for (int i = 0; i < file.entries().size(); i++) {
            ResultEntry e = file.entries().get(i);
            ActivationRequest r = requests.lock(c, e.requestId()).orElseThrow();
            PlannedReceipt p = decide(c, file, e, r, "entries[" + i + "]");
            planned.add(p);
            effects.add(p.effect());
            String detail = "lab result from " + source + ": " + p.message();
            switch (p.effect()) {
                case APPLIED, FAILED -> requests.changeState(c, r.id(), r.state(), p.to(), now, operator, detail);
                case NOTED -> requests.addEvent(c, r.id(), now, operator, r.state(), r.state(), detail);
                default -> {
                }
            }
        }
        ReceiptFilePreview preview = new ReceiptFilePreview(f.name(), sha, null, file.lab(), file.bundleSequence(),
                file.sequenceOverride(), false, planned);
        long receiptId = receipts.insertFile(c, f.name(), sha, file, operator, now, preview.summary());
        for (int i = 0; i < file.entries().size(); i++) {
            receipts.insertEntry(c, receiptId, file.entries().get(i), effects.get(i));
        }
        return preview;
    }

    /** Why an entry does not match the bundle it claims to come from, or null when it matches. */
    private static String mismatch(ResultEntry e, ExportedBundles.Exported bundle, String where, String label) {
        ExportedBundles.ExportedEntry x = bundle.entries().get(e.requestId());
        if (x == null) {
            return where + ".requestId: request " + e.requestId() + " was not in " + label;
        }
        if (!x.machine().equals(e.machine())) {
            return where + ".machine: '" + e.machine() + "' is not '" + x.machine() + "', the machine of request "
                    + e.requestId() + " in " + label;
        }
        if (!Objects.equals(x.activationId() == null ? null : x.activationId().toLowerCase(java.util.Locale.ROOT),
                e.activationId())) {
            return where + ".activationId: " + e.activationId() + " is not " + x.activationId() + ", the Activation ID"
                    + " of request " + e.requestId() + " in " + label;
        }
        if (!x.iid().equals(e.installationId())) {
            return where + ".installationId is not the IID of request " + e.requestId() + " in " + label;
        }
        return null;
    }

    private PlannedReceipt decide(Connection c, ResultsFile file, ResultEntry e, ActivationRequest r, String where)
            throws SQLException {
        RequestState state = r.state();
        Optional<ReceiptRepository.Recorded> recorded = receipts.latest(c, r.id(), file.lab(), file.bundleSequence());
        if (recorded.isPresent() && recorded.get().sameAs(e)) {
            return keep(where, e, state, "already recorded from " + recorded.get().fileName());
        }
        long latest = bundles.latestSequenceOf(c, file.lab(), r.id());
        if (latest > file.bundleSequence()) {
            return keep(where, e, state, "exported again in bundle #" + latest + " since; this result is for bundle #"
                    + file.bundleSequence());
        }
        String text = LabOutcomeText.of(e);
        boolean waiting = state == RequestState.EXPORTED || state == RequestState.FAILED;
        switch (e.outcome()) {
            case ResultsFile.SKIPPED:
                return new PlannedReceipt(where, r.id(), e.machine(), e.outcome(), ReceiptEffect.NOTED, state, state,
                        text);
            case ResultsFile.APPLIED:
                if (waiting) {
                    return new PlannedReceipt(where, r.id(), e.machine(), e.outcome(), ReceiptEffect.APPLIED, state,
                            RequestState.APPLIED, text);
                }
                return keep(where, e, state, notWaiting(r, text));
            default:
                if (waiting) {
                    return new PlannedReceipt(where, r.id(), e.machine(), e.outcome(), ReceiptEffect.FAILED, state,
                            RequestState.FAILED, text + (e.hresult() == null ? "" : " (" + e.hresult() + ")"));
                }
                return keep(where, e, state, notWaiting(r, text));
        }
    }

    private static String notWaiting(ActivationRequest r, String text) {
        String why = switch (r.state()) {
            case APPLIED -> "already applied";
            case SUPERSEDED -> "superseded by request " + r.supersededBy();
            default -> r.state().label() + ", not waiting for a lab result";
        };
        return "request " + r.id() + " is " + why + "; the lab's report (" + text + ") is kept with the file only";
    }

    private static PlannedReceipt keep(String where, ResultEntry e, RequestState state, String why) {
        return new PlannedReceipt(where, e.requestId(), e.machine(), e.outcome(), ReceiptEffect.UNCHANGED, state,
                state, why);
    }

    private ReceiptFilePreview unchanged(Connection c, String name, String sha, ResultsFile file, String why)
            throws SQLException {
        List<PlannedReceipt> planned = new ArrayList<>();
        for (int i = 0; i < file.entries().size(); i++) {
            ResultEntry e = file.entries().get(i);
            RequestState state = requests.find(c, e.requestId()).map(ActivationRequest::state).orElse(null);
            planned.add(keep("entries[" + i + "]", e, state, why));
        }
        return new ReceiptFilePreview(name, sha, null, file.lab(), file.bundleSequence(), file.sequenceOverride(),
                true, planned);
    }

}
