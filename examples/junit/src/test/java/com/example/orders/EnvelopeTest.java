package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.junit.FromTrent;
import dev.trent.junit.WithTrent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.KmsException;

/** One Trent for this class, started on a free port with the keys of keys.json. */
@WithTrent(account = "111122223333", imports = "classpath:keys.json")
class EnvelopeTest {
    private static final byte[] ORDER = "order 1234: 2 x coffee".getBytes(StandardCharsets.UTF_8);

    @FromTrent
    KmsClient kms;

    @Test
    void sealsAndOpensWithTheImportedKey() {
        Envelope envelope = new Envelope(kms, "alias/orders");

        byte[] sealed = envelope.seal(ORDER);

        assertArrayEquals(ORDER, envelope.open(sealed));
    }

    @Test
    void aDisabledKeyCannotOpen() {
        String keyId = kms.createKey().keyMetadata().keyId(); // this test's own key: the others run meanwhile
        Envelope envelope = new Envelope(kms, keyId);
        byte[] sealed = envelope.seal(ORDER);

        kms.disableKey(r -> r.keyId(keyId));

        assertThrows(DisabledException.class, () -> envelope.open(sealed));
    }

    @Test
    void anotherAccountCannotOpen(@FromTrent(account = "444455556666") KmsClient other) {
        byte[] sealed = new Envelope(kms, "alias/orders").seal(ORDER);

        assertThrows(KmsException.class, () -> new Envelope(other, "alias/orders").open(sealed));
    }

    @Test
    void theEndpointIsALocalPort(URI endpoint) {
        assertEquals("http", endpoint.getScheme());
        assertTrue(endpoint.getPort() > 0);
    }
}
