package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.rest.body.BodyWriter;
import io.deskpulse.reporting.rest.body.ReportBody;
import io.deskpulse.reporting.rest.request.NotAcceptableException;
import io.deskpulse.reporting.rest.request.ParsedRequest;
import io.deskpulse.reporting.rest.request.Representation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Function;

/**
 * What every report endpoint answers around its body: the representation (format= first, else Accept;
 * 406 when neither JSON nor CSV is acceptable), a strong ETag of the exact bytes with 304 for a matching
 * If-None-Match, {@code Vary: Accept}, and {@code Link: <next page>; rel="next"} when there is a next page.
 */
final class ReportResponses {

    private ReportResponses() {
    }

    /**
     * One report request, the same way for every endpoint: {@code read} parses the parameters (the services call it
     * inside their snapshot when the tenant's state is needed) through the {@link Negotiation}, which settles the
     * representation before anything is read, then reads the page; the body is written after the snapshot is closed.
     */
    static Response serve(UriInfo uri, HttpHeaders headers, Function<Negotiation, ReportBody> read) {
        Negotiation negotiation = new Negotiation(headers);
        ReportBody body = read.apply(negotiation);
        Representation representation = negotiation.representation;
        byte[] bytes = representation == Representation.CSV ? BodyWriter.csv(body) : BodyWriter.json(body);
        String etag = ETags.of(bytes);
        Response.ResponseBuilder response;
        if (ETags.matches(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            // A 304 repeats nothing the client already has.
            response = Response.notModified();
        } else {
            response = Response.ok(bytes).type(representation.contentType());
            if (body.nextCursor() != null) {
                response.header(HttpHeaders.LINK, "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor",
                        body.nextCursor()).build() + ">; rel=\"next\"");
            }
            body.headers().forEach(response::header);
        }
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /** The representation a request asks for, settled as soon as its parameters are parsed. */
    static final class Negotiation {

        private final HttpHeaders headers;
        private Representation representation;

        private Negotiation(HttpHeaders headers) {
            this.headers = headers;
        }

        /** The request's query, once its representation is settled: {@code format} when given, else Accept (406). */
        <Q> Q query(ParsedRequest<Q> request) {
            if (request.format() != null) {
                representation = request.format();
            } else {
                String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
                representation = Representation.negotiate(accept).orElseThrow(() -> new NotAcceptableException(accept));
            }
            return request.query();
        }
    }
}
