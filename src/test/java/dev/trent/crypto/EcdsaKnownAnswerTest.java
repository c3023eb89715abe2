package dev.trent.crypto;

import static dev.trent.crypto.Vectors.ascii;
import static dev.trent.crypto.Vectors.derSignature;
import static dev.trent.crypto.Vectors.ecPkcs8;
import static dev.trent.crypto.Vectors.ecSpki;
import static dev.trent.crypto.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ECDSA verification against published signatures. The engines sign with random nonces, so the
 * published signatures are checked by verification.
 *
 * <ul>
 *   <li>NistEcEngine (P-256): RFC 6979 (https://www.rfc-editor.org/rfc/rfc6979), Appendix A.2.5
 *       "ECDSA, 256 Bits (Prime Field)", the key x = C9AFA9D8... and its signatures of "sample" and
 *       "test".
 *   <li>Secp256k1Engine: Project Wycheproof, C2SP/wycheproof testvectors_v1/ecdsa_secp256k1_sha256_test.json,
 *       tcId 1-10 (DER signatures, SHA-256).
 * </ul>
 */
class EcdsaKnownAnswerTest {
    // RFC 6979 A.2.5: private key x, public key U = xG.
    private static final String P256_X = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";
    private static final String P256_UX = "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6";
    private static final String P256_UY = "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299";

    private final NistEcEngine p256 = new NistEcEngine("secp256r1");
    private final byte[] p256PublicKey = ecSpki("secp256r1", P256_UX, P256_UY);

    static Stream<Arguments> rfc6979P256() {
        return Stream.of(
                Arguments.of(SigningAlgorithm.ECDSA_SHA_256, "sample",
                        "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
                        "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8"),
                Arguments.of(SigningAlgorithm.ECDSA_SHA_256, "test",
                        "F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367",
                        "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083"),
                Arguments.of(SigningAlgorithm.ECDSA_SHA_384, "sample",
                        "0EAFEA039B20E9B42309FB1D89E213057CBF973DC0CFC8F129EDDDC800EF7719",
                        "4861F0491E6998B9455193E34E7B0D284DDD7149A74B95B9261F13ABDE940954"),
                Arguments.of(SigningAlgorithm.ECDSA_SHA_512, "sample",
                        "8496A60B5E9B47C825488827E0495B0E3FA109EC4568FD3F8D1097678EB97F00",
                        "2362AB1ADBE2B8ADF9CB9EDAB740EA6049C028114F2460F96554F61FAE3302FE"));
    }

    @ParameterizedTest(name = "RFC 6979 A.2.5 {0} \"{1}\"")
    @MethodSource("rfc6979P256")
    void p256VerifiesRfc6979Signatures(SigningAlgorithm algorithm, String message, String r, String s) {
        byte[] signature = derSignature(r, s);

        assertThat(p256.verify(p256PublicKey, algorithm, MessageType.RAW, ascii(message), signature)).isTrue();
        assertThat(p256.verify(p256PublicKey, algorithm, MessageType.DIGEST, algorithm.digest().hash(ascii(message)),
                signature)).isTrue();
        assertThat(p256.verify(p256PublicKey, algorithm, MessageType.RAW, ascii(message + "!"), signature)).isFalse();
    }

    /** RFC 6979 A.2.5 gives SHA-256("sample") as h1 = AF2BDBE1...; as a DIGEST message it verifies the "sample" signature. */
    @Test
    void p256VerifiesTheRfc6979SampleSignatureOfTheGivenDigest() {
        assertThat(p256.verify(p256PublicKey, SigningAlgorithm.ECDSA_SHA_256, MessageType.DIGEST,
                hex("AF2BDBE1AA9B6EC1E2ADE1D694F41FC71A831D0268E9891562113D8A62ADD1BF"),
                derSignature("EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
                        "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8"))).isTrue();
    }

    /** The engine's own signature with RFC 6979's private key verifies under RFC 6979's public key. */
    @Test
    void p256SignsWithTheRfc6979KeySoThatItsPublicKeyVerifies() {
        byte[] signature = p256.sign(ecPkcs8("secp256r1", P256_X), SigningAlgorithm.ECDSA_SHA_256, MessageType.RAW,
                ascii("sample"));

        assertThat(p256.verify(p256PublicKey, SigningAlgorithm.ECDSA_SHA_256, MessageType.RAW, ascii("sample"),
                signature)).isTrue();
    }

    // Wycheproof ecdsa_secp256k1_sha256_test.json: the first two test groups' public keys (publicKeyDer).
    private static final String K1_KEY_1 = "3056301006072a8648ce3d020106052b8104000a03420004"
            + "782c8ed17e3b2a783b5464f33b09652a71c678e05ec51e84e2bcfc663a3de963"
            + "af9acb4280b8c7f7c42f4ef9aba6245ec1ec1712fd38a0fa96418d8cd6aa6152";
    private static final String K1_KEY_2 = "3056301006072a8648ce3d020106052b8104000a03420004"
            + "b838ff44e5bc177bf21189d0766082fc9d843226887fc9760371100b7ee20a6f"
            + "f0c9d75bfba7b31a6bca1974496eeb56de357071955d83c4b1badaa0b21832e9";

    static Stream<Arguments> wycheproofSecp256k1() {
        return Stream.of(
                Arguments.of(1, "pseudorandom signature", K1_KEY_1, "",
                        "3046022100f80ae4f96cdbc9d853f83d47aae225bf407d51c56b7776cd67d0dc195d99a9dc"
                                + "022100b303e26be1f73465315221f0b331528807a1a9b6eb068ede6eebeaaa49af8a36", true),
                Arguments.of(2, "pseudorandom signature", K1_KEY_1, "4d7367",
                        "30450220109cd8ae0374358984a8249c0a843628f2835ffad1df1a9a69aa2fe72355545c"
                                + "022100ac6f00daf53bd8b1e34da329359b6e08019c5b037fed79ee383ae39f85a159c6", true),
                Arguments.of(3, "pseudorandom signature", K1_KEY_1, "313233343030",
                        "3045022100d035ee1f17fdb0b2681b163e33c359932659990af77dca632012b30b27a057b3"
                                + "02201939d9f3b2858bc13e3474cb50e6a82be44faa71940f876c1cba4c3e989202b6", true),
                Arguments.of(4, "pseudorandom signature", K1_KEY_1, "0000000000000000000000000000000000000000",
                        "304402204f053f563ad34b74fd8c9934ce59e79c2eb8e6eca0fef5b323ca67d5ac7ed238"
                                + "02204d4b05daa0719e773d8617dce5631c5fd6f59c9bdc748e4b55c970040af01be5", true),
                Arguments.of(5, "signature malleability", K1_KEY_2, "313233343030",
                        "3046022100813ef79ccefa9a56f7ba805f0e478584fe5f0dd5f567bc09b5123ccbc9832365"
                                + "022100900e75ad233fcc908509dbff5922647db37c21f4afd3203ae8dc4ae7794b0f87", true),
                Arguments.of(6, "Legacy: ASN encoding of r misses leading 0", K1_KEY_2, "313233343030",
                        "30440220813ef79ccefa9a56f7ba805f0e478584fe5f0dd5f567bc09b5123ccbc9832365"
                                + "02206ff18a52dcc0336f7af62400a6dd9b810732baf1ff758000d6f613a556eb31ba", false),
                Arguments.of(7, "valid", K1_KEY_2, "313233343030",
                        "3045022100813ef79ccefa9a56f7ba805f0e478584fe5f0dd5f567bc09b5123ccbc9832365"
                                + "02206ff18a52dcc0336f7af62400a6dd9b810732baf1ff758000d6f613a556eb31ba", true),
                Arguments.of(8, "length of sequence [r, s] uses long form encoding", K1_KEY_2, "313233343030",
                        "308145022100813ef79ccefa9a56f7ba805f0e478584fe5f0dd5f567bc09b5123ccbc9832365"
                                + "02206ff18a52dcc0336f7af62400a6dd9b810732baf1ff758000d6f613a556eb31ba", false),
                Arguments.of(9, "length of sequence [r, s] contains a leading 0", K1_KEY_2, "313233343030",
                        "30820045022100813ef79ccefa9a56f7ba805f0e478584fe5f0dd5f567bc09b5123ccbc9832365"
                                + "02206ff18a52dcc0336f7af62400a6dd9b810732baf1ff758000d6f613a556eb31ba", false),
                Arguments.of(10, "length of sequence [r, s] uses 70 instead of 69", K1_KEY_2, "313233343030",
                        "3046022100813ef79ccefa9a56f7ba805f0e478584fe5f0dd5f567bc09b5123ccbc9832365"
                                + "02206ff18a52dcc0336f7af62400a6dd9b810732baf1ff758000d6f613a556eb31ba", false));
    }

    @ParameterizedTest(name = "Wycheproof secp256k1 tcId {0}: {1}")
    @MethodSource("wycheproofSecp256k1")
    void secp256k1VerifiesAsWycheproofSays(int tcId, String comment, String publicKey, String message,
            String signature, boolean valid) {
        Secp256k1Engine engine = new Secp256k1Engine();

        assertThat(engine.verify(hex(publicKey), SigningAlgorithm.ECDSA_SHA_256, MessageType.RAW, hex(message),
                hex(signature))).isEqualTo(valid);
    }
}
