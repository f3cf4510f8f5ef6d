package org.gapdesk.requests;

import java.util.List;
import java.util.Optional;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.RequestState;
import org.gapdesk.store.Database;
import org.gapdesk.store.RequestEvent;
import org.gapdesk.store.RequestRepository;
import org.gapdesk.store.StateCount;

/** Read access to the activation requests in the record. */
public final class RequestService {
    private final Database db;
    private final RequestRepository requests = new RequestRepository();

    public RequestService(Database db) {
        this.db = db;
    }

    /**
     * Requests matching a filter, newest first.
     *
     * @param lab lab code or null
     * @param state state or null
     * @param search host name text or IID digits, or null
     * @param limit most rows
     */
    public List<ActivationRequest> list(String lab, RequestState state, String search, int limit) {
        return db.read(c -> requests.list(c, lab, state, search, limit));
    }

    /** One request. */
    public Optional<ActivationRequest> find(long id) {
        return db.read(c -> requests.find(c, id));
    }

    /** A request's history, oldest first. */
    public List<RequestEvent> history(long id) {
        return db.read(c -> requests.history(c, id));
    }

    /** Counts by lab and state. */
    public List<StateCount> counts() {
        return db.read(requests::countByLabAndState);
    }
}
