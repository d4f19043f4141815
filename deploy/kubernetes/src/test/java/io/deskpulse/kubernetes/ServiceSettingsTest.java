package io.deskpulse.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the drift checks read from the services, against values worked out by hand from their sources. */
class ServiceSettingsTest {

    private static ServiceSettings settings(String service) {
        return new ServiceSettings(Manifests.repository(), service);
    }

    @Test
    void settingsWithoutASafeDefaultComeFromLocalDefaultsAndDocumentedNones() {
        assertThat(settings("ingestion-service").requiredVariables()).containsExactlyInAnyOrder("KAFKA_BOOTSTRAP_SERVERS",
                "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_PASSWORD", "DESKPULSE_AUTH_API_KEYS",
                "DESKPULSE_SECRETS_ENCRYPTION_KEY");
        assertThat(settings("scoring-service").requiredVariables()).containsExactlyInAnyOrder("KAFKA_BOOTSTRAP_SERVERS",
                "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_PASSWORD", "DESKPULSE_AUTH_API_KEYS",
                "DESKPULSE_SECRETS_ENCRYPTION_KEY");
        assertThat(settings("reporting-service").requiredVariables()).containsExactlyInAnyOrder(
                "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_PASSWORD", "DESKPULSE_AUTH_API_KEYS");
    }

    @Test
    void variablesAreReadOnlyByTheServicesThatMapThem() {
        assertThat(settings("scoring-service").reads("DESKPULSE_SCORING_MAX_POLL_RECORDS")).isTrue();
        assertThat(settings("scoring-service").reads("DESKPULSE_SCORING_REPLAY_INTERVAL")).isTrue();
        assertThat(settings("ingestion-service").reads("DESKPULSE_SCORING_MAX_POLL_RECORDS")).isFalse();
        assertThat(settings("ingestion-service").reads("DESKPULSE_INGEST_SPOOL_DIR")).isTrue();
        assertThat(settings("reporting-service").reads("DESKPULSE_REPORTING_QUERY_TIMEOUT")).isTrue();
        assertThat(settings("ingestion-service").reads("KAFKA_SASL_JAAS_CONFIG")).isTrue();
        assertThat(settings("ingestion-service").reads("KAFKA_SASL_JAAS_CONFIGG")).isFalse();
        assertThat(settings("reporting-service").reads("KAFKA_BOOTSTRAP_SERVERS")).isFalse();
        assertThat(settings("scoring-service").reads("QUARKUS_INIT_AND_EXIT")).isTrue();
        assertThat(settings("reporting-service").reads("QUARKUS_INIT_AND_EXIT")).isFalse();
    }

    @Test
    void pathsAndPortsFollowQuarkusDefaults() {
        ServiceSettings reporting = settings("reporting-service");
        assertThat(reporting.httpPort()).isEqualTo(8083);
        assertThat(reporting.healthPath("startup")).isEqualTo("/q/health/started");
        assertThat(reporting.healthPath("liveness")).isEqualTo("/q/health/live");
        assertThat(reporting.healthPath("readiness")).isEqualTo("/q/health/ready");
        assertThat(reporting.metricsPath()).isEqualTo("/q/metrics");
        // the kube profile moves them to the management interface, Quarkus' port 9000; the default keeps them
        assertThat(reporting.managementPort("kube")).isEqualTo(9000);
        assertThat(reporting.managementPort("prod")).isEqualTo(-1);
        assertThat(reporting.backends()).containsExactly("postgresql");
        assertThat(settings("scoring-service").backends()).containsExactly("kafka", "postgresql");
        assertThat(settings("scoring-service").ownsSchema()).isTrue();
        assertThat(settings("reporting-service").ownsSchema()).isFalse();
    }
}
