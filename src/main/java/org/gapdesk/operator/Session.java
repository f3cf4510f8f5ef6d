package org.gapdesk.operator;

import java.time.Instant;

/**
 * A signed-in operator at the kiosk.
 *
 * @param token the opaque session token (sent as an HttpOnly cookie)
 * @param csrfToken the token every state-changing request must carry
 * @param operator who is signed in
 * @param lastSeen the last activity, for the idle timeout
 */
public record Session(String token, String csrfToken, Operator operator, Instant lastSeen) {
}
