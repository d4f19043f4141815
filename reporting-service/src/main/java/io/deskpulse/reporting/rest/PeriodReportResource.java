package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.repository.ReportSnapshot;
import io.deskpulse.reporting.security.Caller;
import io.deskpulse.reporting.security.RequiresScope;
import io.deskpulse.reporting.security.Scope;
import io.deskpulse.reporting.service.KpiService;
import io.deskpulse.reporting.service.ParameterError;
import io.deskpulse.reporting.service.PeriodReport;
import io.deskpulse.reporting.service.PeriodReportQuery;
import io.deskpulse.reporting.service.PeriodReportService;
import io.deskpulse.reporting.service.SequenceCursors;
import io.deskpulse.reporting.service.UnknownReportException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

/**
 * The period reports scoring-service keeps when a day, ISO week or month closes (docs/scorecards.md#period-reports):
 * the list, one report's teams with their KPIs and scorecards, and its scorecards alone. The same numbers whenever
 * they are opened: late events restate the live /v1/kpis, not a kept report.
 */
@Path("/v1/reports")
@Tag(name = "reports", description = "Daily, weekly and monthly reports kept when the period closes")
@SecurityRequirement(name = KpiResource.SECURITY_SCHEME)
@APIResponse(responseCode = "304", description = "If-None-Match named the current ETag: nothing changed",
        headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
public class PeriodReportResource {

    static final List<String> LIST_PARAMETERS = List.of("granularity", "from", "to", "limit", "cursor", "format");
    static final List<String> DETAIL_PARAMETERS = List.of("limit", "cursor", "format");

    private final KpiService kpis;
    private final PeriodReportService reports;
    private final PeriodReportWriter writer;
    private final ScorecardJson scorecardJson;
    private final ReportingConfig config;
    private final Caller caller;

    public PeriodReportResource(KpiService kpis, PeriodReportService reports, PeriodReportWriter writer,
            ScorecardJson scorecardJson, ReportingConfig config, Caller caller) {
        this.kpis = kpis;
        this.reports = reports;
        this.writer = writer;
        this.scorecardJson = scorecardJson;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @RequiresScope(Scope.READ)
    @Operation(summary = "The kept period reports", description = "Newest period first (then newest report). A report is "
            + "made once the period has closed in the tenant's time zone and a grace time (30 min by default) has passed.")
    @Parameters({
        @Parameter(name = "granularity", in = ParameterIn.QUERY, description = "Only days, weeks or months",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"day", "week", "month"})),
        @Parameter(name = "from", in = ParameterIn.QUERY, description = "Only periods starting on or after this day",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-10-01"),
        @Parameter(name = "to", in = ParameterIn.QUERY, description = "Only periods starting on or before this day",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-30"),
        @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Reports per page",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000", defaultValue = "1000")),
        @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "next_cursor of the previous page (opaque)",
                schema = @Schema(type = SchemaType.STRING)),
        @Parameter(name = "format", in = ParameterIn.QUERY, description = "csv or json; overrides the Accept header",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"})),
        @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "The ETag of a previous answer",
                schema = @Schema(type = SchemaType.STRING))
    })
    @APIResponse(responseCode = "200", description = "A page of reports",
            headers = {
                @Header(name = "ETag", description = "Strong tag of the exact body", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Link", description = "<URL of the next page>; rel=\"next\"", schema = @Schema(type = SchemaType.STRING))},
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = PeriodReportDocs.ListPage.class),
                        examples = @ExampleObject(name = "a week and a day", value = PeriodReportExamples.LIST)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "a week", value = PeriodReportExamples.LIST_CSV))})
    @APIResponse(responseCode = "400", description = "Invalid parameters, every one listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad granularity and from", value = PeriodReportExamples.INVALID)))
    public Response list(@Context UriInfo uri, @Context HttpHeaders headers) {
        ListParameters params = new ListParameters(uri.getQueryParameters(), LIST_PARAMETERS, List.of());
        String granularity = params.single("granularity");
        if (granularity != null && !List.of("day", "week", "month").contains(granularity)) {
            params.error("granularity", "must be one of: day, week, month; got " + ParameterError.quote(granularity));
        }
        LocalDate from = date(params, "from");
        LocalDate to = date(params, "to");
        int limit = params.limit(config);
        Representation format = params.format();
        params.check();
        PeriodReportQuery query = new PeriodReportQuery(caller.tenant(), granularity, from, to, limit, null, null);
        String cursor = params.single("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            String[] key = cursorKey(params, cursor, query.fingerprint()).split("/", 2);
            try {
                query = new PeriodReportQuery(query.tenant(), granularity, from, to, limit, LocalDate.parse(key[0]),
                        Long.parseLong(key[1]));
            } catch (RuntimeException e) {
                params.error("cursor", "is not a cursor returned by this API");
                params.check();
            }
        }
        Representation representation = ReportResponses.representation(format, headers);
        PeriodReportService.ListPage page;
        try (ReportSnapshot snapshot = kpis.open(caller.tenant())) {
            page = reports.list(snapshot, query);
        }
        byte[] body = representation == Representation.CSV ? PeriodReportWriter.listCsv(page) : writer.listJson(page);
        return ReportResponses.of(uri, headers, representation, body, page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @RequiresScope(Scope.READ)
    @Operation(summary = "One period report: each team's KPIs and scorecard",
            description = "Teams in id order (the no-team row, with KPIs but no scorecard, first), paged. Every number "
                    + "comes from what was kept when the period closed, scored with the models version and the exemptions "
                    + "in force then. CSV: one row per team with its score and every metric.")
    @Parameters({
        @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Teams per page",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000", defaultValue = "1000")),
        @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "next_cursor of the previous page (opaque)",
                schema = @Schema(type = SchemaType.STRING)),
        @Parameter(name = "format", in = ParameterIn.QUERY, description = "csv or json; overrides the Accept header",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"})),
        @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "The ETag of a previous answer",
                schema = @Schema(type = SchemaType.STRING))
    })
    @APIResponse(responseCode = "200", description = "The report and a page of its teams",
            headers = {
                @Header(name = "ETag", description = "Strong tag of the exact body", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Link", description = "<URL of the next page>; rel=\"next\"", schema = @Schema(type = SchemaType.STRING))},
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = PeriodReportDocs.Detail.class),
                        examples = @ExampleObject(name = "a week of one team", value = PeriodReportExamples.DETAIL)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "a week of one team", value = PeriodReportExamples.DETAIL_CSV))})
    @APIResponse(responseCode = "400", description = "Invalid parameters, every one listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad limit", value = OpenApiExamples.INVALID_PARAMETERS)))
    @APIResponse(responseCode = "404", description = "The tenant has no such report",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = PeriodReportExamples.NOT_FOUND)))
    public Response report(@Parameter(description = "The report's id", example = "12") @PathParam("id") String id,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Detail detail = detail(id, uri, headers);
        byte[] body = detail.representation() == Representation.CSV ? PeriodReportWriter.detailCsv(detail.page())
                : writer.detailJson(detail.page());
        return ReportResponses.of(uri, headers, detail.representation(), body, detail.page().nextCursor());
    }

    @GET
    @Path("/{id}/scorecards")
    @RequiresScope(Scope.READ)
    @Operation(summary = "One period report's scorecards", description = "The teams' scorecards of the report in the shape "
            + "of GET /v1/scorecards (dimension team, the report's period and zone): JSON, or the flat CSV with one record "
            + "per team and KPI.")
    @Parameters({
        @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Teams per page",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000", defaultValue = "1000")),
        @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "next_cursor of the previous page (opaque)",
                schema = @Schema(type = SchemaType.STRING)),
        @Parameter(name = "format", in = ParameterIn.QUERY, description = "csv or json; overrides the Accept header",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"})),
        @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "The ETag of a previous answer",
                schema = @Schema(type = SchemaType.STRING))
    })
    @APIResponse(responseCode = "200", description = "The report's scorecards",
            headers = {
                @Header(name = "ETag", description = "Strong tag of the exact body", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Link", description = "<URL of the next page>; rel=\"next\"", schema = @Schema(type = SchemaType.STRING))},
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = ScorecardDocs.Page.class),
                        examples = @ExampleObject(name = "a team's week", value = ScorecardExamples.SCORECARDS_EXEMPTED_JSON)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "flat", value = ScorecardExamples.SCORECARDS_CSV))})
    @APIResponse(responseCode = "400", description = "Invalid parameters, every one listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad limit", value = OpenApiExamples.INVALID_PARAMETERS)))
    @APIResponse(responseCode = "404", description = "The tenant has no such report",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = PeriodReportExamples.NOT_FOUND)))
    public Response scorecards(@Parameter(description = "The report's id", example = "12") @PathParam("id") String id,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Detail detail = detail(id, uri, headers);
        var page = PeriodReportWriter.scorecards(caller.tenant(), detail.page());
        byte[] body = detail.representation() == Representation.CSV ? ScorecardCsv.write(page) : scorecardJson.write(page);
        return ReportResponses.of(uri, headers, detail.representation(), body, page.nextCursor());
    }

    private record Detail(PeriodReportService.Detail page, Representation representation) {
    }

    private Detail detail(String id, UriInfo uri, HttpHeaders headers) {
        if (!id.matches("\\d{1,18}")) {
            throw new UnknownReportException(id);
        }
        long number = Long.parseLong(id);
        ListParameters params = new ListParameters(uri.getQueryParameters(), DETAIL_PARAMETERS, List.of());
        int limit = params.limit(config);
        Representation format = params.format();
        params.check();
        String after = null;
        String cursor = params.single("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            after = cursorKey(params, cursor, PeriodReportService.teamsFingerprint(caller.tenant(), number));
        }
        Representation representation = ReportResponses.representation(format, headers);
        try (ReportSnapshot snapshot = kpis.open(caller.tenant())) {
            PeriodReport report = reports.report(snapshot, caller.tenant(), number);
            return new Detail(reports.detail(snapshot, caller.tenant(), report, after, limit), representation);
        }
    }

    private static String cursorKey(ListParameters params, String cursor, String fingerprint) {
        try {
            return SequenceCursors.decode(cursor, fingerprint);
        } catch (IllegalArgumentException e) {
            params.error("cursor", e.getMessage());
            params.check();
            return null;
        }
    }

    private static LocalDate date(ListParameters params, String name) {
        String text = params.single(name);
        if (text == null) {
            return null;
        }
        try {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        params.error(name, "must be a date YYYY-MM-DD, got " + ParameterError.quote(text));
        return null;
    }
}
