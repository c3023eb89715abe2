package dev.trent.kms;

import dev.trent.crypto.AttestationDocument;
import dev.trent.crypto.RecipientEnvelope;

/**
 * The Recipient of an attested request (AWS Nitro Enclaves, NitroTPM): the checked attestation
 * document and the enclave's public key that Decrypt, GenerateDataKey, GenerateDataKeyPair,
 * GenerateRandom and DeriveSharedSecret encrypt their secret to instead of returning it.
 *
 * <p>AWS has recorded no message for a bad Recipient; Trent answers ValidationException saying
 * what is wrong (see {@link AttestationDocument} for what is checked).
 */
public final class AttestedRecipient {
    private final AttestationDocument document;
    private final RecipientEnvelope envelope;

    private AttestedRecipient(AttestationDocument document, RecipientEnvelope envelope) {
        this.document = document;
        this.envelope = envelope;
    }

    /**
     * The request's KeyEncryptionAlgorithm needs no check here: the request validator admits only
     * RSAES_OAEP_SHA_256, AWS's one value, and a request that names none gets that one.
     *
     * @param attestationDocument the request's AttestationDocument, or null
     * @throws KmsException ValidationException for a missing, malformed or badly signed document,
     *     or one without an RSA public key
     */
    public static AttestedRecipient of(byte[] attestationDocument) {
        if (attestationDocument == null) {
            throw KmsException.validation("1 validation error detected: Value null at 'recipient.attestationDocument'"
                    + " failed to satisfy constraint: Member must not be null");
        }
        AttestationDocument document;
        try {
            document = AttestationDocument.parse(attestationDocument);
        } catch (AttestationDocument.InvalidException e) {
            throw invalid(e.getMessage());
        }
        byte[] publicKey = document.publicKey().orElseThrow(() -> invalid("it has no public_key"));
        RecipientEnvelope envelope = RecipientEnvelope.forPublicKey(publicKey).orElseThrow(
                () -> invalid("its public_key is not a DER SubjectPublicKeyInfo of an RSA key of 2048 to 4096 bits"));
        return new AttestedRecipient(document, envelope);
    }

    /** The attested document, whose PCRs and image digest key policy conditions look at. */
    public AttestationDocument document() {
        return document;
    }

    /** CiphertextForRecipient: {@code secret} enveloped to the enclave's public key. */
    public byte[] seal(byte[] secret) {
        return envelope.seal(secret);
    }

    private static KmsException invalid(String reason) {
        return KmsException.validation("The attestation document in the Recipient parameter is not valid: " + reason
                + ".");
    }
}
