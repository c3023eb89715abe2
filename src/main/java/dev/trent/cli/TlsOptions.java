package dev.trent.cli;

import dev.trent.tls.TlsSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options that make Trent speak HTTPS. */
public final class TlsOptions {
    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "Speak HTTPS with the PEM certificate chain in FILE (server certificate first); "
                    + "needs --tls-key.")
    Path certificate;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "The PEM private key of --tls-cert's certificate (PKCS#8, or OpenSSL's RSA or EC form), "
                    + "unencrypted.")
    Path key;

    @Option(names = "--tls",
            description = "Speak HTTPS with a self-signed certificate made at start-up for localhost, 127.0.0.1, ::1 "
                    + "and the --bind address, written as PEM to --tls-cert-out for clients to trust.")
    boolean selfSigned;

    @Option(names = "--tls-cert-out", paramLabel = "FILE",
            description = "Where --tls writes its certificate, replacing the one an earlier start wrote "
                    + "(default: ./trent-cert.pem, in the working directory).")
    Path certificateOut;

    @Option(names = "--tls-name", paramLabel = "NAME",
            description = "A further host name or IP address for --tls's certificate (e.g. the name other "
                    + "containers reach Trent by); repeatable.")
    List<String> names = new ArrayList<>();

    /** How these options make Trent speak HTTPS; null for plain HTTP. */
    TlsSettings settings(CommandLine commandLine) {
        if (selfSigned) {
            if (certificate != null || key != null) {
                throw new CommandLine.ParameterException(commandLine,
                        "Give --tls (a self-signed certificate) or --tls-cert and --tls-key, not both");
            }
            return TlsSettings.selfSigned(certificateOut, names);
        }
        if (certificateOut != null || !names.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine,
                    "--tls-cert-out and --tls-name apply to the self-signed certificate of --tls");
        }
        if (certificate == null && key == null) {
            return null;
        }
        if (certificate == null || key == null) {
            throw new CommandLine.ParameterException(commandLine,
                    "--tls-cert and --tls-key go together: the certificate chain and its private key");
        }
        return TlsSettings.files(certificate, key);
    }
}
