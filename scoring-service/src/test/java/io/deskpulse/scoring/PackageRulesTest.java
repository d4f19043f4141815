package io.deskpulse.scoring;

import io.deskpulse.testsupport.PackageRules;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: rest (with the API keys and the health checks: what answers HTTP) → service (the
 * admin services, the batch and the poll loops that drive it) → repository (all SQL) and messaging (Kafka clients,
 * dead letters, topic positions) → domain (the model, plain Java), config at the bottom; no package cycle.
 */
class PackageRulesTest {

    @Test
    void dependenciesPointDownTheLayersAndNoPackageIsInACycle() {
        PackageRules.of("io.deskpulse.scoring")
                .layer("rest", "rest", "security", "health")
                .layer("service", "service").usedBy("rest")
                .layer("repository", "repository").usedBy("service")
                .layer("messaging", "messaging").usedBy("rest", "service")
                .layer("domain", "domain").usedBy("rest", "service", "repository", "messaging")
                .layer("config", "config").usedBy("rest", "service", "repository", "messaging")
                // The API keys and the problem body are the same in every service until the shared platform module
                // replaces them (issue 12): until then the filter writes its 401 and 403 with rest's Problem.
                .except("security", "rest.Problem", "security/ and rest/Problem move to the shared platform module")
                .check();
    }
}
