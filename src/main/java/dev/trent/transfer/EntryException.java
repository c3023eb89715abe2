package dev.trent.transfer;

/** A bad entry of a key file: where it is, the key id when known, and why. */
final class EntryException extends RuntimeException {
    private final String where;
    private final String keyId;

    EntryException(String where, String keyId, String reason) {
        super(reason);
        this.where = where;
        this.keyId = keyId;
    }

    String where() {
        return where;
    }

    String keyId() {
        return keyId;
    }
}
