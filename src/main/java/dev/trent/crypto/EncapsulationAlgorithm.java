package dev.trent.crypto;

/** AWS's {@code EncapsulationAlgorithmSpec}. */
public enum EncapsulationAlgorithm {
    ML_KEM
}
