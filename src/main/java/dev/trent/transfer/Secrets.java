package dev.trent.transfer;

import dev.trent.crypto.GeneratedKey;
import dev.trent.crypto.ImportedKeys;
import dev.trent.kms.KeySpec;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** Key material as key files write it: base64, hex, or PEM private keys. */
final class Secrets {
    private Secrets() {
    }

    static byte[] base64(String name, String text) {
        try {
            return Base64.getMimeDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not base64");
        }
    }

    static byte[] hex(String name, String text) {
        try {
            return HexFormat.of().parseHex(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not hex");
        }
    }

    /**
     * A PEM private key as PKCS#8 DER: {@code PRIVATE KEY} (PKCS#8), {@code EC PRIVATE KEY} (SEC 1,
     * as {@code openssl ecparam -genkey} writes it) or {@code RSA PRIVATE KEY} (PKCS#1).
     */
    static byte[] pem(String name, String text) {
        String pem = text.strip();
        String type = pem.startsWith("-----BEGIN ") && pem.indexOf("-----", 11) > 0
                ? pem.substring(11, pem.indexOf("-----", 11)) : null;
        if (type == null || !pem.contains("-----END " + type + "-----")) {
            throw new IllegalArgumentException(name + " is not a PEM block (-----BEGIN ...-----)");
        }
        String body = pem.substring(pem.indexOf("-----", 11) + 5, pem.indexOf("-----END " + type + "-----"));
        byte[] der = base64(name, body);
        try {
            return switch (type) {
                case "PRIVATE KEY" -> der;
                case "EC PRIVATE KEY" -> {
                    ECPrivateKey sec1 = ECPrivateKey.getInstance(der);
                    if (sec1.getParametersObject() == null) {
                        throw new IllegalArgumentException(name + " names no curve");
                    }
                    yield new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                            sec1.getParametersObject()), sec1).getEncoded();
                }
                case "RSA PRIVATE KEY" -> new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
                        DERNull.INSTANCE), RSAPrivateKey.getInstance(der)).getEncoded();
                default -> throw new IllegalArgumentException(name + " is a PEM " + type
                        + ", not a PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY");
            };
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith(name)) {
                throw iae;
            }
            throw new IllegalArgumentException(name + " is not a valid " + type);
        }
    }

    /**
     * Whether a checked private key can be kept byte for byte: an EC key that names its curve by
     * OID (as Trent's own keys do), or any other PKCS#8 key, so that an export imported again is
     * the same file. EC keys with explicit curve parameters are re-encoded by the check instead.
     */
    static boolean namesItsCurve(byte[] pkcs8) {
        try {
            AlgorithmIdentifier algorithm = PrivateKeyInfo.getInstance(pkcs8).getPrivateKeyAlgorithm();
            return !algorithm.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)
                    || algorithm.getParameters() instanceof org.bouncycastle.asn1.ASN1ObjectIdentifier;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The first of the specs the private key fits, with its public key. */
    static Fitted fit(String name, byte[] pkcs8, List<KeySpec> candidates) {
        for (KeySpec spec : candidates) {
            Optional<GeneratedKey> read = ImportedKeys.read(spec.name(), pkcs8);
            if (read.isPresent()) {
                return new Fitted(spec, read.get());
            }
        }
        throw new IllegalArgumentException(name + " is not a private key of " + candidates);
    }

    record Fitted(KeySpec spec, GeneratedKey key) {
    }
}
