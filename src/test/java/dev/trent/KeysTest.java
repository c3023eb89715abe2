package dev.trent;

import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.assertValidationError;
import static dev.trent.support.TestKeys.newKey;
import static dev.trent.support.TestTags.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trent.support.TrentServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.CustomKeyStoreNotFoundException;
import software.amazon.awssdk.services.kms.model.CustomerMasterKeySpec;
import software.amazon.awssdk.services.kms.model.InvalidMarkerException;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.MultiRegionConfiguration;
import software.amazon.awssdk.services.kms.model.MultiRegionKeyType;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;

/** CreateKey, DescribeKey, ListKeys, EnableKey, DisableKey, UpdateKeyDescription, key deletion. */
class KeysTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final String ACCOUNT = TrentServer.ACCOUNT;
    private static final String REGION = TrentServer.REGION;
    private static final String ARN_PREFIX = "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final KmsClient kms = trent.kms();

    // ---------------------------------------------------------------- CreateKey

    @Test
    void createKeyWithoutParametersReturnsAwsMetadataOfAnEnabledSymmetricKey() {
        Instant now = now();

        KeyMetadata key = kms.createKey(b -> { }).keyMetadata();

        assertThat(key.awsAccountId()).isEqualTo(ACCOUNT);
        assertThat(key.keyId()).matches(UUID);
        assertThat(key.arn()).isEqualTo(ARN_PREFIX + "key/" + key.keyId());
        assertThat(key.creationDate()).isCloseTo(now, within(5, ChronoUnit.SECONDS));
        assertThat(key.enabled()).isTrue();
        assertThat(key.description()).isEmpty();
        assertThat(key.keyUsageAsString()).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(key.keyStateAsString()).isEqualTo("Enabled");
        assertThat(key.originAsString()).isEqualTo("AWS_KMS");
        assertThat(key.keyManagerAsString()).isEqualTo("CUSTOMER");
        assertThat(key.customerMasterKeySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(key.keySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(key.encryptionAlgorithmsAsStrings()).containsExactly("SYMMETRIC_DEFAULT");
        assertThat(key.multiRegion()).isFalse();
        assertThat(key.currentKeyMaterialId()).matches("[0-9a-f]{64}");
    }

    @Test
    void createKeyReturnsExactlyTheFieldsAwsReturnsForASymmetricKey() {
        KeyMetadata key = kms.createKey(b -> { }).keyMetadata();

        // No DeletionDate, ValidTo, ExpirationModel, MultiRegionConfiguration, SigningAlgorithms,
        // MacAlgorithms, PendingDeletionWindowInDays, CustomKeyStoreId, ...
        assertThat(presentFields(key)).containsExactlyInAnyOrder("AWSAccountId", "Arn", "CreationDate",
                "CurrentKeyMaterialId", "CustomerMasterKeySpec", "Description", "Enabled", "EncryptionAlgorithms",
                "KeyId", "KeyManager", "KeySpec", "KeyState", "KeyUsage", "MultiRegion", "Origin");
    }

    @Test
    void describeKeyReturnsTheMetadataCreateKeyReturned() {
        KeyMetadata created = kms.createKey(b -> b.description("same")).keyMetadata();

        KeyMetadata described = kms.describeKey(b -> b.keyId(created.keyId())).keyMetadata();

        assertThat(described).isEqualTo(created);
    }

    @Test
    void createKeyKeepsTheDescription() {
        KeyMetadata key = kms.createKey(b -> b.description("test - description")).keyMetadata();

        assertThat(key.description()).isEqualTo("test - description");
        assertThat(describe(key.keyId()).description()).isEqualTo("test - description");
    }

    @Test
    void createKeyWithTagsTagsTheKey() {
        KeyMetadata key = kms.createKey(b -> b.tags(tag("project", "trent"), tag("team", "kms"))).keyMetadata();

        assertThat(kms.listResourceTags(b -> b.keyId(key.keyId())).tags())
                .containsExactlyInAnyOrder(tag("project", "trent"), tag("team", "kms"));
    }

    @Test
    void createKeyWithPolicyStoresThePolicy() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

        KeyMetadata key = kms.createKey(b -> b.policy(policy)).keyMetadata();

        assertThat(kms.getKeyPolicy(b -> b.keyId(key.keyId()).policyName("default")).policy()).isEqualTo(policy);
    }

    @Test
    void createKeyWithExternalOriginMakesAKeyPendingImport() {
        KeyMetadata key = kms.createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata();

        assertThat(key.originAsString()).isEqualTo("EXTERNAL");
        assertThat(key.keyStateAsString()).isEqualTo("PendingImport");
        assertThat(key.enabled()).isFalse();
        assertThat(key.currentKeyMaterialId()).isNull();
        assertThat(key.expirationModelAsString()).isNull();
        assertThat(key.keySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(key.encryptionAlgorithmsAsStrings()).containsExactly("SYMMETRIC_DEFAULT");
        assertThat(presentFields(key)).containsExactlyInAnyOrder("AWSAccountId", "Arn", "CreationDate",
                "CustomerMasterKeySpec", "Description", "Enabled", "EncryptionAlgorithms", "KeyId", "KeyManager",
                "KeySpec", "KeyState", "KeyUsage", "MultiRegion", "Origin");
    }

    @Test
    void createMultiRegionKeyMakesAPrimaryKeyWithAnMrkId() {
        KeyMetadata key = kms.createKey(b -> b.multiRegion(true)).keyMetadata();

        assertThat(key.keyId()).matches("mrk-[0-9a-f]{32}");
        assertThat(key.arn()).isEqualTo(ARN_PREFIX + "key/" + key.keyId());
        assertThat(key.multiRegion()).isTrue();
        MultiRegionConfiguration config = key.multiRegionConfiguration();
        assertThat(config).isNotNull();
        assertThat(config.multiRegionKeyType()).isEqualTo(MultiRegionKeyType.PRIMARY);
        assertThat(config.primaryKey().arn()).isEqualTo(key.arn());
        assertThat(config.primaryKey().region()).isEqualTo(REGION);
        assertThat(config.hasReplicaKeys()).as("ReplicaKeys present as []").isTrue();
        assertThat(config.replicaKeys()).isEmpty();
    }

    @Test
    void createKeyAcceptsCustomerMasterKeySpecAlone() {
        KeyMetadata key = kms.createKey(b -> b.customerMasterKeySpec(CustomerMasterKeySpec.SYMMETRIC_DEFAULT))
                .keyMetadata();

        assertThat(key.keySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(key.customerMasterKeySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(key.keyStateAsString()).isEqualTo("Enabled");
    }

    @Test
    void createKeyRefusesKeySpecAndCustomerMasterKeySpecTogether() {
        KmsException e = assertAwsError(() -> kms.createKey(b -> b.keySpec(KeySpec.SYMMETRIC_DEFAULT)
                .customerMasterKeySpec(CustomerMasterKeySpec.SYMMETRIC_DEFAULT)),
                KmsException.class, "ValidationException");

        // AWS's exact text is not recorded; it names both parameters.
        assertThat(e.awsErrorDetails().errorMessage()).contains("KeySpec", "CustomerMasterKeySpec");
    }

    @Test
    void createKeyOfAnAsymmetricSpecNeedsAKeyUsage() {
        assertValidationError(() -> kms.createKey(b -> b.keySpec(KeySpec.RSA_2048)),
                "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
    }

    @Test
    void createKeyRefusesAKeyUsageTheSymmetricSpecCannotHave() {
        assertValidationError(() -> kms.createKey(b -> b.keyUsage(KeyUsageType.SIGN_VERIFY)),
                "KeyUsage SIGN_VERIFY is not compatible with KeySpec SYMMETRIC_DEFAULT");
    }

    @Test
    void createKeyInACustomKeyStoreThatDoesNotExistFails() {
        assertAwsError(() -> kms.createKey(b -> b.customKeyStoreId("cks-1234567890abcdef0")),
                CustomKeyStoreNotFoundException.class, "CustomKeyStoreNotFoundException");
    }

    @Test
    void createKeyRefusesAnUnknownKeySpecWithAwsEnumConstraintMessage() {
        KmsException e = assertAwsError(() -> kms.createKey(b -> b.keySpec("X")), KmsException.class,
                "ValidationException");

        assertEnumConstraintMessage(e.awsErrorDetails().errorMessage(), "X", "keySpec",
                KeySpec.knownValues().stream().map(Object::toString).collect(Collectors.toSet()));
    }

    @Test
    void createKeyRefusesAnUnknownKeyUsageWithAwsEnumConstraintMessage() {
        KmsException e = assertAwsError(() -> kms.createKey(b -> b.keyUsage("RANDOM")), KmsException.class,
                "ValidationException");

        assertEnumConstraintMessage(e.awsErrorDetails().errorMessage(), "RANDOM", "keyUsage",
                KeyUsageType.knownValues().stream().map(Object::toString).collect(Collectors.toSet()));
    }

    // ---------------------------------------------------------------- DescribeKey

    @Test
    void describeKeyFindsAKeyByKeyId() {
        KeyMetadata key = newKey(kms);

        assertThat(kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().arn()).isEqualTo(key.arn());
    }

    @Test
    void describeKeyFindsAKeyByKeyArn() {
        KeyMetadata key = newKey(kms);

        assertThat(kms.describeKey(b -> b.keyId(key.arn())).keyMetadata().keyId()).isEqualTo(key.keyId());
    }

    @Test
    void describeKeyFindsAKeyByAliasName() {
        KeyMetadata key = newKey(kms);
        String alias = "alias/describe-by-name-" + key.keyId();
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));

        assertThat(kms.describeKey(b -> b.keyId(alias)).keyMetadata().keyId()).isEqualTo(key.keyId());
    }

    @Test
    void describeKeyFindsAKeyByAliasArn() {
        KeyMetadata key = newKey(kms);
        String alias = "alias/describe-by-arn-" + key.keyId();
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));

        assertThat(kms.describeKey(b -> b.keyId(ARN_PREFIX + alias)).keyMetadata().keyId()).isEqualTo(key.keyId());
    }

    @Test
    void describeKeyOfAnUnknownKeyIdNamesTheKeyArn() {
        String id = "134f2428-cec1-4b25-a1ae-9048164dba47";

        assertAwsError(() -> kms.describeKey(b -> b.keyId(id)), NotFoundException.class, "NotFoundException",
                "Key '" + ARN_PREFIX + "key/" + id + "' does not exist");
    }

    @Test
    void describeKeyOfAnUnknownKeyArnNamesTheKeyArn() {
        String arn = ARN_PREFIX + "key/134f2428-cec1-4b25-a1ae-9048164dba47";

        assertAwsError(() -> kms.describeKey(b -> b.keyId(arn)), NotFoundException.class, "NotFoundException",
                "Key '" + arn + "' does not exist");
    }

    @Test
    void describeKeyOfAnUnknownMultiRegionKeyIdNamesTheKeyArn() {
        String id = "mrk-d3b95762d3b95762d3b95762d3b95762";

        assertAwsError(() -> kms.describeKey(b -> b.keyId(id)), NotFoundException.class, "NotFoundException",
                "Key '" + ARN_PREFIX + "key/" + id + "' does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "fake-key-id", "134f2428cec14b25a1ae9048164dba47", "mrk-fake-key-id"})
    void describeKeyOfAMalformedKeyIdIsInvalid(String keyId) {
        assertAwsError(() -> kms.describeKey(b -> b.keyId(keyId)), NotFoundException.class, "NotFoundException",
                "Invalid keyId '" + keyId + "'");
    }

    @Test
    void describeKeyOfAnAliasThatDoesNotExistNamesTheAliasArn() {
        assertAwsError(() -> kms.describeKey(b -> b.keyId("alias/none")), NotFoundException.class,
                "NotFoundException", "Alias " + ARN_PREFIX + "alias/none is not found.");
    }

    @Test
    void describeKeyOfAnAliasArnThatDoesNotExistNamesTheAliasArn() {
        assertAwsError(() -> kms.describeKey(b -> b.keyId(ARN_PREFIX + "alias/none")), NotFoundException.class,
                "NotFoundException", "Alias " + ARN_PREFIX + "alias/none is not found.");
    }

    @Test
    void describeKeyByTheArnOfAKeyInAnotherRegionIsAnInvalidArn() {
        String otherRegionArn;
        try (KmsClient eu = trent.client(ACCOUNT, TrentServer.OTHER_REGION)) {
            otherRegionArn = eu.createKey(b -> { }).keyMetadata().arn();
        }

        assertAwsError(() -> kms.describeKey(b -> b.keyId(otherRegionArn)), NotFoundException.class,
                "NotFoundException", "Invalid arn " + TrentServer.OTHER_REGION);
    }

    @Test
    void describeKeyByTheIdOfAKeyInAnotherRegionDoesNotFindIt() {
        String otherRegionId;
        try (KmsClient eu = trent.client(ACCOUNT, TrentServer.OTHER_REGION)) {
            otherRegionId = eu.createKey(b -> { }).keyMetadata().keyId();
        }

        assertAwsError(() -> kms.describeKey(b -> b.keyId(otherRegionId)), NotFoundException.class,
                "NotFoundException", "Key '" + ARN_PREFIX + "key/" + otherRegionId + "' does not exist");
    }

    @Test
    void describeKeyOfAnAwsServiceAliasReturnsTheAwsManagedKey() {
        KeyMetadata key = kms.describeKey(b -> b.keyId("alias/aws/s3")).keyMetadata();

        assertThat(key.keyManager()).isEqualTo(KeyManagerType.AWS);
        assertThat(key.originAsString()).isEqualTo("AWS_KMS");
        assertThat(key.keySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(key.keyUsageAsString()).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(key.keyStateAsString()).isEqualTo("Enabled");
        assertThat(key.description()).isEqualTo("Default key that protects my S3 objects when no other key is defined");
        assertThat(kms.describeKey(b -> b.keyId("alias/aws/s3")).keyMetadata().keyId()).isEqualTo(key.keyId());
    }

    // ---------------------------------------------------------------- ListKeys

    @Test
    void listKeysPagesThroughEveryKeyExactlyOnce() {
        try (KmsClient fresh = trent.client("210000000001", REGION)) {
            Set<String> created = new TreeSet<>();
            for (int i = 0; i < 7; i++) {
                created.add(fresh.createKey(b -> { }).keyMetadata().keyId());
            }

            List<String> seen = new ArrayList<>();
            ListKeysResponse first = fresh.listKeys(b -> b.limit(3));
            assertThat(first.keys()).hasSize(3);
            assertThat(first.truncated()).isTrue();
            assertThat(first.nextMarker()).isNotBlank();
            first.keys().forEach(k -> seen.add(k.keyId()));

            ListKeysResponse second = fresh.listKeys(b -> b.limit(3).marker(first.nextMarker()));
            assertThat(second.keys()).hasSize(3);
            assertThat(second.truncated()).isTrue();
            assertThat(second.nextMarker()).isNotBlank();
            second.keys().forEach(k -> seen.add(k.keyId()));

            ListKeysResponse last = fresh.listKeys(b -> b.limit(3).marker(second.nextMarker()));
            assertThat(last.keys()).hasSize(1);
            assertThat(last.truncated()).isFalse();
            assertThat(last.nextMarker()).isNull();
            last.keys().forEach(k -> seen.add(k.keyId()));

            assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        }
    }

    @Test
    void listKeysEndsWithoutMarkerWhenTheLastPageIsFull() {
        try (KmsClient fresh = trent.client("210000000002", REGION)) {
            for (int i = 0; i < 4; i++) {
                fresh.createKey(b -> { });
            }

            ListKeysResponse first = fresh.listKeys(b -> b.limit(2));
            ListKeysResponse second = fresh.listKeys(b -> b.limit(2).marker(first.nextMarker()));

            assertThat(first.truncated()).isTrue();
            assertThat(second.keys()).hasSize(2);
            assertThat(second.truncated()).isFalse();
            assertThat(second.nextMarker()).isNull();
        }
    }

    @Test
    void listKeysGivesTheKeyIdAndArnOfEachKey() {
        try (KmsClient fresh = trent.client("210000000003", REGION)) {
            KeyMetadata key = fresh.createKey(b -> { }).keyMetadata();

            ListKeysResponse page = fresh.listKeys(b -> { });

            assertThat(page.keys()).containsExactly(KeyListEntry.builder().keyId(key.keyId()).keyArn(key.arn()).build());
            assertThat(page.truncated()).isFalse();
            assertThat(page.nextMarker()).isNull();
        }
    }

    @Test
    void listKeysListsOnlyTheCallersAccountAndRegion() {
        try (KmsClient fresh = trent.client("210000000004", REGION);
                KmsClient otherRegion = trent.client("210000000004", TrentServer.OTHER_REGION)) {
            String here = fresh.createKey(b -> { }).keyMetadata().keyId();
            otherRegion.createKey(b -> { });

            assertThat(fresh.listKeys(b -> { }).keys()).extracting(KeyListEntry::keyId).containsExactly(here);
        }
    }

    @Test
    void listKeysRefusesAMarkerItDidNotMake() {
        assertAwsError(() -> kms.listKeys(b -> b.marker("not-a-marker")), InvalidMarkerException.class,
                "InvalidMarkerException");
    }

    @Test
    void listKeysRefusesLimitZero() {
        assertValidationError(() -> kms.listKeys(b -> b.limit(0)), "1 validation error detected: Value '0' at "
                + "'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void listKeysRefusesLimitAboveOneThousand() {
        assertValidationError(() -> kms.listKeys(b -> b.limit(1001)), "1 validation error detected: Value '1001' at "
                + "'limit' failed to satisfy constraint: Member must have value less than or equal to 1000");
    }

    // ---------------------------------------------------------------- EnableKey, DisableKey

    @Test
    void disableKeyDisablesTheKey() {
        KeyMetadata key = newKey(kms);

        kms.disableKey(b -> b.keyId(key.keyId()));

        KeyMetadata described = describe(key.keyId());
        assertThat(described.keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(described.enabled()).isFalse();
    }

    @Test
    void disableKeyOfADisabledKeyChangesNothing() {
        KeyMetadata key = newKey(kms);
        kms.disableKey(b -> b.keyId(key.keyId()));

        kms.disableKey(b -> b.keyId(key.arn()));

        assertThat(describe(key.keyId()).keyState()).isEqualTo(KeyState.DISABLED);
    }

    @Test
    void enableKeyEnablesADisabledKey() {
        KeyMetadata key = newKey(kms);
        kms.disableKey(b -> b.keyId(key.keyId()));

        kms.enableKey(b -> b.keyId(key.keyId()));

        KeyMetadata described = describe(key.keyId());
        assertThat(described.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(described.enabled()).isTrue();
    }

    @Test
    void enableKeyOfAnEnabledKeyChangesNothing() {
        KeyMetadata key = newKey(kms);

        kms.enableKey(b -> b.keyId(key.arn()));

        assertThat(describe(key.keyId()).keyState()).isEqualTo(KeyState.ENABLED);
    }

    @Test
    void disableKeyOfAnUnknownKeyIsNotFound() {
        String id = "134f2428-cec1-4b25-a1ae-9048164dba47";

        assertAwsError(() -> kms.disableKey(b -> b.keyId(id)), NotFoundException.class, "NotFoundException",
                "Key '" + ARN_PREFIX + "key/" + id + "' does not exist");
    }

    // ---------------------------------------------------------------- UpdateKeyDescription

    @Test
    void updateKeyDescriptionReplacesTheDescription() {
        KeyMetadata key = kms.createKey(b -> b.description("before")).keyMetadata();

        kms.updateKeyDescription(b -> b.keyId(key.keyId()).description("after"));

        assertThat(describe(key.keyId()).description()).isEqualTo("after");
    }

    @Test
    void updateKeyDescriptionAcceptsAnEmptyDescription() {
        KeyMetadata key = kms.createKey(b -> b.description("before")).keyMetadata();

        kms.updateKeyDescription(b -> b.keyId(key.arn()).description(""));

        assertThat(describe(key.keyId()).description()).isEmpty();
    }

    // ---------------------------------------------------------------- ScheduleKeyDeletion

    @Test
    void scheduleKeyDeletionWaitsThirtyDaysByDefault() {
        KeyMetadata key = newKey(kms);
        Instant now = now();

        ScheduleKeyDeletionResponse scheduled = kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()));

        assertThat(scheduled.keyId()).isEqualTo(key.arn());
        assertThat(scheduled.keyStateAsString()).isEqualTo("PendingDeletion");
        assertThat(scheduled.pendingWindowInDays()).isEqualTo(30);
        assertThat(scheduled.deletionDate()).isCloseTo(now.plus(Duration.ofDays(30)), within(5, ChronoUnit.SECONDS));
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 30})
    void scheduleKeyDeletionAcceptsAWindowFromSevenToThirtyDays(int days) {
        KeyMetadata key = newKey(kms);
        Instant now = now();

        ScheduleKeyDeletionResponse scheduled = kms.scheduleKeyDeletion(b -> b.keyId(key.keyId())
                .pendingWindowInDays(days));

        assertThat(scheduled.keyId()).isEqualTo(key.arn());
        assertThat(scheduled.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(scheduled.pendingWindowInDays()).isEqualTo(days);
        assertThat(scheduled.deletionDate()).isCloseTo(now.plus(Duration.ofDays(days)), within(5, ChronoUnit.SECONDS));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 6, 31, 365})
    void scheduleKeyDeletionRefusesAWindowOutsideSevenToThirtyDays(int days) {
        KeyMetadata key = newKey(kms);

        assertValidationError(() -> kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(days)),
                "PendingWindowInDays must be between 7 and 30");
        assertThat(describe(key.keyId()).keyState()).isEqualTo(KeyState.ENABLED);
    }

    @Test
    void scheduleKeyDeletionRefusesAWindowOfZeroDaysAsAConstraintViolation() {
        KeyMetadata key = newKey(kms);

        assertValidationError(() -> kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(0)),
                "1 validation error detected: Value '0' at 'pendingWindowInDays' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
    }

    @Test
    void scheduleKeyDeletionRefusesAWindowAboveTheModelMaximumAsAConstraintViolation() {
        KeyMetadata key = newKey(kms);

        assertValidationError(() -> kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(366)),
                "1 validation error detected: Value '366' at 'pendingWindowInDays' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 365");
    }

    @Test
    void describeKeyOfAKeyPendingDeletionShowsTheDeletionDate() {
        KeyMetadata key = newKey(kms);
        ScheduleKeyDeletionResponse scheduled = kms.scheduleKeyDeletion(b -> b.keyId(key.keyId())
                .pendingWindowInDays(7));

        KeyMetadata described = describe(key.keyId());

        assertThat(described.enabled()).isFalse();
        assertThat(described.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(described.deletionDate()).isEqualTo(scheduled.deletionDate());
        assertThat(described.pendingDeletionWindowInDays()).isNull();
    }

    @Test
    void scheduleKeyDeletionOfAKeyAlreadyPendingDeletionIsInvalid() {
        KeyMetadata key = newKey(kms);
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));

        assertAwsError(() -> kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7)),
                KmsInvalidStateException.class, "KMSInvalidStateException", key.arn() + " is pending deletion.");
    }

    @Test
    void scheduleKeyDeletionOfADisabledKeyIsAllowed() {
        KeyMetadata key = newKey(kms);
        kms.disableKey(b -> b.keyId(key.keyId()));

        ScheduleKeyDeletionResponse scheduled = kms.scheduleKeyDeletion(b -> b.keyId(key.arn()));

        assertThat(scheduled.keyState()).isEqualTo(KeyState.PENDING_DELETION);
    }

    // ---------------------------------------------------------------- CancelKeyDeletion

    @Test
    void cancelKeyDeletionLeavesTheKeyDisabled() {
        KeyMetadata key = newKey(kms);
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()));

        String cancelledId = kms.cancelKeyDeletion(b -> b.keyId(key.keyId())).keyId();

        assertThat(cancelledId).isEqualTo(key.arn());
        KeyMetadata described = describe(key.keyId());
        assertThat(described.keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(described.enabled()).isFalse();
        assertThat(described.deletionDate()).isNull();
    }

    @Test
    void cancelKeyDeletionOfAKeyNotPendingDeletionIsInvalid() {
        KeyMetadata key = newKey(kms);

        assertAwsError(() -> kms.cancelKeyDeletion(b -> b.keyId(key.keyId())), KmsInvalidStateException.class,
                "KMSInvalidStateException", key.arn() + " is not pending deletion.");
    }

    @Test
    void cancelKeyDeletionOfAnExternalKeyReturnsItToPendingImport() {
        KeyMetadata key = kms.createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata();
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));

        kms.cancelKeyDeletion(b -> b.keyId(key.arn()));

        KeyMetadata described = describe(key.keyId());
        assertThat(described.keyState()).isEqualTo(KeyState.PENDING_IMPORT);
        assertThat(described.enabled()).isFalse();
        assertThat(described.deletionDate()).isNull();
    }

    // ---------------------------------------------------------------- deletion at the deletion date

    @Test
    void aKeyPendingDeletionStillExistsBeforeItsDeletionDate() {
        KeyMetadata key = newKey(kms);
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));

        trent.trent().clock().advance(Duration.ofDays(6));

        assertThat(describe(key.keyId()).keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(allKeyIds(kms)).contains(key.keyId());
    }

    @Test
    void aKeyIsDeletedWithItsAliasesOnceItsDeletionDateHasPassed() {
        KeyMetadata key = newKey(kms);
        String alias = "alias/deleted-with-" + key.keyId();
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));

        trent.trent().clock().advance(Duration.ofDays(7).plusMinutes(1));

        assertAwsError(() -> kms.describeKey(b -> b.keyId(key.keyId())), NotFoundException.class,
                "NotFoundException", "Key '" + key.arn() + "' does not exist");
        assertThat(allKeyIds(kms)).doesNotContain(key.keyId());
        assertThat(allAliasNames(kms)).doesNotContain(alias);
    }

    @Test
    void aKeyWhoseDeletionWasCancelledIsNotDeletedAtTheFormerDate() {
        KeyMetadata key = newKey(kms);
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));
        kms.cancelKeyDeletion(b -> b.keyId(key.keyId()));

        trent.trent().clock().advance(Duration.ofDays(8));

        assertThat(describe(key.keyId()).keyState()).isEqualTo(KeyState.DISABLED);
    }

    // ---------------------------------------------------------------- helpers

    private static Instant now() {
        return trent.trent().clock().instant();
    }

    private KeyMetadata describe(String keyId) {
        return kms.describeKey(b -> b.keyId(keyId)).keyMetadata();
    }

    private static List<String> allKeyIds(KmsClient client) {
        return client.listKeysPaginator(b -> { }).keys().stream().map(KeyListEntry::keyId).toList();
    }

    private static List<String> allAliasNames(KmsClient client) {
        return client.listAliasesPaginator(b -> { }).aliases().stream().map(AliasListEntry::aliasName).toList();
    }

    /** The members of a response shape that were present in Trent's answer. */
    private static Set<String> presentFields(SdkPojo shape) {
        Set<String> present = new TreeSet<>();
        for (SdkField<?> field : shape.sdkFields()) {
            Object value = field.getValueOrDefault(shape);
            if (value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap)) {
                present.add(field.memberName());
            }
        }
        return present;
    }

    /**
     * AWS's "1 validation error detected: Value 'V' at 'member' failed to satisfy constraint: Member
     * must satisfy enum value set: [...]", whose set AWS prints in no particular order.
     */
    private static void assertEnumConstraintMessage(String message, String value, String member, Set<String> values) {
        String prefix = "1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: Member must satisfy enum value set: [";
        assertThat(message).startsWith(prefix).endsWith("]");
        String listed = message.substring(prefix.length(), message.length() - 1);
        assertThat(Arrays.asList(listed.split(", "))).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(values);
    }
}
