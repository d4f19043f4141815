package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.repository.ReportSnapshot;
import io.deskpulse.reporting.security.Caller;
import io.deskpulse.reporting.security.RequiresScope;
import io.deskpulse.reporting.security.Scope;
import io.deskpulse.reporting.service.AlertQuery;
import io.deskpulse.reporting.service.AlertService;
import io.deskpulse.reporting.service.KpiService;
import io.deskpulse.reporting.service.ParameterError;
import io.deskpulse.reporting.service.SequenceCursors;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v1/alerts}: the alerts scoring-service raised and resolved (docs/alerts.md), newest first. */
@Path("/v1/alerts")
@Tag(name = "alerts", description = "Threshold alerts raised and resolved")
@SecurityRequirement(name = KpiResource.SECURITY_SCHEME)
public class AlertResource {

    static final List<String> PARAMETERS = List.of("state", "rule", "since", "limit", "cursor", "format");
    private static final int MAX_RULES = 100;

    private final KpiService kpis;
    private final AlertService alerts;
    private final AlertWriter writer;
    private final ReportingConfig config;
    private final Caller caller;

    public AlertResource(KpiService kpis, AlertService alerts, AlertWriter writer, ReportingConfig config, Caller caller) {
        this.kpis = kpis;
        this.alerts = alerts;
        this.writer = writer;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @RequiresScope(Scope.READ)
    @Operation(summary = "Alerts raised and resolved",
            description = "The tenant's alerts, newest first (by id), each with the rule's definition when it was raised, "
                    + "the value and volume that raised it, the hours read, and what resolved it. Poll with since (and "
                    + "If-None-Match) for what changed. See docs/alerts.md.")
    @Parameters({
        @Parameter(name = "state", in = ParameterIn.QUERY, description = "Only open (raised) or only resolved alerts",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"raised", "resolved"})),
        @Parameter(name = "rule", in = ParameterIn.QUERY, explode = Explode.TRUE, description = "Repeatable (at most 100): "
                + "only the alerts of these rules", schema = @Schema(type = SchemaType.ARRAY, implementation = Long.class),
                example = "3"),
        @Parameter(name = "since", in = ParameterIn.QUERY, description = "Only alerts raised or resolved at or after this "
                + "instant (ISO-8601 with Z or an offset)", schema = @Schema(type = SchemaType.STRING, format = "date-time"),
                example = "2026-11-02T00:00:00Z"),
        @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Alerts per page",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000", defaultValue = "1000")),
        @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "next_cursor of the previous page (opaque)",
                schema = @Schema(type = SchemaType.STRING)),
        @Parameter(name = "format", in = ParameterIn.QUERY, description = "csv or json; overrides the Accept header",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"})),
        @Parameter(name = "If-None-Match", in = ParameterIn.HEADER,
                description = "The ETag of a previous answer: 304 without a body if it is still current",
                schema = @Schema(type = SchemaType.STRING))
    })
    @APIResponse(responseCode = "200", description = "A page of alerts",
            headers = {
                @Header(name = "ETag", description = "Strong tag of the exact body", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Link", description = "<URL of the next page>; rel=\"next\", only when there is one",
                        schema = @Schema(type = SchemaType.STRING))},
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = AlertDocs.Page.class),
                        examples = @ExampleObject(name = "one open, one resolved", value = AlertExamples.JSON)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "one open", value = AlertExamples.CSV))})
    @APIResponse(responseCode = "304", description = "If-None-Match named the current ETag: nothing changed",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid parameters, every one listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad state and since", value = AlertExamples.INVALID)))
    public Response alerts(@Context UriInfo uri, @Context HttpHeaders headers) {
        ListParameters params = new ListParameters(uri.getQueryParameters(), PARAMETERS, List.of("rule"));
        String state = params.single("state");
        if (state != null && !state.equals("raised") && !state.equals("resolved")) {
            params.error("state", "must be one of: raised, resolved; got " + ParameterError.quote(state));
        }
        List<Long> rules = new ArrayList<>();
        for (String rule : params.all("rule")) {
            if (rule.matches("\\d{1,18}")) {
                rules.add(Long.parseLong(rule));
            } else {
                params.error("rule", "must be an alert rule id (a number), got " + ParameterError.quote(rule));
            }
        }
        if (rules.size() > MAX_RULES) {
            params.error("rule", "may be given at most " + MAX_RULES + " times");
        }
        Instant since = since(params);
        int limit = params.limit(config);
        Representation format = params.format();
        params.check();
        AlertQuery query = new AlertQuery(caller.tenant(), state, List.copyOf(rules), since, limit, null);
        String cursor = params.single("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            query = new AlertQuery(query.tenant(), state, query.rules(), since, limit, afterId(params, cursor,
                    query.fingerprint()));
        }
        Representation representation = ReportResponses.representation(format, headers);
        AlertService.Page page;
        try (ReportSnapshot snapshot = kpis.open(caller.tenant())) {
            page = alerts.page(snapshot, query);
        }
        byte[] body = representation == Representation.CSV ? AlertWriter.csv(page) : writer.json(page);
        return ReportResponses.of(uri, headers, representation, body, page.nextCursor());
    }

    private static Instant since(ListParameters params) {
        String text = params.single("since");
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            params.error("since", "must be an ISO-8601 instant such as 2026-11-02T10:00:00Z; got " + ParameterError.quote(text));
            return null;
        }
    }

    private static Long afterId(ListParameters params, String cursor, String fingerprint) {
        try {
            String key = SequenceCursors.decode(cursor, fingerprint);
            if (key.matches("\\d{1,18}")) {
                return Long.parseLong(key);
            }
            params.error("cursor", "is not a cursor returned by this API");
        } catch (IllegalArgumentException e) {
            params.error("cursor", e.getMessage());
        }
        params.check();
        return null;
    }
}
