package io.deskpulse.reporting.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The answer of a report endpoint as {@code GET /v1/kpis} gives it: a strong ETag of the exact body (304 on a
 * matching If-None-Match), {@code Vary: Accept}, and a {@code Link: rel="next"} header while pages follow.
 */
final class ReportResponses {

    private ReportResponses() {
    }

    /** Which representation to answer: {@code format} when given, else by Accept (406 when it admits neither). */
    static Representation representation(Representation format, HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        return format != null ? format : Representation.negotiate(accept).orElseThrow(() -> new NotAcceptableException(accept));
    }

    static Response of(UriInfo uri, HttpHeaders headers, Representation representation, byte[] body, String nextCursor) {
        String etag = ETags.of(body);
        if (ETags.matches(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .build();
        }
        Response.ResponseBuilder ok = Response.ok(body).type(representation.contentType())
                .header(HttpHeaders.ETAG, etag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (nextCursor != null) {
            String next = uri.getRequestUriBuilder().replaceQueryParam("cursor", nextCursor).build().toString();
            ok.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return ok.build();
    }
}
