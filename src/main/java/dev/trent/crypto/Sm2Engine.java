package dev.trent.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 (GB/T 32918), through BouncyCastle: SM2DSA signatures with the default distinguishing ID
 * {@code 1234567812345678} (a RAW message is signed as SM3(Z || M); a DIGEST message is that
 * e = SM3(Z || M) itself), SM2PKE encryption, and ECDH on the SM2 curve.
 */
final class Sm2Engine implements KeyEngine {
    private static final ECNamedDomainParameters CURVE = BcCurves.domain("sm2p256v1");
    private static final byte[] DEFAULT_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    private static final int FIELD_BYTES = 32;
    /** AWS's limit for SM2PKE plaintexts. */
    static final int MAX_PLAINTEXT = 1024;

    @Override
    public GeneratedKey generate() {
        return BcCurves.generate(CURVE);
    }

    @Override
    public byte[] sign(byte[] privateKey, SigningAlgorithm algorithm, MessageType type, byte[] message) {
        BigInteger d = BcKeys.privateKey(privateKey, ECPrivateKeyParameters.class).getD();
        BigInteger n = CURVE.getN();
        ECPoint publicPoint = new FixedPointCombMultiplier().multiply(CURVE.getG(), d);
        BigInteger e = new BigInteger(1, type == MessageType.DIGEST ? message : messageDigest(publicPoint, message));
        BigInteger inverse = BigIntegers.modOddInverse(n, d.add(BigInteger.ONE));
        while (true) {
            BigInteger k = BigIntegers.createRandomInRange(BigInteger.ONE, n.subtract(BigInteger.ONE), Randomness.SOURCE);
            ECPoint point = new FixedPointCombMultiplier().multiply(CURVE.getG(), k).normalize();
            BigInteger r = e.add(point.getAffineXCoord().toBigInteger()).mod(n);
            if (r.signum() == 0 || r.add(k).equals(n)) {
                continue;
            }
            BigInteger s = inverse.multiply(k.subtract(r.multiply(d))).mod(n);
            if (s.signum() != 0) {
                return der(r, s);
            }
        }
    }

    @Override
    public boolean verify(byte[] publicKey, SigningAlgorithm algorithm, MessageType type, byte[] message,
            byte[] signature) {
        BigInteger n = CURVE.getN();
        BigInteger[] rs;
        try {
            rs = StandardDSAEncoding.INSTANCE.decode(n, signature);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        BigInteger r = rs[0];
        BigInteger s = rs[1];
        if (r.signum() <= 0 || r.compareTo(n) >= 0 || s.signum() <= 0 || s.compareTo(n) >= 0) {
            return false;
        }
        BigInteger t = r.add(s).mod(n);
        if (t.signum() == 0) {
            return false;
        }
        ECPoint q = BcKeys.publicKey(publicKey, ECPublicKeyParameters.class).getQ();
        BigInteger e = new BigInteger(1, type == MessageType.DIGEST ? message : messageDigest(q, message));
        ECPoint point = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), s, q, t).normalize();
        return !point.isInfinity() && e.add(point.getAffineXCoord().toBigInteger()).mod(n).equals(r);
    }

    /** e = SM3(Z || M), Z = SM3(ENTL || ID || a || b || xG || yG || xA || yA). */
    private static byte[] messageDigest(ECPoint publicPoint, byte[] message) {
        ECPoint q = publicPoint.normalize();
        ECPoint g = CURVE.getG().normalize();
        byte[][] parts = {
            {(byte) (DEFAULT_ID.length * 8 >> 8), (byte) (DEFAULT_ID.length * 8)},
            DEFAULT_ID,
            fieldBytes(CURVE.getCurve().getA().toBigInteger()),
            fieldBytes(CURVE.getCurve().getB().toBigInteger()),
            fieldBytes(g.getAffineXCoord().toBigInteger()),
            fieldBytes(g.getAffineYCoord().toBigInteger()),
            fieldBytes(q.getAffineXCoord().toBigInteger()),
            fieldBytes(q.getAffineYCoord().toBigInteger())};
        byte[] z = Digest.SM3.hash(concat(parts));
        return Digest.SM3.hash(concat(new byte[][] {z, message}));
    }

    @Override
    public int maxPlaintext(EncryptionAlgorithm algorithm) {
        return MAX_PLAINTEXT;
    }

    /**
     * SM2PKE ciphertexts travel as AWS takes and gives them: the DER structure of GM/T 0009,
     * SEQUENCE { INTEGER x1, INTEGER y1, OCTET STRING C3 (the SM3 hash), OCTET STRING C2 }.
     */
    @Override
    public byte[] encrypt(byte[] publicKey, EncryptionAlgorithm algorithm, byte[] plaintext) {
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(true, new ParametersWithRandom(BcKeys.publicKey(publicKey, ECPublicKeyParameters.class),
                Randomness.SOURCE));
        try {
            byte[] raw = engine.processBlock(plaintext, 0, plaintext.length);
            int c1 = 1 + 2 * FIELD_BYTES;
            return new DERSequence(new ASN1Encodable[] {
                new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1, 1 + FIELD_BYTES))),
                new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1 + FIELD_BYTES, c1))),
                new DEROctetString(Arrays.copyOfRange(raw, c1, c1 + FIELD_BYTES)),
                new DEROctetString(Arrays.copyOfRange(raw, c1 + FIELD_BYTES, raw.length))}).getEncoded("DER");
        } catch (InvalidCipherTextException | IOException e) {
            throw new IllegalStateException("SM2 encryption failed", e);
        }
    }

    @Override
    public Optional<byte[]> decrypt(byte[] privateKey, EncryptionAlgorithm algorithm, byte[] ciphertext) {
        byte[] raw;
        try {
            ASN1Sequence fields = ASN1Sequence.getInstance(ciphertext);
            raw = concat(new byte[][] {
                {0x04},
                fieldBytes(ASN1Integer.getInstance(fields.getObjectAt(0)).getPositiveValue()),
                fieldBytes(ASN1Integer.getInstance(fields.getObjectAt(1)).getPositiveValue()),
                ASN1OctetString.getInstance(fields.getObjectAt(2)).getOctets(),
                ASN1OctetString.getInstance(fields.getObjectAt(3)).getOctets()});
        } catch (RuntimeException e) { // not the DER structure
            return Optional.empty();
        }
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(false, BcKeys.privateKey(privateKey, ECPrivateKeyParameters.class));
        try {
            return Optional.of(engine.processBlock(raw, 0, raw.length));
        } catch (InvalidCipherTextException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<byte[]> agree(byte[] privateKey, byte[] peerPublicKey) {
        Optional<ECPublicKeyParameters> peer = BcKeys.peerPublicKey(peerPublicKey, ECPublicKeyParameters.class)
                .filter(key -> key.getParameters().getCurve().equals(CURVE.getCurve()));
        if (peer.isEmpty()) {
            return Optional.empty();
        }
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(BcKeys.privateKey(privateKey, ECPrivateKeyParameters.class));
        try {
            return Optional.of(BigIntegers.asUnsignedByteArray(FIELD_BYTES, agreement.calculateAgreement(peer.get())));
        } catch (IllegalStateException e) { // the infinity point
            return Optional.empty();
        }
    }

    private static byte[] fieldBytes(BigInteger value) {
        return BigIntegers.asUnsignedByteArray(FIELD_BYTES, value);
    }

    private static byte[] der(BigInteger r, BigInteger s) {
        try {
            return StandardDSAEncoding.INSTANCE.encode(CURVE.getN(), r, s);
        } catch (IOException e) {
            throw new IllegalStateException("an SM2 signature does not encode", e);
        }
    }

    private static byte[] concat(byte[][] parts) {
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
}
