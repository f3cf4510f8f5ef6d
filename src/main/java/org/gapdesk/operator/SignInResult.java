package org.gapdesk.operator;

import java.time.Instant;

/**
 * The answer to a sign-in attempt.
 *
 * @param operator the operator when signed in, else null
 * @param message why not, in words that do not say whether the name exists
 * @param lockedUntil when a throttled name may try again, or null
 */
public record SignInResult(Operator operator, String message, Instant lockedUntil) {
    public boolean ok() {
        return operator != null;
    }
}
