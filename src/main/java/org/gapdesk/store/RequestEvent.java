package org.gapdesk.store;

import java.time.Instant;
import org.gapdesk.activation.RequestState;

/**
 * One entry in a request's history.
 *
 * @param at when
 * @param operator who
 * @param from previous state, null for the first event
 * @param to new state
 * @param detail what happened, in words
 */
public record RequestEvent(Instant at, String operator, RequestState from, RequestState to, String detail) {
}
