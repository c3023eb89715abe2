package dev.trent.bench;

import dev.trent.crypto.Ciphertext;
import dev.trent.crypto.GeneratedKey;
import dev.trent.crypto.KeyEngine;
import dev.trent.crypto.KeyEngines;
import dev.trent.crypto.MacAlgorithm;
import dev.trent.crypto.MessageType;
import dev.trent.crypto.Randomness;
import dev.trent.crypto.SigningAlgorithm;
import dev.trent.crypto.SymmetricCipher;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Each key family's engine on what a request asks of it: SYMMETRIC_DEFAULT encrypt and decrypt of 1 KB
 * in Trent's ciphertext format (with an encryption context), signing a 1 KB message with RSA_2048,
 * ECC_NIST_P256 and ML_DSA_65, verifying the ECC signature, and HMAC_256 over 1 KB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CryptoBench {
    private static final String MATERIAL_ID = "ab".repeat(32);
    private static final Map<String, String> CONTEXT = Map.of("purpose", "bench", "tenant", "t-1");

    private final SymmetricCipher cipher = new SymmetricCipher(new Randomness());
    private byte[] message;
    private byte[] aesSecret;
    private byte[] ciphertextBlob;
    private GeneratedKey rsa;
    private GeneratedKey ecc;
    private GeneratedKey mlDsa;
    private byte[] hmacKey;
    private byte[] eccSignature;
    private KeyEngine rsaEngine;
    private KeyEngine eccEngine;
    private KeyEngine mlDsaEngine;
    private KeyEngine hmacEngine;

    @Setup
    public void setup() {
        message = Fixtures.bytes(1024);
        aesSecret = KeyEngines.forSpec("SYMMETRIC_DEFAULT").generate().privateKey();
        ciphertextBlob = cipher.encrypt(Fixtures.KEY_ARN, MATERIAL_ID, aesSecret, message, CONTEXT);
        rsaEngine = KeyEngines.forSpec("RSA_2048");
        rsa = rsaEngine.generate();
        eccEngine = KeyEngines.forSpec("ECC_NIST_P256");
        ecc = eccEngine.generate();
        eccSignature = eccEngine.sign(ecc.privateKey(), SigningAlgorithm.ECDSA_SHA_256, MessageType.RAW, message);
        mlDsaEngine = KeyEngines.forSpec("ML_DSA_65");
        mlDsa = mlDsaEngine.generate();
        hmacEngine = KeyEngines.forSpec("HMAC_256");
        hmacKey = hmacEngine.generate().privateKey();
        if (!Arrays.equals(symmetricDecrypt1K(), message)
                || !eccEngine.verify(ecc.publicKey(), SigningAlgorithm.ECDSA_SHA_256, MessageType.RAW, message,
                        eccSignature)) {
            throw new IllegalStateException("the fixtures do not round-trip");
        }
    }

    @Benchmark
    public byte[] symmetricEncrypt1K() {
        return cipher.encrypt(Fixtures.KEY_ARN, MATERIAL_ID, aesSecret, message, CONTEXT);
    }

    @Benchmark
    public byte[] symmetricDecrypt1K() {
        Ciphertext parsed = Ciphertext.parse(ciphertextBlob).orElseThrow();
        return cipher.decrypt(parsed, aesSecret, CONTEXT).orElseThrow();
    }

    @Benchmark
    public byte[] rsa2048SignPss() {
        return rsaEngine.sign(rsa.privateKey(), SigningAlgorithm.RSASSA_PSS_SHA_256, MessageType.RAW, message);
    }

    @Benchmark
    public byte[] rsa2048SignPkcs1() {
        return rsaEngine.sign(rsa.privateKey(), SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256, MessageType.RAW, message);
    }

    @Benchmark
    public byte[] eccP256Sign() {
        return eccEngine.sign(ecc.privateKey(), SigningAlgorithm.ECDSA_SHA_256, MessageType.RAW, message);
    }

    @Benchmark
    public boolean eccP256Verify() {
        return eccEngine.verify(ecc.publicKey(), SigningAlgorithm.ECDSA_SHA_256, MessageType.RAW, message,
                eccSignature);
    }

    @Benchmark
    public byte[] mlDsa65Sign() {
        return mlDsaEngine.sign(mlDsa.privateKey(), SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.RAW, message);
    }

    @Benchmark
    public byte[] hmac256() {
        return hmacEngine.mac(hmacKey, MacAlgorithm.HMAC_SHA_256, message);
    }

    @Benchmark
    public byte[] symmetricKeyGenerate() {
        return KeyEngines.forSpec("SYMMETRIC_DEFAULT").generate().privateKey();
    }
}
