package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.domain.TenantReporting;
import io.deskpulse.reporting.repository.ReportSnapshot;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What every report endpoint answers around its body: the representation (format= first, else Accept;
 * 406 when neither JSON nor CSV is acceptable), a strong ETag of the exact bytes with 304 for a matching
 * If-None-Match, {@code Vary: Accept}, and {@code Link: <next page>; rel="next"} when there is a next page.
 */
public final class ReportResponses {

    private ReportResponses() {
    }

    /**
     * One report request, the same way for every endpoint: in the snapshot (which is closed before the body
     * is written), parse the parameters (they may need the tenant's default zone), choose the
     * representation, read the page; then answer it.
     */
    public static <Q> Response serve(ReportSnapshot opened, UriInfo uri, HttpHeaders headers,
                                     Function<TenantReporting, ParsedRequest<Q>> parse,
                                     BiFunction<ReportSnapshot, Q, Table> read) {
        Representation representation;
        Table table;
        try (ReportSnapshot snapshot = opened) {
            ParsedRequest<Q> request = parse.apply(snapshot.tenant());
            representation = representation(request.format(), headers);
            table = read.apply(snapshot, request.query());
        }
        return ok(uri, headers, representation, table);
    }

    /** The representation to answer in: {@code format} when given, else negotiated from Accept (406 when none fits). */
    public static Representation representation(Representation format, HttpHeaders headers) {
        if (format != null) {
            return format;
        }
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        return Representation.negotiate(accept).orElseThrow(() -> new NotAcceptableException(accept));
    }

    public static Response ok(UriInfo uri, HttpHeaders headers, Representation representation, Table table) {
        return ok(uri, headers, representation, TableWriters.write(table, representation), table.nextCursor(),
                table.headers());
    }

    /**
     * 200 with the body, or 304 when If-None-Match names its ETag. {@code extraHeaders} go on the 200 (e.g.
     * a resume cursor, which a CSV body has no place for); a 304 repeats what the client already has.
     */
    public static Response ok(UriInfo uri, HttpHeaders headers, Representation representation, byte[] body,
                              String nextCursor, Map<String, String> extraHeaders) {
        String etag = ETags.of(body);
        Response.ResponseBuilder response;
        if (ETags.matches(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response = Response.notModified();
        } else {
            response = Response.ok(body).type(representation.contentType());
            if (nextCursor != null) {
                response.header(HttpHeaders.LINK, "<" + withCursor(uri, nextCursor) + ">; rel=\"next\"");
            }
            extraHeaders.forEach(response::header);
        }
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /** The request's own URL with {@code cursor} set: the next page of the same query, absolute. */
    public static String withCursor(UriInfo uri, String cursor) {
        return uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build().toString();
    }
}
