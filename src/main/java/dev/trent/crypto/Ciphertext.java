package dev.trent.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A symmetric ciphertext blob as Trent writes it (see docs/ciphertext-format.md): it names the key
 * and the key material it was made under, so Decrypt needs no KeyId.
 *
 * @param keyArn the ARN of the key, in the account and region where the ciphertext was made
 * @param materialId the 64-hex-digit id of the key material
 * @param iv the 12-byte AES-GCM nonce
 * @param sealed the AES-GCM output: ciphertext followed by the 16-byte tag
 */
public record Ciphertext(String keyArn, String materialId, byte[] iv, byte[] sealed) {

    static final byte VERSION = 1;
    static final int MATERIAL_ID_BYTES = 32;
    static final int IV_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();

    /** The bytes before the IV; they are authenticated with the encryption context. */
    public byte[] header() {
        return header(keyArn, materialId);
    }

    static byte[] header(String keyArn, String materialId) {
        byte[] arn = keyArn.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 2 + arn.length + MATERIAL_ID_BYTES)
                .put(VERSION)
                .putShort((short) arn.length)
                .put(arn)
                .put(HEX.parseHex(materialId))
                .array();
    }

    public byte[] toBytes() {
        byte[] header = header();
        return ByteBuffer.allocate(header.length + iv.length + sealed.length)
                .put(header)
                .put(iv)
                .put(sealed)
                .array();
    }

    /** Reads a blob; empty when it is not one Trent could have written. */
    public static Optional<Ciphertext> parse(byte[] blob) {
        ByteBuffer in = ByteBuffer.wrap(blob);
        if (in.remaining() < 3 || in.get() != VERSION) {
            return Optional.empty();
        }
        int arnLength = Short.toUnsignedInt(in.getShort());
        if (arnLength == 0 || in.remaining() < arnLength + MATERIAL_ID_BYTES + IV_BYTES + TAG_BYTES) {
            return Optional.empty();
        }
        byte[] arn = new byte[arnLength];
        in.get(arn);
        byte[] materialId = new byte[MATERIAL_ID_BYTES];
        in.get(materialId);
        byte[] iv = new byte[IV_BYTES];
        in.get(iv);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        return Optional.of(new Ciphertext(new String(arn, StandardCharsets.UTF_8), HEX.formatHex(materialId), iv, sealed));
    }
}
