package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.requests.RequestService;

/** {@code GET /api/requests?lab=&state=&q=&limit=}: requests matching the filter, newest first. */
final class RequestApi {
    /** Rows answered when no limit is given, and the most that may be asked for. */
    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 5000;

    private final RequestService requests;

    RequestApi(RequestService requests) {
        this.requests = requests;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/requests", this::list);
    }

    private void list(Context ctx) {
        RequestFilter f = RequestFilter.of(ctx);
        int limit = limit(ctx.queryParam("limit"));
        List<ActivationRequest> rows = requests.list(f.lab(), f.state(), f.search(), limit + 1);
        boolean more = rows.size() > limit;
        ctx.json(ApiJson.requests(more ? rows.subList(0, limit) : rows, more));
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("limit must be a number from 1 to " + MAX_LIMIT);
    }
}
