package io.deskpulse.scoring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.scoring.service.SeenEventPurger;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class SeenEventPurgerTest {

    @Inject
    SeenEventPurger purger;

    @Inject
    DataSource dataSource;

    @Test
    void identitiesOlderThanTheWindowAreForgottenAndRecentOnesKept() throws Exception {
        Aggregates db = new Aggregates(dataSource);
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        db.execute("INSERT INTO seen_events (event_key, seen_at) VALUES ('" + old + "', now() - interval '31 days'), ('"
                + recent + "', now() - interval '29 days')");

        assertThat(purger.purge()).isGreaterThanOrEqualTo(1);

        assertThat(db.scalar("SELECT count(*) FROM seen_events WHERE event_key = ?::uuid", old.toString())).isZero();
        assertThat(db.scalar("SELECT count(*) FROM seen_events WHERE event_key = ?::uuid", recent.toString())).isOne();
    }
}
