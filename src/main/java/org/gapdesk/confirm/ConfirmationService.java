package org.gapdesk.confirm;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.ConfirmationId;
import org.gapdesk.activation.IdFormatException;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.RequestState;
import org.gapdesk.store.ConfirmationStore;
import org.gapdesk.store.Database;
import org.gapdesk.store.RequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records keyed-in Confirmation IDs. Length and characters are hard errors; a failed block check digit is a
 * warning the operator must override explicitly (the override is recorded in the history); a different CID
 * already on record for the IID is only replaced when the operator says so, and the old one is kept. Each
 * entry is one transaction with the request row locked, so concurrent operators never lose or double a write.
 * After a CID is stored and committed, the {@link CidStoredListener} is told (the kiosk checks the MAK pool's
 * low-count alert there); a listener problem never fails the confirmation.
 */
public final class ConfirmationService {
    private static final Logger LOG = LoggerFactory.getLogger(ConfirmationService.class);
    private static final Set<RequestState> CONFIRMABLE = EnumSet.of(RequestState.RECEIVED,
            RequestState.ON_WORKSHEET, RequestState.CONFIRMED, RequestState.EXPORTED, RequestState.FAILED);

    private final Database db;
    private final Clock clock;
    private final RequestRepository requests = new RequestRepository();
    private final ConfirmationStore store = new ConfirmationStore();
    private final CidStoredListener listener;

    public ConfirmationService(Database db, Clock clock) {
        this(db, clock, CidStoredListener.NONE);
    }

    /** A service that tells {@code listener} after each stored CID. */
    public ConfirmationService(Database db, Clock clock, CidStoredListener listener) {
        this.db = db;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Records {@code cidText} for request {@code requestId}.
     *
     * @param overrideCheck the operator re-listened and confirms blocks that fail their check digit
     * @param replace the operator confirms replacing a different CID already on record
     */
    public ConfirmResult confirm(long requestId, String cidText, boolean overrideCheck, boolean replace,
            String operator) {
        ConfirmationId cid;
        try {
            cid = ConfirmationId.parse(cidText);
        } catch (IdFormatException e) {
            return ConfirmResult.refused(e.getMessage(), requestId);
        }
        String[] partialKey = new String[1];
        ConfirmResult result = db.inTransaction(c -> {
            Optional<ActivationRequest> found = requests.lock(c, requestId);
            if (found.isEmpty()) {
                return ConfirmResult.refused("no request " + requestId, null);
            }
            partialKey[0] = found.get().product().partialKey();
            return record(c, found.get(), cid, overrideCheck, replace, operator);
        });
        if (result.status() == ConfirmStatus.STORED) {
            tellListener(result.requestId(), partialKey[0], operator);
        }
        return result;
    }

    private void tellListener(long requestId, String partialKey, String operator) {
        try {
            listener.cidStored(requestId, partialKey, operator);
        } catch (RuntimeException e) {
            LOG.warn("after the CID for request {} was stored: {}", requestId, e.toString());
        }
    }

    /** Records a CID for the request that holds this IID: the open one, else the newest. */
    public ConfirmResult confirmByIid(String iidText, String cidText, boolean overrideCheck, boolean replace,
            String operator) {
        InstallationId iid;
        try {
            iid = InstallationId.parse(iidText);
        } catch (IdFormatException e) {
            return ConfirmResult.refused(e.getMessage(), null);
        }
        Optional<Long> id = db.read(c -> {
            Optional<ActivationRequest> open = requests.findOpenByIid(c, iid.digits());
            if (open.isPresent()) {
                return open.map(ActivationRequest::id);
            }
            List<ActivationRequest> any = requests.list(c, null, null, iid.digits(), 1);
            return any.stream().filter(r -> r.iid().equals(iid)).map(ActivationRequest::id).findFirst();
        });
        if (id.isEmpty()) {
            return ConfirmResult.refused("no request has Installation ID " + iid.grouped()
                    + "; import the machine's request first", null);
        }
        return confirm(id.get(), cidText, overrideCheck, replace, operator);
    }

    private ConfirmResult record(Connection c, ActivationRequest r, ConfirmationId cid, boolean overrideCheck,
            boolean replace, String operator) throws SQLException {
        if (!CONFIRMABLE.contains(r.state())) {
            String why = switch (r.state()) {
                case SUPERSEDED -> "request " + r.id() + " was superseded by request " + r.supersededBy()
                        + " (a newer IID for the same machine); key the CID for the newer IID";
                case KMS_CLIENT -> "request " + r.id() + " is a KMS client (Volume:GVLK): it needs a KMS host or a"
                        + " MAK, not a Confirmation ID";
                default -> "request " + r.id() + " is " + r.state().label() + " and takes no CID";
            };
            return ConfirmResult.refused(why, r.id());
        }
        if (cid.blocks().size() == 7 && r.iid().layout() == InstallationId.Layout.GROUPS_OF_7) {
            return ConfirmResult.refused("a 42-digit CID (XP form) does not fit a 63-digit Installation ID; the"
                    + " CID has blocks A to H", r.id());
        }
        if (!cid.checksPass() && !overrideCheck) {
            return new ConfirmResult(ConfirmStatus.CHECK_WARNING, "Check digit warning: " + cid.checkWarning()
                    + ". Ask for the block again; if it is right, confirm to override.", r.id(), cid.failedBlocks(),
                    null);
        }
        String onRecord = store.find(c, r.iid().digits()).orElse(null);
        if (onRecord != null && !onRecord.equals(cid.digits()) && !replace) {
            return new ConfirmResult(ConfirmStatus.DIFFERENT_CID_ON_RECORD, "This IID already has a different CID on"
                    + " record (" + ConfirmationId.parse(onRecord).grouped() + "). Confirm to replace it; the old one"
                    + " is kept in the history.", r.id(), cid.failedBlocks(), onRecord);
        }
        Instant now = clock.instant();
        boolean unchanged = cid.digits().equals(onRecord);
        if (unchanged && cid.digits().equals(r.cid()) && r.state() == RequestState.CONFIRMED) {
            return new ConfirmResult(ConfirmStatus.UNCHANGED, "CID already on record for this IID", r.id(),
                    cid.failedBlocks(), onRecord);
        }
        if (!unchanged) {
            store.put(c, r.iid().digits(), cid.digits(), !cid.checksPass(), operator, now);
        }
        StringBuilder detail = new StringBuilder(unchanged ? "CID on record confirmed" : "CID keyed in");
        if (!cid.checksPass()) {
            detail.append("; check-digit warning overridden after re-listening: ").append(cid.checkWarning());
        }
        if (onRecord != null && !unchanged) {
            detail.append("; replaced the CID on record ").append(ConfirmationId.parse(onRecord).grouped());
        }
        if (r.state() == RequestState.EXPORTED) {
            detail.append("; was exported: needs a new bundle");
        }
        requests.confirm(c, r.id(), r.state(), RequestState.CONFIRMED, cid.digits(), false, now, operator,
                detail.toString());
        return new ConfirmResult(unchanged ? ConfirmStatus.UNCHANGED : ConfirmStatus.STORED,
                unchanged ? "CID on record confirmed" : "CID stored", r.id(), cid.failedBlocks(), onRecord);
    }
}
