package dev.trent.crypto;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A signed attestation document of an AWS Nitro enclave (or NitroTPM): a COSE_Sign1 (RFC 9052),
 * tagged or not, signed with ES384, whose payload is the CBOR map AWS specifies (module_id,
 * digest, timestamp, pcrs, certificate, cabundle, and optionally public_key, user_data, nonce).
 *
 * <p>What {@link #parse} checks: the structure strictly, as AWS's attestation process describes it
 * (aws-nitro-enclaves-nsm-api docs/attestation_process.md, "Syntactical validation"); the COSE
 * signature against the public key of the document's own certificate; and that cabundle is a chain
 * (each certificate a CA that signed the next, the first one self-signed) ending in the issuer of
 * that certificate. What it cannot check: that the chain's root is AWS's Nitro root, since only
 * AWS's hardware holds the keys under it and tests must make their own documents. Nor are validity
 * periods or the timestamp compared with the clock, so that a document recorded from a real enclave
 * keeps working in tests after its hours-long certificates expire.
 */
public final class AttestationDocument {
    private static final long COSE_SIGN1_TAG = 18;
    private static final long COSE_HEADER_ALGORITHM = 1;
    private static final long COSE_ES384 = -35;
    private static final int ES384_SIGNATURE_LENGTH = 96;
    private static final Set<String> FIELDS = Set.of("module_id", "digest", "timestamp", "pcrs", "nitrotpm_pcrs",
            "certificate", "cabundle", "public_key", "user_data", "nonce");

    private final String moduleId;
    private final String digest;
    private final Instant timestamp;
    private final SortedMap<Integer, byte[]> pcrs;
    private final boolean nitroTpm;
    private final X509Certificate certificate;
    private final List<X509Certificate> cabundle;
    private final byte[] publicKey;
    private final byte[] userData;
    private final byte[] nonce;

    /** A document that is not a well-formed, correctly signed attestation document; says why. */
    public static final class InvalidException extends Exception {
        InvalidException(String reason) {
            super(reason, null, false, false);
        }
    }

    private AttestationDocument(Map<?, ?> payload) throws InvalidException {
        for (Object key : payload.keySet()) {
            if (!(key instanceof String name) || !FIELDS.contains(name)) {
                throw new InvalidException("unknown field " + key);
            }
        }
        this.moduleId = text(payload, "module_id");
        if (moduleId.isEmpty()) {
            throw new InvalidException("module_id is empty");
        }
        this.digest = text(payload, "digest");
        if (!digest.equals("SHA384")) {
            throw new InvalidException("digest is not SHA384");
        }
        Object millis = required(payload, "timestamp");
        if (!(millis instanceof Long ms) || ms <= 0) {
            throw new InvalidException("timestamp is not a positive integer");
        }
        this.timestamp = Instant.ofEpochMilli(ms);
        this.nitroTpm = payload.containsKey("nitrotpm_pcrs");
        this.pcrs = pcrs(payload);
        this.certificate = certificate(bytes(payload, "certificate", 1, 1024), "certificate");
        Object bundle = required(payload, "cabundle");
        if (!(bundle instanceof List<?> entries) || entries.isEmpty()) {
            throw new InvalidException("cabundle is not a non-empty array");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof byte[] der) || der.length < 1 || der.length > 1024) {
                throw new InvalidException("a cabundle entry is not a certificate of 1 to 1024 bytes");
            }
            chain.add(certificate(der, "cabundle entry"));
        }
        this.cabundle = List.copyOf(chain);
        this.publicKey = optionalBytes(payload, "public_key", 1, 1024);
        this.userData = optionalBytes(payload, "user_data", 0, 512);
        this.nonce = optionalBytes(payload, "nonce", 0, 512);
    }

    /**
     * Reads and checks a signed attestation document.
     *
     * @throws InvalidException if it is malformed, its signature does not verify with its
     *     certificate, or its certificates do not chain
     */
    public static AttestationDocument parse(byte[] signed) throws InvalidException {
        Object outer = decode(signed, "the document");
        if (outer instanceof Cbor.Tagged tagged) {
            if (tagged.tag() != COSE_SIGN1_TAG) {
                throw new InvalidException("not a COSE_Sign1 structure");
            }
            outer = tagged.item();
        }
        if (!(outer instanceof List<?> cose) || cose.size() != 4 || !(cose.get(0) instanceof byte[] protectedHeader)
                || !(cose.get(1) instanceof Map) || !(cose.get(2) instanceof byte[] payloadBytes)
                || !(cose.get(3) instanceof byte[] signature)) {
            throw new InvalidException("not a COSE_Sign1 structure");
        }
        if (!(decode(protectedHeader, "the protected header") instanceof Map<?, ?> header)
                || !Long.valueOf(COSE_ES384).equals(header.get(COSE_HEADER_ALGORITHM))) {
            throw new InvalidException("the COSE_Sign1 algorithm is not ES384");
        }
        if (!(decode(payloadBytes, "the payload") instanceof Map<?, ?> payload)) {
            throw new InvalidException("the payload is not a CBOR map");
        }
        AttestationDocument document = new AttestationDocument(payload);
        document.verifySignature(protectedHeader, payloadBytes, signature);
        document.verifyChain();
        return document;
    }

    public String moduleId() {
        return moduleId;
    }

    public String digest() {
        return digest;
    }

    public Instant timestamp() {
        return timestamp;
    }

    /** Index to value of the locked PCRs (or NitroTPM PCRs); copies, for key policy conditions. */
    public SortedMap<Integer, byte[]> pcrs() {
        SortedMap<Integer, byte[]> copy = new TreeMap<>();
        pcrs.forEach((index, value) -> copy.put(index, value.clone()));
        return Collections.unmodifiableSortedMap(copy);
    }

    /** Whether the PCRs are a NitroTPM's (nitrotpm_pcrs) rather than a Nitro enclave's (pcrs). */
    public boolean fromNitroTpm() {
        return nitroTpm;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public List<X509Certificate> cabundle() {
        return cabundle;
    }

    /** The DER key the document's enclave asks data to be encrypted to, if it names one. */
    public Optional<byte[]> publicKey() {
        return Optional.ofNullable(publicKey).map(byte[]::clone);
    }

    public Optional<byte[]> userData() {
        return Optional.ofNullable(userData).map(byte[]::clone);
    }

    public Optional<byte[]> nonce() {
        return Optional.ofNullable(nonce).map(byte[]::clone);
    }

    private void verifySignature(byte[] protectedHeader, byte[] payload, byte[] signature) throws InvalidException {
        if (signature.length != ES384_SIGNATURE_LENGTH) {
            throw new InvalidException("the COSE_Sign1 signature is not an ES384 signature");
        }
        PublicKey key = certificate.getPublicKey();
        if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 384) {
            throw new InvalidException("the certificate's key is not an EC P-384 key");
        }
        byte[] signed = new Cbor.Writer().array(4).text("Signature1").bytes(protectedHeader).bytes(new byte[0])
                .bytes(payload).toBytes();
        try {
            Signature verifier = Signature.getInstance("SHA384withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update(signed);
            if (!verifier.verify(signature)) {
                throw new InvalidException("the COSE_Sign1 signature does not verify with the document's certificate");
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidException("the COSE_Sign1 signature does not verify with the document's certificate");
        }
    }

    /** cabundle runs from the root to the certificate's issuer, as AWS orders it. */
    private void verifyChain() throws InvalidException {
        X509Certificate issuer = cabundle.get(0);
        verifyIssued(issuer, issuer, "the first cabundle certificate is not self-signed");
        for (X509Certificate next : cabundle.subList(1, cabundle.size())) {
            verifyIssued(next, issuer, "the cabundle certificates do not form a chain");
            issuer = next;
        }
        for (X509Certificate ca : cabundle) {
            if (ca.getBasicConstraints() < 0) {
                throw new InvalidException("a cabundle certificate is not a CA certificate");
            }
        }
        verifyIssued(certificate, issuer, "the certificate was not issued by the last cabundle certificate");
    }

    private static void verifyIssued(X509Certificate subject, X509Certificate issuer, String failure)
            throws InvalidException {
        if (!subject.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new InvalidException(failure);
        }
        try {
            subject.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidException(failure);
        }
    }

    private static Object decode(byte[] cbor, String what) throws InvalidException {
        try {
            return Cbor.decode(cbor);
        } catch (Cbor.MalformedException e) {
            throw new InvalidException(what + " is not valid CBOR: " + e.getMessage());
        }
    }

    private static SortedMap<Integer, byte[]> pcrs(Map<?, ?> payload) throws InvalidException {
        boolean enclave = payload.containsKey("pcrs");
        if (enclave == payload.containsKey("nitrotpm_pcrs")) {
            throw new InvalidException("the document must have exactly one of pcrs and nitrotpm_pcrs");
        }
        String field = enclave ? "pcrs" : "nitrotpm_pcrs";
        if (!(payload.get(field) instanceof Map<?, ?> map) || map.isEmpty() || map.size() > 32) {
            throw new InvalidException(field + " is not a map of 1 to 32 PCRs");
        }
        SortedMap<Integer, byte[]> pcrs = new TreeMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof Long index) || index < 0 || index >= 32) {
                throw new InvalidException("a PCR index is not an integer from 0 to 31");
            }
            if (!(entry.getValue() instanceof byte[] value)
                    || (value.length != 32 && value.length != 48 && value.length != 64)) {
                throw new InvalidException("PCR" + index + " is not 32, 48 or 64 bytes");
            }
            pcrs.put(index.intValue(), value);
        }
        return pcrs;
    }

    private static X509Certificate certificate(byte[] der, String what) throws InvalidException {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            if (!Arrays.equals(certificate.getEncoded(), der)) { // PEM, or bytes after the certificate
                throw new InvalidException(what + " is not a DER X.509 certificate");
            }
            return certificate;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidException(what + " is not a DER X.509 certificate");
        }
    }

    private static Object required(Map<?, ?> payload, String field) throws InvalidException {
        Object value = payload.get(field);
        if (value == null) {
            throw new InvalidException(field + " is missing");
        }
        return value;
    }

    private static String text(Map<?, ?> payload, String field) throws InvalidException {
        if (!(required(payload, field) instanceof String value)) {
            throw new InvalidException(field + " is not a text string");
        }
        return value;
    }

    private static byte[] bytes(Map<?, ?> payload, String field, int min, int max) throws InvalidException {
        if (!(required(payload, field) instanceof byte[] value) || value.length < min || value.length > max) {
            throw new InvalidException(field + " is not a byte string of " + min + " to " + max + " bytes");
        }
        return value;
    }

    /** The optional fields, which AWS's own NSM writes as null when the enclave leaves them out. */
    private static byte[] optionalBytes(Map<?, ?> payload, String field, int min, int max) throws InvalidException {
        return payload.get(field) == null ? null : bytes(payload, field, min, max);
    }
}
