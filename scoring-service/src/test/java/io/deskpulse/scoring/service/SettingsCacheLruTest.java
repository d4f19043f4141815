package io.deskpulse.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.scoring.domain.DocumentVersion;
import io.deskpulse.scoring.domain.TenantSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache's bound and its hits, without a database ({@code it/SettingsCacheTest} reads through one). */
class SettingsCacheLruTest {


    private DocumentVersion row(int version, int qaPassMark) {
        return new DocumentVersion(version, null, "test", List.of(),
                SettingsDocument.toStored(SettingsChangeTest.settings("{\"qa_pass_mark\": " + qaPassMark + "}")));
    }

    @Test
    void aVersionIsDecodedOnceAndThenServedFromMemory() {
        SettingsCache cache = new SettingsCache(null, 10);

        TenantSettings first = cache.of("acme", row(1, 70));
        TenantSettings again = cache.of("acme", row(1, 70));

        assertThat(again).isSameAs(first);
        assertThat(first.qaPassMark()).isEqualTo(70);
        assertThat(cache.of("globex", row(1, 60)).qaPassMark()).as("versions are per tenant").isEqualTo(60);
    }

    @Test
    void versionZeroIsTheDefaultsAndTakesNoRoom() {
        SettingsCache cache = new SettingsCache(null, 10);

        assertThat(cache.of("acme", DocumentVersion.NONE)).isSameAs(TenantSettings.DEFAULTS);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theLeastRecentlyUsedGoesFirstWhenFull() {
        SettingsCache cache = new SettingsCache(null, 2);
        TenantSettings one = cache.of("acme", row(1, 71));
        cache.of("acme", row(2, 72));
        cache.of("acme", row(1, 71));
        cache.of("acme", row(3, 73));

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.of("acme", row(1, 71))).as("used recently: kept").isSameAs(one);
        // A row with another document for version 2 shows whether 2 was still cached (72) or read again (99).
        assertThat(cache.of("acme", row(2, 99)).qaPassMark()).as("least recently used: dropped").isEqualTo(99);
    }
}
