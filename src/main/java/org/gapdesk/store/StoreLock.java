package org.gapdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Transaction-scoped named locks kept in the database ({@code store_lock} rows), so they hold across every kiosk
 * sharing one database, not only within one process. Taking a lock selects its row {@code FOR UPDATE}; the lock
 * is held until the caller's transaction commits or rolls back.
 */
public final class StoreLock {
    /** Imports: two imports of the same Installation ID must not both create a request for it. */
    public static final String INTAKE = "intake";
    /** Receipts: the same results file imported twice at once is stored once. */
    public static final String RECEIPTS = "receipts";

    private StoreLock() {
    }

    /**
     * Waits for and takes the lock {@code name} in the transaction on {@code c} (which must not be in auto-commit
     * mode). Statements run after it see everything committed by the previous holder.
     */
    public static void hold(Connection c, String name) throws SQLException {
        if (c.getAutoCommit()) {
            throw new IllegalStateException("a store lock needs a transaction");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM store_lock WHERE name = ? FOR UPDATE")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no store lock named " + name);
                }
            }
        }
    }
}
