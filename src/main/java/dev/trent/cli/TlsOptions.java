package dev.trent.cli;

import static dev.trent.cli.ValueType.PATH;
import static dev.trent.cli.ValueType.STRING;

import dev.trent.tls.TlsSettings;
import java.nio.file.Path;
import java.util.List;

/** The options that make Trent speak HTTPS. */
final class TlsOptions {
    static final Option CERTIFICATE = Option.value("--tls-cert", "FILE", PATH,
            "Speak HTTPS with the PEM certificate chain in FILE (server certificate first); needs --tls-key.");
    static final Option KEY = Option.value("--tls-key", "FILE", PATH,
            "The PEM private key of --tls-cert's certificate (PKCS#8, or OpenSSL's RSA or EC form), unencrypted.");
    static final Option SELF_SIGNED = Option.flag("--tls",
            "Speak HTTPS with a self-signed certificate made at start-up for localhost, 127.0.0.1, ::1 "
                    + "and the --bind address, written as PEM to --tls-cert-out for clients to trust.");
    static final Option CERTIFICATE_OUT = Option.value("--tls-cert-out", "FILE", PATH,
            "Where --tls writes its certificate, replacing the one an earlier start wrote "
                    + "(default: ./trent-cert.pem, in the working directory).");
    static final Option NAMES = Option.repeatable("--tls-name", "NAME", STRING,
            "A further host name or IP address for --tls's certificate (e.g. the name other "
                    + "containers reach Trent by); repeatable.");

    static final List<Option> OPTIONS = List.of(CERTIFICATE, KEY, SELF_SIGNED, CERTIFICATE_OUT, NAMES);

    private TlsOptions() {
    }

    /** How these options make Trent speak HTTPS; null for plain HTTP. */
    static TlsSettings settings(ParsedArgs args) {
        Path certificate = args.path(CERTIFICATE);
        Path key = args.path(KEY);
        Path certificateOut = args.path(CERTIFICATE_OUT);
        List<String> names = args.strings(NAMES);
        if (args.flag(SELF_SIGNED)) {
            if (certificate != null || key != null) {
                throw new UsageException("Give --tls (a self-signed certificate) or --tls-cert and --tls-key, not both");
            }
            return TlsSettings.selfSigned(certificateOut, names);
        }
        if (certificateOut != null || !names.isEmpty()) {
            throw new UsageException("--tls-cert-out and --tls-name apply to the self-signed certificate of --tls");
        }
        if (certificate == null && key == null) {
            return null;
        }
        if (certificate == null || key == null) {
            throw new UsageException("--tls-cert and --tls-key go together: the certificate chain and its private key");
        }
        return TlsSettings.files(certificate, key);
    }
}
