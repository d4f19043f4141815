package io.deskpulse.ingestion.messaging;

import static io.deskpulse.ingestion.testing.TestEvents.INGEST_KEY;
import static io.deskpulse.ingestion.testing.TestEvents.csat;
import static io.deskpulse.ingestion.testing.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.ingestion.testing.IngestionKafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHashFactory;
import org.junit.jupiter.api.Test;

/**
 * Inside the application (this test runs in its class loader), the producer's lz4 is the native one, as in Kafka's
 * own tools: without NativeLz4 it would be the pure-Java one.
 */
@QuarkusTest
@WithTestResource(IngestionKafkaResource.class)
class NativeLz4Test {

    @Test
    void theProducerCompressesWithTheNativeLibrary() {
        given().header("Authorization", "Bearer " + INGEST_KEY).contentType("application/cloudevents+json")
                .body(csat(unique("lz4"), "T", 5)).when().post("/v1/events").then().statusCode(202);
        assertThat(LZ4Factory.class.getClassLoader()).isNotSameAs(ClassLoader.getSystemClassLoader());
        assertThat(LZ4Factory.fastestInstance()).isSameAs(LZ4Factory.nativeInstance());
        assertThat(XXHashFactory.fastestInstance()).isSameAs(XXHashFactory.nativeInstance());
    }
}
