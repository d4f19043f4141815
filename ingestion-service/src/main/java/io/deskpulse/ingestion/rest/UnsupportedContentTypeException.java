package io.deskpulse.ingestion.rest;

/** The request's Content-Type is none of {@link IngestContentType#ACCEPTED}, or cannot carry a binary-mode event. */
public class UnsupportedContentTypeException extends RuntimeException {

    public UnsupportedContentTypeException(String contentType) {
        this(contentType == null ? "The request has no Content-Type." : "Content-Type '" + contentType
                + "' is not accepted.", 0);
    }

    // The int only tells this constructor from the public one. No stack trace: a client's mistake, not a bug.
    private UnsupportedContentTypeException(String message, int unused) {
        super(message, null, false, false);
    }

    /** A binary-mode event whose data is not JSON: the contract's data is a JSON object. */
    public static UnsupportedContentTypeException binaryData(String contentType) {
        return new UnsupportedContentTypeException("A CloudEvent in binary mode (ce-* headers) carries its data as "
                + "the body, and DeskPulse's data is a JSON object: its Content-Type must be application/json (or a "
                + "+json type), not " + (contentType == null ? "absent" : "'" + contentType + "'") + ".", 0);
    }
}
