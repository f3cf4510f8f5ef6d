package org.gapdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.RequestState;

/**
 * Reads and writes machines, activation requests and their history. Every method takes the caller's
 * connection. Every history event is also appended to the audit chain in the same transaction.
 */
public final class RequestRepository {
    private final MachineIds machines = new MachineIds();
    private final RequestHistory history = new RequestHistory();
    private final RequestQueries queries = new RequestQueries();
    private final NewRequestWriter writer = new NewRequestWriter(machines, history);
    private final RequestStateChanges changes = new RequestStateChanges(history, queries);

    /** Returns the id of the machine, inserting it first if the lab has no machine of that name. */
    public long machineId(Connection c, Machine machine) throws SQLException {
        return machines.idOf(c, machine);
    }

    /** Inserts a request and its first history event; returns its id. */
    public long insert(Connection c, Machine machine, Product product, InstallationId iid, RequestState state,
            String cid, boolean cidReused, long importId, Instant now, String operator, String detail)
            throws SQLException {
        return writer.insert(c, new NewRequest(machine, product, iid, state, cid, cidReused, detail), importId, now,
                operator);
    }

    /**
     * Inserts the requests of one import with their machines, first history events and audit entries, in
     * batches; the same rows as {@link #insert} one by one. Returns the ids in the order given.
     */
    public List<Long> insertAll(Connection c, List<NewRequest> news, long importId, Instant now, String operator)
            throws SQLException {
        return writer.insertAll(c, news, importId, now, operator);
    }

    /** The open request (see {@link RequestState#isOpen()}) for this exact IID, if any. */
    public Optional<ActivationRequest> findOpenByIid(Connection c, String iidDigits) throws SQLException {
        return queries.findOpenByIid(c, iidDigits);
    }

    /** The open requests for this product slot on this machine, oldest first. */
    public List<ActivationRequest> findOpenBySlot(Connection c, Machine machine, String slotKey) throws SQLException {
        return queries.findOpenBySlot(c, machine, slotKey);
    }

    /**
     * Requests that still hold their IID (open, or resting as KMS clients) whose IID is one of {@code iids},
     * looked up in chunks.
     */
    public List<ActivationRequest> findOpenByIids(Connection c, Collection<String> iids) throws SQLException {
        return queries.findOpenByIids(c, iids);
    }

    /** Requests of these labs that still hold a product slot (open, or resting as KMS clients). */
    public List<ActivationRequest> findSlotHoldersInLabs(Connection c, Collection<String> labs)
            throws SQLException {
        return queries.findSlotHoldersInLabs(c, labs);
    }

    /** One request by id. */
    public Optional<ActivationRequest> find(Connection c, long id) throws SQLException {
        return queries.find(c, id);
    }

    /**
     * Requests matching the filter, newest first.
     *
     * @param lab lab code, or null for all
     * @param state state, or null for all
     * @param search text found in the host name, or digits found in the IID; null for all
     * @param limit most rows returned
     */
    public List<ActivationRequest> list(Connection c, String lab, RequestState state, String search, int limit)
            throws SQLException {
        return queries.list(c, lab, state, search, limit);
    }

    /** Request counts by lab and state, for the overview. */
    public List<StateCount> countByLabAndState(Connection c) throws SQLException {
        return queries.countByLabAndState(c);
    }

    /** The history of one request, oldest first. */
    public List<RequestEvent> history(Connection c, long requestId) throws SQLException {
        return history.history(c, requestId);
    }

    /**
     * Locks and returns the request for update within the caller's transaction (so two operators keying the
     * same machine are serialized).
     */
    public Optional<ActivationRequest> lock(Connection c, long id) throws SQLException {
        return changes.lock(c, id);
    }

    /** Moves a request to {@code to} and records the event. */
    public void changeState(Connection c, long id, RequestState from, RequestState to, Instant now, String operator,
            String detail) throws SQLException {
        changes.changeState(c, id, from, to, now, operator, detail);
    }

    /**
     * Moves every request of {@code ids} from {@code from} to {@code to} with the same history detail: the same
     * rows and audit entries as {@link #changeState} one by one, written in batches (a bundle moves thousands).
     */
    public void changeStates(Connection c, List<Long> ids, RequestState from, RequestState to, Instant now,
            String operator, String detail) throws SQLException {
        changes.changeStates(c, ids, from, to, now, operator, detail);
    }

    /** Sets the CID of a request, moves it to {@code to} and records the event. */
    public void confirm(Connection c, long id, RequestState from, RequestState to, String cid, boolean reused,
            Instant now, String operator, String detail) throws SQLException {
        changes.confirm(c, id, from, to, cid, reused, now, operator, detail);
    }

    /** Marks {@code id} superseded by {@code newer} and records the event. */
    public void supersede(Connection c, long id, RequestState from, long newer, Instant now, String operator)
            throws SQLException {
        changes.supersede(c, id, from, newer, now, operator);
    }

    /** Appends a history event. */
    public void addEvent(Connection c, long requestId, Instant at, String operator, RequestState from,
            RequestState to, String detail) throws SQLException {
        history.addEvent(c, requestId, at, operator, from, to, detail);
    }
}
