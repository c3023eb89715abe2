package dev.trent.crypto;

import java.util.Optional;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/**
 * ML_KEM_512, ML_KEM_768, ML_KEM_1024 (FIPS 203), through BouncyCastle. Decapsulation of a
 * ciphertext of the right length always gives a 32-byte secret: ML-KEM's implicit rejection makes
 * a tampered ciphertext yield a different secret, not an error.
 */
final class MlKemEngine implements KeyEngine {
    private final String parameterSet;

    /** @param parameterSet {@code ML-KEM-512}, {@code ML-KEM-768} or {@code ML-KEM-1024} */
    MlKemEngine(String parameterSet) {
        this.parameterSet = parameterSet;
    }

    private MLKEMParameters parameters() {
        return switch (parameterSet) {
            case "ML-KEM-512" -> MLKEMParameters.ml_kem_512;
            case "ML-KEM-768" -> MLKEMParameters.ml_kem_768;
            case "ML-KEM-1024" -> MLKEMParameters.ml_kem_1024;
            default -> throw new IllegalStateException("no such ML-KEM parameter set: " + parameterSet);
        };
    }

    @Override
    public GeneratedKey generate() {
        MLKEMKeyPairGenerator generator = new MLKEMKeyPairGenerator();
        generator.init(new MLKEMKeyGenerationParameters(Randomness.SOURCE, parameters()));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        // AWS gives ML-KEM private keys in the seed form, the same length for every parameter set
        return BcKeys.encode(((MLKEMPrivateKeyParameters) pair.getPrivate())
                .withPreferredFormat(MLKEMPrivateKeyParameters.SEED_ONLY), pair.getPublic());
    }

    @Override
    public Encapsulation encapsulate(byte[] publicKey) {
        SecretWithEncapsulation result = new MLKEMGenerator(Randomness.SOURCE)
                .generateEncapsulated(BcKeys.publicKey(publicKey, MLKEMPublicKeyParameters.class));
        return new Encapsulation(result.getSecret(), result.getEncapsulation());
    }

    @Override
    public Optional<byte[]> decapsulate(byte[] privateKey, byte[] ciphertext) {
        MLKEMExtractor extractor = new MLKEMExtractor(BcKeys.privateKey(privateKey, MLKEMPrivateKeyParameters.class));
        if (ciphertext.length != extractor.getEncapsulationLength()) {
            return Optional.empty();
        }
        return Optional.of(extractor.extractSecret(ciphertext));
    }
}
