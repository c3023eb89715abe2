package dev.trent.bench;

import java.util.Random;

/** Inputs shared by the benchmarks; fixed seeds so that every run measures the same bytes. */
final class Fixtures {
    static final String ACCOUNT = "111122223333";
    static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private Fixtures() {
    }

    static byte[] bytes(int count) {
        byte[] out = new byte[count];
        new Random(count).nextBytes(out);
        return out;
    }
}
