package io.deskpulse.ingestion.rest;

/** The request's Content-Type is none of {@link IngestContentType#ACCEPTED}. */
public class UnsupportedContentTypeException extends RuntimeException {

    public UnsupportedContentTypeException(String contentType) {
        super(contentType == null ? "The request has no Content-Type." : "Content-Type '" + contentType
                + "' is not accepted.", null, false, false);
    }
}
