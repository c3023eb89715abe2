package dev.trent.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.BEROctetString;
import org.bouncycastle.asn1.BERSequence;
import org.bouncycastle.asn1.BERTaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * CiphertextForRecipient: content in a CMS (RFC 5652) EnvelopedData addressed to an attested RSA
 * public key, laid out as AWS KMS lays it out (as recorded from real KMS responses, and as the
 * AWS Nitro Enclaves SDK's parser requires): BER with indefinite lengths, a ContentInfo of type
 * envelopedData, version 2, one KeyTransRecipientInfo (version 2) naming the key by a 32-byte
 * subjectKeyIdentifier, the content key wrapped with RSAES-OAEP (SHA-256, MGF1 with SHA-256), and
 * the content encrypted with AES-256-CBC (PKCS#7 padding) under a fresh key and IV.
 *
 * <p>Written with BouncyCastle's generic ASN.1 classes (in bcprov) and the JDK's ciphers, so the
 * server needs no CMS library; tests open it with BouncyCastle's CMS (bcpkix).
 */
public final class RecipientEnvelope {
    private static final int MIN_RSA_BITS = 2048;
    private static final int MAX_RSA_BITS = 4096;
    private static final ASN1ObjectIdentifier ENVELOPED_DATA = PKCSObjectIdentifiers.envelopedData;
    private static final ASN1ObjectIdentifier DATA = PKCSObjectIdentifiers.data;
    private static final AlgorithmIdentifier SHA256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256,
            DERNull.INSTANCE);
    private static final AlgorithmIdentifier RSAES_OAEP_SHA_256 = new AlgorithmIdentifier(
            PKCSObjectIdentifiers.id_RSAES_OAEP, new RSAESOAEPparams(SHA256,
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, SHA256),
                    RSAESOAEPparams.DEFAULT_P_SOURCE_ALGORITHM));

    private final RSAPublicKey key;
    private final byte[] subjectKeyIdentifier;

    private RecipientEnvelope(RSAPublicKey key, byte[] subjectKeyIdentifier) {
        this.key = key;
        this.subjectKeyIdentifier = subjectKeyIdentifier;
    }

    /**
     * The envelope for a DER SubjectPublicKeyInfo, if it is an RSA public key of 2048 to 4096 bits
     * (Nitro enclaves attest RSA-2048 keys).
     */
    public static Optional<RecipientEnvelope> forPublicKey(byte[] spki) {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(spki);
            if (!Arrays.equals(info.getEncoded(ASN1Encoding.DER), spki)
                    || !info.getAlgorithm().getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)) {
                return Optional.empty();
            }
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(spki));
            int bits = key.getModulus().bitLength();
            if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
                return Optional.empty();
            }
            // the key's identifier in the envelope: how AWS derives its 32 bytes is not documented
            byte[] identifier = MessageDigest.getInstance("SHA-256").digest(spki);
            return Optional.of(new RecipientEnvelope(key, identifier));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code content} enveloped to this key. */
    public byte[] seal(byte[] content) {
        byte[] contentKey = new byte[32];
        byte[] iv = new byte[16];
        Randomness.SOURCE.nextBytes(contentKey);
        Randomness.SOURCE.nextBytes(iv);
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new IvParameterSpec(iv));
            byte[] encryptedContent = aes.doFinal(content);

            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                    PSource.PSpecified.DEFAULT), Randomness.SOURCE);
            byte[] encryptedKey = rsa.doFinal(contentKey);

            // KeyTransRecipientInfo: version 2 for a subjectKeyIdentifier ([0])
            ASN1Encodable recipient = new DERSequence(new ASN1Encodable[] {new ASN1Integer(2),
                    new DERTaggedObject(false, 0, new DEROctetString(subjectKeyIdentifier)), RSAES_OAEP_SHA_256,
                    new DEROctetString(encryptedKey)});
            ASN1Encodable encryptedContentInfo = new BERSequence(new ASN1Encodable[] {DATA,
                    new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv)),
                    new BERTaggedObject(false, 0, new BEROctetString(encryptedContent))});
            // EnvelopedData: version 2 since its recipient's is, no originatorInfo, no unprotectedAttrs
            ASN1Encodable envelopedData = new BERSequence(new ASN1Encodable[] {new ASN1Integer(2),
                    new DERSet(recipient), encryptedContentInfo});
            return new BERSequence(new ASN1Encodable[] {ENVELOPED_DATA, new BERTaggedObject(true, 0, envelopedData)})
                    .getEncoded(ASN1Encoding.BER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-CBC or RSA-OAEP", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }
}
