package org.gapdesk.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.RequestState;
import org.gapdesk.signing.Sha256;
import org.gapdesk.store.ConfirmationStore;
import org.gapdesk.store.Database;
import org.gapdesk.store.ImportRepository;
import org.gapdesk.store.NewRequest;
import org.gapdesk.store.RequestRepository;
import org.gapdesk.store.StoreLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parse, validate, preview and commit. {@link #preview} changes nothing; {@link #commit} parses again, plans
 * against the record as it is at that moment and stores every storable entry of every accepted file in one
 * transaction. A rejected file contributes nothing.
 */
public final class IntakeService {
    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);

    private final Database db;
    private final FormatDetector detector;
    private final IntakeLimits limits;
    private final Clock clock;
    private final RequestRepository requests = new RequestRepository();
    private final ConfirmationStore confirmations = new ConfirmationStore();
    private final ImportRepository imports = new ImportRepository();

    public IntakeService(Database db, FormatDetector detector, IntakeLimits limits, Clock clock) {
        this.db = db;
        this.detector = detector;
        this.limits = limits;
        this.clock = clock;
    }

    public IntakeLimits limits() {
        return limits;
    }

    /**
     * The keys of the files that were imported before byte for byte (an earlier import recorded a file with the
     * same SHA-256), whatever their names. Reads only.
     */
    public <K> Set<K> importedBefore(Map<K, UploadedFile> files) {
        Map<K, String> digests = new HashMap<>();
        files.forEach((k, f) -> digests.put(k, Sha256.hex(f.bytes())));
        Set<String> known = db.read(c -> imports.knownDigests(c, digests.values()));
        Set<K> out = new HashSet<>();
        digests.forEach((k, d) -> {
            if (known.contains(d)) {
                out.add(k);
            }
        });
        return out;
    }

    /** Reads the files and says what committing them would do. Stores nothing. */
    public ImportPreview preview(List<UploadedFile> files, IntakeDefaults defaults) {
        List<Parsed> parsed = parseAll(files, defaults);
        return db.read(c -> plan(c, parsed));
    }

    /**
     * Stores what the files bring, in one transaction, recording {@code operator} on every change.
     * Serialized on this kiosk, and across kiosks sharing the database by the {@link StoreLock#INTAKE} lock
     * taken before planning, so two imports of the same IID cannot both create it.
     */
    public synchronized ImportResult commit(List<UploadedFile> files, IntakeDefaults defaults, String operator) {
        List<Parsed> parsed = parseAll(files, defaults);
        return db.inTransaction(c -> {
            StoreLock.hold(c, StoreLock.INTAKE);
            ImportPreview preview = plan(c, parsed);
            List<Long> created = apply(c, parsed, preview, operator, clock.instant());
            return new ImportResult(preview, created);
        });
    }

    /** One file after parsing: either a parsed file or the reason it was rejected. */
    private record Parsed(UploadedFile file, String sha256, ParsedFile content, String format, String rejection) {
    }

    private List<Parsed> parseAll(List<UploadedFile> files, IntakeDefaults defaults) {
        List<Parsed> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            UploadedFile f = files.get(i);
            if (i >= limits.maxFilesPerImport()) {
                out.add(new Parsed(f, Sha256.hex(f.bytes()), null, null, f.name() + ": more than "
                        + limits.maxFilesPerImport() + " files in one import; import the rest separately"));
                continue;
            }
            out.add(parseOne(f, defaults));
        }
        return out;
    }

    private Parsed parseOne(UploadedFile f, IntakeDefaults defaults) {
        String digest = Sha256.hex(f.bytes());
        if (f.bytes().length > limits.maxFileBytes()) {
            return new Parsed(f, digest, null, null, f.name() + ": " + f.bytes().length + " bytes is over the limit of "
                    + limits.maxFileBytes() + " bytes");
        }
        if (f.bytes().length == 0) {
            return new Parsed(f, digest, null, null, f.name() + ": the file is empty");
        }
        FileParser parser = detector.detect(f);
        if (parser == null) {
            return new Parsed(f, digest, null, null, f.name() + ": not a format Gapdesk reads (a Gapdesk request"
                    + " file, CSV with a header, captured slmgr /dti or ospp.vbs /dinstid text, or VAMT .cil/.cilx)");
        }
        try {
            ParsedFile pf = parser.parse(f, defaults, limits);
            int count = pf.entries().size() + pf.problems().size();
            if (count > limits.maxEntriesPerFile()) {
                return new Parsed(f, digest, null, parser.format(), f.name() + ": " + count
                        + " entries is over the limit of " + limits.maxEntriesPerFile());
            }
            return new Parsed(f, digest, pf, parser.format(), null);
        } catch (FileRejectedException e) {
            return new Parsed(f, digest, null, parser.format(), e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("parser {} failed on {}", parser.format(), f.name(), e);
            return new Parsed(f, digest, null, parser.format(), f.name() + ": could not be read as "
                    + parser.format() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private ImportPreview plan(Connection c, List<Parsed> parsed) throws SQLException {
        ImportPlanner planner = new ImportPlanner(loadView(c, parsed));
        List<FilePreview> previews = new ArrayList<>();
        for (Parsed p : parsed) {
            if (p.rejection() != null) {
                previews.add(new FilePreview(p.file().name(), p.format(), p.sha256(), p.file().bytes().length,
                        p.rejection(), List.of(), List.of()));
            } else {
                previews.add(new FilePreview(p.file().name(), p.format(), p.sha256(), p.file().bytes().length, null,
                        planner.plan(p.content()), p.content().notes()));
            }
        }
        return new ImportPreview(previews);
    }

    private ImportPlanner.RecordView loadView(Connection c, List<Parsed> parsed) throws SQLException {
        Set<String> iids = new HashSet<>();
        Set<String> labs = new HashSet<>();
        for (Parsed p : parsed) {
            if (p.content() == null) {
                continue;
            }
            for (IntakeEntry e : p.content().entries()) {
                labs.add(e.machine().lab());
                String digits = e.iidText().replaceAll("[^0-9]", "");
                if (!digits.isEmpty()) {
                    iids.add(digits);
                }
            }
        }
        Map<String, ActivationRequest> openByIid = new HashMap<>();
        for (ActivationRequest r : requests.findOpenByIids(c, iids)) {
            openByIid.putIfAbsent(r.iid().digits(), r);
        }
        Map<String, List<ActivationRequest>> bySlot = new HashMap<>();
        for (ActivationRequest r : requests.findSlotHoldersInLabs(c, labs)) {
            bySlot.computeIfAbsent(ImportPlanner.slot(r.machine(), r.product().slotKey()), k -> new ArrayList<>())
                    .add(r);
        }
        return new ImportPlanner.RecordView(openByIid, bySlot, confirmations.findAll(c, iids));
    }

    private List<Long> apply(Connection c, List<Parsed> parsed, ImportPreview preview, String operator, Instant now)
            throws SQLException {
        List<Long> created = new ArrayList<>();
        Map<String, Long> storedInSlot = new HashMap<>();
        Map<Long, RequestState> heldState = new HashMap<>();
        for (int i = 0; i < parsed.size(); i++) {
            FilePreview fp = preview.files().get(i);
            if (fp.rejected()) {
                continue;
            }
            long importId = imports.insert(c, fp.fileName(), fp.sha256(), fp.format(), fp.size(), operator, now,
                    summaryOf(fp));
            List<PlannedEntry> storing = fp.entries().stream().filter(e -> e.outcome().stores()).toList();
            List<NewRequest> news = new ArrayList<>(storing.size());
            for (PlannedEntry e : storing) {
                RequestState state = switch (e.outcome()) {
                    case KMS_CLIENT -> RequestState.KMS_CLIENT;
                    case REUSED_FROM_STORE -> RequestState.CONFIRMED;
                    default -> RequestState.RECEIVED;
                };
                news.add(new NewRequest(e.machine(), e.product(), e.iid(), state, e.storedCid(),
                        e.storedCid() != null, "imported from " + fp.fileName() + " " + e.where() + ": " + e.reason()));
            }
            List<Long> ids = requests.insertAll(c, news, importId, now, operator);
            created.addAll(ids);
            for (int k = 0; k < storing.size(); k++) {
                PlannedEntry e = storing.get(k);
                long id = ids.get(k);
                String slot = ImportPlanner.slot(e.machine(), e.product().slotKey());
                Long earlier = storedInSlot.put(slot, id);
                if (earlier != null) {
                    requests.supersede(c, earlier, heldState.getOrDefault(earlier, RequestState.RECEIVED), id, now,
                            operator);
                }
                heldState.put(id, news.get(k).state());
                for (long old : e.supersedes()) {
                    RequestState from = requests.find(c, old).map(ActivationRequest::state).orElse(null);
                    requests.supersede(c, old, from, id, now, operator);
                }
            }
        }
        return created;
    }

    private static String summaryOf(FilePreview fp) {
        StringBuilder sb = new StringBuilder();
        for (Outcome o : Outcome.values()) {
            long n = fp.count(o);
            if (n > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(o.label());
            }
        }
        return sb.length() == 0 ? "no entries" : sb.toString();
    }

}
