package dev.trent.kms;

import dev.trent.crypto.Randomness;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Grant tokens: opaque, non-secret, URL-safe base64 strings, each unique to one CreateGrant
 * response, like AWS's. A token carries the key ARN and the grant id (so RetireGrant can find the
 * grant from the token alone, in any account, and nothing about tokens has to be stored) and
 * random bytes that make every token of a grant different. Laid out as protocol buffer fields, as
 * AWS's tokens are: 0x01, then field 1 the grant id, field 2 the key ARN, field 4 the random bytes.
 */
final class GrantToken {
    private static final int VERSION = 1;
    private static final int NONCE_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a token names. */
    record Named(KmsArn keyArn, String grantId) {
    }

    private GrantToken() {
    }

    static String of(Grant grant, byte[] nonce) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION);
        field(out, 1, grant.grantId().getBytes(StandardCharsets.US_ASCII));
        field(out, 2, grant.keyArn().getBytes(StandardCharsets.UTF_8));
        field(out, 4, nonce);
        return ENCODER.encodeToString(out.toByteArray());
    }

    static byte[] newNonce(Randomness random) {
        return random.bytes(NONCE_BYTES);
    }

    /** The grant a token names; empty for a string that is not a grant token. */
    static Optional<Named> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(token.replace("=", ""));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Reader reader = new Reader(bytes);
        if (reader.next() != VERSION) {
            return Optional.empty();
        }
        byte[] grantId = reader.field(1);
        byte[] keyArn = reader.field(2);
        byte[] nonce = reader.field(4);
        if (grantId == null || keyArn == null || nonce == null || nonce.length != NONCE_BYTES || !reader.atEnd()) {
            return Optional.empty();
        }
        String id = new String(grantId, StandardCharsets.US_ASCII);
        Optional<KmsArn> arn = KmsArn.parse(new String(keyArn, StandardCharsets.UTF_8)).filter(KmsArn::isKey);
        if (!Grant.isGrantId(id) || arn.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Named(arn.get(), id));
    }

    private static void field(ByteArrayOutputStream out, int number, byte[] value) {
        out.write(number << 3 | 2);
        int length = value.length;
        while (length >= 0x80) {
            out.write(length & 0x7f | 0x80);
            length >>>= 7;
        }
        out.write(length);
        out.write(value, 0, value.length);
    }

    /** Reads the fields back, refusing anything out of place. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int next() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        boolean atEnd() {
            return position == bytes.length;
        }

        /** The value of the length-delimited field with this number, next in line; null if it is not. */
        byte[] field(int number) {
            if (next() != (number << 3 | 2)) {
                return null;
            }
            int length = 0;
            for (int shift = 0; ; shift += 7) {
                int b = next();
                if (b < 0 || shift > 14) {
                    return null;
                }
                length |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if (length > bytes.length - position) {
                return null;
            }
            byte[] value = Arrays.copyOfRange(bytes, position, position + length);
            position += length;
            return value;
        }
    }
}
