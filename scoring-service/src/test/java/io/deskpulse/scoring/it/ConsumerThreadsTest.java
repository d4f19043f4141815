package io.deskpulse.scoring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.support.EventTopic;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.deskpulse.testsupport.TestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;

/** The service runs its poll loops as members of the scoring group that split the topic's partitions. */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class ConsumerThreadsTest {

    @Inject
    ScoringConfig config;

    @Test
    void eachPollLoopIsAGroupMemberWithItsShareOfThePartitions() {
        assertThat(config.consumerThreads()).isEqualTo(2);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(config.consumerGroup()))
                        .describedGroups().get(config.consumerGroup()).get(10, TimeUnit.SECONDS);
                List<MemberDescription> members = List.copyOf(group.members());
                assertThat(members).hasSize(2);
                assertThat(members).extracting(MemberDescription::clientId)
                        .containsExactlyInAnyOrder("deskpulse-scoring", "deskpulse-scoring-1");
                // the test topic has 3 partitions: every one is owned, none twice
                assertThat(members).allSatisfy(m -> assertThat(m.assignment().topicPartitions()).isNotEmpty());
                assertThat(members.stream().mapToInt(m -> m.assignment().topicPartitions().size()).sum()).isEqualTo(3);
                assertThat(members.stream().flatMap(m -> m.assignment().topicPartitions().stream())
                        .map(tp -> tp.topic()).distinct()).containsExactly(EventTopic.name());
            });
        }
    }
}
