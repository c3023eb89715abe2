package dev.trent.kms;

import dev.trent.kms.KeyResolver.Accepts;
import java.time.Clock;
import java.util.List;

/**
 * Multi-Region keys: ReplicateKey, UpdatePrimaryRegion, and keeping the shared properties of
 * related keys (key material, rotation) the same in every region. Related keys share key id, key
 * material, key spec, usage and origin; policy, description, tags, aliases and state are each
 * replica's own.
 */
public final class MultiRegionKeys {

    /** A new replica key; its policy and tags are in the key. */
    public record Replicated(KmsKey replica) {
    }

    private final KeyResolver resolver;
    private final RelatedKeys related;
    private final Clock clock;

    private final KeyAccess access;

    MultiRegionKeys(KeyResolver resolver, RelatedKeys related, Clock clock, KeyAccess access) {
        this.access = access;
        this.resolver = resolver;
        this.related = related;
        this.clock = clock;
    }

    /**
     * Replicates a multi-Region primary key into another region of its account and partition.
     *
     * @param policy the replica's key policy; null for the default key policy of the replica's region
     * @param description null for none (an empty description, as AWS gives)
     */
    public Replicated replicate(Requester requester, String keyId, String replicaRegion, String policy,
            String description, List<Tag> tags, boolean bypassPolicyLockoutSafetyCheck) {
        if (policy != null) {
            KeyPolicies.validate(policy);
        }
        TagRules.validate(tags);
        KmsKey named = primary(requester, keyId, "kms:ReplicateKey");
        access.checkWithoutKey(requester, "kms:CreateKey"); // AWS: kms:CreateKey in the replica's Region, by IAM policy
        if (!tags.isEmpty()) {
            access.checkWithoutKey(requester, "kms:TagResource");
        }
        requireSamePartition(named, replicaRegion);
        KmsKey replica = related.write(named, List.of(replicaRegion), family -> {
            KmsKey primary = family.in(named.scope().region()).orElseThrow(() -> KeyResolver.keyNotFound(named.arn()));
            requirePrimary(primary);
            KeyStateRule.NOT_PENDING_DELETION.check(primary);
            Scope replicaScope = family.scope(replicaRegion);
            if (primary.multiRegion().regions().contains(replicaRegion)) {
                throw new KmsException(ErrorCode.ALREADY_EXISTS,
                        "Key '" + replicaScope.keyArn(primary.keyId()) + "' already exists");
            }
            List<String> replicas = primary.multiRegion().replicasWith(replicaRegion);
            KmsKey made = newReplica(primary, replicaScope, policy, description, tags);
            if (policy != null) {
                access.checkLockout(requester, made, policy, bypassPolicyLockoutSafetyCheck);
            }
            family.put(made);
            family.configure(primary.multiRegion().primaryRegion(), replicas);
            return family.in(replicaRegion).orElseThrow();
        });
        return new Replicated(replica);
    }

    /** The replica as AWS creates it: the primary's shared properties, its own everything else. */
    private KmsKey newReplica(KmsKey primary, Scope scope, String policy, String description, List<Tag> tags) {
        // The material of an imported key is not copied: it must be imported into each replica.
        boolean imported = primary.origin() == Origin.EXTERNAL;
        return primary.toBuilder()
                .scope(scope)
                .creationDate(clock.instant())
                .description(description == null ? "" : description)
                .state(imported ? KeyState.PENDING_IMPORT : KeyState.ENABLED)
                .deletionDate(null)
                .pendingWindowInDays(null)
                .policy(policy == null ? DefaultKeyPolicy.forScope(scope) : policy)
                .tags(TagRules.merge(List.of(), tags))
                .materials(imported ? List.of() : primary.materials())
                .currentMaterialId(imported ? null : primary.currentMaterialId())
                .build();
    }

    /**
     * Makes the replica in {@code primaryRegion} the primary key and the current primary a replica;
     * both must be enabled.
     */
    public void updatePrimaryRegion(Requester requester, String keyId, String primaryRegion) {
        KmsKey named = primary(requester, keyId, "kms:UpdatePrimaryRegion");
        requireSamePartition(named, primaryRegion);
        related.write(named, List.of(), family -> {
            KmsKey primary = family.in(named.scope().region()).orElseThrow(() -> KeyResolver.keyNotFound(named.arn()));
            requirePrimary(primary);
            if (primaryRegion.equals(primary.scope().region())) {
                throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION,
                        primary.arn() + " is already the primary key in " + primaryRegion + ".");
            }
            KmsKey replica = family.in(primaryRegion)
                    .orElseThrow(() -> KeyResolver.keyNotFound(family.scope(primaryRegion).keyArn(primary.keyId())));
            access.check(requester, replica, "kms:UpdatePrimaryRegion"); // AWS: on the primary and on the replica
            KeyStateRule.ENABLED.check(primary);
            KeyStateRule.ENABLED.check(replica);
            family.configure(primaryRegion, primary.multiRegion().replicasAfterPrimaryMovesTo(primaryRegion));
            return null;
        });
    }

    /**
     * Gives every replica of a multi-Region primary key the primary's key material and rotation
     * settings, which AWS shares among related keys: call after the primary's material or rotation
     * settings changed (a rotation). Replicas of keys with imported material take the rotation
     * settings only; their material is imported into each of them.
     *
     * @param scope the primary key's account and region
     */
    public void shareWithReplicas(Scope scope, String keyId) {
        KmsKey named = resolver.key(scope, keyId);
        if (!named.isMultiRegion()) {
            return;
        }
        related.write(named, List.of(), family -> {
            KmsKey primary = family.in(named.multiRegion().primaryRegion()).orElse(null);
            if (primary == null) {
                return null;
            }
            for (String region : primary.multiRegion().replicaRegions()) {
                family.in(region).ifPresent(replica -> {
                    KmsKey.Builder shared = replica.toBuilder().rotation(primary.rotation());
                    if (primary.origin() != Origin.EXTERNAL) {
                        shared.materials(primary.materials()).currentMaterialId(primary.currentMaterialId());
                    }
                    family.put(shared.build());
                });
            }
            return null;
        });
    }

    /** The multi-Region key a request names by key id or key ARN in the caller's region. */
    private KmsKey primary(Requester requester, String keyId, String action) {
        KmsKey key = resolver.resolve(requester, keyId, Accepts.KEY_ID_OR_ARN, action);
        if (!key.isMultiRegion()) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION, key.arn() + " is not a multi-Region key.");
        }
        return key;
    }

    /**
     * Only the primary key is replicated, and only it changes the primary region. AWS's message,
     * as recorded for ReplicateKey of a replica (LocalStack snapshot, 2025), says "multi-region".
     */
    private static void requirePrimary(KmsKey key) {
        if (!key.multiRegion().isPrimary()) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION, key.arn() + " is not a multi-region primary key.");
        }
    }

    /** Related keys live in one partition: aws, aws-cn, aws-us-gov, ... */
    private static void requireSamePartition(KmsKey key, String region) {
        Scope other = new Scope(key.scope().account(), region);
        if (!other.partition().equals(key.scope().partition())) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION, "Region " + region + " is not in the "
                    + key.scope().partition() + " partition of " + key.arn() + ".");
        }
    }
}
