package dev.trent.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The encryption context as additional authenticated data: one byte string per context, the same
 * whatever order the pairs came in, and different for any two different contexts. Every key and
 * value is length-prefixed, so {@code {"a":"bc"}} and {@code {"ab":"c"}} cannot collide.
 */
public final class EncryptionContextEncoding {

    private EncryptionContextEncoding() {
    }

    /** u32 count, then per pair in UTF-8 byte order of the keys: u32 length, key, u32 length, value. */
    public static byte[] encode(Map<String, String> context) {
        List<byte[][]> pairs = new ArrayList<>(context.size());
        context.forEach((k, v) -> pairs.add(new byte[][] {
            k.getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8)}));
        pairs.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, pairs.size());
        for (byte[][] pair : pairs) {
            writeInt(out, pair[0].length);
            out.writeBytes(pair[0]);
            writeInt(out, pair[1].length);
            out.writeBytes(pair[1]);
        }
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
