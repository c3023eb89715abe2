package dev.trent.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of the parsers that read client-supplied binary blobs: the ciphertext
 * format (docs/ciphertext-format.md) that Decrypt and ReEncrypt read without a KeyId, and the
 * CBOR / COSE_Sign1 attestation document of a Recipient. Whatever the bytes, the parsers answer
 * "not one of ours" (empty, InvalidException), never throw anything else.
 */
class CiphertextFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void parseCiphertext(byte[] blob) {
        Optional<Ciphertext> parsed = Ciphertext.parse(blob);
        if (parsed.isEmpty()) {
            return;
        }
        Ciphertext c = parsed.get();
        assertThat(c.iv()).hasSize(Ciphertext.IV_BYTES);
        assertThat(c.sealed().length).isGreaterThanOrEqualTo(Ciphertext.TAG_BYTES);
        assertThat(c.materialId()).matches("[0-9a-f]{64}");
        byte[] header = Arrays.copyOf(blob, blob.length - c.iv().length - c.sealed().length);
        // An ARN that is not UTF-8 comes back changed, and the header it authenticates with differs:
        // such a blob then fails to decrypt, as it must. Any other blob is read back exactly.
        if (Arrays.equals(c.header(), header)) {
            assertThat(c.toBytes()).isEqualTo(blob);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void parseAttestationDocument(byte[] document) {
        try {
            AttestationDocument.parse(document);
        } catch (AttestationDocument.InvalidException expected) {
            assertThat(expected.getMessage()).isNotEmpty();
        }
    }
}
