package dev.trent.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Trent shows TLS clients: a certificate chain and the private key of its first certificate,
 * read from PEM files or made at start-up ({@link TlsSettings}).
 *
 * @param chain the server certificate first, then the certificates that issued it
 * @param key the server certificate's private key
 */
public record TlsIdentity(List<X509Certificate> chain, PrivateKey key) {
    private static final Logger log = LoggerFactory.getLogger(TlsIdentity.class);

    public TlsIdentity {
        chain = List.copyOf(chain);
    }

    /** The server's own certificate: the one to trust when it is self-signed. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * Reads the files, or makes a self-signed certificate and writes it out.
     *
     * @param bind the address Trent listens on, a name of the self-signed certificate unless a wildcard
     * @param now the real time
     * @throws TlsException for a file that is missing, unreadable, not PEM, or a key not the certificate's
     */
    public static TlsIdentity of(TlsSettings settings, String bind, Instant now) {
        if (settings.isSelfSigned()) {
            List<String> names = new ArrayList<>(settings.names());
            if (!SelfSignedCertificate.isWildcard(bind)) {
                names.add(bind);
            }
            SelfSignedCertificate made = SelfSignedCertificate.generate(names, now);
            PemFiles.write(made.certificate(), settings.certificateOut());
            return new TlsIdentity(List.of(made.certificate()), made.key());
        }
        List<X509Certificate> chain = PemFiles.certificates(settings.certificateFile());
        warnIfOutOfDate(chain.get(0), settings, now);
        PublicKey publicKey = chain.get(0).getPublicKey();
        PrivateKey key = PemFiles.privateKey(settings.keyFile(), publicKey);
        if (!matches(key, publicKey)) {
            throw new TlsException("The key in " + settings.keyFile() + " is not the private key of the first "
                    + "certificate in " + settings.certificateFile());
        }
        return new TlsIdentity(chain, key);
    }

    /** Served all the same (a test may want exactly that), but said, since clients will refuse it. */
    private static void warnIfOutOfDate(X509Certificate certificate, TlsSettings settings, Instant now) {
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            log.warn("The certificate in {} expired on {}: TLS clients will refuse it", settings.certificateFile(),
                    certificate.getNotAfter().toInstant());
        } else if (now.isBefore(certificate.getNotBefore().toInstant())) {
            log.warn("The certificate in {} is valid only from {}: TLS clients will refuse it until then",
                    settings.certificateFile(), certificate.getNotBefore().toInstant());
        }
    }

    /** Whether the key signs what the public key verifies: the one test that works for every algorithm. */
    private static boolean matches(PrivateKey key, PublicKey publicKey) {
        String algorithm = switch (publicKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> publicKey.getAlgorithm();
            default -> null;
        };
        if (algorithm == null) {
            return true; // the TLS handshake will tell
        }
        try {
            byte[] probe = "Trent checks that the key is the certificate's".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
