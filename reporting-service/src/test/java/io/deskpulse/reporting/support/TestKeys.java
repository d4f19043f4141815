package io.deskpulse.reporting.support;

/** The plain API keys whose SHA-256 the test profile configures (application.properties). */
public final class TestKeys {

    public static final String TENANT_A = "tenant-a";
    public static final String TENANT_B = "tenant-b";
    /** Reads tenant-a. */
    public static final String READ_A = "test-read-key-tenant-a-0001";
    /** Reads tenant-b. */
    public static final String READ_B = "test-read-key-tenant-b-0002";
    /** tenant-c, ingest scope only. */
    public static final String INGEST_C = "test-ingest-key-tenant-c-0003";

    private TestKeys() {
    }
}
