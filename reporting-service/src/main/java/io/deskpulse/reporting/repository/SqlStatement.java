package io.deskpulse.reporting.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL text built next to its bind values, so that a clause and its parameters are never out of
 * step. Only literals from this code go into the text; every value from a request is a parameter.
 */
final class SqlStatement {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    SqlStatement sql(String text) {
        sql.append(text);
        return this;
    }

    /** Appends text holding one {@code ?} and its value. */
    SqlStatement sql(String text, Object value) {
        sql.append(text);
        params.add(value);
        return this;
    }

    String text() {
        return sql.toString();
    }

    PreparedStatement prepare(Connection connection, int timeoutSeconds) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        statement.setQueryTimeout(timeoutSeconds);
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value instanceof Instant instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (value instanceof String[] texts) {
                statement.setArray(i + 1, connection.createArrayOf("text", texts));
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }
}
