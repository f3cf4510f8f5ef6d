package org.gapdesk.operator;

/**
 * An admin may not disable or demote their own account: another admin must. Since only an active admin changes
 * roles and the acting admin stays one, the kiosk always keeps at least one active admin.
 */
public final class SelfChangeGuard {
    private SelfChangeGuard() {
    }

    /** @throws IllegalArgumentException when {@code by} is changing their own account {@code name} */
    public static void check(String name, String by) {
        if (name != null && by != null && name.strip().equals(by.strip())) {
            throw new IllegalArgumentException("you cannot disable or demote yourself; another admin can");
        }
    }
}
