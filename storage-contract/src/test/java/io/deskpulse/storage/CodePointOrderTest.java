package io.deskpulse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodePointOrderTest {

    @Test
    void ordersByCodePointAsCollateCOnUtf8() {
        List<String> ids = new ArrayList<>(List.of("\uD83D\uDE00", "b", "", "\uFFFD", "Z", "é", "ab", "abc"));
        ids.sort(CodePointOrder.COMPARATOR);
        // U+1F600 is a surrogate pair that UTF-16 order (String.compareTo) would put before U+FFFD
        assertThat(ids).containsExactly("", "Z", "ab", "abc", "b", "é", "\uFFFD", "\uD83D\uDE00");
        assertThat(CodePointOrder.compare("ab", "abc")).isNegative();
        assertThat(CodePointOrder.compare("abc", "ab")).isPositive();
        assertThat(CodePointOrder.compare("", "")).isZero();
    }
}
