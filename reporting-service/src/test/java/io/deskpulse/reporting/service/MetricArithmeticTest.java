package io.deskpulse.reporting.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.reporting.domain.kpi.Metric;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The long arithmetic of averages and totals gives exactly the doubles BigDecimal gives. */
class MetricArithmeticTest {

    private final Random random = new Random(20261130);

    @Test
    void roundedSecondsAreBigDecimalsHalfUp() {
        long[][] cases = {{0, 1}, {1, 2}, {-1, 2}, {3, 2}, {-3, 2}, {1499, 1000}, {1500, 1000}, {-1500, 1000},
                {Long.MAX_VALUE, 1}, {Long.MIN_VALUE, 1}, {Long.MAX_VALUE, 7}, {Long.MIN_VALUE, 3}, {5, Long.MAX_VALUE},
                {(1L << 53) * 1000 + 1, 1000}, {(1L << 53) + 1, 1}};
        for (long[] c : cases) {
            assertThat(Metric.roundedSeconds(c[0], c[1])).as("%d / %d", c[0], c[1]).isEqualTo(bigDecimalSeconds(c[0], c[1]));
        }
        for (int i = 0; i < 300_000; i++) {
            long count = 1 + switch (i % 3) { case 0 -> random.nextInt(10); case 1 -> random.nextInt(100_000);
                default -> random.nextLong(1L << 40); };
            long sum = switch (i % 4) {
                case 0 -> random.nextLong(1_000_000_000L);
                case 1 -> count * random.nextLong(100_000) + count / 2; // exactly on a half
                case 2 -> -random.nextLong(1L << 50);
                default -> random.nextLong();
            };
            assertThat(Metric.roundedSeconds(sum, count)).as("%d / %d", sum, count).isEqualTo(bigDecimalSeconds(sum, count));
        }
    }

    @Test
    void thousandthsAreBigDecimals() {
        for (long value : new long[] {0, 1, -1, 999, 1000, 1001, (1L << 53) - 1, 1L << 53, (1L << 53) + 1, -(1L << 53) - 1,
                Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(Metric.thousandths(value)).as("%d", value).isEqualTo(BigDecimal.valueOf(value, 3).doubleValue());
        }
        for (int i = 0; i < 300_000; i++) {
            long value = i % 2 == 0 ? random.nextLong(10_000_000_000L) : random.nextLong();
            assertThat(Metric.thousandths(value)).as("%d", value).isEqualTo(BigDecimal.valueOf(value, 3).doubleValue());
        }
    }

    private static double bigDecimalSeconds(long sum, long count) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(1000)), 3,
                RoundingMode.HALF_UP).doubleValue();
    }
}
