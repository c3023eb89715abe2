package dev.trent.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * A self-signed server certificate for {@code --tls}: an EC P-256 key (made in a millisecond, where
 * RSA-2048 takes a tenth of a second or more, and spoken by every TLS client in use), valid for
 * localhost, 127.0.0.1, ::1, the bind address and any names asked for.
 *
 * <p>It is a plain end-entity certificate, no CA: clients trust it by taking it as their trust
 * anchor (a Java trust store, curl's {@code --cacert}, {@code AWS_CA_BUNDLE}); rustls refuses a CA
 * certificate presented as a server's, and OpenSSL, Go and the JDK accept a self-signed
 * end-entity certificate they were given to trust. No key usage extension: OpenSSL counts a
 * certificate as self-signed only when its key usage, if any, allows signing certificates.
 *
 * @param certificate the certificate
 * @param key its private key, which never leaves memory
 */
public record SelfSignedCertificate(X509Certificate certificate, PrivateKey key) {
    /** Long enough that nobody meets its end; each start makes a new one anyway. */
    static final Duration VALIDITY = Duration.ofDays(365);
    /** Validity from a little before now, for clients whose clock is behind Trent's host's. */
    static final Duration BACKDATING = Duration.ofHours(1);

    private static final String[] ALWAYS = {"localhost", "127.0.0.1", "::1"};

    /**
     * Makes one.
     *
     * @param names further host names or IP addresses the certificate is valid for
     * @param now the real time (not Trent's clock, which tests move: clients check against theirs)
     */
    public static SelfSignedCertificate generate(List<String> names, Instant now) {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair pair = generator.generateKeyPair();
            SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
            byte[] keyId = MessageDigest.getInstance("SHA-1").digest(publicKey.getPublicKeyData().getBytes());
            X500Name subject = new X500Name("CN=Trent self-signed certificate");
            AlgorithmIdentifier ecdsaWithSha256 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);

            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(names));
            extensions.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            extensions.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId));
            extensions.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(keyId));

            V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
            tbs.setSerialNumber(new ASN1Integer(new BigInteger(127, random).add(BigInteger.ONE)));
            tbs.setSignature(ecdsaWithSha256);
            tbs.setIssuer(subject);
            tbs.setSubject(subject);
            tbs.setStartDate(new Time(Date.from(now.minus(BACKDATING))));
            tbs.setEndDate(new Time(Date.from(now.plus(VALIDITY))));
            tbs.setSubjectPublicKeyInfo(publicKey);
            tbs.setExtensions(extensions.generate());
            TBSCertificate toBeSigned = tbs.generateTBSCertificate();

            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(pair.getPrivate(), random);
            signer.update(toBeSigned.getEncoded(ASN1Encoding.DER));
            byte[] der = new DERSequence(new ASN1Encodable[] {toBeSigned, ecdsaWithSha256,
                    new DERBitString(signer.sign())}).getEncoded(ASN1Encoding.DER);
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return new SelfSignedCertificate(certificate, pair.getPrivate());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The JDK cannot make an EC P-256 certificate", e);
        }
    }

    private static GeneralNames subjectAltNames(List<String> names) {
        Set<String> all = new LinkedHashSet<>(List.of(ALWAYS));
        for (String name : names) {
            all.add(name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name);
        }
        return new GeneralNames(all.stream().map(SelfSignedCertificate::generalName).toArray(GeneralName[]::new));
    }

    /** An IP address literal as an iPAddress name (what clients match an address against), else a dNSName. */
    private static GeneralName generalName(String name) {
        if (isIpLiteral(name)) {
            try {
                return new GeneralName(GeneralName.iPAddress, name);
            } catch (IllegalArgumentException e) {
                throw notAName(name);
            }
        }
        if (!name.matches("(\\*\\.)?[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*")) {
            throw notAName(name);
        }
        return new GeneralName(GeneralName.dNSName, name);
    }

    private static TlsException notAName(String name) {
        return new TlsException("'" + name + "' is neither a host name nor an IP address: it cannot name the "
                + "certificate's host");
    }

    static boolean isIpLiteral(String name) {
        if (name.contains(":")) {
            return true; // host names never hold a colon
        }
        return name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** Whether an address stands for every interface, which no client connects to by that name. */
    static boolean isWildcard(String bind) {
        try {
            return isIpLiteral(bind) && InetAddress.getByName(bind).isAnyLocalAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
