package dev.trent.crypto;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.generators.MLDSAKeyPairGenerator;
import org.bouncycastle.crypto.params.MLDSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.MLDSASigner;

/**
 * ML_DSA_44, ML_DSA_65, ML_DSA_87 (FIPS 204), through BouncyCastle: pure ML-DSA with an empty
 * context over a RAW message, or the signature of a mu the caller computed (EXTERNAL_MU).
 */
final class MlDsaEngine implements KeyEngine {
    private final String parameterSet;

    /** @param parameterSet {@code ML-DSA-44}, {@code ML-DSA-65} or {@code ML-DSA-87} */
    MlDsaEngine(String parameterSet) {
        this.parameterSet = parameterSet;
    }

    private MLDSAParameters parameters() {
        return switch (parameterSet) {
            case "ML-DSA-44" -> MLDSAParameters.ml_dsa_44;
            case "ML-DSA-65" -> MLDSAParameters.ml_dsa_65;
            case "ML-DSA-87" -> MLDSAParameters.ml_dsa_87;
            default -> throw new IllegalStateException("no such ML-DSA parameter set: " + parameterSet);
        };
    }

    @Override
    public GeneratedKey generate() {
        MLDSAKeyPairGenerator generator = new MLDSAKeyPairGenerator();
        generator.init(new MLDSAKeyGenerationParameters(Randomness.SOURCE, parameters()));
        return BcKeys.generate(generator);
    }

    @Override
    public byte[] sign(byte[] privateKey, SigningAlgorithm algorithm, MessageType type, byte[] message) {
        MLDSASigner signer = new MLDSASigner();
        signer.init(true, new ParametersWithRandom(BcKeys.privateKey(privateKey, MLDSAPrivateKeyParameters.class),
                Randomness.SOURCE));
        try {
            if (type == MessageType.EXTERNAL_MU) {
                return signer.generateMuSignature(message);
            }
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("ML-DSA signing failed", e);
        }
    }

    @Override
    public boolean verify(byte[] publicKey, SigningAlgorithm algorithm, MessageType type, byte[] message,
            byte[] signature) {
        MLDSASigner verifier = new MLDSASigner();
        verifier.init(false, BcKeys.publicKey(publicKey, MLDSAPublicKeyParameters.class));
        try {
            if (type == MessageType.EXTERNAL_MU) {
                return verifier.verifyMuSignature(message, signature);
            }
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (RuntimeException e) { // a signature of the wrong length
            return false;
        }
    }
}
