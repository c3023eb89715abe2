package dev.trent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A statement with its parameters, run in a session (and kept prepared there). */
final class Sql {
    interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    static <T> List<T> list(Session session, String sql, Parameters parameters, Row<T> row)
            throws SQLException {
        PreparedStatement statement = session.prepare(sql);
        parameters.set(statement);
        try (ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row.read(rows));
            }
            return result;
        } finally {
            statement.clearParameters();
        }
    }

    static <T> Optional<T> one(Session session, String sql, Parameters parameters, Row<T> row)
            throws SQLException {
        List<T> result = list(session, sql, parameters, row);
        return result.isEmpty() ? Optional.empty() : Optional.of(result.get(0));
    }

    static int update(Session session, String sql, Parameters parameters) throws SQLException {
        PreparedStatement statement = session.prepare(sql);
        parameters.set(statement);
        try {
            return statement.executeUpdate();
        } finally {
            statement.clearParameters();
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
