package io.deskpulse.scoring.service;

/** A tenant is created twice: a 409, so that a script that creates it on every run notices. */
public class TenantExistsException extends RuntimeException {

    public TenantExistsException(String tenant) {
        super("Tenant '" + tenant + "' exists already; issue its keys with POST /v1/tenants/" + tenant + "/keys");
    }
}
