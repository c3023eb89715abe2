package dev.trent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.TrentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

class SmokeTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    @Test
    void encryptsAndDecrypts() {
        KmsClient kms = trent.client();
        String keyId = kms.createKey(b -> { }).keyMetadata().keyId();
        var encrypted = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("hello")));
        var decrypted = kms.decrypt(b -> b.ciphertextBlob(encrypted.ciphertextBlob()));
        assertThat(decrypted.plaintext().asUtf8String()).isEqualTo("hello");
        System.out.println(kms.describeKey(b -> b.keyId(keyId)).keyMetadata());
    }
}
