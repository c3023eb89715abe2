package dev.trent.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/** Published test vectors, as the engines take them: hex, and DER keys built from raw vector keys. */
final class Vectors {
    private static final HexFormat HEX = HexFormat.of();

    private Vectors() {
    }

    /** Hex as vectors print it: upper or lower case, with or without spaces between groups. */
    static byte[] hex(String text) {
        return HEX.parseHex(text.replace(" ", "").toLowerCase());
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }

    /**
     * A vector file under src/test/resources/dev/trent/crypto/: {@code name = hex} lines, {@code #}
     * comments and blank lines ignored.
     */
    static Map<String, byte[]> load(String resource) {
        Map<String, byte[]> vectors = new LinkedHashMap<>();
        try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no vector file " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int equals = line.indexOf('=');
                String name = line.substring(0, equals).strip();
                if (vectors.put(name, hex(line.substring(equals + 1).strip())) != null) {
                    throw new IllegalStateException(resource + " names " + name + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return vectors;
    }

    static byte[] pkcs8(AsymmetricKeyParameter privateKey) {
        try {
            return PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] spki(AsymmetricKeyParameter publicKey) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SubjectPublicKeyInfo of the point (x, y) on a named curve, naming the curve by its OID. */
    static byte[] ecSpki(String curve, String x, String y) {
        ECNamedDomainParameters domain = BcCurves.domain(curve);
        return spki(new ECPublicKeyParameters(
                domain.getCurve().createPoint(new BigInteger(1, hex(x)), new BigInteger(1, hex(y))), domain));
    }

    static byte[] ecPkcs8(String curve, String d) {
        return pkcs8(new ECPrivateKeyParameters(new BigInteger(1, hex(d)), BcCurves.domain(curve)));
    }

    /** DER SEQUENCE { INTEGER r, INTEGER s }, the form of AWS's ECDSA and SM2 signatures. */
    static byte[] derSignature(String r, String s) {
        try {
            return new DERSequence(new ASN1Encodable[] {
                new ASN1Integer(new BigInteger(1, hex(r))), new ASN1Integer(new BigInteger(1, hex(s)))})
                    .getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
