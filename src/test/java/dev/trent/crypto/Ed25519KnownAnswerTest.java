package dev.trent.crypto;

import static dev.trent.crypto.Vectors.concat;
import static dev.trent.crypto.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ed25519Engine against RFC 8032 (https://www.rfc-editor.org/rfc/rfc8032), section 7.1 "Test Vectors
 * for Ed25519" (TEST 1, 2, 3) and section 7.3 "Test Vectors for Ed25519ph" (TEST abc). Ed25519 is
 * deterministic, so the engine's signature must equal the RFC's byte for byte.
 */
class Ed25519KnownAnswerTest {
    /** RFC 8410 section 7: PKCS#8 of an Ed25519 key is this prefix, then the 32-byte secret (the RFC 8032 seed). */
    private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");
    /** RFC 8410 section 4: the SubjectPublicKeyInfo of an Ed25519 key is this prefix, then the 32-byte key. */
    private static final byte[] SPKI_PREFIX = hex("302a300506032b6570032100");

    private final Ed25519Engine engine = new Ed25519Engine();

    /** RFC 8032 section 7.1: SECRET KEY, PUBLIC KEY, MESSAGE, SIGNATURE. */
    static Stream<Arguments> rfc8032Section71() {
        return Stream.of(
                Arguments.of("TEST 1",
                        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                        "",
                        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
                Arguments.of("TEST 2",
                        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
                        "72",
                        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
                Arguments.of("TEST 3",
                        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
                        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
                        "af82",
                        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                                + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"));
    }

    @ParameterizedTest(name = "RFC 8032 7.1 {0}")
    @MethodSource("rfc8032Section71")
    void pureEd25519SignsExactlyAsRfc8032(String test, String secretKey, String publicKey, String message,
            String signature) {
        byte[] actual = engine.sign(pkcs8(secretKey), SigningAlgorithm.ED25519_SHA_512, MessageType.RAW,
                hex(message));

        assertThat(hex(actual)).isEqualTo(signature);
        assertThat(engine.verify(spki(publicKey), SigningAlgorithm.ED25519_SHA_512, MessageType.RAW, hex(message),
                hex(signature))).isTrue();
    }

    @ParameterizedTest(name = "RFC 8032 7.1 {0}")
    @MethodSource("rfc8032Section71")
    void pureEd25519RefusesTheRfcSignatureOnAnotherMessage(String test, String secretKey, String publicKey,
            String message, String signature) {
        byte[] otherMessage = concat(hex(message), new byte[] {0});

        assertThat(engine.verify(spki(publicKey), SigningAlgorithm.ED25519_SHA_512, MessageType.RAW, otherMessage,
                hex(signature))).isFalse();
    }

    // RFC 8032 section 7.3, "-----TEST abc": ALGORITHM Ed25519ph, CONTEXT empty, MESSAGE 616263 ("abc").
    private static final String PH_SECRET_KEY = "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42";
    private static final String PH_PUBLIC_KEY = "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf";
    private static final String PH_MESSAGE = "616263";
    private static final String PH_SIGNATURE = "98a70222f0b8121aa9d30f813d683f809e462b469c7ff87639499bb94e6dae41"
            + "31f85042463c2a355a2003d062adf5aaa10b8c61e636062aaad11c2a26083406";

    /**
     * Trent's ED25519_PH_SHA_512 takes a DIGEST and signs it as Ed25519ph's message M (hashing it with
     * SHA-512 as Ed25519ph does), so with the RFC's message as that input its signature is the RFC's.
     * The RFC's message is 3 bytes, not the 64 bytes of a SHA-512 digest; the engine does not check the
     * length (the domain layer does), so it is called directly with the vector's message.
     */
    @Test
    void ed25519phSignsExactlyAsRfc8032Section73() {
        byte[] actual = engine.sign(pkcs8(PH_SECRET_KEY), SigningAlgorithm.ED25519_PH_SHA_512, MessageType.DIGEST,
                hex(PH_MESSAGE));

        assertThat(hex(actual)).isEqualTo(PH_SIGNATURE);
    }

    @Test
    void ed25519phVerifiesTheRfc8032Section73Signature() {
        assertThat(engine.verify(spki(PH_PUBLIC_KEY), SigningAlgorithm.ED25519_PH_SHA_512, MessageType.DIGEST,
                hex(PH_MESSAGE), hex(PH_SIGNATURE))).isTrue();
        assertThat(engine.verify(spki(PH_PUBLIC_KEY), SigningAlgorithm.ED25519_PH_SHA_512, MessageType.DIGEST,
                hex("616264"), hex(PH_SIGNATURE))).isFalse();
    }

    /** Ed25519ph and pure Ed25519 signatures are domain-separated (RFC 8032 section 5.1: dom2). */
    @Test
    void neitherVariantAcceptsTheOthersSignature() {
        assertThat(engine.verify(spki(PH_PUBLIC_KEY), SigningAlgorithm.ED25519_SHA_512, MessageType.RAW,
                hex(PH_MESSAGE), hex(PH_SIGNATURE))).isFalse();
        assertThat(engine.verify(spki("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"),
                SigningAlgorithm.ED25519_PH_SHA_512, MessageType.DIGEST, hex("72"),
                hex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                        + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"))).isFalse();
    }

    private static byte[] pkcs8(String secretKey) {
        return concat(PKCS8_PREFIX, hex(secretKey));
    }

    private static byte[] spki(String publicKey) {
        return concat(SPKI_PREFIX, hex(publicKey));
    }
}
