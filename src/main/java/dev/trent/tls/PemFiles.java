package dev.trent.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * PEM files in and out: certificate chains, and private keys in the three forms OpenSSL writes
 * (PKCS#8 "PRIVATE KEY", PKCS#1 "RSA PRIVATE KEY", SEC 1 "EC PRIVATE KEY"). Only BouncyCastle's
 * provider jar is at hand at run time, so the PKCS#1 and SEC 1 forms are rewrapped as PKCS#8 here
 * for the JDK's KeyFactory rather than read by bcpkix's PEMParser.
 */
public final class PemFiles {
    private PemFiles() {
    }

    /** The certificates of a PEM file, in file order (the server's own certificate first). */
    public static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (PemObject object : read(file, "certificate")) {
                if (object.getType().equals("CERTIFICATE")) {
                    chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(object.getContent())));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new TlsException("The certificate file " + file + " holds a certificate that cannot be read: "
                    + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new TlsException("The certificate file " + file
                    + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    /**
     * The private key of a PEM file.
     *
     * @param publicKey its certificate's public key: the algorithm to read it as, and the curve of an EC key
     *     that does not name its own (RFC 5915 lets it leave that to the context)
     */
    public static PrivateKey privateKey(Path file, PublicKey publicKey) {
        String algorithm = publicKey.getAlgorithm();
        for (PemObject object : read(file, "key")) {
            if (object.getType().endsWith("PRIVATE KEY") && isEncrypted(object)) {
                throw encrypted(file); // OpenSSL's traditional encryption of an RSA or EC key
            }
            byte[] pkcs8 = switch (object.getType()) {
                case "PRIVATE KEY" -> object.getContent();
                case "RSA PRIVATE KEY" -> pkcs8(file, object, true, publicKey);
                case "EC PRIVATE KEY" -> pkcs8(file, object, false, publicKey);
                case "ENCRYPTED PRIVATE KEY" -> throw encrypted(file);
                default -> null; // EC PARAMETERS before an EC key, certificates in a combined file
            };
            if (pkcs8 == null) {
                continue;
            }
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new TlsException("The key file " + file + " holds no " + algorithm
                        + " private key that can be read (the certificate's key is " + algorithm + "): "
                        + e.getMessage(), e);
            }
        }
        throw new TlsException("The key file " + file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----, "
                + "-----BEGIN RSA PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----)");
    }

    private static boolean isEncrypted(PemObject object) {
        for (Object header : object.getHeaders()) {
            if (header instanceof PemHeader h && h.getName().equalsIgnoreCase("Proc-Type")) {
                return true;
            }
        }
        return false;
    }

    private static TlsException encrypted(Path file) {
        return new TlsException("The key in " + file + " is encrypted; Trent takes an unencrypted key "
                + "(openssl pkey -in " + file + " -out key.pem)");
    }

    /** PKCS#1 (RSA) or SEC 1 (EC) as PKCS#8, which the JDK reads. */
    private static byte[] pkcs8(Path file, PemObject object, boolean rsa, PublicKey publicKey) {
        try {
            if (rsa) {
                return new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                        RSAPrivateKey.getInstance(object.getContent())).getEncoded();
            }
            ECPrivateKey key = ECPrivateKey.getInstance(object.getContent());
            ASN1Encodable curve = key.getParametersObject() != null ? key.getParametersObject()
                    : SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()).getAlgorithm().getParameters();
            return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), key).getEncoded();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new TlsException("The key file " + file + " holds a " + object.getType()
                    + " that cannot be read: " + e.getMessage(), e);
        }
    }

    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file has its directory's default permissions
        }
    }

    private static List<PemObject> read(Path file, String what) {
        List<PemObject> objects = new ArrayList<>();
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PemReader pem = new PemReader(text)) {
            for (PemObject object = pem.readPemObject(); object != null; object = pem.readPemObject()) {
                objects.add(object);
            }
        } catch (NoSuchFileException e) {
            throw new TlsException("The " + what + " file " + file + " does not exist");
        } catch (IOException | RuntimeException e) { // bad base64 comes as an unchecked DecoderException
            throw new TlsException("The " + what + " file " + file + " cannot be read as PEM: " + e.getMessage(), e);
        }
        return objects;
    }

    /** A certificate as PEM. */
    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a certificate as PEM, whole or not at all: a client waiting for the file never reads
     * half of it. An existing file is replaced (it holds the certificate of an earlier start).
     */
    public static void write(X509Certificate certificate, Path file) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(partial, pem(certificate), StandardCharsets.US_ASCII);
                readableByAll(partial); // a temporary file is its owner's only; a certificate is public
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new TlsException("Cannot write the certificate to " + file + ": " + e, e);
        }
    }
}
