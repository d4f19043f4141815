package io.deskpulse.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.reporting.domain.kpi.PageKey;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The paging cursors, as /v1/kpis encodes its (period, member) keys. */
class CursorsTest {

    private static final PageKey KEY = new PageKey(LocalDate.parse("2026-11-02"), "a,17\nwith newline");

    @Test
    void roundTrips() {
        String cursor = KEY.cursor("f1");
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(PageKey.ofCursor(cursor, "f1")).isEqualTo(KEY);
        assertThat(PageKey.ofCursor(new PageKey(KEY.period(), "").cursor("f1"), "f1").member()).isEmpty();
    }

    @Test
    void refusesAnotherQuerysCursor() {
        assertThatThrownBy(() -> PageKey.ofCursor(KEY.cursor("f1"), "f2"))
                .hasMessageContaining("different query");
    }

    @Test
    void refusesGarbageAndOtherVersions() {
        assertThatThrownBy(() -> PageKey.ofCursor("not a cursor!", "f1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageKey.ofCursor(b64("hello"), "f1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageKey.ofCursor(b64("1\nf1\n2026-13-45\na"), "f1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageKey.ofCursor(b64("9\nf1\n2026-11-02\na"), "f1")).hasMessageContaining("version");
        assertThatThrownBy(() -> PageKey.ofCursor(b64("1\nf1\n2026-11-02\na\0b"), "f1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageKey.ofCursor(b64("1\nf1\n+999999999-11-02\na"), "f1")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
