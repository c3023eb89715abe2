package dev.trent.kms;

import dev.trent.crypto.EncapsulationAlgorithm;
import dev.trent.crypto.EncryptionAlgorithm;
import dev.trent.crypto.KeyAgreementAlgorithm;
import dev.trent.crypto.MacAlgorithm;
import dev.trent.crypto.SigningAlgorithm;
import java.util.List;

/**
 * The algorithms a key of one spec and usage supports, in AWS's order: what DescribeKey and
 * GetPublicKey list, and what each operation checks its algorithm against. Each key has exactly one
 * non-empty list, the one of its usage.
 */
public record Algorithms(
        List<EncryptionAlgorithm> encryption,
        List<SigningAlgorithm> signing,
        List<MacAlgorithm> mac,
        List<KeyAgreementAlgorithm> keyAgreement,
        List<EncapsulationAlgorithm> encapsulation) {

    static Algorithms encryption(EncryptionAlgorithm... algorithms) {
        return new Algorithms(List.of(algorithms), List.of(), List.of(), List.of(), List.of());
    }

    static Algorithms signing(SigningAlgorithm... algorithms) {
        return new Algorithms(List.of(), List.of(algorithms), List.of(), List.of(), List.of());
    }

    static Algorithms mac(MacAlgorithm algorithm) {
        return new Algorithms(List.of(), List.of(), List.of(algorithm), List.of(), List.of());
    }

    static Algorithms ecdh() {
        return new Algorithms(List.of(), List.of(), List.of(), List.of(KeyAgreementAlgorithm.ECDH), List.of());
    }

    static Algorithms mlKem() {
        return new Algorithms(List.of(), List.of(), List.of(), List.of(), List.of(EncapsulationAlgorithm.ML_KEM));
    }

    boolean supports(Enum<?> algorithm) {
        return encryption.contains(algorithm) || signing.contains(algorithm) || mac.contains(algorithm)
                || keyAgreement.contains(algorithm) || encapsulation.contains(algorithm);
    }
}
