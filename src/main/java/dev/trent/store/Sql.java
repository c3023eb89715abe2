package dev.trent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A statement with its parameters, run on a connection. */
final class Sql {
    interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    static <T> List<T> list(Connection connection, String sql, Parameters parameters, Row<T> row)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(row.read(rows));
                }
                return result;
            }
        }
    }

    static <T> Optional<T> one(Connection connection, String sql, Parameters parameters, Row<T> row)
            throws SQLException {
        List<T> result = list(connection, sql, parameters, row);
        return result.isEmpty() ? Optional.empty() : Optional.of(result.get(0));
    }

    static int update(Connection connection, String sql, Parameters parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            return statement.executeUpdate();
        }
    }

    /** Sets the parameters from the first on, in order; a null sets SQL NULL. */
    static Parameters of(Object... values) {
        return statement -> {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value instanceof byte[] bytes) {
                    statement.setBytes(i + 1, bytes);
                } else if (value instanceof Long number) {
                    statement.setLong(i + 1, number);
                } else if (value instanceof Integer number) {
                    statement.setInt(i + 1, number);
                } else if (value == null) {
                    statement.setNull(i + 1, java.sql.Types.VARCHAR);
                } else {
                    statement.setString(i + 1, (String) value);
                }
            }
        };
    }
}
