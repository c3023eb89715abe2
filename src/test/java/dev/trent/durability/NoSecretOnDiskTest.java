package dev.trent.durability;

import static dev.trent.support.TestBytes.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.store.StoreSettings;
import dev.trent.support.DurableTrent;
import dev.trent.support.ExternalMaterial;
import dev.trent.support.PostgresServer;
import dev.trent.support.SecretSearch;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.OriginType;

/**
 * Key material the test knows (imported with ImportKeyMaterial) is nowhere in the store in the
 * clear, in any encoding: neither in the data directory's files (database, WAL, SHM) nor in any
 * row of PostgreSQL. The same search over a plaintext store finds it, which shows the search
 * works.
 */
class NoSecretOnDiskTest {
    @RegisterExtension
    static final PostgresServer postgres = new PostgresServer();

    private static final char[] PASSWORD = "a password for the sealed store".toCharArray();

    @TempDir
    Path data;

    @Test
    void theEmbeddedStoreHoldsNoImportedSecretInTheClear() throws Exception {
        Map<String, byte[]> secrets = importSecretsAndClose(StoreSettings.embedded(data, PASSWORD));

        assertNoneFound(secrets, () -> SecretSearch.allFiles(data));
    }

    @Test
    void aPlaintextEmbeddedStoreHoldsThemWhereTheSearchFindsThem() throws Exception {
        Map<String, byte[]> secrets = importSecretsAndClose(StoreSettings.embedded(data, null).withPlaintext());

        assertAllFound(secrets, () -> SecretSearch.allFiles(data));
    }

    @Test
    void postgresHoldsNoImportedSecretInTheClear() throws Exception {
        String url = postgres.newDatabase();
        Map<String, byte[]> secrets = importSecretsAndClose(StoreSettings.postgres(url, PASSWORD));

        assertThat(PostgresServer.tables(url)).isNotEmpty();
        assertNoneFound(secrets, () -> PostgresServer.dump(url));
    }

    @Test
    void aPlaintextPostgresStoreHoldsThemWhereTheSearchFindsThem() throws Exception {
        String url = postgres.newDatabase();
        Map<String, byte[]> secrets = importSecretsAndClose(StoreSettings.postgres(url, null).withPlaintext());

        assertAllFound(secrets, () -> PostgresServer.dump(url));
    }

    /**
     * Imports known material into a symmetric key, an HMAC key and an RSA key (its private key as
     * PKCS#8), uses each key so that Trent has its material in hand, closes Trent and answers the
     * secrets to look for by name: for the RSA key, its PKCS#8 encoding and its private exponent
     * and primes, whatever encoding of the key the store might choose.
     */
    private static Map<String, byte[]> importSecretsAndClose(StoreSettings store) throws Exception {
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        try (DurableTrent trent = DurableTrent.start(store)) {
            KmsClient kms = trent.kms();
            byte[] aes = randomBytes(32);
            String symmetric = external(kms, "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT");
            ExternalMaterial.importMaterial(kms, symmetric, aes, null);
            kms.encrypt(b -> b.keyId(symmetric).plaintext(SdkBytes.fromUtf8String("use")));
            secrets.put("AES key material", aes);

            byte[] hmac = randomBytes(64);
            String mac = external(kms, "HMAC_512", "GENERATE_VERIFY_MAC");
            ExternalMaterial.importMaterial(kms, mac, hmac, null);
            kms.generateMac(b -> b.keyId(mac).macAlgorithm("HMAC_SHA_512").message(SdkBytes.fromUtf8String("use")));
            secrets.put("HMAC key material", hmac);

            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String rsa = external(kms, "RSA_2048", "SIGN_VERIFY");
            ExternalMaterial.importLong(kms, rsa, pair.getPrivate().getEncoded());
            kms.sign(b -> b.keyId(rsa).message(SdkBytes.fromUtf8String("use")).signingAlgorithm("RSASSA_PSS_SHA_256"));
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
            secrets.put("RSA private key (PKCS#8)", pair.getPrivate().getEncoded());
            secrets.put("RSA private exponent", unsigned(key.getPrivateExponent()));
            secrets.put("RSA prime p", unsigned(key.getPrimeP()));
            secrets.put("RSA prime q", unsigned(key.getPrimeQ()));
        }
        return secrets;
    }

    private static String external(KmsClient kms, String spec, String usage) {
        return kms.createKey(b -> b.origin(OriginType.EXTERNAL).keySpec(spec).keyUsage(usage)).keyMetadata().keyId();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static void assertNoneFound(Map<String, byte[]> secrets, Supplier<byte[]> store) {
        byte[] bytes = store.get();
        assertThat(bytes.length).as("the store holds something").isGreaterThan(1000);
        secrets.forEach((name, secret) ->
                assertThat(SecretSearch.find(bytes, secret)).as(name + " found in the store as").isEmpty());
    }

    private static void assertAllFound(Map<String, byte[]> secrets, Supplier<byte[]> store) {
        byte[] bytes = store.get();
        for (String name : new String[] {"AES key material", "HMAC key material", "RSA private exponent"}) {
            assertThat(SecretSearch.find(bytes, secrets.get(name))).as(name + " found in the plaintext store as")
                    .isNotEmpty();
        }
    }
}
