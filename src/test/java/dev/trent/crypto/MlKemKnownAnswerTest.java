package dev.trent.crypto;

import static dev.trent.crypto.Vectors.concat;
import static dev.trent.crypto.Vectors.hex;
import static dev.trent.crypto.Vectors.pkcs8;
import static dev.trent.crypto.Vectors.spki;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MlKemEngine against NIST ACVP vectors for FIPS 203 (usnistgov/ACVP-Server, gen-val/json-files/
 * ML-KEM-keyGen-FIPS203 and ML-KEM-encapDecap-FIPS203): the file ml-kem-acvp.txt beside this class
 * holds the values and the commits they were taken from.
 */
class MlKemKnownAnswerTest {
    private static final Map<String, byte[]> ACVP = Vectors.load("ml-kem-acvp.txt");

    /** keyGen: (d, z) gives ek. */
    static Stream<Arguments> keyGen() {
        return Stream.of(
                Arguments.of("ML_KEM_512", "ML-KEM-512.keyGen.1"),
                Arguments.of("ML_KEM_768", "ML-KEM-768.keyGen.26"),
                Arguments.of("ML_KEM_1024", "ML-KEM-1024.keyGen.51"));
    }

    /**
     * A private key built from the vector's seed d || z (FIPS 203 section 7.1: ML-KEM.KeyGen_internal(d, z)),
     * in the seed-only PKCS#8 form Trent stores, has the vector's encapsulation key ek: its own public
     * key is ek, and what the engine encapsulates to ek it decapsulates with that private key.
     */
    @ParameterizedTest(name = "ACVP {1}")
    @MethodSource("keyGen")
    void aKeyFromTheVectorSeedHasTheVectorEncapsulationKey(String keySpec, String test) {
        MLKEMParameters parameters = parameters(keySpec);
        byte[] ek = ACVP.get(test + ".ek");
        MLKEMPrivateKeyParameters privateKey = new MLKEMPrivateKeyParameters(parameters,
                concat(ACVP.get(test + ".d"), ACVP.get(test + ".z")))
                        .withPreferredFormat(MLKEMPrivateKeyParameters.SEED_ONLY);
        KeyEngine engine = KeyEngines.forSpec(keySpec);

        assertThat(hex(privateKey.getPublicKey())).isEqualTo(hex(ek));
        Encapsulation encapsulation = engine.encapsulate(spki(new MLKEMPublicKeyParameters(parameters, ek)));
        Optional<byte[]> secret = engine.decapsulate(pkcs8(privateKey), encapsulation.ciphertext());
        assertThat(secret.map(Vectors::hex)).contains(hex(encapsulation.sharedSecret()));
    }

    /** Decapsulation: (dk, c) gives K, dk being the expanded decapsulation key of FIPS 203 (dk_PKE || ek || H(ek) || z). */
    static Stream<Arguments> decapsulation() {
        return Stream.of(
                Arguments.of("ML_KEM_512", "ML-KEM-512.decap.4.dk", "ML-KEM-512.decap.77", "no modification"),
                Arguments.of("ML_KEM_512", "ML-KEM-512.decap.4.dk", "ML-KEM-512.decap.76",
                        "modify ciphertext: implicit rejection, K = J(z || c)"),
                Arguments.of("ML_KEM_768", "ML-KEM-768.encap.50.dk", "ML-KEM-768.encap.50", "no modification"),
                Arguments.of("ML_KEM_1024", "ML-KEM-1024.encap.75.dk", "ML-KEM-1024.encap.75", "no modification"));
    }

    @ParameterizedTest(name = "ACVP {2}: {3}")
    @MethodSource("decapsulation")
    void decapsulatesThePublishedCiphertextToThePublishedSecret(String keySpec, String dk, String test,
            String reason) {
        byte[] privateKey = pkcs8(new MLKEMPrivateKeyParameters(parameters(keySpec), ACVP.get(dk)));

        Optional<byte[]> secret = KeyEngines.forSpec(keySpec).decapsulate(privateKey, ACVP.get(test + ".c"));

        assertThat(secret.map(Vectors::hex)).contains(hex(ACVP.get(test + ".k")));
    }

    private static MLKEMParameters parameters(String keySpec) {
        return switch (keySpec) {
            case "ML_KEM_512" -> MLKEMParameters.ml_kem_512;
            case "ML_KEM_768" -> MLKEMParameters.ml_kem_768;
            case "ML_KEM_1024" -> MLKEMParameters.ml_kem_1024;
            default -> throw new IllegalArgumentException(keySpec);
        };
    }
}
