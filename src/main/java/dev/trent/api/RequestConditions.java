package dev.trent.api;

import dev.trent.crypto.AttestationDocument;
import dev.trent.kms.RequestFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.kms.model.GrantConstraints;
import software.amazon.awssdk.services.kms.model.RecipientInfo;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * The condition keys a request gives policies to test, read from its members by name as AWS KMS
 * documents them ("Condition keys for AWS KMS", KMS Developer Guide). The key's own values
 * (kms:KeySpec of an existing key, aws:ResourceTag/..., kms:ResourceAliases) are added by the domain.
 */
final class RequestConditions {
    private static final String REENCRYPT_FROM = "kms:ReEncryptFrom";
    private static final String REENCRYPT_TO = "kms:ReEncryptTo";
    private static final String CONTEXT_PREFIX = "kms:EncryptionContext:";

    private RequestConditions() {
    }

    static RequestFacts of(Operation op, SdkPojo request, Connection connection) {
        RequestFacts.Builder facts = RequestFacts.builder();
        if (connection.sourceIp() != null) {
            facts.put("aws:SourceIp", List.of(connection.sourceIp()));
        }
        facts.put("aws:SecureTransport", List.of(Boolean.toString(connection.secure())));
        if (op == Operation.CREATE_KEY) {
            facts.put("kms:KeySpec", List.of("SYMMETRIC_DEFAULT"))
                    .put("kms:CustomerMasterKeySpec", List.of("SYMMETRIC_DEFAULT"))
                    .put("kms:KeyUsage", List.of("ENCRYPT_DECRYPT"))
                    .put("kms:CustomerMasterKeyUsage", List.of("ENCRYPT_DECRYPT"))
                    .put("kms:KeyOrigin", List.of("AWS_KMS"))
                    .put("kms:MultiRegion", List.of("false"));
        }
        for (SdkField<?> field : request.sdkFields()) {
            Object value = field.getValueOrDefault(request);
            if (value != null) {
                read(op, field.memberName(), value, facts);
            }
        }
        return facts.build();
    }

    @SuppressWarnings("unchecked")
    private static void read(Operation op, String member, Object value, RequestFacts.Builder facts) {
        switch (member) {
            case "EncryptionContext" -> context(null, (Map<String, String>) value, facts);
            case "SourceEncryptionContext" -> context(REENCRYPT_FROM, (Map<String, String>) value, facts);
            case "DestinationEncryptionContext" -> context(REENCRYPT_TO, (Map<String, String>) value, facts);
            case "EncryptionAlgorithm" -> one(facts, "kms:EncryptionAlgorithm", value);
            case "SourceEncryptionAlgorithm" -> facts.put(REENCRYPT_FROM, "kms:EncryptionAlgorithm", List.of(text(value)));
            case "DestinationEncryptionAlgorithm" -> facts.put(REENCRYPT_TO, "kms:EncryptionAlgorithm", List.of(text(value)));
            case "SigningAlgorithm" -> one(facts, "kms:SigningAlgorithm", value);
            case "MessageType" -> one(facts, "kms:MessageType", value);
            case "MacAlgorithm" -> one(facts, "kms:MacAlgorithm", value);
            case "KeyAgreementAlgorithm" -> one(facts, "kms:KeyAgreementAlgorithm", value);
            case "KeyPairSpec" -> one(facts, "kms:DataKeyPairSpec", value);
            case "KeyId" -> requestAlias(null, text(value), facts);
            case "SourceKeyId" -> requestAlias(REENCRYPT_FROM, text(value), facts);
            case "DestinationKeyId" -> requestAlias(REENCRYPT_TO, text(value), facts);
            case "ReplicaRegion" -> one(facts, "kms:ReplicaRegion", value);
            case "PrimaryRegion" -> one(facts, "kms:PrimaryRegion", value);
            case "RotationPeriodInDays" -> one(facts, "kms:RotationPeriodInDays", value);
            case "PendingWindowInDays" -> one(facts, "kms:ScheduleKeyDeletionPendingWindowInDays", value);
            case "BypassPolicyLockoutSafetyCheck" -> one(facts, "kms:BypassPolicyLockoutSafetyCheck", value);
            case "WrappingAlgorithm" -> one(facts, "kms:WrappingAlgorithm", value);
            case "WrappingKeySpec" -> one(facts, "kms:WrappingKeySpec", value);
            case "ExpirationModel" -> one(facts, "kms:ExpirationModel", value);
            case "ValidTo" -> facts.put("kms:ValidTo", List.of(Long.toString(((Instant) value).getEpochSecond())));
            case "Tags" -> requestTags((List<Tag>) value, facts);
            case "TagKeys" -> facts.put("aws:TagKeys", (List<String>) value);
            case "Recipient" -> recipient((RecipientInfo) value, facts);
            default -> {
                if (op == Operation.CREATE_KEY) {
                    createKey(member, value, facts);
                } else if (op == Operation.CREATE_GRANT) {
                    createGrant(member, value, facts);
                }
            }
        }
    }

    private static void createKey(String member, Object value, RequestFacts.Builder facts) {
        switch (member) {
            case "KeySpec", "CustomerMasterKeySpec" -> {
                one(facts, "kms:KeySpec", value);
                one(facts, "kms:CustomerMasterKeySpec", value);
            }
            case "KeyUsage" -> {
                one(facts, "kms:KeyUsage", value);
                one(facts, "kms:CustomerMasterKeyUsage", value);
            }
            case "Origin" -> one(facts, "kms:KeyOrigin", value);
            case "MultiRegion" -> one(facts, "kms:MultiRegion", value);
            default -> {
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void createGrant(String member, Object value, RequestFacts.Builder facts) {
        switch (member) {
            case "Operations" -> facts.put("kms:GrantOperations", (List<String>) value);
            case "GranteePrincipal" -> one(facts, "kms:GranteePrincipal", value);
            case "RetiringPrincipal" -> one(facts, "kms:RetiringPrincipal", value);
            case "Constraints" -> {
                GrantConstraints constraints = (GrantConstraints) value;
                List<String> types = new ArrayList<>();
                if (constraints.hasEncryptionContextEquals() && !constraints.encryptionContextEquals().isEmpty()) {
                    types.add("EncryptionContextEquals");
                    context(null, constraints.encryptionContextEquals(), facts);
                }
                if (constraints.hasEncryptionContextSubset() && !constraints.encryptionContextSubset().isEmpty()) {
                    types.add("EncryptionContextSubset");
                    context(null, constraints.encryptionContextSubset(), facts);
                }
                facts.put("kms:GrantConstraintType", types);
            }
            default -> {
            }
        }
    }

    /**
     * kms:EncryptionContext:KEY for each pair and kms:EncryptionContextKeys; names differing only in
     * case share one condition key (names are case-insensitive), with both values.
     */
    private static void context(String action, Map<String, String> context, RequestFacts.Builder facts) {
        facts.encryptionContext(action, context);
        if (context.isEmpty()) {
            return;
        }
        Map<String, List<String>> byKey = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        context.forEach((k, v) -> byKey.computeIfAbsent(CONTEXT_PREFIX + k, n -> new ArrayList<>()).add(v));
        put(facts, action, "kms:EncryptionContextKeys", List.copyOf(context.keySet()));
        byKey.forEach((k, v) -> put(facts, action, k, v));
    }

    /** kms:RequestAlias: the alias the request names its key by (alias name or alias ARN), as an alias name. */
    private static void requestAlias(String action, String keyId, RequestFacts.Builder facts) {
        int alias = keyId.indexOf("alias/");
        if (keyId.startsWith("alias/") || keyId.startsWith("arn:") && alias > 0) {
            put(facts, action, "kms:RequestAlias", List.of(keyId.substring(alias)));
        }
    }

    private static void requestTags(List<Tag> tags, RequestFacts.Builder facts) {
        List<String> keys = new ArrayList<>();
        for (Tag tag : tags) {
            keys.add(tag.tagKey());
            facts.put("aws:RequestTag/" + tag.tagKey(), List.of(tag.tagValue()));
        }
        facts.put("aws:TagKeys", keys);
    }

    /** kms:RecipientAttestation:ImageSha384 and :PCR<n>, in lowercase hex, from a valid attestation document. */
    private static void recipient(RecipientInfo recipient, RequestFacts.Builder facts) {
        SdkBytes document = recipient.attestationDocument();
        if (document == null) {
            return;
        }
        try {
            AttestationDocument attestation = AttestationDocument.parse(document.asByteArray());
            HexFormat hex = HexFormat.of();
            attestation.pcrs().forEach((index, value) -> {
                facts.put("kms:RecipientAttestation:PCR" + index, List.of(hex.formatHex(value)));
                if (index == 0) {
                    facts.put("kms:RecipientAttestation:ImageSha384", List.of(hex.formatHex(value)));
                }
            });
        } catch (AttestationDocument.InvalidException e) {
            // the operation refuses the document itself, with AWS's error
        }
    }

    private static void one(RequestFacts.Builder facts, String key, Object value) {
        facts.put(key, List.of(text(value)));
    }

    private static void put(RequestFacts.Builder facts, String action, String key, List<String> values) {
        if (action == null) {
            facts.put(key, values);
        } else {
            facts.put(action, key, values);
        }
    }

    private static String text(Object value) {
        return value.toString();
    }
}
