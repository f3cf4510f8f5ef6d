package org.gapdesk.batch;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.RequestState;
import org.gapdesk.store.Database;
import org.gapdesk.store.RequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, lists and closes worksheet batches. A request is on at most one open batch: the service checks
 * it, and the record enforces it (a request's open membership is a primary key). Creating a batch moves its
 * received requests to {@link RequestState#ON_WORKSHEET}, with a history event each; closing a batch frees
 * its requests for another batch and leaves their states alone.
 */
public final class BatchService {
    private static final Logger LOG = LoggerFactory.getLogger(BatchService.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /** Worksheet order: machine name as people sort it, then product name, then import order. */
    private static final Comparator<ActivationRequest> ORDER = Comparator
            .comparing((ActivationRequest r) -> r.machine().name(), NaturalOrder.INSTANCE)
            .thenComparing(r -> r.product().name(), NaturalOrder.INSTANCE)
            .thenComparingLong(ActivationRequest::id);

    private final Database db;
    private final Clock clock;
    private final RequestRepository requests = new RequestRepository();
    private final BatchRepository batches = new BatchRepository();

    public BatchService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The requests a batch with these criteria would take now, in worksheet order. Changes nothing. */
    public List<ActivationRequest> preview(BatchCriteria criteria) {
        return db.read(c -> pick(c, criteria));
    }

    /**
     * Puts the requests matching {@code criteria} on a new open batch, in worksheet order, in one transaction.
     *
     * @throws BatchException when no request matches, or a request changed or went on another batch meanwhile
     *     (nothing is stored then)
     */
    public synchronized Batch create(BatchCriteria criteria, ActivationChannel channel, String operator) {
        String who = operator(operator);
        if (channel == null) {
            throw new BatchException("choose a channel: phone or portal");
        }
        return db.inTransaction(c -> {
            List<ActivationRequest> picked = pick(c, criteria);
            if (picked.isEmpty()) {
                throw new BatchException("no requests to put on a worksheet for lab " + criteria.lab()
                        + describe(criteria));
            }
            List<Long> ids = picked.stream().map(ActivationRequest::id).toList();
            Map<Long, String> current = batches.lockRequests(c, ids);
            for (ActivationRequest r : picked) {
                if (!r.state().name().equals(current.get(r.id()))) {
                    throw new BatchException("request " + r.id() + " (" + r.machine().name()
                            + ") changed while the batch was being made; try again");
                }
            }
            Instant now = clock.instant();
            long batchId = batches.insert(c, criteria.lab(), channel, picked.size(), who, now);
            try {
                batches.addMembers(c, batchId, ids);
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new BatchException("a request of this selection went on another open batch at the same"
                            + " moment; try again");
                }
                throw e;
            }
            String detail = "on worksheet batch " + batchId + " (" + channel.key() + ")";
            for (ActivationRequest r : picked) {
                if (r.state() == RequestState.RECEIVED) {
                    requests.changeState(c, r.id(), RequestState.RECEIVED, RequestState.ON_WORKSHEET, now, who, detail);
                } else {
                    requests.addEvent(c, r.id(), now, who, r.state(), r.state(), detail);
                }
            }
            LOG.info("batch {} created for lab {} by {}: {} requests, channel {}", batchId, criteria.lab(), who,
                    picked.size(), channel.key());
            return batches.find(c, batchId).orElseThrow();
        });
    }

    /** One batch. */
    public Optional<Batch> find(long id) {
        return db.read(c -> batches.find(c, id));
    }

    /**
     * Batches, newest first.
     *
     * @param lab lab code or null for all
     * @param state open, closed, or null for both
     * @param limit most rows
     */
    public List<Batch> list(String lab, BatchState state, int limit) {
        return db.read(c -> batches.list(c, lab, state, limit));
    }

    /**
     * The batch and its requests in worksheet order, as they were put on it: a reprint shows the same
     * machines and IIDs in the same order, whatever happened to the requests since.
     *
     * @throws BatchException if there is no such batch
     */
    public BatchContent content(long batchId) {
        return db.read(c -> {
            Batch batch = batches.find(c, batchId)
                    .orElseThrow(() -> new BatchException("there is no batch " + batchId));
            List<ActivationRequest> members = new ArrayList<>();
            for (long id : batches.memberIds(c, batchId)) {
                members.add(requests.find(c, id).orElseThrow(
                        () -> new IllegalStateException("batch " + batchId + " names missing request " + id)));
            }
            return new BatchContent(batch, members);
        });
    }

    /** The open batch a request is on, if any. */
    public Optional<Batch> openBatchOf(long requestId) {
        return db.read(c -> {
            Optional<Long> id = batches.openBatchOf(c, requestId);
            return id.isPresent() ? batches.find(c, id.get()) : Optional.<Batch>empty();
        });
    }

    /**
     * Closes an open batch: its requests may go on a new batch; their states are not changed.
     *
     * @throws BatchException if there is no such batch or it is already closed
     */
    public Batch close(long batchId, String operator) {
        String who = operator(operator);
        return db.inTransaction(c -> {
            Batch batch = batches.find(c, batchId)
                    .orElseThrow(() -> new BatchException("there is no batch " + batchId));
            if (!batches.close(c, batchId, who, clock.instant())) {
                throw new BatchException("batch " + batchId + " is already closed (by " + batch.closedBy() + ")");
            }
            LOG.info("batch {} closed by {}", batchId, who);
            return batches.find(c, batchId).orElseThrow();
        });
    }

    private List<ActivationRequest> pick(Connection c, BatchCriteria criteria) throws SQLException {
        Set<Long> busy = batches.onOpenBatch(c, criteria.lab());
        List<ActivationRequest> out = new ArrayList<>();
        for (RequestState state : criteria.states()) {
            for (ActivationRequest r : requests.list(c, criteria.lab(), state, null, Integer.MAX_VALUE)) {
                if (!busy.contains(r.id()) && criteria.matches(r)) {
                    out.add(r);
                }
            }
        }
        out.sort(ORDER);
        return out;
    }

    private static String describe(BatchCriteria criteria) {
        StringBuilder sb = new StringBuilder(" (");
        sb.append(String.join(" or ", criteria.states().stream().map(RequestState::label).sorted().toList()));
        sb.append(", not on an open batch");
        if (criteria.product() != null) {
            sb.append(", product '").append(criteria.product()).append("'");
        }
        if (!criteria.requestIds().isEmpty()) {
            sb.append(", among ").append(criteria.requestIds().size()).append(" chosen requests");
        }
        return sb.append(", KMS clients excluded)").toString();
    }

    private static String operator(String operator) {
        if (operator == null || operator.isBlank()) {
            throw new BatchException("an operator name is required");
        }
        String o = operator.strip();
        return o.length() > 100 ? o.substring(0, 100) : o;
    }
}
