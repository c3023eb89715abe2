package dev.trent.tls;

import java.nio.file.Path;
import java.util.List;

/**
 * How Trent speaks HTTPS: with a certificate and key from PEM files, or with a self-signed
 * certificate made at start-up and written where clients can find it to trust it.
 *
 * @param certificateFile the PEM certificate chain (server certificate first); null for self-signed
 * @param keyFile the PEM private key of the chain's first certificate; null for self-signed
 * @param certificateOut where a self-signed certificate is written as PEM; null with files
 * @param names subjectAltNames a self-signed certificate carries besides localhost, 127.0.0.1, ::1
 *     and the bind address (host names or IP addresses)
 */
public record TlsSettings(Path certificateFile, Path keyFile, Path certificateOut, List<String> names) {
    /**
     * Where {@code --tls} writes its certificate without {@code --tls-cert-out}: the working
     * directory, where a person who started Trent looks first, under a name that says what it is.
     */
    public static final Path DEFAULT_CERTIFICATE_OUT = Path.of("trent-cert.pem");

    public TlsSettings {
        names = List.copyOf(names);
        if ((certificateFile == null) != (keyFile == null)) {
            throw new IllegalArgumentException("A certificate file needs its key file, and a key file its certificate");
        }
        if (certificateFile != null && (certificateOut != null || !names.isEmpty())) {
            throw new IllegalArgumentException("A certificate from files is not self-signed: no output file or names");
        }
    }

    /** The certificate chain and key in these PEM files. */
    public static TlsSettings files(Path certificateFile, Path keyFile) {
        return new TlsSettings(certificateFile, keyFile, null, List.of());
    }

    /** A self-signed certificate made at start-up, written to {@code certificateOut} as PEM. */
    public static TlsSettings selfSigned(Path certificateOut, List<String> names) {
        return new TlsSettings(null, null, certificateOut == null ? DEFAULT_CERTIFICATE_OUT : certificateOut, names);
    }

    public boolean isSelfSigned() {
        return certificateFile == null;
    }
}
