package org.gapdesk.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gapdesk.batch.ActivationChannel;

/**
 * Which worksheet batch, and so which channel (phone or portal), a request went through: the latest batch holding
 * the request that was created no later than a given moment (the CID's), or simply its latest batch. A request
 * keyed without ever being on a batch has none: its channel is unknown.
 */
final class BatchChannels {
    /**
     * One batch a request was on.
     *
     * @param batchId the batch
     * @param channel its channel
     * @param createdAt when the batch was made
     */
    record Membership(long batchId, ActivationChannel channel, Instant createdAt) {
    }

    private final Map<Long, List<Membership>> byRequest;

    private BatchChannels(Map<Long, List<Membership>> byRequest) {
        this.byRequest = byRequest;
    }

    /** Every batch membership in the record. */
    static BatchChannels load(Connection c) throws SQLException {
        Map<Long, List<Membership>> map = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT br.request_id, b.id, b.channel, b.created_at"
                + " FROM batch_request br JOIN batch b ON b.id = br.batch_id ORDER BY b.created_at, b.id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                map.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Membership(rs.getLong(2),
                        ActivationChannel.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant()));
            }
        }
        return new BatchChannels(map);
    }

    /** The latest batch of the request created at or before {@code at} (any, when {@code at} is null), or null. */
    Membership batchOf(long requestId, Instant at) {
        Membership found = null;
        for (Membership m : byRequest.getOrDefault(requestId, List.of())) {
            if (at == null || !m.createdAt().isAfter(at)) {
                found = m;
            }
        }
        return found;
    }
}
