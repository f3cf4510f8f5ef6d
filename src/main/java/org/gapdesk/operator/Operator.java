package org.gapdesk.operator;

/**
 * A named operator.
 *
 * @param id record id
 * @param name the name shown in the record and on worksheets
 * @param role what the operator may do
 * @param active false when disabled (an operator is never deleted)
 */
public record Operator(long id, String name, Role role, boolean active) {
}
