package dev.trent.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.kms.model.AlgorithmSpec;
import software.amazon.awssdk.services.kms.model.CustomKeyStoreType;
import software.amazon.awssdk.services.kms.model.CustomerMasterKeySpec;
import software.amazon.awssdk.services.kms.model.DataKeyPairSpec;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DryRunModifierType;
import software.amazon.awssdk.services.kms.model.EncapsulationAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.ImportType;
import software.amazon.awssdk.services.kms.model.IncludeKeyMaterial;
import software.amazon.awssdk.services.kms.model.KeyAgreementAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeyEncryptionMechanism;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.WrappingKeySpec;
import software.amazon.awssdk.services.kms.model.XksProxyConnectivityType;

/**
 * The values of AWS's enums, taken from the SDK's enum classes rather than the model file, since
 * the SDK is the newer of the two (it knows ML_DSA_44, ML_KEM_512, ...).
 */
final class SdkEnums {
    private static final Map<String, Supplier<Set<?>>> ENUMS = Map.ofEntries(
            Map.entry("AlgorithmSpec", AlgorithmSpec::knownValues),
            Map.entry("CustomKeyStoreType", CustomKeyStoreType::knownValues),
            Map.entry("CustomerMasterKeySpec", CustomerMasterKeySpec::knownValues),
            Map.entry("DataKeyPairSpec", DataKeyPairSpec::knownValues),
            Map.entry("DataKeySpec", DataKeySpec::knownValues),
            Map.entry("DryRunModifierType", DryRunModifierType::knownValues),
            Map.entry("EncapsulationAlgorithmSpec", EncapsulationAlgorithmSpec::knownValues),
            Map.entry("EncryptionAlgorithmSpec", EncryptionAlgorithmSpec::knownValues),
            Map.entry("ExpirationModelType", ExpirationModelType::knownValues),
            Map.entry("GrantOperation", GrantOperation::knownValues),
            Map.entry("ImportType", ImportType::knownValues),
            Map.entry("IncludeKeyMaterial", IncludeKeyMaterial::knownValues),
            Map.entry("KeyAgreementAlgorithmSpec", KeyAgreementAlgorithmSpec::knownValues),
            Map.entry("KeyEncryptionMechanism", KeyEncryptionMechanism::knownValues),
            Map.entry("KeySpec", KeySpec::knownValues),
            Map.entry("KeyUsageType", KeyUsageType::knownValues),
            Map.entry("MacAlgorithmSpec", MacAlgorithmSpec::knownValues),
            Map.entry("MessageType", MessageType::knownValues),
            Map.entry("OriginType", OriginType::knownValues),
            Map.entry("SigningAlgorithmSpec", SigningAlgorithmSpec::knownValues),
            Map.entry("WrappingKeySpec", WrappingKeySpec::knownValues),
            Map.entry("XksProxyConnectivityType", XksProxyConnectivityType::knownValues));

    private SdkEnums() {
    }

    /**
     * AWS lists an enum's values in its own order in validation messages; where a recording of
     * AWS shows that order for every value the SDK knows today, it is used.
     */
    private static final Map<String, List<String>> AWS_ORDER = Map.of(
            "MacAlgorithmSpec", List.of("HMAC_SHA_384", "HMAC_SHA_256", "HMAC_SHA_224", "HMAC_SHA_512"));

    static List<String> values(String enumShape) {
        if (AWS_ORDER.containsKey(enumShape)) {
            return AWS_ORDER.get(enumShape);
        }
        Supplier<Set<?>> known = ENUMS.get(enumShape);
        if (known == null) {
            throw new IllegalStateException("constraints.json names an enum the SDK does not have: " + enumShape);
        }
        return known.get().stream().map(Object::toString).toList();
    }
}
