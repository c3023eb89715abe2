package dev.trent.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Looks for a secret in bytes in every encoding a store might write it in: raw, hex (lower and
 * upper case), base64 (standard and URL-safe, with and without padding). Base64 of a secret
 * embedded in a longer value depends on where the secret starts modulo three, so the base64 of
 * the secret starting at each of its first three bytes is searched for (with the last, partial
 * group left out, since it depends on what follows).
 */
public final class SecretSearch {
    private SecretSearch() {
    }

    /** The encodings of the secret, by name, as searched for. */
    public static Map<String, byte[]> encodings(byte[] secret) {
        Map<String, byte[]> encodings = new LinkedHashMap<>();
        encodings.put("raw", secret);
        encodings.put("hex", ascii(HexFormat.of().formatHex(secret)));
        encodings.put("HEX", ascii(HexFormat.of().withUpperCase().formatHex(secret)));
        for (int offset = 0; offset < 3; offset++) {
            byte[] tail = Arrays.copyOfRange(secret, offset, secret.length);
            // whole 3-byte groups only: their base64 is the same whatever bytes come after them
            byte[] whole = Arrays.copyOf(tail, tail.length - tail.length % 3);
            encodings.put("base64@" + offset, ascii(Base64.getEncoder().withoutPadding().encodeToString(whole)));
            encodings.put("base64url@" + offset, ascii(Base64.getUrlEncoder().withoutPadding().encodeToString(whole)));
            if (offset == 0) {
                encodings.put("base64 padded", ascii(Base64.getEncoder().encodeToString(secret)));
                encodings.put("base64url padded", ascii(Base64.getUrlEncoder().encodeToString(secret)));
            }
        }
        return encodings;
    }

    /** The names of the encodings of the secret that occur in the bytes. */
    public static List<String> find(byte[] haystack, byte[] secret) {
        List<String> found = new ArrayList<>();
        encodings(secret).forEach((name, needle) -> {
            if (indexOf(haystack, needle) >= 0) {
                found.add(name);
            }
        });
        return found;
    }

    /** Every regular file under the directory (database, WAL, SHM, journals...) one after another. */
    public static byte[] allFiles(Path directory) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.write(Files.readAllBytes(file));
                out.write(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Where {@code needle} first occurs in {@code haystack}; -1 when it does not. */
    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
