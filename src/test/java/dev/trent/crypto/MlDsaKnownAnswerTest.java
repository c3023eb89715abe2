package dev.trent.crypto;

import static dev.trent.crypto.Vectors.ascii;
import static dev.trent.crypto.Vectors.concat;
import static dev.trent.crypto.Vectors.spki;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MlDsaEngine verification against Project Wycheproof's ML-DSA vectors (C2SP/wycheproof,
 * testvectors_v1/mldsa_{44,65,87}_verify_test.json; values and commits in ml-dsa-wycheproof.txt beside
 * this class). Their baseline is pure ML-DSA (FIPS 204 Algorithm 3) with an empty context, what Trent's
 * RAW message type verifies. The engine signs with fresh randomness (hedged ML-DSA), so only
 * verification can be checked against published signatures.
 */
class MlDsaKnownAnswerTest {
    private static final Map<String, byte[]> WYCHEPROOF = Vectors.load("ml-dsa-wycheproof.txt");
    /** Every baseline vector's msg: 48656c6c6f20776f726c64. */
    private static final byte[] HELLO_WORLD = ascii("Hello world");

    private static final byte[] ML_DSA_44_KEY = WYCHEPROOF.get("ML-DSA-44.publicKeyDer");
    private static final byte[] ML_DSA_44_SIGNATURE = WYCHEPROOF.get("ML-DSA-44.1.sig");

    static Stream<Arguments> baselines() {
        return Stream.of(
                Arguments.of("ML_DSA_44", WYCHEPROOF.get("ML-DSA-44.publicKeyDer"), WYCHEPROOF.get("ML-DSA-44.1.sig")),
                Arguments.of("ML_DSA_65", spki(new MLDSAPublicKeyParameters(MLDSAParameters.ml_dsa_65,
                        WYCHEPROOF.get("ML-DSA-65.publicKey"))), WYCHEPROOF.get("ML-DSA-65.1.sig")),
                Arguments.of("ML_DSA_87", WYCHEPROOF.get("ML-DSA-87.publicKeyDer"), WYCHEPROOF.get("ML-DSA-87.1.sig")));
    }

    /** tcId 1, "baseline": valid. */
    @ParameterizedTest(name = "Wycheproof {0} tcId 1 (baseline)")
    @MethodSource("baselines")
    void acceptsTheBaselineSignatureOfARawMessage(String keySpec, byte[] publicKey, byte[] signature) {
        KeyEngine engine = KeyEngines.forSpec(keySpec);

        assertThat(engine.verify(publicKey, SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.RAW, HELLO_WORLD,
                signature)).isTrue();
        assertThat(engine.verify(publicKey, SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.RAW, ascii("Hello world!"),
                signature)).isFalse();
    }

    /**
     * The same signatures through EXTERNAL_MU: mu = H(H(pk, 64) || M', 64), M' = 0x00 || 0x00 || M for pure
     * ML-DSA with an empty context (FIPS 204: M' as Algorithm 3, ML-DSA.Verify, builds it; tr and mu as
     * Algorithm 8, ML-DSA.Verify_internal, computes them; H = SHAKE256).
     */
    @ParameterizedTest(name = "Wycheproof {0} tcId 1 (baseline), as external mu")
    @MethodSource("baselines")
    void acceptsTheBaselineSignatureOfItsExternalMu(String keySpec, byte[] publicKey, byte[] signature) {
        KeyEngine engine = KeyEngines.forSpec(keySpec);
        byte[] rawPublicKey = BcKeys.publicKey(publicKey, MLDSAPublicKeyParameters.class).getEncoded();

        assertThat(engine.verify(publicKey, SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.EXTERNAL_MU,
                mu(rawPublicKey, HELLO_WORLD), signature)).isTrue();
        assertThat(engine.verify(publicKey, SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.EXTERNAL_MU,
                mu(rawPublicKey, ascii("Hello world!")), signature)).isFalse();
    }

    /**
     * mldsa_44_verify_test.json's invalid signatures of the baseline message, each the baseline
     * signature changed as the file gives it: tcId 6 "short signature" (its last byte removed), tcId 7
     * "long signature" (a 00 byte appended), tcId 8 "signature with a bit flip in c_tilde" (first byte
     * 1a -> 1b), tcId 9 "signature with a bit flip in z[0]" (byte 32 d0 -> d1). All invalid.
     */
    static Stream<Arguments> invalidMlDsa44() {
        byte[] bitFlipInCTilde = ML_DSA_44_SIGNATURE.clone();
        bitFlipInCTilde[0] ^= 0x01;
        byte[] bitFlipInZ0 = ML_DSA_44_SIGNATURE.clone();
        bitFlipInZ0[32] ^= 0x01;
        return Stream.of(
                Arguments.of(6, "short signature", Arrays.copyOf(ML_DSA_44_SIGNATURE, ML_DSA_44_SIGNATURE.length - 1)),
                Arguments.of(7, "long signature", concat(ML_DSA_44_SIGNATURE, new byte[] {0})),
                Arguments.of(8, "signature with a bit flip in c_tilde", bitFlipInCTilde),
                Arguments.of(9, "signature with a bit flip in z[0]", bitFlipInZ0));
    }

    @ParameterizedTest(name = "Wycheproof ML_DSA_44 tcId {0}: {1}")
    @MethodSource("invalidMlDsa44")
    void refusesWycheproofInvalidSignatures(int tcId, String comment, byte[] signature) {
        KeyEngine engine = KeyEngines.forSpec("ML_DSA_44");

        assertThat(engine.verify(ML_DSA_44_KEY, SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.RAW, HELLO_WORLD,
                signature)).isFalse();
    }

    /** Guards the derivations above: the bytes changed are those the file shows changed. */
    @Test
    void theDerivedInvalidSignaturesDifferFromTheBaselineAsPublished() {
        assertThat(ML_DSA_44_SIGNATURE).hasSize(2420);
        assertThat(ML_DSA_44_SIGNATURE[0]).isEqualTo((byte) 0x1a);
        assertThat(ML_DSA_44_SIGNATURE[32]).isEqualTo((byte) 0xd0);
        assertThat(ML_DSA_44_SIGNATURE[ML_DSA_44_SIGNATURE.length - 1]).isEqualTo((byte) 0x3e);
    }

    private static byte[] mu(byte[] rawPublicKey, byte[] message) {
        byte[] tr = shake256(rawPublicKey);
        return shake256(concat(tr, new byte[] {0, 0}, message));
    }

    private static byte[] shake256(byte[] input) {
        SHAKEDigest shake = new SHAKEDigest(256);
        shake.update(input, 0, input.length);
        byte[] out = new byte[64];
        shake.doFinal(out, 0, out.length);
        return out;
    }
}
