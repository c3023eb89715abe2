package dev.trent.crypto;

import java.math.BigInteger;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/** ECC_SECG_P256K1: ECDSA on secp256k1, which the JDK dropped; DER-encoded signatures over SHA-256 digests. */
final class Secp256k1Engine implements KeyEngine {
    private static final ECNamedDomainParameters CURVE = BcCurves.domain("secp256k1");

    @Override
    public GeneratedKey generate() {
        return BcCurves.generate(CURVE);
    }

    @Override
    public byte[] sign(byte[] privateKey, SigningAlgorithm algorithm, MessageType type, byte[] message) {
        byte[] digest = type == MessageType.DIGEST ? message : algorithm.digest().hash(message);
        ECDSASigner signer = new ECDSASigner();
        signer.init(true, new ParametersWithRandom(BcKeys.privateKey(privateKey, ECPrivateKeyParameters.class),
                Randomness.SOURCE));
        BigInteger[] rs = signer.generateSignature(digest);
        try {
            return StandardDSAEncoding.INSTANCE.encode(CURVE.getN(), rs[0], rs[1]);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("an ECDSA signature does not encode", e);
        }
    }

    @Override
    public boolean verify(byte[] publicKey, SigningAlgorithm algorithm, MessageType type, byte[] message,
            byte[] signature) {
        byte[] digest = type == MessageType.DIGEST ? message : algorithm.digest().hash(message);
        BigInteger[] rs;
        try {
            rs = StandardDSAEncoding.INSTANCE.decode(CURVE.getN(), signature);
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, BcKeys.publicKey(publicKey, ECPublicKeyParameters.class));
        return verifier.verifySignature(digest, rs[0], rs[1]);
    }
}
