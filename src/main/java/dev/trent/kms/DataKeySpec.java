package dev.trent.kms;

/** AWS's {@code DataKeySpec}: the length of a data key by name. */
public enum DataKeySpec {
    AES_256(32),
    AES_128(16);

    private final int bytes;

    DataKeySpec(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }
}
