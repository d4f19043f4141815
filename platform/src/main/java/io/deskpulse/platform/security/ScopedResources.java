package io.deskpulse.platform.security;

import jakarta.ws.rs.container.ResourceInfo;

/** Which resources are authenticated: those that require a scope, on the method or its class. */
public final class ScopedResources {

    private ScopedResources() {
    }

    /** The scope the matched resource requires, or null (no resource matched, or an open one). */
    public static RequiresScope requiredScope(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        RequiresScope onMethod = resource.getResourceMethod().getAnnotation(RequiresScope.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RequiresScope.class);
    }
}
