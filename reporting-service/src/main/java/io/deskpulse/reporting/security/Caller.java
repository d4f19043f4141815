package io.deskpulse.reporting.security;

import jakarta.enterprise.context.RequestScoped;

/** The tenant whose key authenticated the current request; set by {@link ApiKeyFilter}. */
@RequestScoped
public class Caller {

    private String tenant;

    public String tenant() {
        if (tenant == null) {
            throw new IllegalStateException("no authenticated caller: is the resource missing @RequiresScope?");
        }
        return tenant;
    }

    void authenticate(String tenant) {
        this.tenant = tenant;
    }
}
