package dev.trent.crypto;

import static dev.trent.crypto.Vectors.ascii;
import static dev.trent.crypto.Vectors.derSignature;
import static dev.trent.crypto.Vectors.ecPkcs8;
import static dev.trent.crypto.Vectors.ecSpki;
import static dev.trent.crypto.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Sm2Engine against the signature example of GM/T 0003.5-2012 (GB/T 32918.5-2017), "SM2 elliptic
 * curve public key cryptography, Part 5: Parameter definition", Annex A: on the recommended curve
 * sm2p256v1 with the default ID "1234567812345678" (ENTL 0x0080), the message "message digest".
 * Quoted with the same values by several public implementations, e.g. chenpengcong/sm2-with-openssl
 * sm2_sign_verify.c and the gmalg Python package's tests. SM2 signatures are randomised, so the
 * published (r, s) is checked by verification, and the engine's own signature with the vector's
 * private key by verification under the vector's public key.
 */
class Sm2KnownAnswerTest {
    private static final String CURVE = "sm2p256v1";
    private static final String D = "3945208F 7B2144B1 3F36E38A C6D39F95 88939369 2860B51A 42FB81EF 4DF7C5B8";
    private static final String X = "09F9DF31 1E5421A1 50DD7D16 1E4BC5C6 72179FAD 1833FC07 6BB08FF3 56F35020";
    private static final String Y = "CCEA490C E26775A5 2DC6EA71 8CC1AA60 0AED05FB F35E084A 6632F607 2DA9AD13";
    private static final byte[] MESSAGE = ascii("message digest");
    /** e = SM3(Z_A || M), the annex's hash value H. */
    private static final String E = "F0B43E94 BA45ACCA ACE692ED 534382EB 17E6AB5A 19CE7B31 F4486FDF C0D28640";
    private static final String R = "F5A03B06 48D2C463 0EEAC513 E1BB81A1 5944DA38 27D5B741 43AC7EAC EEE720B3";
    private static final String S = "B1B6AA29 DF212FD8 763182BC 0D421CA1 BB9038FD 1F7F42D4 840B69C4 85BBC1AA";

    private final Sm2Engine engine = new Sm2Engine();
    private final byte[] publicKey = ecSpki(CURVE, X, Y);
    private final byte[] signature = derSignature(R, S);

    @Test
    void verifiesThePublishedSignatureOfTheRawMessage() {
        assertThat(engine.verify(publicKey, SigningAlgorithm.SM2DSA, MessageType.RAW, MESSAGE, signature)).isTrue();
    }

    @Test
    void verifiesThePublishedSignatureOfTheDigestE() {
        assertThat(engine.verify(publicKey, SigningAlgorithm.SM2DSA, MessageType.DIGEST, hex(E), signature)).isTrue();
    }

    @Test
    void refusesThePublishedSignatureOnAnotherMessageOrWithAnotherS() {
        assertThat(engine.verify(publicKey, SigningAlgorithm.SM2DSA, MessageType.RAW, ascii("message digesT"),
                signature)).isFalse();
        String otherS = "B1B6AA29 DF212FD8 763182BC 0D421CA1 BB9038FD 1F7F42D4 840B69C4 85BBC1AB";
        assertThat(engine.verify(publicKey, SigningAlgorithm.SM2DSA, MessageType.RAW, MESSAGE,
                derSignature(R, otherS))).isFalse();
    }

    /** Signing computes Z_A from d·G: with the annex's d, its signatures verify under the annex's public key. */
    @Test
    void signsWithTheVectorKeySoThatTheVectorPublicKeyVerifies() {
        byte[] privateKey = ecPkcs8(CURVE, D);

        byte[] ofRaw = engine.sign(privateKey, SigningAlgorithm.SM2DSA, MessageType.RAW, MESSAGE);
        byte[] ofDigest = engine.sign(privateKey, SigningAlgorithm.SM2DSA, MessageType.DIGEST, hex(E));

        assertThat(engine.verify(publicKey, SigningAlgorithm.SM2DSA, MessageType.RAW, MESSAGE, ofRaw)).isTrue();
        assertThat(engine.verify(publicKey, SigningAlgorithm.SM2DSA, MessageType.RAW, MESSAGE, ofDigest)).isTrue();
    }
}
