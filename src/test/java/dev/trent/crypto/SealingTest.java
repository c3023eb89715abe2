package dev.trent.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class SealingTest {
    private final byte[] key = random(32);
    private final Sealing sealing = new Sealing(key, new Randomness());

    private static byte[] random(int count) {
        byte[] out = new byte[count];
        new SecureRandom().nextBytes(out);
        return out;
    }

    @Test
    void aBlobIsAesGcmOfTheSecretWithItsContextAsAdditionalData() throws Exception {
        byte[] secret = random(48);

        byte[] blob = sealing.seal(secret, "key material\0arn:aws:kms:us-east-1:111122223333:key/k\0m1");

        assertThat(blob).hasSize(1 + 12 + 48 + 16);
        assertThat(blob[0]).isEqualTo((byte) 1);
        // Opened by BouncyCastle's own GCM, independently of the JCA code that sealed it.
        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(false, new AEADParameters(new KeyParameter(key), 128, Arrays.copyOfRange(blob, 1, 13),
                ("trent-sealed-v1\0key material\0arn:aws:kms:us-east-1:111122223333:key/k\0m1")
                        .getBytes(StandardCharsets.UTF_8)));
        byte[] opened = new byte[gcm.getOutputSize(blob.length - 13)];
        int length = gcm.processBytes(blob, 13, blob.length - 13, opened, 0);
        length += gcm.doFinal(opened, length);
        assertThat(Arrays.copyOf(opened, length)).isEqualTo(secret);
    }

    @Test
    void opensOnlyForItsContextUnderItsKeyAndUnaltered() {
        byte[] secret = random(32);
        byte[] blob = sealing.seal(secret, "here");

        assertThat(sealing.open(blob, "here")).isEqualTo(secret);
        assertThatThrownBy(() -> sealing.open(blob, "there")).isInstanceOf(Sealing.SealingException.class);
        assertThatThrownBy(() -> new Sealing(random(32), new Randomness()).open(blob, "here"))
                .isInstanceOf(Sealing.SealingException.class);
        byte[] altered = blob.clone();
        altered[altered.length - 20] ^= 1;
        assertThatThrownBy(() -> sealing.open(altered, "here")).isInstanceOf(Sealing.SealingException.class);
        assertThatThrownBy(() -> sealing.open(new byte[5], "here")).isInstanceOf(Sealing.SealingException.class);
    }

    @Test
    void everySealingHasItsOwnNonce() {
        byte[] secret = random(32);
        assertThat(Arrays.copyOfRange(sealing.seal(secret, "here"), 1, 13))
                .isNotEqualTo(Arrays.copyOfRange(sealing.seal(secret, "here"), 1, 13));
    }
}
