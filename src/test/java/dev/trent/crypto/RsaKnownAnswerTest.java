package dev.trent.crypto;

import static dev.trent.crypto.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RsaEngine verification against Project Wycheproof (C2SP/wycheproof, testvectors_v1):
 * rsa_signature_2048_sha256_test.json (RSASSA-PKCS1-v1_5, SHA-256) and
 * rsa_pss_2048_sha256_mgf1_32_test.json (RSASSA-PSS, SHA-256, MGF1-SHA-256, 32-byte salt: AWS's
 * RSASSA_PSS_SHA_256). Both files use the same 2048-bit key (publicKeyDer below).
 */
class RsaKnownAnswerTest {
    private static final byte[] PUBLIC_KEY = hex("30820122300d06092a864886f70d01010105000382010f003082010a0282010100"
            + "a2b451a07d0aa5f96e455671513550514a8a5b462ebef717094fa1fee82224e637f9746d3f7cafd31878d80325b6ef5a"
            + "1700f65903b469429e89d6eac8845097b5ab393189db92512ed8a7711a1253facd20f79c15e8247f3d3e42e46e48c98e"
            + "254a2fe9765313a03eff8f17e1a029397a1fa26a8dce26f490ed81299615d9814c22da610428e09c7d9658594266f5c0"
            + "21d0fceca08d945a12be82de4d1ece6b4c03145b5d3495d4ed5411eb878daf05fd7afc3e09ada0f1126422f590975a19"
            + "69816f48698bcbba1b4d9cae79d460d8f9f85e7975005d9bc22c4e5ac0f7c1a45d12569a62807d3b9a02e5a530e77306"
            + "6f453d1f5b4c2e9cf7820283f742b9d50203010001");

    // rsa_signature_2048_sha256_test.json tcId 1 (msg empty) and tcId 3 (msg "Test"), both valid.
    private static final String PKCS1_EMPTY = "840f5dac53106dd1f9c57219224cf51289290c42f20466875ba8e830ac5690e5"
            + "41536fcc8ab03b731f82bf66d83f194e7e180b3963ec7a2f3f7904a7ce49aed47da4d4b79421eaf937d301b3e6961692"
            + "97b797c32c076a12be4de0b58e003c5123051a84a10c62f8dac2f42a8640008eb3c7cccd6760ff5b51b6897639225828"
            + "45f048fb8150e5a7a6ca2eccc7bdc85349ad5b26c52137a79fa3fe5c29ab5cd7615013219c1941b6708e9c3c23feff5f"
            + "ebaf0c8ebca5750b54e3e6e99a3e876b396f27860b7f3ec4e9191703c6332d944f6f69751167680c79c4f6b57f1cc875"
            + "5d24b6ec158ccdbacdb23107a33cb6b332516c13274d1f9dccc21dced869e486";
    private static final String PKCS1_TEST = "264491e844c119f14e425c03282139a558dcdaeb82a4628173cd407fd319f907"
            + "6eaebc0dd87a1c22e4d17839096886d58a9d5b7f7aeb63efec56c45ac7bead4203b6886e1faa90e028ec0ae094d46bf3"
            + "f97efdd19045cfbc25a1abda2432639f9876405c0d68f8edbf047c12a454f7681d5d5a2b54bd3723d193dbad4338baad"
            + "753264006e2d08931c4b8bb79aa1c9cad10eb6605f87c5831f6e2b08e002f9c6f21141f5841d92727dd3e1d99c36bc56"
            + "0da3c9067df99fcaf818941f72588be33032bad22caf6704223bb114d575b6d02d9d222b580005d930e8f40cce9f672e"
            + "ebb634a20177d84351627964b83f2053d736a84ab1a005f63bd5ba943de6205c";
    // rsa_signature_2048_sha256_test.json tcId 9, "length of digestInfo uses long form encoding" (BerEncodedPadding),
    // msg "123400", result invalid.
    private static final String PKCS1_BER_PADDING = "8a0e82d4f334aca72a718b6f8f643f69c6048d619d5eba71263a5d2d3ac7a7af"
            + "133b780c7595ca2c982c006e861948f543cd0210c758691f9626842c25de2843ea314ca8eff285d47e0cffa54180af41"
            + "6004017034962a80a5959c3d3f1bfc154a4824462a93c014f6dfe920824f414a6e30e0e5944d480b99949ec7bf64c4a7"
            + "461575933b17d7d6b0178b5192392ace3ed8469e8ac1dacae51ad5d3ad73dcb213e056d04596e64d8c0703def3110c7c"
            + "ecc93ba8ac8059f0f3d66b89d8712c62b41d407e4b4a104f4569558b0290c213cad6d0653898b9df8f4a453ab07d13bf"
            + "b7598d505abbd0c4987e4f1ac66e1a523e113e370ab7cf990f0cc63f50f4f0a4";

    // rsa_pss_2048_sha256_mgf1_32_test.json tcId 1 (msg empty) and tcId 3 (msg "Test"), both valid.
    private static final String PSS_EMPTY = "4f01e0c12b08625ecac89a69231906edf826380f37c959a96690d046316d68ff"
            + "ce9d5c471694fcebfc6b45534864689256e4fc81c78e583f675d0c94b449647451e81beff01a11a516d5e5ce3f1a9104"
            + "37cb8a3a5096b19fb15f4524a35b23d89cdba12cf5b71aac1047b28c562df7c5542c34ce23a182cf7e0e231934b17294"
            + "799d44877a1d68ef1b8f073619b7618e6b7c22db20030d98cf591ffc3d4da5f58613ecd5ecfc3b40a1d02f40891ca436"
            + "95cd4c088b05a8054c89c595a47e274816f35384226f74459ee63e25a1bfc03c360490552ec38343f8ace502f065303b"
            + "00bc0ec320711b211fde92e57feb9013c3609342495ec0d7cabdec21e54acc38";
    private static final String PSS_TEST = "401eb03cdb47ca88033e3030f6bdecbac8f5c8fc1dd6a13d23d379ed9a2b3098"
            + "91d13d74fea9d21d159b9e6d8f37efa2489962e24555f56dd434ff1d31ce4f9f5abd3f22cbea8b691d6a11e44efb83e2"
            + "bca155e6a164325e0fde2a8865afd5c9f51161a9d615f62af7ec2e31b3e5ab649c164490d31d88cfae35b84aea792569"
            + "0f929a144b6d2f48e8fb894a52deecd1b9a6496990c4ecf1588699a42cacd10c53af350514e4291ea9a058e77f101e32"
            + "c1c0cefa61d945f7bc931f8bd19e7ba3169358a60e5a8b0123bc3199b9fdcafe8e519c41ba675491a27b85e44ef2d772"
            + "77c10fe107293c8290186913bc9a99b640d8da041b64f31eab1d35920985f4a5";

    private final RsaEngine engine = new RsaEngine(2048);

    static Stream<Arguments> validSignatures() {
        return Stream.of(
                Arguments.of("PKCS#1 v1.5 tcId 1", SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256, "", PKCS1_EMPTY),
                Arguments.of("PKCS#1 v1.5 tcId 3", SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256, "54657374", PKCS1_TEST),
                Arguments.of("PSS tcId 1", SigningAlgorithm.RSASSA_PSS_SHA_256, "", PSS_EMPTY),
                Arguments.of("PSS tcId 3", SigningAlgorithm.RSASSA_PSS_SHA_256, "54657374", PSS_TEST));
    }

    @ParameterizedTest(name = "Wycheproof {0}")
    @MethodSource("validSignatures")
    void verifiesWycheproofValidSignatures(String test, SigningAlgorithm algorithm, String message,
            String signature) {
        assertThat(engine.verify(PUBLIC_KEY, algorithm, MessageType.RAW, hex(message), hex(signature))).isTrue();
        assertThat(engine.verify(PUBLIC_KEY, algorithm, MessageType.DIGEST, Digest.SHA_256.hash(hex(message)),
                hex(signature))).isTrue();
        assertThat(engine.verify(PUBLIC_KEY, algorithm, MessageType.RAW, hex(message + "00"), hex(signature)))
                .isFalse();
    }

    @Test
    void refusesWycheproofBerEncodedDigestInfo() {
        assertThat(engine.verify(PUBLIC_KEY, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256, MessageType.RAW,
                hex("313233343030"), hex(PKCS1_BER_PADDING))).isFalse();
    }

    /** A valid signature of one padding is not one of the other (Wycheproof's WrongPrimitive concern). */
    @Test
    void neitherPaddingAcceptsTheOthersSignature() {
        assertThat(engine.verify(PUBLIC_KEY, SigningAlgorithm.RSASSA_PSS_SHA_256, MessageType.RAW, hex(""),
                hex(PKCS1_EMPTY))).isFalse();
        assertThat(engine.verify(PUBLIC_KEY, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256, MessageType.RAW, hex(""),
                hex(PSS_EMPTY))).isFalse();
    }
}
