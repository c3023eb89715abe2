package dev.trent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Dates a query compares: two columns, epoch seconds and nanoseconds, exact over Instant's whole range. */
final class Dates {
    private Dates() {
    }

    /** Sets the parameters {@code index} (seconds) and {@code index + 1} (nanoseconds); null sets both null. */
    static void set(PreparedStatement statement, int index, Instant date) throws SQLException {
        if (date == null) {
            statement.setNull(index, Types.BIGINT);
            statement.setNull(index + 1, Types.INTEGER);
        } else {
            statement.setLong(index, date.getEpochSecond());
            statement.setInt(index + 1, date.getNano());
        }
    }

    static Instant get(ResultSet rows, int index) throws SQLException {
        long seconds = rows.getLong(index);
        return rows.wasNull() ? null : Instant.ofEpochSecond(seconds, rows.getInt(index + 1));
    }

    /**
     * The condition that the date in columns {@code column_s}, {@code column_n} is before (or, with
     * {@code orEqual}, not after) a date given as three parameters: seconds, seconds, nanoseconds.
     */
    static String before(String column, boolean orEqual) {
        return "(" + column + "_s < ? OR (" + column + "_s = ? AND " + column + "_n " + (orEqual ? "<=" : "<")
                + " ?))";
    }

    /** Sets the three parameters of {@link #before} from {@code index} on. */
    static void setBefore(PreparedStatement statement, int index, Instant date) throws SQLException {
        statement.setLong(index, date.getEpochSecond());
        statement.setLong(index + 1, date.getEpochSecond());
        statement.setInt(index + 2, date.getNano());
    }
}
