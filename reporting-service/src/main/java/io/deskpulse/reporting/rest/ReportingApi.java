package io.deskpulse.reporting.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI document's header: what the API is and how it authenticates (served at /q/openapi). */
@OpenAPIDefinition(
        info = @Info(title = "DeskPulse reporting API", version = "1",
                description = "Read-only KPIs for BI tools, as JSON or CSV. See docs/reporting-api.md."),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = KpiResource.SECURITY_SCHEME,
                type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "An API key with the 'read' scope: 'Authorization: Bearer <key>'. The key decides the tenant.")))
public class ReportingApi extends Application {
}
