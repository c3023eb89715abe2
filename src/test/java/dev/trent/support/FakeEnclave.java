package dev.trent.support;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A stand-in for an AWS Nitro enclave, made with BouncyCastle and the JDK only (none of Trent's
 * code): an RSA-2048 key pair of the enclave, and a Nitro-like PKI (a self-signed EC P-384 root, an
 * intermediate CA, and the leaf certificate that signs attestation documents with ES384). Makes
 * attestation documents as the Nitro Secure Module does (an untagged COSE_Sign1 over a CBOR map)
 * and opens CiphertextForRecipient with BouncyCastle's CMS and the enclave's private key.
 */
public final class FakeEnclave {
    /** COSE_Sign1 protected header {1: -35}: algorithm ES384. */
    private static final Map<Object, Object> ES384_HEADER = Map.of(1L, -35L);

    private final KeyPair enclaveKey;
    private final Pki pki;

    public FakeEnclave() {
        this.enclaveKey = generate("RSA", 2048);
        this.pki = new Pki();
    }

    /** The enclave's RSA public key, DER SubjectPublicKeyInfo. */
    public byte[] publicKey() {
        return enclaveKey.getPublic().getEncoded();
    }

    /** A valid attestation document carrying the enclave's public key. */
    public byte[] attestationDocument() {
        return document().sign();
    }

    /** A document to change before it is signed. */
    public Document document() {
        return new Document(pki);
    }

    /** The content of a CiphertextForRecipient, decrypted with the enclave's private key by BouncyCastle's CMS. */
    public byte[] open(byte[] ciphertextForRecipient) {
        try {
            return onlyRecipient(ciphertextForRecipient).getContent(new JceKeyTransEnvelopedRecipient(
                    enclaveKey.getPrivate()));
        } catch (Exception e) {
            throw new AssertionError("CiphertextForRecipient does not open with the enclave's key", e);
        }
    }

    /** The one KeyTransRecipientInfo of a CiphertextForRecipient. */
    public static KeyTransRecipientInformation onlyRecipient(byte[] ciphertextForRecipient) {
        try {
            Collection<RecipientInformation> recipients = new CMSEnvelopedData(ciphertextForRecipient)
                    .getRecipientInfos().getRecipients();
            if (recipients.size() != 1 || !(recipients.iterator().next() instanceof KeyTransRecipientInformation r)) {
                throw new AssertionError("expected one key transport recipient, got " + recipients);
            }
            return r;
        } catch (org.bouncycastle.cms.CMSException e) {
            throw new AssertionError("CiphertextForRecipient is not CMS EnvelopedData", e);
        }
    }

    /** An attestation document's payload and signing, each part open to change by tests. */
    public final class Document {
        public final Map<Object, Object> payload = new LinkedHashMap<>();
        public Map<Object, Object> protectedHeader = ES384_HEADER;
        public PrivateKey signingKey;
        /** Whether the COSE_Sign1 carries CBOR tag 18. */
        public boolean tagged;

        Document(Pki pki) {
            Map<Object, Object> pcrs = new LinkedHashMap<>();
            for (long i = 0; i < 5; i++) {
                pcrs.put(i, TestBytes.randomBytes(48));
            }
            pcrs.put(8L, new byte[48]);
            payload.put("module_id", "i-0123456789abcdef0-enc0123456789abcdef");
            payload.put("digest", "SHA384");
            payload.put("timestamp", Instant.now().toEpochMilli());
            payload.put("pcrs", pcrs);
            payload.put("certificate", encoded(pki.leaf));
            payload.put("cabundle", List.of(encoded(pki.root), encoded(pki.intermediate)));
            payload.put("public_key", publicKey());
            payload.put("user_data", null); // as the NSM writes the fields an enclave leaves out
            payload.put("nonce", null);
            signingKey = pki.leafKey.getPrivate();
        }

        /** The untagged (or tagged) COSE_Sign1: [protected, {}, payload, ES384 signature]. */
        public byte[] sign() {
            byte[] header = TestCbor.encode(protectedHeader);
            byte[] body = TestCbor.encode(payload);
            byte[] toBeSigned = TestCbor.encode(List.of("Signature1", header, new byte[0], body));
            try {
                Signature signer = Signature.getInstance("SHA384withECDSAinP1363Format");
                signer.initSign(signingKey);
                signer.update(toBeSigned);
                List<Object> cose = List.of(header, Map.of(), body, signer.sign());
                return TestCbor.encode(tagged ? new TestCbor.Tag(18, cose) : cose);
            } catch (GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        }
    }

    /**
     * A Nitro-like PKI: root, intermediate and leaf, each a P-384 key. A new one is unrelated to an
     * enclave's: its certificates chain among themselves but not to the enclave's.
     */
    public static final class Pki {
        final KeyPair rootKey = generateEc();
        final KeyPair intermediateKey = generateEc();
        final KeyPair leafKey = generateEc();
        final X509Certificate root;
        final X509Certificate intermediate;
        final X509Certificate leaf;

        public Pki() {
            X500Name rootName = new X500Name("CN=test.nitro-enclaves,C=US,O=Trent,OU=Tests");
            X500Name intermediateName = new X500Name("CN=intermediate.test.nitro-enclaves,C=US,O=Trent,OU=Tests");
            root = certificate(rootName, rootKey.getPublic(), rootName, rootKey.getPrivate(), true);
            intermediate = certificate(intermediateName, intermediateKey.getPublic(), rootName, rootKey.getPrivate(),
                    true);
            leaf = certificate(new X500Name("CN=i-0123456789abcdef0.test.nitro-enclaves,C=US,O=Trent,OU=Tests"),
                    leafKey.getPublic(), intermediateName, intermediateKey.getPrivate(), false);
        }

        public byte[] rootCertificate() {
            return encoded(root);
        }

        public byte[] leafCertificate() {
            return encoded(leaf);
        }

        public PrivateKey leafPrivateKey() {
            return leafKey.getPrivate();
        }
    }

    private static X509Certificate certificate(X500Name subject, PublicKey key, X500Name issuer, PrivateKey issuerKey,
            boolean ca) {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, new java.security.SecureRandom()).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject, key);
            builder.addExtension(Extension.basicConstraints, true, ca ? new BasicConstraints(0) : new BasicConstraints(
                    false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature));
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA384withECDSA").build(issuerKey)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    public static KeyPair generateEc() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp384r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** A CBOR (RFC 8949) writer for the test's documents, with definite lengths and shortest heads. */
    public static final class TestCbor {
        public record Tag(long tag, Object item) {
        }

        private TestCbor() {
        }

        public static byte[] encode(Object item) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out, item);
            return out.toByteArray();
        }

        private static void write(ByteArrayOutputStream out, Object item) {
            if (item == null) {
                out.write(0xf6);
            } else if (item instanceof Boolean b) {
                out.write(b ? 0xf5 : 0xf4);
            } else if (item instanceof Number n) {
                long v = n.longValue();
                head(out, v >= 0 ? 0 : 1, v >= 0 ? v : -1 - v);
            } else if (item instanceof byte[] bytes) {
                head(out, 2, bytes.length);
                out.writeBytes(bytes);
            } else if (item instanceof String text) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                head(out, 3, utf8.length);
                out.writeBytes(utf8);
            } else if (item instanceof List<?> list) {
                head(out, 4, list.size());
                list.forEach(element -> write(out, element));
            } else if (item instanceof Map<?, ?> map) {
                head(out, 5, map.size());
                map.forEach((k, v) -> {
                    write(out, k);
                    write(out, v);
                });
            } else if (item instanceof Tag tag) {
                head(out, 6, tag.tag());
                write(out, tag.item());
            } else {
                throw new IllegalArgumentException("no CBOR for " + item.getClass());
            }
        }

        private static void head(ByteArrayOutputStream out, int major, long value) {
            int type = major << 5;
            if (value < 24) {
                out.write(type | (int) value);
                return;
            }
            int length = value < 0x100 ? 1 : value < 0x10000 ? 2 : value < 0x100000000L ? 4 : 8;
            out.write(type | (length == 1 ? 24 : length == 2 ? 25 : length == 4 ? 26 : 27));
            for (int i = length - 1; i >= 0; i--) {
                out.write((int) (value >>> (8 * i)) & 0xff);
            }
        }
    }
}
