package dev.trent.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Changes a store's password: every secret is unsealed with the old key and sealed under a key from
 * the new password and a new salt, and the meta data take the new parameters and verifier, all in
 * one transaction: after a crash, either the old password opens the store or the new one does.
 */
final class Resealing {
    private Resealing() {
    }

    static void run(SqlStore store, char[] newPassword) {
        StoreSecrets.Keeping keeping = StoreSecrets.sealedUnder(newPassword);
        ValueCodec from = store.codec();
        ValueCodec to = from.with(keeping.secrets());
        Database db = store.database();
        db.atomically(List.of(), () -> db.write(c -> {
            db.dialect().lockSchema(c);
            reseal(c, "trent_keys", List.of("account", "region", "key_id"), true,
                    body -> to.encode(from.decodeKey(body)));
            reseal(c, "trent_import_tokens", List.of("token_id"), false,
                    body -> to.encode(from.decodeImportToken(body)));
            reseal(c, "trent_custom_key_stores", List.of("account", "region", "id"), false,
                    body -> to.encode(from.decodeCustomKeyStore(body)));
            for (var entry : keeping.meta().entrySet()) {
                Schema.put(c, entry.getKey(), entry.getValue());
            }
            return null;
        }));
    }

    /**
     * Re-encodes the body of every row of the table, found by its primary key columns; a table
     * with revisions gets new ones, so no process keeps using what it decoded before.
     */
    private static void reseal(Connection c, String table, List<String> keyColumns, boolean revised,
            UnaryOperator<byte[]> change) throws SQLException {
        int keys = keyColumns.size();
        List<Object[]> rows = Sql.list(c, "SELECT " + String.join(", ", keyColumns) + ", body FROM " + table,
                Sql.of(), row -> {
                    Object[] values = new Object[keys + 1];
                    for (int i = 0; i < keys; i++) {
                        values[i] = row.getString(i + 1);
                    }
                    values[keys] = row.getBytes(keys + 1);
                    return values;
                });
        String where = String.join(" AND ", keyColumns.stream().map(column -> column + " = ?").toList());
        for (Object[] row : rows) {
            Object[] values = new Object[keys + (revised ? 2 : 1)];
            int next = 0;
            values[next++] = change.apply((byte[]) row[keys]);
            if (revised) {
                values[next++] = KeyCache.newRevision();
            }
            System.arraycopy(row, 0, values, next, keys);
            Sql.update(c, "UPDATE " + table + " SET body = ?" + (revised ? ", revision = ?" : "") + " WHERE " + where,
                    Sql.of(values));
        }
    }
}
