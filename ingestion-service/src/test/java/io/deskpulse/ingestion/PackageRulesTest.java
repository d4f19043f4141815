package io.deskpulse.ingestion;

import io.deskpulse.testsupport.PackageRules;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: rest (with the health checks: what answers HTTP) → service (reading, validating,
 * deduplicating a request) → messaging (the Kafka producer and its availability) → connector (verifying and mapping
 * helpdesks' native webhooks: plain Java and Jackson, like a domain package), config at the bottom; no package
 * cycle. rest reaches messaging only for what it answers about Kafka (the 503 of an unavailable broker).
 */
class PackageRulesTest {

    @Test
    void dependenciesPointDownTheLayersAndNoPackageIsInACycle() {
        PackageRules.of("io.deskpulse.ingestion")
                .layer("rest", "rest", "health")
                .layer("service", "service").usedBy("rest")
                .layer("messaging", "messaging").usedBy("rest", "service")
                .layer("repository", "repository").usedBy("service")
                .layer("connector", "connector").usedBy("rest", "service", "messaging")
                .layer("config", "config").usedBy("rest", "service", "messaging")
                .check();
    }
}
