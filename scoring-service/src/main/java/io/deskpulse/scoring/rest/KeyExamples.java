package io.deskpulse.scoring.rest;

/** Examples of the tenant and key API's OpenAPI document. */
final class KeyExamples {

    static final String KEY = """
            {"id": "6f1c2a9e-4b7d-4f0e-9a51-2c8e7d3b1a40", "tenant": "acme", "name": "zendesk connector",
             "prefix": "dp_Q3v9xLk", "scopes": ["ingest"], "status": "active", "created_at": "2026-12-07T12:00:00Z",
             "expires_at": null, "revoked_at": null, "replaced_by": null}""";
    static final String REVOKED = """
            {"id": "6f1c2a9e-4b7d-4f0e-9a51-2c8e7d3b1a40", "tenant": "acme", "name": "zendesk connector",
             "prefix": "dp_Q3v9xLk", "scopes": ["ingest"], "status": "revoked", "created_at": "2026-12-07T12:00:00Z",
             "expires_at": null, "revoked_at": "2026-12-07T15:30:00Z", "replaced_by": null}""";
    static final String INVALID_ROTATION = """
            {"type": "https://deskpulse.io/problems/invalid-request", "title": "Invalid request", "status": 422,
             "detail": "1 field is invalid; nothing was started",
             "errors": [{"field": "old_key_valid_until", "reason": "must be at most 30 days ahead"}]}""";
    static final String INVALID_TENANT = """
            {"type": "https://deskpulse.io/problems/invalid-request", "title": "Invalid request", "status": 422,
             "detail": "1 field is invalid; nothing was started",
             "errors": [{"field": "id", "reason": "must be 1 to 63 lower-case letters, digits, '-' or '_', starting with a letter or digit"}]}""";
    static final String ISSUED = "{\"secret\": \"dp_Q3v9xLkT0mZ8c1aYwF6bN4hR7eUiJ2sVgPoDqK5nE9A\", \"key\": " + KEY + "}";
    static final String REQUEST = """
            {"name": "zendesk connector", "scopes": ["ingest"], "expires_at": "2027-06-30T00:00:00Z"}""";
    static final String ROTATION = """
            {"old_key_valid_until": "2026-12-08T12:00:00Z"}""";
    static final String INVALID = """
            {"type": "https://deskpulse.io/problems/invalid-request", "title": "Invalid request", "status": 422,
             "detail": "1 field is invalid; nothing was started",
             "errors": [{"field": "scopes[0]", "reason": "must be one of ingest, read, admin, got 'write'"}]}""";
    static final String UNKNOWN_KEY = """
            {"type": "https://deskpulse.io/problems/not-found", "title": "Not found", "status": 404,
             "detail": "No key 6f1c2a9e-4b7d-4f0e-9a51-2c8e7d3b1a40 of this tenant."}""";
    static final String INACTIVE = """
            {"type": "https://deskpulse.io/problems/key-inactive", "title": "Key inactive", "status": 409,
             "detail": "Key 6f1c2a9e-4b7d-4f0e-9a51-2c8e7d3b1a40 is revoked or expired: issue a new key instead of rotating it"}""";
    static final String TENANT = """
            {"id": "acme", "created_at": "2026-12-07T12:00:00Z"}""";
    static final String TENANT_EXISTS = """
            {"type": "https://deskpulse.io/problems/tenant-exists", "title": "Tenant exists", "status": 409,
             "detail": "Tenant 'acme' exists already; issue its keys with POST /v1/tenants/acme/keys"}""";
    static final String UNKNOWN_TENANT = """
            {"type": "https://deskpulse.io/problems/not-found", "title": "Not found", "status": 404,
             "detail": "No tenant 'acme'; create it with POST /v1/tenants"}""";
    static final String NOT_OPERATOR = """
            {"type": "https://deskpulse.io/problems/forbidden", "title": "Forbidden", "status": 403,
             "detail": "This API key lacks the 'operator' scope."}""";

    private KeyExamples() {
    }
}
