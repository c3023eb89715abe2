package dev.trent.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;
import javax.crypto.KeyAgreement;

/**
 * ECC_NIST_P256, P384, P521, all in the JDK: ECDSA signatures (DER-encoded, made over the message's
 * digest so RAW and DIGEST take one path) and ECDH, whose shared secret is the x-coordinate Z.
 */
final class NistEcEngine implements KeyEngine {
    private final String curve;

    /** @param curve the JDK's name of the curve, {@code secp256r1} ... */
    NistEcEngine(String curve) {
        this.curve = curve;
    }

    @Override
    public GeneratedKey generate() {
        return JdkKeys.generate("EC", new ECGenParameterSpec(curve));
    }

    @Override
    public byte[] sign(byte[] privateKey, SigningAlgorithm algorithm, MessageType type, byte[] message) {
        byte[] digest = type == MessageType.DIGEST ? message : algorithm.digest().hash(message);
        try {
            Signature signature = Signature.getInstance("NONEwithECDSA");
            signature.initSign(JdkKeys.privateKey("EC", privateKey));
            signature.update(digest);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA signing failed", e);
        }
    }

    @Override
    public boolean verify(byte[] publicKey, SigningAlgorithm algorithm, MessageType type, byte[] message,
            byte[] signature) {
        byte[] digest = type == MessageType.DIGEST ? message : algorithm.digest().hash(message);
        try {
            Signature verifier = Signature.getInstance("NONEwithECDSA");
            verifier.initVerify(JdkKeys.publicKey("EC", publicKey));
            verifier.update(digest);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public Optional<byte[]> agree(byte[] privateKey, byte[] peerPublicKey) {
        ECPrivateKey own = (ECPrivateKey) JdkKeys.privateKey("EC", privateKey);
        Optional<PublicKey> peer = JdkKeys.peerPublicKey("EC", peerPublicKey).filter(key -> key instanceof ECPublicKey ec
                && ec.getParams().getCurve().equals(own.getParams().getCurve()));
        if (peer.isEmpty()) {
            return Optional.empty();
        }
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(own);
            agreement.doPhase(peer.get(), true);
            return Optional.of(agreement.generateSecret());
        } catch (GeneralSecurityException e) { // a point not on the curve
            return Optional.empty();
        }
    }
}
