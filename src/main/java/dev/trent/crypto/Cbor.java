package dev.trent.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of CBOR (RFC 8949) that COSE_Sign1 attestation documents are written in, read strictly:
 * integers, byte and text strings, arrays, maps, tags, booleans and null. Lengths may be
 * indefinite, as AWS's Nitro Secure Module writes the payload map nowadays. Floats, integers
 * beyond 64-bit signed, duplicate map keys and trailing bytes are refused rather than guessed at,
 * since what is signed must be exactly what is read. Hand-written instead of a CBOR
 * library: it is this small, and Trent loads it only when an attested request arrives.
 *
 * <p>Values come back as {@link Long}, {@code byte[]}, {@link String}, {@link List}, {@link Map}
 * (in document order), {@link Tagged}, {@link Boolean} and {@code null}.
 */
final class Cbor {
    private static final int MAX_DEPTH = 16;
    private static final int INDEFINITE = 31;
    private static final int BREAK = 0xff;

    /** A tagged item, e.g. tag 18 around a COSE_Sign1. */
    record Tagged(long tag, Object item) {
    }

    /** Input that is not CBOR of the supported kinds. */
    static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message, null, false, false);
        }
    }

    private final byte[] in;
    private int pos;

    private Cbor(byte[] in) {
        this.in = in;
    }

    /** The one item that makes up all of {@code data}. */
    static Object decode(byte[] data) throws MalformedException {
        Cbor reader = new Cbor(data);
        Object item = reader.item(0);
        if (reader.pos != data.length) {
            throw new MalformedException("trailing bytes after the CBOR item");
        }
        return item;
    }

    private Object item(int depth) throws MalformedException {
        if (depth > MAX_DEPTH) {
            throw new MalformedException("CBOR nested too deeply");
        }
        int initial = next();
        int major = initial >>> 5;
        int info = initial & 0x1f;
        if (major == 7) {
            return simple(info);
        }
        if (info == INDEFINITE) {
            return indefinite(major, depth);
        }
        long argument = argument(info);
        if ((major == 4 || major == 5) && (argument < 0 || argument > in.length - pos)) {
            throw new MalformedException("CBOR array or map runs past the end");
        }
        switch (major) {
            case 0:
                return nonNegative(argument);
            case 1:
                return -1 - nonNegative(argument);
            case 2:
                return take(argument);
            case 3:
                return text(take(argument));
            case 4: {
                List<Object> items = new ArrayList<>();
                for (long i = 0; i < argument; i++) {
                    items.add(item(depth + 1));
                }
                return items;
            }
            case 5: {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (long i = 0; i < argument; i++) {
                    entry(map, depth);
                }
                return map;
            }
            default: // 6
                return new Tagged(argument, item(depth + 1));
        }
    }

    /** An indefinite-length string (definite chunks of its own type), array or map, up to the break. */
    private Object indefinite(int major, int depth) throws MalformedException {
        switch (major) {
            case 2:
            case 3: {
                ByteArrayOutputStream joined = new ByteArrayOutputStream();
                while (!atBreak()) {
                    int chunk = next();
                    if (chunk >>> 5 != major || (chunk & 0x1f) == INDEFINITE) {
                        throw new MalformedException("CBOR string chunk of another type");
                    }
                    joined.writeBytes(take(argument(chunk & 0x1f)));
                }
                return major == 2 ? joined.toByteArray() : text(joined.toByteArray());
            }
            case 4: {
                List<Object> items = new ArrayList<>();
                while (!atBreak()) {
                    items.add(item(depth + 1));
                }
                return items;
            }
            case 5: {
                Map<Object, Object> map = new LinkedHashMap<>();
                while (!atBreak()) {
                    entry(map, depth);
                }
                return map;
            }
            default:
                throw new MalformedException("indefinite or reserved CBOR length");
        }
    }

    /** Consumes the break that ends an indefinite-length item, if it comes next. */
    private boolean atBreak() throws MalformedException {
        if (pos >= in.length) {
            throw new MalformedException("CBOR ends early");
        }
        if ((in[pos] & 0xff) == BREAK) {
            pos++;
            return true;
        }
        return false;
    }

    private void entry(Map<Object, Object> map, int depth) throws MalformedException {
        Object key = item(depth + 1);
        if (key instanceof byte[] || key instanceof List || key instanceof Map) {
            throw new MalformedException("CBOR map key of an unsupported type");
        }
        if (map.containsKey(key)) {
            throw new MalformedException("duplicate CBOR map key " + key);
        }
        map.put(key, item(depth + 1));
    }

    private Object simple(int info) throws MalformedException {
        switch (info) {
            case 20:
                return Boolean.FALSE;
            case 21:
                return Boolean.TRUE;
            case 22:
                return null;
            case INDEFINITE:
                throw new MalformedException("unexpected CBOR break");
            default:
                throw new MalformedException("unsupported CBOR simple value or float");
        }
    }

    private long argument(int info) throws MalformedException {
        if (info < 24) {
            return info;
        }
        int length;
        switch (info) {
            case 24 -> length = 1;
            case 25 -> length = 2;
            case 26 -> length = 4;
            case 27 -> length = 8;
            default -> throw new MalformedException("indefinite or reserved CBOR length");
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | next();
        }
        return value;
    }

    private static long nonNegative(long argument) throws MalformedException {
        if (argument < 0) {
            throw new MalformedException("CBOR integer out of range");
        }
        return argument;
    }

    private byte[] take(long length) throws MalformedException {
        if (length < 0 || length > in.length - pos) {
            throw new MalformedException("CBOR string runs past the end");
        }
        byte[] out = Arrays.copyOfRange(in, pos, pos + (int) length);
        pos += (int) length;
        return out;
    }

    private static String text(byte[] utf8) throws MalformedException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedException("CBOR text string is not UTF-8");
        }
    }

    private int next() throws MalformedException {
        if (pos >= in.length) {
            throw new MalformedException("CBOR ends early");
        }
        return in[pos++] & 0xff;
    }

    /** Writes the few CBOR items COSE signs over (RFC 9052 Sig_structure). */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer array(int size) {
            return head(4, size);
        }

        Writer bytes(byte[] value) {
            head(2, value.length);
            out.writeBytes(value);
            return this;
        }

        Writer text(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            head(3, utf8.length);
            out.writeBytes(utf8);
            return this;
        }

        byte[] toBytes() {
            return out.toByteArray();
        }

        private Writer head(int major, long argument) {
            int type = major << 5;
            if (argument < 24) {
                out.write(type | (int) argument);
            } else if (argument < 0x100) {
                out.write(type | 24);
                out.write((int) argument);
            } else if (argument < 0x10000) {
                out.write(type | 25);
                writeBigEndian(argument, 2);
            } else {
                out.write(type | 26);
                writeBigEndian(argument, 4);
            }
            return this;
        }

        private void writeBigEndian(long value, int length) {
            for (int i = length - 1; i >= 0; i--) {
                out.write((int) (value >>> (8 * i)) & 0xff);
            }
        }
    }
}
