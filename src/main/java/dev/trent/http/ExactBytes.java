package dev.trent.http;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A {@link ByteArrayOutputStream} for what Jackson writes: Jackson buffers a whole answer and
 * writes it at once, which this keeps in one array of its exact size, instead of growing the
 * stream's buffer to fit it and then copying it out again.
 */
final class ExactBytes extends ByteArrayOutputStream {
    ExactBytes(int size) {
        super(size);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (count == 0 && len > buf.length) {
            buf = Arrays.copyOfRange(b, off, off + len);
            count = len;
        } else {
            super.write(b, off, len);
        }
    }

    @Override
    public synchronized byte[] toByteArray() {
        return count == buf.length ? buf : super.toByteArray();
    }
}
