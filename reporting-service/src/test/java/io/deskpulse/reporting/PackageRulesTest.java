package io.deskpulse.reporting;

import io.deskpulse.testsupport.PackageRules;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: rest (with the health checks: what answers HTTP) → service (owns a
 * page's read snapshot) → repository (all SQL) → domain (the model, plain Java), config at the bottom; no package cycle.
 */
class PackageRulesTest {

    @Test
    void dependenciesPointDownTheLayersAndNoPackageIsInACycle() {
        PackageRules.of("io.deskpulse.reporting")
                .layer("rest", "rest", "health")
                .layer("service", "service").usedBy("rest")
                .layer("repository", "repository").usedBy("service")
                .layer("domain", "domain").usedBy("rest", "service", "repository")
                .layer("config", "config").usedBy("rest", "service", "repository")
                .check();
    }
}
