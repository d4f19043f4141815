package io.deskpulse.ingestion.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/**
 * Puts the NDJSON example in as text. An annotation example that looks like JSON is parsed as JSON, which
 * would keep only the first line of the NDJSON and show it as an object.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class NdjsonExampleFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PathItem events = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/v1/events");
        if (events == null || events.getPOST() == null || events.getPOST().getRequestBody() == null) {
            return;
        }
        MediaType ndjson = events.getPOST().getRequestBody().getContent().getMediaType(IngestContentType.NDJSON_TYPE);
        if (ndjson != null) {
            ndjson.setExamples(Map.of("backfill", OASFactory.createExample()
                    .summary("Two events, one per line").value(OpenApiExamples.NDJSON)));
        }
    }
}
