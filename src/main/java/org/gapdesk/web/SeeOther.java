package org.gapdesk.web;

/** Ends a request with a 303 redirect to a path on this kiosk (thrown where a handler cannot answer itself). */
final class SeeOther extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String location;

    SeeOther(String location) {
        super("see " + location, null, false, false);
        this.location = Pages.localPath(location);
    }

    String location() {
        return location;
    }
}
