package dev.trent.store;

import dev.trent.kms.Alias;
import dev.trent.kms.ConnectionState;
import dev.trent.kms.CustomKeyStore;
import dev.trent.kms.CustomKeyStoreType;
import dev.trent.kms.Grant;
import dev.trent.kms.GrantConstraints;
import dev.trent.kms.GrantOperation;
import dev.trent.kms.ImportToken;
import dev.trent.kms.ImportedMaterial;
import dev.trent.kms.KeyLastUsage;
import dev.trent.kms.KeyManager;
import dev.trent.kms.KeyMaterial;
import dev.trent.kms.KeyRotation;
import dev.trent.kms.KeySpec;
import dev.trent.kms.KeyState;
import dev.trent.kms.KeyStoreBinding;
import dev.trent.kms.KeyUsage;
import dev.trent.kms.KmsKey;
import dev.trent.kms.MaterialRotation;
import dev.trent.kms.MultiRegion;
import dev.trent.kms.MultiRegionKeyType;
import dev.trent.kms.Origin;
import dev.trent.kms.RotationType;
import dev.trent.kms.Scope;
import dev.trent.kms.Tag;
import dev.trent.kms.WrappingAlgorithm;
import dev.trent.kms.XksProxy;
import dev.trent.kms.XksProxyConnectivity;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Stored values with every field set (nanosecond dates included), for the store tests. */
final class StoreValues {
    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456789Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private StoreValues() {
    }

    static byte[] randomBytes(int count) {
        byte[] out = new byte[count];
        RANDOM.nextBytes(out);
        return out;
    }

    static String hex64() {
        return HexFormat.of().formatHex(randomBytes(32));
    }

    static String keyId() {
        return UUID.randomUUID().toString();
    }

    static KeyMaterial material(byte[] secret, Instant created) {
        return new KeyMaterial(hex64(), secret, randomBytes(91), created,
                new MaterialRotation(RotationType.ON_DEMAND, created.plusSeconds(1)),
                new ImportedMaterial("imported for the test", created.plusSeconds(86_400)));
    }

    /** A key with every field set: two materials, tags, rotation, multi-Region, custom key store. */
    static KmsKey fullKey(Scope scope, String keyId) {
        KeyMaterial first = material(randomBytes(32), T0);
        KeyMaterial second = material(randomBytes(32), T0.plusSeconds(60));
        return new KmsKey(scope, keyId, T0, "a key with everything", KeyState.PENDING_DELETION,
                KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Origin.EXTERNAL, KeyManager.AWS,
                T0.plusSeconds(7 * 86_400), 7, "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
                List.of(new Tag("team", "storage"), new Tag("env", "")), List.of(first, second), second.id(),
                new KeyRotation(true, 90, T0.plusSeconds(90 * 86_400), T0.plusMillis(5)),
                new MultiRegion(MultiRegionKeyType.PRIMARY, scope.region(), List.of("us-west-2", "ap-south-1")),
                new KeyStoreBinding("cks-1234567890abcdef0", "cluster-1a23b4cdefg", "xks-key-1"));
    }

    /** A plain enabled key: nothing due, one generated material. */
    static KmsKey simpleKey(Scope scope, String keyId) {
        return new KmsKey(scope, keyId, T0, "", KeyState.ENABLED, KeySpec.SYMMETRIC_DEFAULT,
                KeyUsage.ENCRYPT_DECRYPT, Origin.AWS_KMS, KeyManager.CUSTOMER, null, null, "{}", List.of(),
                List.of(KeyMaterial.generated(hex64(), randomBytes(32), null, T0)), null, KeyRotation.OFF, null, null);
    }

    static Grant fullGrant(Scope scope, String keyId) {
        return new Grant(scope, keyId, hex64(), "grant-name", T0, "arn:aws:iam::111122223333:role/grantee",
                "grantee.amazonaws.com", "arn:aws:iam::111122223333:role/retiree", "retiree.amazonaws.com",
                scope.rootPrincipal(), List.of(GrantOperation.Encrypt, GrantOperation.Decrypt),
                new GrantConstraints(Map.of("a", "1"), Map.of("b", "2", "c", "3"), "arn:aws:s3:::bucket"));
    }

    static Grant grant(Scope scope, String keyId, String retiringPrincipal, String retiringServicePrincipal) {
        return new Grant(scope, keyId, hex64(), null, T0, "arn:aws:iam::111122223333:role/grantee", null,
                retiringPrincipal, retiringServicePrincipal, scope.rootPrincipal(), List.of(GrantOperation.Encrypt),
                GrantConstraints.NONE);
    }

    static Alias alias(Scope scope, String name, String keyId) {
        return new Alias(scope, name, keyId, T0, T0.plusNanos(1));
    }

    static CustomKeyStore fullKeyStore(Scope scope, String id, String password, String proxySecret) {
        return new CustomKeyStore(scope, id, "store-" + id, CustomKeyStoreType.EXTERNAL_KEY_STORE, T0,
                ConnectionState.CONNECTING, "NETWORK_ERRORS", T0.plusSeconds(3), "XKS_PROXY_TIMED_OUT",
                "cluster-1a23b4cdefg", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", password,
                new XksProxy(XksProxyConnectivity.VPC_ENDPOINT_SERVICE, "https://xks.example.com", "/kms/xks/v1",
                        "com.amazonaws.vpce.eu-west-1.vpce-svc-1", "111122223333", "ACCESSKEYIDEXAMPLE1",
                        proxySecret));
    }

    static ImportToken importToken(Scope scope, String keyId, byte[] privateKey, Instant validTo) {
        return new ImportToken(hex64(), scope, keyId, WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256, privateKey,
                validTo);
    }

    static KeyLastUsage lastUsage(Instant when) {
        return new KeyLastUsage("Encrypt", when, UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }
}
