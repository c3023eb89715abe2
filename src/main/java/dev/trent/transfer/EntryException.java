package dev.trent.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A bad entry of a key file: where it is, the key id when known, and why. */
final class EntryException extends RuntimeException {
    private final String where;
    private final String keyId;

    EntryException(String where, String keyId, String reason) {
        super(reason);
        this.where = where;
        this.keyId = keyId;
    }

    /** The array {@code field} of {@code parent} (none: empty), or the entry at {@code path} is bad. */
    static List<JsonNode> array(JsonNode parent, String field, String path) {
        try {
            return Fields.array(parent, field);
        } catch (IllegalArgumentException e) {
            throw new EntryException(path, null, e.getMessage());
        }
    }

    String where() {
        return where;
    }

    String keyId() {
        return keyId;
    }
}
