package org.gapdesk.store;

import org.gapdesk.activation.RequestState;

/** How many requests of one lab are in one state. */
public record StateCount(String lab, RequestState state, long count) {
}
