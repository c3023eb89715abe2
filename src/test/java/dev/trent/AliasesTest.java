package dev.trent;

import static dev.trent.support.AwsErrors.assertAccessDenied;
import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.assertAwsErrorWithoutMessage;
import static dev.trent.support.AwsErrors.assertValidationError;
import static dev.trent.support.AwsErrors.notAuthorized;
import static dev.trent.support.TestKeys.keyArn;
import static dev.trent.support.TestKeys.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.trent.support.TrentServer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/** CreateAlias, UpdateAlias, DeleteAlias, ListAliases and AWS's predefined aliases, through the AWS SDK. */
class AliasesTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final String ACCOUNT = TrentServer.ACCOUNT;
    private static final String REGION = TrentServer.REGION;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The aliases AWS lists in an account before any AWS managed key exists (research notes, item 12). */
    private static final List<String> PREDEFINED = List.of(
            "alias/aws/acm", "alias/aws/dynamodb", "alias/aws/ebs", "alias/aws/elasticfilesystem", "alias/aws/es",
            "alias/aws/glue", "alias/aws/kinesisvideo", "alias/aws/lambda", "alias/aws/rds", "alias/aws/redshift",
            "alias/aws/s3", "alias/aws/secretsmanager", "alias/aws/ssm", "alias/aws/xray");

    private static KmsClient kms;

    @BeforeAll
    static void client() {
        kms = trent.kms();
    }

    // ---------------------------------------------------------------- create and resolve

    @Test
    void aliasNameResolvesToItsKey() {
        KeyMetadata key = newKey(kms);
        String alias = newAliasName();

        kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));

        assertThat(kms.describeKey(b -> b.keyId(alias)).keyMetadata().keyId()).isEqualTo(key.keyId());
    }

    @Test
    void aliasArnResolvesToItsKey() {
        KeyMetadata key = newKey(kms);
        String alias = newAliasName();

        kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.arn()));

        assertThat(kms.describeKey(b -> b.keyId(aliasArn(ACCOUNT, REGION, alias))).keyMetadata().keyId())
                .isEqualTo(key.keyId());
    }

    @Test
    void listAliasesEntryHasNameArnTargetAndDates() {
        KeyMetadata key = newKey(kms);
        String alias = newAliasName();
        Instant before = trent.trent().clock().instant().truncatedTo(ChronoUnit.MILLIS);

        kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));

        Instant after = trent.trent().clock().instant();
        AliasListEntry entry = onlyAliasOf(key);
        assertThat(entry.aliasName()).isEqualTo(alias);
        assertThat(entry.aliasArn()).isEqualTo("arn:aws:kms:us-east-1:111122223333:" + alias);
        assertThat(entry.targetKeyId()).isEqualTo(key.keyId());
        assertThat(entry.creationDate()).isBetween(before, after);
        assertThat(entry.lastUpdatedDate()).isBetween(before, after);
    }

    @Test
    void updateAliasChangesTargetKeyIdAndLastUpdatedDate() {
        KeyMetadata first = newKey(kms);
        KeyMetadata second = newKey(kms);
        String alias = newAliasName();
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(first.keyId()));
        Instant created = onlyAliasOf(first).creationDate();
        trent.trent().clock().advance(Duration.ofHours(1));

        kms.updateAlias(b -> b.aliasName(alias).targetKeyId(second.keyId()));

        AliasListEntry entry = onlyAliasOf(second);
        assertThat(entry.aliasName()).isEqualTo(alias);
        assertThat(entry.targetKeyId()).isEqualTo(second.keyId());
        assertThat(entry.creationDate()).isEqualTo(created);
        assertThat(entry.lastUpdatedDate()).isAfterOrEqualTo(created.plus(Duration.ofHours(1)));
        assertThat(kms.describeKey(b -> b.keyId(alias)).keyMetadata().keyId()).isEqualTo(second.keyId());
        assertThat(kms.listAliases(b -> b.keyId(first.keyId())).aliases()).isEmpty();
    }

    @Test
    void listAliasesWithKeyIdListsOnlyThatKeysAliases() {
        KeyMetadata key = newKey(kms);
        KeyMetadata other = newKey(kms);
        String first = newAliasName();
        String second = newAliasName();
        kms.createAlias(b -> b.aliasName(first).targetKeyId(key.keyId()));
        kms.createAlias(b -> b.aliasName(second).targetKeyId(key.keyId()));
        kms.createAlias(b -> b.aliasName(newAliasName()).targetKeyId(other.keyId()));

        ListAliasesResponse listed = kms.listAliases(b -> b.keyId(key.keyId()));

        assertThat(listed.aliases()).extracting(AliasListEntry::aliasName).containsExactlyInAnyOrder(first, second);
        assertThat(listed.aliases()).extracting(AliasListEntry::targetKeyId).containsOnly(key.keyId());
    }

    @Test
    void deletedAliasIsNoLongerListed() {
        KeyMetadata key = newKey(kms);
        String alias = newAliasName();
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));

        kms.deleteAlias(b -> b.aliasName(alias));

        assertThat(kms.listAliases(b -> b.keyId(key.keyId())).aliases()).isEmpty();
    }

    @Test
    void describeKeyOfAMissingAliasIsNotFound() {
        String alias = newAliasName();

        assertAwsError(() -> kms.describeKey(b -> b.keyId(alias)), NotFoundException.class, "NotFoundException",
                "Alias " + aliasArn(ACCOUNT, REGION, alias) + " is not found.");
    }

    // ---------------------------------------------------------------- AWS's predefined aliases and managed keys

    @Test
    void listAliasesWithoutKeyIdListsAwsPredefinedAliasesWithoutTarget() {
        String account = freshAccount();
        try (KmsClient fresh = trent.client(account, REGION)) {
            List<AliasListEntry> aliases = fresh.listAliases(b -> { }).aliases();

            assertThat(aliases).extracting(AliasListEntry::aliasName).containsExactlyInAnyOrderElementsOf(PREDEFINED);
            assertThat(aliases).allSatisfy(entry -> {
                assertThat(entry.aliasArn()).isEqualTo(aliasArn(account, REGION, entry.aliasName()));
                assertThat(entry.targetKeyId()).isNull();
            });
        }
    }

    @Test
    void listAliasesWithoutKeyIdListsCustomerAliasesBesideThePredefinedOnes() {
        try (KmsClient fresh = trent.client(freshAccount(), REGION)) {
            KeyMetadata key = newKey(fresh);
            String alias = newAliasName();
            fresh.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));

            List<AliasListEntry> aliases = fresh.listAliases(b -> { }).aliases();

            assertThat(aliases).extracting(AliasListEntry::aliasName).hasSize(PREDEFINED.size() + 1)
                    .contains(alias).containsAll(PREDEFINED);
        }
    }

    @Test
    void describeKeyOfAnAwsAliasCreatesTheAwsManagedKey() {
        String account = freshAccount();
        try (KmsClient fresh = trent.client(account, REGION)) {
            KeyMetadata key = fresh.describeKey(b -> b.keyId("alias/aws/s3")).keyMetadata();

            assertThat(key.keyManagerAsString()).isEqualTo("AWS");
            assertThat(key.description()).isEqualTo("Default key that protects my S3 objects when no other key is defined");
            assertThat(key.awsAccountId()).isEqualTo(account);
            assertThat(key.arn()).isEqualTo("arn:aws:kms:" + REGION + ":" + account + ":key/" + key.keyId());
            assertThat(key.keyStateAsString()).isEqualTo("Enabled");
            assertThat(key.originAsString()).isEqualTo("AWS_KMS");
            assertThat(key.keySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
            assertThat(key.keyUsageAsString()).isEqualTo("ENCRYPT_DECRYPT");
        }
    }

    @Test
    void describeKeyOfAnAwsAliasReturnsTheSameKeyEveryTime() {
        try (KmsClient fresh = trent.client(freshAccount(), REGION)) {
            String first = fresh.describeKey(b -> b.keyId("alias/aws/s3")).keyMetadata().keyId();
            String second = fresh.describeKey(b -> b.keyId("alias/aws/s3")).keyMetadata().keyId();

            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void listAliasesShowsTheTargetOfAnAwsAliasOnceItsKeyExists() {
        try (KmsClient fresh = trent.client(freshAccount(), REGION)) {
            String keyId = fresh.describeKey(b -> b.keyId("alias/aws/s3")).keyMetadata().keyId();

            List<AliasListEntry> aliases = fresh.listAliases(b -> { }).aliases();

            assertThat(aliases).filteredOn(a -> a.aliasName().equals("alias/aws/s3"))
                    .singleElement().extracting(AliasListEntry::targetKeyId).isEqualTo(keyId);
            assertThat(aliases).filteredOn(a -> !a.aliasName().equals("alias/aws/s3"))
                    .extracting(AliasListEntry::targetKeyId).containsOnlyNulls();
        }
    }

    @Test
    void listKeysIncludesAnAwsManagedKeyOnceItExists() {
        try (KmsClient fresh = trent.client(freshAccount(), REGION)) {
            KeyMetadata key = fresh.describeKey(b -> b.keyId("alias/aws/s3")).keyMetadata();

            List<KeyListEntry> keys = fresh.listKeysPaginator(b -> { }).keys().stream().toList();

            assertThat(keys).extracting(KeyListEntry::keyId, KeyListEntry::keyArn)
                    .containsExactly(tuple(key.keyId(), key.arn()));
        }
    }

    /**
     * [AWS-DOC] "you cannot use AWS managed keys in cryptographic operations directly; the service
     * that creates them uses them on your behalf" (KMS developer guide, AWS managed keys): their key
     * policy lets the account's principals use them only through the service (kms:ViaService) and
     * gives the account root only kms:Describe*, Get*, List*.
     */
    @Test
    void encryptDirectlyWithAnAwsManagedKeyIsAccessDenied() {
        String account = freshAccount();
        try (KmsClient fresh = trent.client(account, REGION)) {
            String arn = fresh.describeKey(b -> b.keyId("alias/aws/s3")).keyMetadata().arn();

            assertAccessDenied(() -> fresh.encrypt(b -> b.keyId("alias/aws/s3")
                    .plaintext(SdkBytes.fromUtf8String("secret"))), notAuthorized(account, "kms:Encrypt", arn));
        }
    }

    // ---------------------------------------------------------------- errors

    @Test
    void createAliasWithAnExistingNameIsAlreadyExists() {
        KeyMetadata key = newKey(kms);
        KeyMetadata other = newKey(kms);
        String alias = newAliasName();
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));

        assertAwsError(() -> kms.createAlias(b -> b.aliasName(alias).targetKeyId(other.keyId())),
                AlreadyExistsException.class, "AlreadyExistsException",
                "An alias with the name " + aliasArn(ACCOUNT, REGION, alias) + " already exists");
    }

    @Test
    void createAliasWithoutTheAliasPrefixIsValidationError() {
        KeyMetadata key = newKey(kms);

        assertValidationError(
                () -> kms.createAlias(b -> b.aliasName("no-prefix-" + UUID.randomUUID()).targetKeyId(key.keyId())),
                "Alias must start with the prefix \"alias/\". Please see"
                        + " https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
    }

    @Test
    void createAliasUnderTheReservedAwsPrefixIsNotAuthorized() {
        KeyMetadata key = newKey(kms);

        assertAwsErrorWithoutMessage(
                () -> kms.createAlias(b -> b.aliasName("alias/aws/anything").targetKeyId(key.keyId())),
                KmsException.class, "NotAuthorizedException");
    }

    @Test
    void createAliasWithASpaceInTheNameIsValidationError() {
        KeyMetadata key = newKey(kms);

        assertValidationError(() -> kms.createAlias(b -> b.aliasName("alias/bad name").targetKeyId(key.keyId())),
                "1 validation error detected: Value 'alias/bad name' at 'aliasName' failed to satisfy constraint:"
                        + " Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$");
    }

    @Test
    void createAliasForAKeyThatDoesNotExistIsNotFound() {
        String missing = UUID.randomUUID().toString();

        assertAwsError(() -> kms.createAlias(b -> b.aliasName(newAliasName()).targetKeyId(missing)),
                NotFoundException.class, "NotFoundException", "Key '" + keyArn(missing) + "' does not exist");
    }

    @Test
    void createAliasForAKeyPendingDeletionIsInvalidState() {
        KeyMetadata key = newKey(kms);
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));

        assertAwsError(() -> kms.createAlias(b -> b.aliasName(newAliasName()).targetKeyId(key.keyId())),
                KmsInvalidStateException.class, "KMSInvalidStateException", key.arn() + " is pending deletion.");
    }

    @Test
    void deleteAliasOfAMissingAliasIsNotFound() {
        String alias = newAliasName();

        assertAwsError(() -> kms.deleteAlias(b -> b.aliasName(alias)), NotFoundException.class, "NotFoundException",
                "Alias " + aliasArn(ACCOUNT, REGION, alias) + " is not found.");
    }

    @Test
    void updateAliasOfAMissingAliasIsNotFound() {
        KeyMetadata key = newKey(kms);
        String alias = newAliasName();

        assertAwsError(() -> kms.updateAlias(b -> b.aliasName(alias).targetKeyId(key.keyId())),
                NotFoundException.class, "NotFoundException",
                "Alias " + aliasArn(ACCOUNT, REGION, alias) + " is not found.");
    }

    @Test
    void updateAliasToAKeyPendingDeletionIsInvalidState() {
        KeyMetadata current = newKey(kms);
        KeyMetadata pending = newKey(kms);
        String alias = newAliasName();
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(current.keyId()));
        kms.scheduleKeyDeletion(b -> b.keyId(pending.keyId()).pendingWindowInDays(7));

        assertAwsError(() -> kms.updateAlias(b -> b.aliasName(alias).targetKeyId(pending.keyId())),
                KmsInvalidStateException.class, "KMSInvalidStateException", pending.arn() + " is pending deletion.");
    }

    /** [AWS-DOC] key-state table, footnote 10: "If the source CMK is pending deletion, the command succeeds." */
    @Test
    void updateAliasAwayFromAKeyPendingDeletionSucceeds() {
        KeyMetadata pending = newKey(kms);
        KeyMetadata next = newKey(kms);
        String alias = newAliasName();
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(pending.keyId()));
        kms.scheduleKeyDeletion(b -> b.keyId(pending.keyId()).pendingWindowInDays(7));

        kms.updateAlias(b -> b.aliasName(alias).targetKeyId(next.keyId()));

        assertThat(kms.describeKey(b -> b.keyId(alias)).keyMetadata().keyId()).isEqualTo(next.keyId());
    }

    // ---------------------------------------------------------------- scopes

    @Test
    void theSameAliasNameExistsInTwoRegionsForTwoKeys() {
        String alias = newAliasName();
        try (KmsClient other = trent.client(ACCOUNT, TrentServer.OTHER_REGION)) {
            KeyMetadata here = newKey(kms);
            KeyMetadata there = newKey(other);

            kms.createAlias(b -> b.aliasName(alias).targetKeyId(here.keyId()));
            other.createAlias(b -> b.aliasName(alias).targetKeyId(there.keyId()));

            assertThat(kms.describeKey(b -> b.keyId(alias)).keyMetadata().arn()).isEqualTo(here.arn());
            assertThat(other.describeKey(b -> b.keyId(alias)).keyMetadata().arn()).isEqualTo(there.arn());
            assertThat(onlyAliasOf(other, there).aliasArn())
                    .isEqualTo(aliasArn(ACCOUNT, TrentServer.OTHER_REGION, alias));
        }
    }

    @Test
    void theSameAliasNameExistsInTwoAccountsForTwoKeys() {
        String alias = newAliasName();
        try (KmsClient other = trent.client(TrentServer.OTHER_ACCOUNT, REGION)) {
            KeyMetadata here = newKey(kms);
            KeyMetadata there = newKey(other);

            kms.createAlias(b -> b.aliasName(alias).targetKeyId(here.keyId()));
            other.createAlias(b -> b.aliasName(alias).targetKeyId(there.keyId()));

            assertThat(kms.describeKey(b -> b.keyId(alias)).keyMetadata().arn()).isEqualTo(here.arn());
            assertThat(other.describeKey(b -> b.keyId(alias)).keyMetadata().arn()).isEqualTo(there.arn());
            assertThat(onlyAliasOf(other, there).aliasArn())
                    .isEqualTo(aliasArn(TrentServer.OTHER_ACCOUNT, REGION, alias));
        }
    }

    // ---------------------------------------------------------------- paging

    @Test
    void listAliasesPagingVisitsEveryAliasExactlyOnce() {
        try (KmsClient fresh = trent.client(freshAccount(), REGION)) {
            KeyMetadata key = newKey(fresh);
            List<String> expected = new ArrayList<>(PREDEFINED);
            IntStream.range(0, 8).forEach(i -> {
                String alias = "alias/page-" + i + "-" + UUID.randomUUID();
                fresh.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));
                expected.add(alias);
            });

            List<String> visited = new ArrayList<>();
            String marker = null;
            int pages = 0;
            do {
                String from = marker;
                ListAliasesResponse page = fresh.listAliases(b -> b.limit(3).marker(from));
                pages++;
                assertThat(page.aliases()).hasSizeLessThanOrEqualTo(3);
                assertThat(page.truncated()).isEqualTo(page.nextMarker() != null);
                page.aliases().forEach(a -> visited.add(a.aliasName()));
                marker = page.nextMarker();
            } while (marker != null && pages < 50);

            assertThat(visited).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
            assertThat(pages).isGreaterThan(1);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String newAliasName() {
        return "alias/test/" + UUID.randomUUID();
    }

    /** A twelve-digit account nobody else uses, for tests about what a whole account lists. */
    private static String freshAccount() {
        return String.valueOf(100_000_000_000L + RANDOM.nextLong(900_000_000_000L));
    }

    private static String aliasArn(String account, String region, String aliasName) {
        return "arn:aws:kms:" + region + ":" + account + ":" + aliasName;
    }

    private static AliasListEntry onlyAliasOf(KeyMetadata key) {
        return onlyAliasOf(kms, key);
    }

    private static AliasListEntry onlyAliasOf(KmsClient client, KeyMetadata key) {
        List<AliasListEntry> aliases = client.listAliases(b -> b.keyId(key.keyId())).aliases();
        assertThat(aliases).hasSize(1);
        return aliases.get(0);
    }
}
