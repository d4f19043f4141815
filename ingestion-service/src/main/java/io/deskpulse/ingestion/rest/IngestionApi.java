package io.deskpulse.ingestion.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/** The OpenAPI document's title and its bearer scheme (the API keys of docs/architecture.md). */
@OpenAPIDefinition(info = @Info(title = "DeskPulse ingestion API", version = "1",
        description = "Helpdesks push canonical CloudEvents (docs/events.md). Each request is authenticated with "
                + "an ingest API key, validated against the event contract, and answered 202 only after Kafka "
                + "acknowledged every record."),
        // Relative: the API is where the document is (port 8081 by default).
        servers = @Server(url = "/", description = "This ingestion-service"))
@SecurityScheme(securitySchemeName = IngestionApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key with the ingest scope: Authorization: Bearer <key>")
public class IngestionApi extends Application {

    static final String BEARER = "bearer";
}
