package dev.trent.api;

import static dev.trent.api.Shapes.blob;
import static dev.trent.api.Shapes.bytes;

import dev.trent.kms.AttestedRecipient;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.RecipientInfo;

/**
 * How Decrypt, GenerateDataKey, GenerateDataKeyPair, GenerateRandom and DeriveSharedSecret hand
 * out their secret (plaintext, data key, private key, random bytes, shared secret): in the clear,
 * or, when the request has a Recipient, only as CiphertextForRecipient, its plaintext field left
 * out, as AWS does.
 */
final class RecipientRelease {
    private static final RecipientRelease IN_THE_CLEAR = new RecipientRelease(null);

    private final AttestedRecipient recipient;

    private RecipientRelease(AttestedRecipient recipient) {
        this.recipient = recipient;
    }

    /** Checks the request's Recipient, if any; call before anything else so a bad one changes nothing. */
    static RecipientRelease of(RecipientInfo info) {
        return info == null ? IN_THE_CLEAR
                : new RecipientRelease(AttestedRecipient.of(bytes(info.attestationDocument())));
    }

    private boolean attested() {
        return recipient != null;
    }

    /** The response's plaintext field: the secret, or nothing for a Recipient. */
    SdkBytes plaintext(byte[] secret) {
        return attested() ? null : blob(secret);
    }

    /**
     * Decrypt's and GenerateDataKey's KeyMaterialId, which AWS omits when the request has a
     * Recipient (GenerateDataKeyPair's it keeps).
     */
    String keyMaterialId(String id) {
        return attested() ? null : id;
    }

    /** The response's CiphertextForRecipient: nothing, or the secret enveloped to the Recipient. */
    SdkBytes ciphertextForRecipient(byte[] secret) {
        return attested() ? blob(recipient.seal(secret)) : null;
    }
}
