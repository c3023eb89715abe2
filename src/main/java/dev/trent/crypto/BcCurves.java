package dev.trent.crypto;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;

/** Elliptic-curve keys on the curves only BouncyCastle has (secp256k1, SM2's), by name. */
final class BcCurves {
    private BcCurves() {
    }

    static ECNamedDomainParameters domain(String curve) {
        X9ECParameters x9 = ECNamedCurveTable.getByName(curve);
        ASN1ObjectIdentifier oid = ECNamedCurveTable.getOID(curve);
        return new ECNamedDomainParameters(oid, x9);
    }

    /** A key pair whose DER encodings name the curve by its OID, as AWS's do. */
    static GeneratedKey generate(ECNamedDomainParameters domain) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(domain, Randomness.SOURCE));
        return BcKeys.generate(generator);
    }
}
