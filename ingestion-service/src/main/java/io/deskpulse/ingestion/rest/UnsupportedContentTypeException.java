package io.deskpulse.ingestion.rest;

/** The request's Content-Type is none of {@link IngestContentType#ACCEPTED}, or cannot carry a binary-mode event. */
public class UnsupportedContentTypeException extends RuntimeException {

    // No stack trace: a client's mistake, not a bug.
    private UnsupportedContentTypeException(String message) {
        super(message, null, false, false);
    }

    /** A Content-Type none of the accepted ones, or none at all. */
    public static UnsupportedContentTypeException of(String contentType) {
        return new UnsupportedContentTypeException(contentType == null ? "The request has no Content-Type."
                : "Content-Type '" + contentType + "' is not accepted.");
    }

    /** A binary-mode event whose data is not JSON: the contract's data is a JSON object. */
    public static UnsupportedContentTypeException binaryData(String contentType) {
        return new UnsupportedContentTypeException("A CloudEvent in binary mode (ce-* headers) carries its data as "
                + "the body, and DeskPulse's data is a JSON object: its Content-Type must be application/json (or a "
                + "+json type), not " + (contentType == null ? "absent" : "'" + contentType + "'") + ".");
    }
}
