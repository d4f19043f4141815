package io.deskpulse.reporting.domain.report;

/** A period report the caller's tenant does not have: a 404 that says so. */
public class UnknownReportException extends RuntimeException {

    public UnknownReportException(String id) {
        super("There is no period report " + id + " (GET /v1/reports lists them)");
    }

    /** No report of that length, or none for that period: {@code which} says which ("week starting 2026-11-02"). */
    public static UnknownReportException of(String which) {
        return new UnknownReportException(which);
    }
}
