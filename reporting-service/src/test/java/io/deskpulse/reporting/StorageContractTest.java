package io.deskpulse.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.reporting.domain.kpi.Metric;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.testsupport.TestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The catalog against scoring's real schema: every stored count or sum of kpi_hourly is summed (so it
 * decides whether a row has data), and every histogram is read by some percentile. A column that
 * scoring adds fails here until reporting knows about it.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class StorageContractTest {

    @Test
    void everyMeasureColumnIsSummedAndEveryHistogramReported() throws SQLException {
        Set<String> bigints = new TreeSet<>();
        Set<String> arrays = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(ReportingTestDatabase.jdbcUrl(),
                TestInfrastructure.postgresUser(), TestInfrastructure.postgresPassword());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                     + " WHERE table_schema = current_schema() AND table_name = 'kpi_hourly'")) {
            while (rs.next()) {
                if ("bigint".equals(rs.getString(2))) {
                    bigints.add(rs.getString(1));
                } else if ("ARRAY".equals(rs.getString(2))) {
                    arrays.add(rs.getString(1));
                }
            }
        }
        assertThat(new TreeSet<>(MetricCatalog.SUMMED_COLUMNS)).isEqualTo(bigints);
        assertThat(MetricCatalog.SUMMED_COLUMNS).doesNotHaveDuplicates();
        Set<String> histograms = MetricCatalog.METRICS.stream().map(Metric::histogramColumn)
                .flatMap(Optional::stream).collect(Collectors.toCollection(TreeSet::new));
        assertThat(histograms).isEqualTo(arrays);
        assertThat(MetricCatalog.names()).hasSize(MetricCatalog.METRICS.size());
    }
}
