package dev.trent.authz;

import static dev.trent.authz.SignedTrent.allow;
import static dev.trent.authz.SignedTrent.denied;
import static dev.trent.authz.SignedTrent.noIdentityPolicy;
import static dev.trent.authz.SignedTrent.policy;
import static dev.trent.authz.SignedTrent.role;
import static dev.trent.authz.SignedTrent.root;
import static dev.trent.support.AwsErrors.assertAccessDenied;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.auth.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * ReplicateKey (API Reference, "Required permissions"): kms:ReplicateKey on the primary key, and
 * kms:CreateKey in the replica's Region by IAM policy. UpdatePrimaryRegion: kms:UpdatePrimaryRegion
 * on the current primary and on the replica that becomes primary.
 */
class MultiRegionAuthorizationTest {
    private static final String A = "111122223333";
    private static final Credential ROOT = root(A);
    private static final Credential REPLICATOR = role(A, "replicator", policy(allow("*", "kms:ReplicateKey")));
    private static final Credential CREATOR = role(A, "creator", policy(allow("*", "kms:CreateKey")));
    private static final Credential FULL = role(A, "full", policy(allow("*", "kms:ReplicateKey", "kms:CreateKey")));
    private static final Credential MOVER = role(A, "mover", policy(allow("*", "kms:UpdatePrimaryRegion")));
    private static final Credential PRIMARY_ONLY = role(A, "primary-only",
            policy(allow("arn:aws:kms:" + SignedTrent.REGION + ":" + A + ":key/*", "kms:UpdatePrimaryRegion")));

    @RegisterExtension
    static final SignedTrent trent = new SignedTrent(ROOT, REPLICATOR, CREATOR, FULL, MOVER, PRIMARY_ONLY);

    @Test
    void replicateKeyNeedsReplicateKeyOnThePrimaryAndCreateKey() {
        KeyMetadata primary = trent.as(ROOT).createKey(b -> b.multiRegion(true)).keyMetadata();

        assertAccessDenied(() -> trent.as(REPLICATOR).replicateKey(b -> b.keyId(primary.keyId()).replicaRegion("eu-west-1")),
                denied(REPLICATOR.principal(), "kms:CreateKey", "*", noIdentityPolicy("kms:CreateKey")));

        String replica = trent.as(FULL).replicateKey(b -> b.keyId(primary.keyId()).replicaRegion("eu-west-1"))
                .replicaKeyMetadata().arn();

        assertThat(replica).isEqualTo("arn:aws:kms:eu-west-1:" + A + ":key/" + primary.keyId());
    }

    @Test
    void withoutReplicateKeyOnThePrimaryItIsRefused() {
        KeyMetadata primary = trent.as(ROOT).createKey(b -> b.multiRegion(true)).keyMetadata();

        assertAccessDenied(() -> trent.as(CREATOR).replicateKey(b -> b.keyId(primary.keyId()).replicaRegion("us-west-2")),
                denied(CREATOR.principal(), "kms:ReplicateKey", primary.arn(), noIdentityPolicy("kms:ReplicateKey")));
        assertThat(trent.as(ROOT).replicateKey(b -> b.keyId(primary.keyId()).replicaRegion("us-west-2"))
                .replicaKeyMetadata().keyId()).isEqualTo(primary.keyId());
    }

    @Test
    void updatePrimaryRegionNeedsThePermissionOnTheReplicaToo() {
        KeyMetadata primary = trent.as(ROOT).createKey(b -> b.multiRegion(true)).keyMetadata();
        trent.as(ROOT).replicateKey(b -> b.keyId(primary.keyId()).replicaRegion("eu-west-1"));
        String replicaArn = "arn:aws:kms:eu-west-1:" + A + ":key/" + primary.keyId();

        assertAccessDenied(() -> trent.as(PRIMARY_ONLY).updatePrimaryRegion(b -> b.keyId(primary.keyId())
                        .primaryRegion("eu-west-1")),
                denied(PRIMARY_ONLY.principal(), "kms:UpdatePrimaryRegion", replicaArn,
                        noIdentityPolicy("kms:UpdatePrimaryRegion")));
        assertThat(trent.as(ROOT).describeKey(b -> b.keyId(primary.keyId())).keyMetadata()
                .multiRegionConfiguration().primaryKey().region()).isEqualTo(SignedTrent.REGION);

        trent.as(MOVER).updatePrimaryRegion(b -> b.keyId(primary.keyId()).primaryRegion("eu-west-1"));

        assertThat(trent.as(ROOT).describeKey(b -> b.keyId(primary.keyId())).keyMetadata()
                .multiRegionConfiguration().primaryKey().region()).isEqualTo("eu-west-1");
    }
}
