package dev.autohair.quality.labelled;

/** A route's failure that keeps the route's note (e.g. a confidence) for the report. */
public final class RouteFailedException extends RuntimeException {

    private final String note;

    public RouteFailedException(RuntimeException cause, String note) {
        super(cause.getMessage(), cause);
        this.note = note;
    }

    public String note() {
        return note;
    }
}
