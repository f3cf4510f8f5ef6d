package org.gapdesk.batch;

/** Whether a batch is still being worked on. */
public enum BatchState {
    /** Printed and being worked on; its requests cannot go on another batch. */
    OPEN,
    /** Done with; its requests are free to go on a new batch. Request states are not changed by closing. */
    CLOSED
}
