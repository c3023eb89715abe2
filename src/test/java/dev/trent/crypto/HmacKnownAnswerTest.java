package dev.trent.crypto;

import static dev.trent.crypto.Vectors.ascii;
import static dev.trent.crypto.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HmacEngine against RFC 4231 (https://www.rfc-editor.org/rfc/rfc4231), section 4, "Test Vectors":
 * Test Cases 1, 2 and 6, each for HMAC-SHA-224, -256, -384 and -512.
 */
class HmacKnownAnswerTest {
    private static final byte[] CASE_1_KEY = filled(20, 0x0b);
    private static final byte[] CASE_1_DATA = ascii("Hi There");
    private static final byte[] CASE_2_KEY = ascii("Jefe");
    private static final byte[] CASE_2_DATA = ascii("what do ya want for nothing?");
    /** Test Case 6: a 131-byte key, longer than the hash's block, which HMAC hashes first. */
    private static final byte[] CASE_6_KEY = filled(131, 0xaa);
    private static final byte[] CASE_6_DATA = ascii("Test Using Larger Than Block-Size Key - Hash Key First");

    static Stream<Arguments> rfc4231() {
        return Stream.of(
                Arguments.of("Test Case 1", MacAlgorithm.HMAC_SHA_224, CASE_1_KEY, CASE_1_DATA,
                        "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22"),
                Arguments.of("Test Case 1", MacAlgorithm.HMAC_SHA_256, CASE_1_KEY, CASE_1_DATA,
                        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
                Arguments.of("Test Case 1", MacAlgorithm.HMAC_SHA_384, CASE_1_KEY, CASE_1_DATA,
                        "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
                                + "faea9ea9076ede7f4af152e8b2fa9cb6"),
                Arguments.of("Test Case 1", MacAlgorithm.HMAC_SHA_512, CASE_1_KEY, CASE_1_DATA,
                        "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
                                + "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"),
                Arguments.of("Test Case 2", MacAlgorithm.HMAC_SHA_224, CASE_2_KEY, CASE_2_DATA,
                        "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44"),
                Arguments.of("Test Case 2", MacAlgorithm.HMAC_SHA_256, CASE_2_KEY, CASE_2_DATA,
                        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
                Arguments.of("Test Case 2", MacAlgorithm.HMAC_SHA_384, CASE_2_KEY, CASE_2_DATA,
                        "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
                                + "8e2240ca5e69e2c78b3239ecfab21649"),
                Arguments.of("Test Case 2", MacAlgorithm.HMAC_SHA_512, CASE_2_KEY, CASE_2_DATA,
                        "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                                + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"),
                Arguments.of("Test Case 6", MacAlgorithm.HMAC_SHA_224, CASE_6_KEY, CASE_6_DATA,
                        "95e9a0db962095adaebe9b2d6f0dbce2d499f112f2d2b7273fa6870e"),
                Arguments.of("Test Case 6", MacAlgorithm.HMAC_SHA_256, CASE_6_KEY, CASE_6_DATA,
                        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
                Arguments.of("Test Case 6", MacAlgorithm.HMAC_SHA_384, CASE_6_KEY, CASE_6_DATA,
                        "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c6"
                                + "0c2ef6ab4030fe8296248df163f44952"),
                Arguments.of("Test Case 6", MacAlgorithm.HMAC_SHA_512, CASE_6_KEY, CASE_6_DATA,
                        "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
                                + "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"));
    }

    @ParameterizedTest(name = "RFC 4231 {0}, {1}")
    @MethodSource("rfc4231")
    void macEqualsRfc4231(String testCase, MacAlgorithm algorithm, byte[] key, byte[] data, String expected) {
        HmacEngine engine = new HmacEngine(key.length);

        assertThat(hex(engine.mac(key, algorithm, data))).isEqualTo(expected);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
