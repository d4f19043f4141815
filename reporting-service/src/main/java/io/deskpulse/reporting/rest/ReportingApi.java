package io.deskpulse.reporting.rest;

import io.deskpulse.platform.rest.Problem;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/** The OpenAPI document's header: what the API is and how it authenticates (served at /q/openapi). */
@OpenAPIDefinition(
        info = @Info(title = "DeskPulse reporting API", version = "1",
                description = "Read-only reports for BI tools and managers, each as JSON or CSV, paged (limit, cursor, "
                        + "Link), with ETags: GET /v1/kpis (KPIs per period and tenant, team or agent), /v1/tickets "
                        + "(per-ticket facts and incremental export), /v1/leaderboards/{metric} (agents or teams ranked "
                        + "by one metric), /v1/customers/at-risk (churn risk with its signals), /v1/scorecards (role "
                        + "scorecards), /v1/alerts (threshold alerts raised and resolved), /v1/reports, "
                        + "/v1/reports/{id} and /v1/reports/{id}/scorecards (period reports kept when a day, week or "
                        + "month closes). See docs/reporting-api.md."),
        // Relative: the API is where the document is (port 8083 by default).
        servers = @Server(url = "/", description = "This reporting-service"),
        // Problem: every error body; the operations' error answers are documented by StandardResponsesFilter.
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class),
                securitySchemes = @SecurityScheme(securitySchemeName = KpiResource.SECURITY_SCHEME,
                type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "An API key with the 'read' scope: 'Authorization: Bearer <key>'. The key decides the tenant.")))
public class ReportingApi extends Application {
}
