package org.gapdesk.operator;

/** What an operator may do. */
public enum Role {
    /** Intake, worksheets, CID entry, export, receipts. */
    OPERATOR,
    /** Everything an operator does, plus operators, MAK pool, key rotation and settings. */
    ADMIN;

    /** True when this role includes {@code needed}. */
    public boolean allows(Role needed) {
        return this == ADMIN || needed == OPERATOR;
    }
}
