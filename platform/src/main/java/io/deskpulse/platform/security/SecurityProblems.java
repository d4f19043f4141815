package io.deskpulse.platform.security;

import io.deskpulse.platform.rest.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The refusals of {@link ScopeFilter}, as problem+json; the OpenAPI documents take their examples from here. A 401
 * names the scheme the client must use ({@code WWW-Authenticate: Bearer}).
 */
public final class SecurityProblems {

    private SecurityProblems() {
    }

    /** No key, or a header that is not {@code Bearer <key>}. */
    public static Problem missingKey() {
        return Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "Send the API key as 'Authorization: Bearer <key>'.");
    }

    /** A key no store knows. */
    public static Problem invalidKey() {
        return Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "The API key is not valid.");
    }

    /** A known key without the scope (role) the resource requires. */
    public static Problem lacksScope(String scope) {
        return Problem.of(Response.Status.FORBIDDEN, "forbidden", "Forbidden",
                "This API key lacks the '" + scope + "' scope.");
    }

    /** The answer of a refusal: a 401 carries the challenge. */
    public static Response toResponse(Problem refusal) {
        Response response = refusal.toResponse();
        return refusal.status() != 401 ? response
                : Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
