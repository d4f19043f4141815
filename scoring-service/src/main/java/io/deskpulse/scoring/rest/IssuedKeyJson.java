package io.deskpulse.scoring.rest;

import io.deskpulse.scoring.service.KeyAdministration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IssuedApiKey", description = "A key just issued: the only answer that holds its secret")
public record IssuedKeyJson(
        @Schema(required = true, description = "The key: send it as 'Authorization: Bearer <secret>'. Shown once; "
                + "DeskPulse keeps only its SHA-256", example = "dp_Q3v9xLkT0mZ8c1aYwF6bN4hR7eUiJ2sVgPoDqK5nE9A")
        String secret,
        @Schema(required = true) KeyJson key) {

    static IssuedKeyJson of(KeyAdministration.IssuedKey issued, Instant now) {
        return new IssuedKeyJson(issued.secret(), KeyJson.of(issued.key(), now));
    }
}
