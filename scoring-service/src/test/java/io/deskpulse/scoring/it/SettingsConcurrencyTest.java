package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.SettingsApi.GLOBEX_ADMIN;
import static io.deskpulse.scoring.support.SettingsApi.as;
import static io.deskpulse.scoring.support.SettingsApi.get;
import static io.deskpulse.scoring.support.SettingsApi.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two changes of one tenant's settings at the same time never both become version N+1: PUTs serialise per
 * tenant, and a version taken meanwhile by a writer outside the API (the primary key refuses the second) is
 * retried once on top of it.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class SettingsConcurrencyTest {

    @Inject
    DataSource dataSource;

    private static int currentVersion() {
        return get(GLOBEX_ADMIN, "/v1/settings").then().statusCode(200).extract().path("version");
    }

    private static List<Response> atOnce(Supplier<Response> a, Supplier<Response> b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> awaitThen(start, a), pool);
            CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> awaitThen(start, b), pool);
            return List.of(first.get(), second.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Response awaitThen(CyclicBarrier barrier, Supplier<Response> call) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return call.get();
    }

    @Test
    void twoPutsAtOnceBecomeTwoVersions() throws Exception {
        int before = currentVersion();

        List<Response> answers = atOnce(() -> put(GLOBEX_ADMIN, "{\"qa_pass_mark\": 41}"),
                () -> put(GLOBEX_ADMIN, "{\"qa_pass_mark\": 42}"));

        assertThat(answers).extracting(Response::statusCode).containsOnly(200);
        assertThat(answers).extracting(r -> r.<Integer>path("version"))
                .containsExactlyInAnyOrder(before + 1, before + 2);
        assertThat(currentVersion()).isEqualTo(before + 2);
    }

    @Test
    void twoPutsAtOnceOnTheSameVersionLeaveOneWithAConflict() throws Exception {
        int before = currentVersion();
        String ifMatch = "\"" + before + "\"";

        List<Response> answers = atOnce(
                () -> as(GLOBEX_ADMIN).header("If-Match", ifMatch).contentType(ContentType.JSON)
                        .body("{\"qa_pass_mark\": 51}").put("/v1/settings"),
                () -> as(GLOBEX_ADMIN).header("If-Match", ifMatch).contentType(ContentType.JSON)
                        .body("{\"qa_pass_mark\": 52}").put("/v1/settings"));

        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 412);
        assertThat(currentVersion()).isEqualTo(before + 1);
    }

    @Test
    void aVersionTakenOutsideTheApiMeanwhileIsBuiltUpon() throws Exception {
        int before = currentVersion();
        try (Connection outside = dataSource.getConnection()) {
            outside.setAutoCommit(false);
            // Version N+1, written by hand and not yet committed: the API's insert of N+1 must wait for it.
            try (PreparedStatement s = outside.prepareStatement("INSERT INTO tenant_settings_versions"
                    + " (tenant_id, version, settings, changed_by, changed_fields)"
                    + " VALUES ('globex', ?, '{\"complaint_tag\": \"by-hand\"}'::jsonb, 'sql', '{complaint_tag}')")) {
                s.setInt(1, before + 1);
                s.executeUpdate();
            }
            CompletableFuture<Response> api = CompletableFuture.supplyAsync(
                    () -> put(GLOBEX_ADMIN, "{\"complaint_tag\": \"by-hand\", \"time_zone\": \"Asia/Tokyo\"}"));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> insertWaitsForALock(api));
            outside.commit();

            api.get().then().statusCode(200)
                    .body("version", is(before + 2))
                    .body("time_zone", is("Asia/Tokyo"))
                    .body("complaint_tag", is("by-hand"));
        }
        get(GLOBEX_ADMIN, "/v1/settings/versions").then()
                .body("[0].changed_fields", is(List.of("time_zone")))
                .body("[1].changed_by", is("sql"));
    }

    /** Whether a session of this database waits for a lock in an insert of settings (or the call ended). */
    private boolean insertWaitsForALock(CompletableFuture<Response> call) throws Exception {
        if (call.isDone()) {
            return true;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'"
                    + " AND query LIKE 'INSERT INTO tenant_settings_versions%'")) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
