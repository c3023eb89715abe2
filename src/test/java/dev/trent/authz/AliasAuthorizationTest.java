package dev.trent.authz;

import static dev.trent.authz.SignedTrent.allow;
import static dev.trent.authz.SignedTrent.denied;
import static dev.trent.authz.SignedTrent.noIdentityPolicy;
import static dev.trent.authz.SignedTrent.policy;
import static dev.trent.authz.SignedTrent.role;
import static dev.trent.authz.SignedTrent.root;
import static dev.trent.authz.SignedTrent.rootArn;
import static dev.trent.authz.SignedTrent.statement;
import static dev.trent.support.AwsErrors.assertAccessDenied;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.auth.Credential;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * Aliases (KMS Developer Guide, "Controlling access to aliases"): CreateAlias needs kms:CreateAlias on
 * the alias, by IAM policy, and on the key; UpdateAlias on the alias, the key it leaves and the key it
 * points to; DeleteAlias on the alias and its key.
 */
class AliasAuthorizationTest {
    private static final String A = "111122223333";
    private static final String ALIASES = "arn:aws:kms:us-east-1:" + A + ":alias/app-*";
    private static final Credential ROOT = root(A);
    private static final Credential ALIASER = role(A, "aliaser",
            policy(allow(ALIASES, "kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias")));

    @RegisterExtension
    static final SignedTrent trent = new SignedTrent(ROOT, ALIASER);

    private static KeyMetadata mine;
    private static KeyMetadata mineToo;
    private static KeyMetadata other;

    @BeforeAll
    static void keys() {
        String keyPolicy = policy(statement("Allow", rootArn(A), "kms:*"),
                statement("Allow", ALIASER.principal(), "kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"));
        mine = trent.as(ROOT).createKey(b -> b.policy(keyPolicy)).keyMetadata();
        mineToo = trent.as(ROOT).createKey(b -> b.policy(keyPolicy)).keyMetadata();
        other = trent.as(ROOT).createKey(b -> b.description("default policy")).keyMetadata();
    }

    private static String aliasArn(String name) {
        return "arn:aws:kms:us-east-1:" + A + ":" + name;
    }

    private static Optional<String> target(String name) {
        return trent.as(ROOT).listAliases().aliases().stream().filter(a -> a.aliasName().equals(name))
                .map(AliasListEntry::targetKeyId).findFirst();
    }

    private static String refused(String action, String resource) {
        return denied(ALIASER.principal(), action, resource, noIdentityPolicy(action));
    }

    @Test
    void createAliasNeedsTheAliasAndTheKey() {
        KmsClient aliaser = trent.as(ALIASER);

        aliaser.createAlias(b -> b.aliasName("alias/app-create").targetKeyId(mine.keyId()));

        assertThat(target("alias/app-create")).contains(mine.keyId());
        assertAccessDenied(() -> aliaser.createAlias(b -> b.aliasName("alias/ops-create").targetKeyId(mine.keyId())),
                refused("kms:CreateAlias", aliasArn("alias/ops-create")));
        assertAccessDenied(() -> aliaser.createAlias(b -> b.aliasName("alias/app-other").targetKeyId(other.keyId())),
                refused("kms:CreateAlias", other.arn()));
        assertThat(target("alias/ops-create")).isEmpty();
        assertThat(target("alias/app-other")).isEmpty();
    }

    @Test
    void updateAliasNeedsTheAliasTheOldKeyAndTheNewKey() {
        KmsClient aliaser = trent.as(ALIASER);
        aliaser.createAlias(b -> b.aliasName("alias/app-update").targetKeyId(mine.keyId()));
        trent.as(ROOT).createAlias(b -> b.aliasName("alias/app-from-other").targetKeyId(other.keyId()));
        trent.as(ROOT).createAlias(b -> b.aliasName("alias/ops-update").targetKeyId(mine.keyId()));

        aliaser.updateAlias(b -> b.aliasName("alias/app-update").targetKeyId(mineToo.keyId()));

        assertThat(target("alias/app-update")).contains(mineToo.keyId());
        assertAccessDenied(() -> aliaser.updateAlias(b -> b.aliasName("alias/app-update").targetKeyId(other.keyId())),
                refused("kms:UpdateAlias", other.arn()));
        assertAccessDenied(() -> aliaser.updateAlias(b -> b.aliasName("alias/app-from-other").targetKeyId(mine.keyId())),
                refused("kms:UpdateAlias", other.arn()));
        assertAccessDenied(() -> aliaser.updateAlias(b -> b.aliasName("alias/ops-update").targetKeyId(mineToo.keyId())),
                refused("kms:UpdateAlias", aliasArn("alias/ops-update")));
        assertThat(target("alias/app-update")).contains(mineToo.keyId());
        assertThat(target("alias/app-from-other")).contains(other.keyId());
        assertThat(target("alias/ops-update")).contains(mine.keyId());
    }

    @Test
    void deleteAliasNeedsTheAliasAndItsKey() {
        KmsClient aliaser = trent.as(ALIASER);
        aliaser.createAlias(b -> b.aliasName("alias/app-delete").targetKeyId(mine.keyId()));
        trent.as(ROOT).createAlias(b -> b.aliasName("alias/app-delete-other").targetKeyId(other.keyId()));
        trent.as(ROOT).createAlias(b -> b.aliasName("alias/ops-delete").targetKeyId(mine.keyId()));

        aliaser.deleteAlias(b -> b.aliasName("alias/app-delete"));

        assertThat(target("alias/app-delete")).isEmpty();
        assertAccessDenied(() -> aliaser.deleteAlias(b -> b.aliasName("alias/app-delete-other")),
                refused("kms:DeleteAlias", other.arn()));
        assertAccessDenied(() -> aliaser.deleteAlias(b -> b.aliasName("alias/ops-delete")),
                refused("kms:DeleteAlias", aliasArn("alias/ops-delete")));
        assertThat(target("alias/app-delete-other")).contains(other.keyId());
        assertThat(target("alias/ops-delete")).contains(mine.keyId());
    }
}
