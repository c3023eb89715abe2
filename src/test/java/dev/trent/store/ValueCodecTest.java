package dev.trent.store;

import static dev.trent.store.StoreValues.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trent.crypto.Randomness;
import dev.trent.crypto.Sealing;
import dev.trent.kms.Alias;
import dev.trent.kms.CustomKeyStore;
import dev.trent.kms.Grant;
import dev.trent.kms.ImportToken;
import dev.trent.kms.KmsKey;
import dev.trent.kms.Scope;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ValueCodecTest {
    private final ValueCodec codec = new ValueCodec(
            Secrets.sealedBy(new Sealing(StoreValues.randomBytes(32), new Randomness())));

    @Test
    void everyFieldOfAKeyRoundTripsThroughTheSealing() {
        KmsKey key = StoreValues.fullKey(SCOPE, StoreValues.keyId());
        assertEveryComponentSet(key);

        byte[] body = codec.encode(key);

        assertThat(codec.decodeKey(body)).usingRecursiveComparison().isEqualTo(key);
        for (var material : key.materials()) {
            assertThat(containsInAnyEncoding(body, material.secret())).isFalse();
        }
    }

    @Test
    void aKeyWhoseImportedMaterialIsGoneRoundTrips() {
        KmsKey key = StoreValues.simpleKey(SCOPE, StoreValues.keyId());
        var material = key.materials().get(0);
        KmsKey withoutSecret = key.toBuilder().materials(java.util.List.of(new dev.trent.kms.KeyMaterial(
                material.id(), null, null, material.created(), null, null))).build();

        assertThat(codec.decodeKey(codec.encode(withoutSecret))).usingRecursiveComparison().isEqualTo(withoutSecret);
    }

    @Test
    void everyFieldOfAGrantAnAliasAndATokenRoundTrips() {
        Grant grant = StoreValues.fullGrant(SCOPE, StoreValues.keyId());
        Alias alias = StoreValues.alias(SCOPE, "alias/every-field", StoreValues.keyId());
        byte[] privateKey = StoreValues.randomBytes(1200);
        ImportToken token = StoreValues.importToken(SCOPE, StoreValues.keyId(), privateKey,
                StoreValues.T0.plusNanos(7));
        assertEveryComponentSet(grant);
        assertEveryComponentSet(token);

        assertThat(codec.decodeGrant(codec.encode(grant))).isEqualTo(grant);
        assertThat(codec.decodeAlias(codec.encode(alias))).isEqualTo(alias);
        byte[] tokenBody = codec.encode(token);
        assertThat(codec.decodeImportToken(tokenBody)).usingRecursiveComparison().isEqualTo(token);
        assertThat(containsInAnyEncoding(tokenBody, privateKey)).isFalse();
    }

    @Test
    void everyFieldOfACustomKeyStoreRoundTripsWithItsSecretsSealed() {
        CustomKeyStore keyStore = StoreValues.fullKeyStore(SCOPE, "cks-0123456789abcdef0", "kmsuser-password-42",
                "proxy-secret-access-key-0123456789abcdef");
        assertEveryComponentSet(keyStore);

        byte[] body = codec.encode(keyStore);

        assertThat(codec.decodeCustomKeyStore(body)).isEqualTo(keyStore);
        assertThat(containsInAnyEncoding(body, "kmsuser-password-42".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(containsInAnyEncoding(body, "proxy-secret-access-key-0123456789abcdef"
                .getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void materialMovedToAnotherKeyDoesNotOpen() {
        KmsKey key = StoreValues.simpleKey(SCOPE, StoreValues.keyId());
        String otherId = StoreValues.keyId();
        String moved = new String(codec.encode(key), StandardCharsets.UTF_8).replace(key.keyId(), otherId);

        assertThatThrownBy(() -> codec.decodeKey(moved.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("does not open")
                .hasMessageContaining(new Scope(SCOPE.account(), SCOPE.region()).keyArn(otherId));
    }

    @Test
    void plaintextKeepsSecretsAsTheyAre() {
        ValueCodec plain = new ValueCodec(Secrets.PLAINTEXT);
        KmsKey key = StoreValues.fullKey(SCOPE, StoreValues.keyId());

        byte[] body = plain.encode(key);

        assertThat(plain.decodeKey(body)).usingRecursiveComparison().isEqualTo(key);
        assertThat(new String(body, StandardCharsets.UTF_8))
                .contains(Base64.getEncoder().encodeToString(key.materials().get(0).secret()));
    }

    /** Fails when a component of the record, or of a record within it, is null: the test must set them all. */
    static void assertEveryComponentSet(Object value) {
        assertEveryComponentSet(value, value.getClass().getSimpleName());
    }

    private static void assertEveryComponentSet(Object value, String path) {
        assertThat(value).as(path).isNotNull();
        if (value instanceof Iterable<?> items) {
            items.forEach(item -> assertEveryComponentSet(item, path + "[]"));
        } else if (value instanceof java.util.Map<?, ?> map) {
            map.values().forEach(item -> assertEveryComponentSet(item, path + "{}"));
        } else if (value.getClass().isRecord()) {
            for (var component : value.getClass().getRecordComponents()) {
                try {
                    assertEveryComponentSet(component.getAccessor().invoke(value), path + "." + component.getName());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Whether the bytes hold the secret raw, in hex (either case) or in base64 (standard or URL). */
    static boolean containsInAnyEncoding(byte[] haystack, byte[] secret) {
        String latin = new String(haystack, StandardCharsets.ISO_8859_1);
        String hex = HexFormat.of().formatHex(secret);
        return latin.contains(new String(secret, StandardCharsets.ISO_8859_1))
                || latin.contains(hex) || latin.contains(hex.toUpperCase())
                || latin.contains(Base64.getEncoder().withoutPadding().encodeToString(secret))
                || latin.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }
}
