package io.deskpulse.scoring.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The scopes an issued key may hold, for the OpenAPI document only (the bodies carry them as strings, checked by
 * {@link KeyRequest}): the constants are lower case because the document lists their names.
 */
@Schema(name = "KeyScope", description = "ingest: send events; read: KPIs and reports; admin: settings, rules and the "
        + "tenant's keys")
enum KeyScope {
    ingest, read, admin
}
