package dev.trent;

import static dev.trent.support.AwsErrors.assertAccessDenied;
import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.assertAwsErrorWithoutMessage;
import static dev.trent.support.AwsErrors.assertValidationError;
import static dev.trent.support.AwsErrors.notAuthorized;
import static dev.trent.support.TestBytes.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.kms.MutableClock;
import dev.trent.support.TestKeys;
import dev.trent.support.TrentServer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.ConflictException;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.IncludeKeyMaterial;
import software.amazon.awssdk.services.kms.model.InvalidMarkerException;
import software.amazon.awssdk.services.kms.model.KeyMaterialState;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.LimitExceededException;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.RotationType;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;

/**
 * Rotation of key material through the AWS SDK against a real Trent: EnableKeyRotation,
 * DisableKeyRotation, GetKeyRotationStatus, RotateKeyOnDemand, ListKeyRotations, and automatic
 * rotation as the clock moves. Ciphertexts are read per docs/ciphertext-format.md by a parser here.
 */
class RotationTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static KmsClient kms;
    private static MutableClock clock;

    @BeforeAll
    static void client() {
        kms = trent.kms();
        clock = trent.trent().clock();
    }

    // ---------------------------------------------------------------- EnableKeyRotation, GetKeyRotationStatus

    @Test
    void newKeyHasRotationDisabledAndStatusNamesItsKeyIdOnly() {
        KeyMetadata key = TestKeys.newKey(kms);

        GetKeyRotationStatusResponse status = kms.getKeyRotationStatus(b -> b.keyId(key.keyId()));

        assertThat(status.keyRotationEnabled()).isFalse();
        assertThat(status.keyId()).isEqualTo(key.keyId());
        assertThat(status.rotationPeriodInDays()).isNull();
        assertThat(status.nextRotationDate()).isNull();
        assertThat(status.onDemandRotationStartDate()).isNull();
    }

    @Test
    void enableKeyRotationDefaultsToAYearFromNow() {
        KeyMetadata key = TestKeys.newKey(kms);
        Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        kms.enableKeyRotation(b -> b.keyId(key.keyId()));

        Instant after = clock.instant();
        GetKeyRotationStatusResponse status = kms.getKeyRotationStatus(b -> b.keyId(key.arn()));
        assertThat(status.keyRotationEnabled()).isTrue();
        assertThat(status.rotationPeriodInDays()).isEqualTo(365);
        assertThat(status.nextRotationDate()).isBetween(before.plus(Duration.ofDays(365)), after.plus(Duration.ofDays(365)));
        assertThat(status.onDemandRotationStartDate()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 180, 2560})
    void enableKeyRotationTakesAPeriodFrom90To2560Days(int days) {
        KeyMetadata key = TestKeys.newKey(kms);
        Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(days));

        GetKeyRotationStatusResponse status = kms.getKeyRotationStatus(b -> b.keyId(key.keyId()));
        assertThat(status.rotationPeriodInDays()).isEqualTo(days);
        assertThat(status.nextRotationDate()).isBetween(before.plus(Duration.ofDays(days)),
                clock.instant().plus(Duration.ofDays(days)));
    }

    @Test
    void enablingAgainWithAnotherPeriodCountsFromTheSameStart() {
        KeyMetadata key = TestKeys.newKey(kms);
        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(365));
        Instant first = kms.getKeyRotationStatus(b -> b.keyId(key.keyId())).nextRotationDate();

        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(100));

        GetKeyRotationStatusResponse status = kms.getKeyRotationStatus(b -> b.keyId(key.keyId()));
        assertThat(status.rotationPeriodInDays()).isEqualTo(100);
        assertThat(status.nextRotationDate()).isEqualTo(first.minus(Duration.ofDays(265)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 89})
    void rotationPeriodUnder90DaysIsAValidationError(int days) {
        KeyMetadata key = TestKeys.newKey(kms);

        assertValidationError(() -> kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(days)),
                "1 validation error detected: Value '" + days + "' at 'rotationPeriodInDays' failed to satisfy "
                        + "constraint: Member must have value greater than or equal to 90");
    }

    @Test
    void rotationPeriodOver2560DaysIsAValidationError() {
        KeyMetadata key = TestKeys.newKey(kms);

        assertValidationError(() -> kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(2561)),
                "1 validation error detected: Value '2561' at 'rotationPeriodInDays' failed to satisfy "
                        + "constraint: Member must have value less than or equal to 2560");
    }

    @Test
    void disableKeyRotationLeavesOnlyTheFlag() {
        KeyMetadata key = TestKeys.newKey(kms);
        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(200));

        kms.disableKeyRotation(b -> b.keyId(key.keyId()));

        GetKeyRotationStatusResponse status = kms.getKeyRotationStatus(b -> b.keyId(key.keyId()));
        assertThat(status.keyRotationEnabled()).isFalse();
        assertThat(status.keyId()).isEqualTo(key.keyId());
        assertThat(status.rotationPeriodInDays()).isNull();
        assertThat(status.nextRotationDate()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA_2048:ENCRYPT_DECRYPT", "ECC_NIST_P256:SIGN_VERIFY", "HMAC_256:GENERATE_VERIFY_MAC"})
    void keysOtherThanSymmetricEncryptionKeysCannotRotate(String specAndUsage) {
        String[] parts = specAndUsage.split(":");
        KeyMetadata key = kms.createKey(b -> b.keySpec(parts[0]).keyUsage(parts[1])).keyMetadata();

        assertAwsErrorWithoutMessage(() -> kms.enableKeyRotation(b -> b.keyId(key.keyId())),
                UnsupportedOperationException.class, "UnsupportedOperationException");
        assertAwsErrorWithoutMessage(() -> kms.disableKeyRotation(b -> b.keyId(key.keyId())),
                UnsupportedOperationException.class, "UnsupportedOperationException");
        assertAwsErrorWithoutMessage(() -> kms.rotateKeyOnDemand(b -> b.keyId(key.keyId())),
                UnsupportedOperationException.class, "UnsupportedOperationException");
        assertAwsErrorWithoutMessage(() -> kms.listKeyRotations(b -> b.keyId(key.keyId())),
                UnsupportedOperationException.class, "UnsupportedOperationException");
        // AWS: "The key rotation status for these KMS keys is always false."
        assertThat(kms.getKeyRotationStatus(b -> b.keyId(key.keyId())).keyRotationEnabled()).isFalse();
    }

    @Test
    void keysWithImportedMaterialCannotRotateAutomatically() {
        KeyMetadata key = kms.createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata();
        String message = key.arn() + " origin is EXTERNAL which is not valid for this operation.";

        assertAwsError(() -> kms.enableKeyRotation(b -> b.keyId(key.keyId())), UnsupportedOperationException.class,
                "UnsupportedOperationException", message);
        assertAwsError(() -> kms.disableKeyRotation(b -> b.keyId(key.keyId())), UnsupportedOperationException.class,
                "UnsupportedOperationException", message);
        assertThat(kms.getKeyRotationStatus(b -> b.keyId(key.keyId())).keyRotationEnabled()).isFalse();
    }

    @Test
    void disabledKeyRefusesRotationChangesWithDisabledException() {
        KeyMetadata key = TestKeys.newKey(kms);
        kms.disableKey(b -> b.keyId(key.keyId()));

        assertAwsError(() -> kms.enableKeyRotation(b -> b.keyId(key.keyId())), DisabledException.class,
                "DisabledException", key.arn() + " is disabled.");
        assertAwsError(() -> kms.disableKeyRotation(b -> b.keyId(key.keyId())), DisabledException.class,
                "DisabledException", key.arn() + " is disabled.");
        assertAwsError(() -> kms.rotateKeyOnDemand(b -> b.keyId(key.keyId())), DisabledException.class,
                "DisabledException", key.arn() + " is disabled.");
    }

    @Test
    void keyPendingDeletionRefusesRotationAndReportsItOffUntilCancelled() {
        KeyMetadata key = TestKeys.newKey(kms);
        kms.enableKeyRotation(b -> b.keyId(key.keyId()));
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));
        String message = key.arn() + " is pending deletion.";

        assertAwsError(() -> kms.enableKeyRotation(b -> b.keyId(key.keyId())), KmsInvalidStateException.class,
                "KMSInvalidStateException", message);
        assertAwsError(() -> kms.disableKeyRotation(b -> b.keyId(key.keyId())), KmsInvalidStateException.class,
                "KMSInvalidStateException", message);
        assertAwsError(() -> kms.rotateKeyOnDemand(b -> b.keyId(key.keyId())), KmsInvalidStateException.class,
                "KMSInvalidStateException", message);
        assertThat(kms.getKeyRotationStatus(b -> b.keyId(key.keyId())).keyRotationEnabled()).isFalse();

        kms.cancelKeyDeletion(b -> b.keyId(key.keyId()));
        assertThat(kms.getKeyRotationStatus(b -> b.keyId(key.keyId())).keyRotationEnabled()).isTrue();
    }

    @Test
    void awsManagedKeysAlwaysRotateYearlyAndCannotBeChanged() {
        KeyMetadata key = kms.describeKey(b -> b.keyId("alias/aws/s3")).keyMetadata();

        GetKeyRotationStatusResponse status = kms.getKeyRotationStatus(b -> b.keyId(key.keyId()));

        assertThat(status.keyRotationEnabled()).isTrue();
        assertThat(status.rotationPeriodInDays()).isEqualTo(365);
        assertThat(status.nextRotationDate()).isAfter(clock.instant());
        assertAccessDenied(() -> kms.enableKeyRotation(b -> b.keyId(key.keyId())),
                notAuthorized(TrentServer.ACCOUNT, "kms:EnableKeyRotation", key.arn()));
        assertAccessDenied(() -> kms.rotateKeyOnDemand(b -> b.keyId(key.keyId())),
                notAuthorized(TrentServer.ACCOUNT, "kms:RotateKeyOnDemand", key.arn()));
    }

    @Test
    void rotationOperationsTakeKeyIdsAndArnsButNotAliases() {
        KeyMetadata key = TestKeys.newKey(kms);
        String alias = "alias/rotation-" + key.keyId();
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));

        assertAwsError(() -> kms.enableKeyRotation(b -> b.keyId(alias)), NotFoundException.class,
                "NotFoundException", "Invalid keyId '" + alias + "'");
        assertAwsError(() -> kms.getKeyRotationStatus(b -> b.keyId(alias)), NotFoundException.class,
                "NotFoundException", "Invalid keyId '" + alias + "'");
        String missing = TestKeys.keyArn("00000000-0000-4000-8000-000000000000");
        assertAwsError(() -> kms.rotateKeyOnDemand(b -> b.keyId(missing)), NotFoundException.class,
                "NotFoundException", "Key '" + missing + "' does not exist");
    }

    // ---------------------------------------------------------------- RotateKeyOnDemand

    @Test
    void rotateOnDemandMakesNewMaterialCurrentAndOldCiphertextsStillDecrypt() {
        KeyMetadata key = TestKeys.newKey(kms);
        String firstMaterial = key.currentKeyMaterialId();
        byte[] plaintext = randomBytes(40);
        SdkBytes before = encrypt(key.keyId(), plaintext);

        String answered = kms.rotateKeyOnDemand(b -> b.keyId(key.arn())).keyId();

        assertThat(answered).isEqualTo(key.keyId());
        String secondMaterial = describe(key.keyId()).currentKeyMaterialId();
        assertThat(secondMaterial).matches("[0-9a-f]{64}").isNotEqualTo(firstMaterial);
        DecryptResponse old = kms.decrypt(b -> b.ciphertextBlob(before));
        assertThat(old.plaintext().asByteArray()).isEqualTo(plaintext);
        assertThat(old.keyMaterialId()).isEqualTo(firstMaterial);
        SdkBytes after = encrypt(key.keyId(), plaintext);
        assertThat(materialIdOf(before)).isEqualTo(firstMaterial);
        assertThat(materialIdOf(after)).isEqualTo(secondMaterial);
        assertThat(kms.decrypt(b -> b.ciphertextBlob(after)).keyMaterialId()).isEqualTo(secondMaterial);
    }

    @Test
    void reEncryptMovesACiphertextToTheCurrentMaterial() {
        KeyMetadata key = TestKeys.newKey(kms);
        byte[] plaintext = randomBytes(16);
        SdkBytes old = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromByteArray(plaintext))
                .encryptionContext(Map.of("purpose", "test"))).ciphertextBlob();
        kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
        String current = describe(key.keyId()).currentKeyMaterialId();

        SdkBytes moved = kms.reEncrypt(b -> b.ciphertextBlob(old).sourceEncryptionContext(Map.of("purpose", "test"))
                .destinationKeyId(key.keyId()).destinationEncryptionContext(Map.of("purpose", "test")))
                .ciphertextBlob();

        assertThat(materialIdOf(old)).isEqualTo(key.currentKeyMaterialId());
        assertThat(materialIdOf(moved)).isEqualTo(current).isNotEqualTo(key.currentKeyMaterialId());
        assertThat(kms.decrypt(b -> b.ciphertextBlob(moved).encryptionContext(Map.of("purpose", "test")))
                .plaintext().asByteArray()).isEqualTo(plaintext);
    }

    @Test
    void rotateOnDemandDoesNotMoveTheAutomaticSchedule() {
        KeyMetadata key = TestKeys.newKey(kms);
        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(730));
        Instant next = kms.getKeyRotationStatus(b -> b.keyId(key.keyId())).nextRotationDate();

        kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));

        assertThat(kms.getKeyRotationStatus(b -> b.keyId(key.keyId())).nextRotationDate()).isEqualTo(next);
    }

    @Test
    void aKeyRotatesOnDemandAtMost25Times() {
        KeyMetadata key = TestKeys.newKey(kms);
        for (int i = 0; i < 25; i++) {
            kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
        }

        assertAwsError(() -> kms.rotateKeyOnDemand(b -> b.keyId(key.keyId())), LimitExceededException.class,
                "LimitExceededException", "The on-demand rotations limit has been reached for the given keyId. "
                        + "No more on-demand rotations can be performed for this key: " + key.arn());
        assertThat(allRotations(key.keyId(), IncludeKeyMaterial.ROTATIONS_ONLY)).hasSize(25);
    }

    @Test
    void rotateOnDemandIsAConflictWithinTwentyMinutesOfAnAutomaticRotation() {
        KeyMetadata key = TestKeys.newKey(kms);
        Instant start = clock.instant();
        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(90));
        Instant next = kms.getKeyRotationStatus(b -> b.keyId(key.keyId())).nextRotationDate();
        clock.advance(Duration.between(start, next).minus(Duration.ofMinutes(10)));

        assertAwsError(() -> kms.rotateKeyOnDemand(b -> b.keyId(key.keyId())), ConflictException.class,
                "ConflictException");
    }

    @Test
    void pendingImportKeyCannotRotateOnDemand() {
        KeyMetadata key = kms.createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata();

        assertAwsError(() -> kms.rotateKeyOnDemand(b -> b.keyId(key.keyId())), KmsInvalidStateException.class,
                "KMSInvalidStateException", key.arn() + " is pending import.");
    }

    // ---------------------------------------------------------------- ListKeyRotations

    @Test
    void listKeyRotationsListsRotationsOnlyByDefaultAndEveryMaterialOnRequest() {
        KeyMetadata key = TestKeys.newKey(kms);
        assertThat(kms.listKeyRotations(b -> b.keyId(key.keyId())).rotations()).isEmpty();
        Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
        String current = describe(key.keyId()).currentKeyMaterialId();

        ListKeyRotationsResponse rotations = kms.listKeyRotations(b -> b.keyId(key.keyId()));

        assertThat(rotations.truncated()).isFalse();
        assertThat(rotations.nextMarker()).isNull();
        assertThat(rotations.rotations()).singleElement().satisfies(entry -> {
            assertThat(entry.keyId()).isEqualTo(key.keyId());
            assertThat(entry.keyMaterialId()).isEqualTo(current);
            assertThat(entry.keyMaterialState()).isEqualTo(KeyMaterialState.CURRENT);
            assertThat(entry.rotationType()).isEqualTo(RotationType.ON_DEMAND);
            assertThat(entry.rotationDate()).isBetween(before, clock.instant());
            // the import's details are for keys with imported material only
            assertThat(entry.importState()).isNull();
            assertThat(entry.expirationModel()).isNull();
            assertThat(entry.keyMaterialDescription()).isNull();
            assertThat(entry.validTo()).isNull();
        });
        List<RotationsListEntry> all = kms.listKeyRotations(b -> b.keyId(key.keyId())
                .includeKeyMaterial(IncludeKeyMaterial.ALL_KEY_MATERIAL)).rotations();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).keyMaterialId()).isEqualTo(key.currentKeyMaterialId());
        assertThat(all.get(0).keyMaterialState()).isEqualTo(KeyMaterialState.NON_CURRENT);
        assertThat(all.get(0).rotationDate()).isNull();
        assertThat(all.get(0).rotationType()).isNull();
        assertThat(all.get(1).keyMaterialId()).isEqualTo(current);
    }

    @Test
    void listKeyRotationsPagesWithLimitAndMarker() {
        KeyMetadata key = TestKeys.newKey(kms);
        List<String> rotated = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
            rotated.add(describe(key.keyId()).currentKeyMaterialId());
        }

        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String from = marker;
            ListKeyRotationsResponse page = kms.listKeyRotations(b -> b.keyId(key.keyId()).limit(2).marker(from));
            assertThat(page.rotations()).hasSizeLessThanOrEqualTo(2);
            page.rotations().forEach(entry -> seen.add(entry.keyMaterialId()));
            assertThat(page.truncated()).isEqualTo(page.nextMarker() != null);
            marker = page.nextMarker();
            pages++;
        } while (marker != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(rotated);
    }

    @Test
    void listKeyRotationsRefusesAMarkerItDidNotMake() {
        KeyMetadata key = TestKeys.newKey(kms);

        assertAwsError(() -> kms.listKeyRotations(b -> b.keyId(key.keyId()).marker("not-a-marker")),
                InvalidMarkerException.class, "InvalidMarkerException");
    }

    @Test
    void listKeyRotationsLimitIsFrom1To1000() {
        KeyMetadata key = TestKeys.newKey(kms);

        assertValidationError(() -> kms.listKeyRotations(b -> b.keyId(key.keyId()).limit(0)),
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have "
                        + "value greater than or equal to 1");
    }

    // ---------------------------------------------------------------- automatic rotation

    @Test
    void keyRotatesAutomaticallyWhenTheClockReachesTheNextRotationDate() {
        KeyMetadata key = TestKeys.newKey(kms);
        byte[] plaintext = randomBytes(32);
        SdkBytes before = encrypt(key.keyId(), plaintext);
        Instant start = clock.instant();
        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(90));
        Instant due = kms.getKeyRotationStatus(b -> b.keyId(key.keyId())).nextRotationDate();

        clock.advance(Duration.between(start, due).minusSeconds(5));
        assertThat(describe(key.keyId()).currentKeyMaterialId()).isEqualTo(key.currentKeyMaterialId());
        clock.advance(Duration.ofSeconds(10));

        String current = describe(key.keyId()).currentKeyMaterialId();
        assertThat(current).isNotEqualTo(key.currentKeyMaterialId());
        assertThat(kms.listKeyRotations(b -> b.keyId(key.keyId())).rotations()).singleElement().satisfies(entry -> {
            assertThat(entry.rotationType()).isEqualTo(RotationType.AUTOMATIC);
            assertThat(entry.rotationDate()).isEqualTo(due);
            assertThat(entry.keyMaterialId()).isEqualTo(current);
        });
        assertThat(kms.getKeyRotationStatus(b -> b.keyId(key.keyId())).nextRotationDate())
                .isEqualTo(due.plus(Duration.ofDays(90)));
        assertThat(kms.decrypt(b -> b.ciphertextBlob(before)).plaintext().asByteArray()).isEqualTo(plaintext);
        assertThat(materialIdOf(encrypt(key.keyId(), plaintext))).isEqualTo(current);
    }

    @Test
    void aClockThatJumpsSeveralPeriodsRotatesOncePerPeriodAtEachDate() {
        KeyMetadata key = TestKeys.newKey(kms);
        Instant start = clock.instant();
        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(100));
        Instant due = kms.getKeyRotationStatus(b -> b.keyId(key.keyId())).nextRotationDate();

        clock.advance(Duration.between(start, due).plus(Duration.ofDays(250)));

        List<RotationsListEntry> rotations = allRotations(key.keyId(), IncludeKeyMaterial.ROTATIONS_ONLY);
        assertThat(rotations).extracting(RotationsListEntry::rotationDate)
                .containsExactly(due, due.plus(Duration.ofDays(100)), due.plus(Duration.ofDays(200)));
        assertThat(rotations).extracting(RotationsListEntry::rotationType).containsOnly(RotationType.AUTOMATIC);
        assertThat(rotations).extracting(RotationsListEntry::keyMaterialState)
                .containsExactly(KeyMaterialState.NON_CURRENT, KeyMaterialState.NON_CURRENT, KeyMaterialState.CURRENT);
        assertThat(kms.getKeyRotationStatus(b -> b.keyId(key.keyId())).nextRotationDate())
                .isEqualTo(due.plus(Duration.ofDays(300)));
    }

    @Test
    void aDisabledKeyDoesNotRotateAndRotatesOnceWhenEnabledAgain() {
        KeyMetadata key = TestKeys.newKey(kms);
        Instant start = clock.instant();
        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(90));
        Instant due = kms.getKeyRotationStatus(b -> b.keyId(key.keyId())).nextRotationDate();
        kms.disableKey(b -> b.keyId(key.keyId()));

        clock.advance(Duration.between(start, due).plus(Duration.ofDays(200)));
        assertThat(allRotations(key.keyId(), IncludeKeyMaterial.ROTATIONS_ONLY)).isEmpty();

        kms.enableKey(b -> b.keyId(key.keyId()));
        Instant enabledAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        List<RotationsListEntry> rotations = allRotations(key.keyId(), IncludeKeyMaterial.ROTATIONS_ONLY);
        assertThat(rotations).singleElement().satisfies(entry -> {
            assertThat(entry.rotationType()).isEqualTo(RotationType.AUTOMATIC);
            assertThat(entry.rotationDate()).isAfterOrEqualTo(enabledAt);
        });
        assertThat(kms.getKeyRotationStatus(b -> b.keyId(key.keyId())).nextRotationDate())
                .isAfter(enabledAt.plus(Duration.ofDays(89)));
    }

    @Test
    void disabledRotationDoesNotRotate() {
        KeyMetadata key = TestKeys.newKey(kms);
        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(90));
        kms.disableKeyRotation(b -> b.keyId(key.keyId()));

        clock.advance(Duration.ofDays(91));

        assertThat(allRotations(key.keyId(), IncludeKeyMaterial.ROTATIONS_ONLY)).isEmpty();
        assertThat(describe(key.keyId()).currentKeyMaterialId()).isEqualTo(key.currentKeyMaterialId());
    }

    // ---------------------------------------------------------------- helpers

    private static KeyMetadata describe(String keyId) {
        return kms.describeKey(b -> b.keyId(keyId)).keyMetadata();
    }

    private static SdkBytes encrypt(String keyId, byte[] plaintext) {
        return kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromByteArray(plaintext))).ciphertextBlob();
    }

    private static List<RotationsListEntry> allRotations(String keyId, IncludeKeyMaterial include) {
        List<RotationsListEntry> all = new ArrayList<>();
        kms.listKeyRotationsPaginator(b -> b.keyId(keyId).includeKeyMaterial(include))
                .forEach(page -> all.addAll(page.rotations()));
        return all;
    }

    /** The key material id in a symmetric ciphertext, read per docs/ciphertext-format.md. */
    static String materialIdOf(SdkBytes ciphertext) {
        ByteBuffer in = ByteBuffer.wrap(ciphertext.asByteArray());
        assertThat(in.get()).isEqualTo((byte) 1);
        int arnLength = Short.toUnsignedInt(in.getShort());
        in.position(in.position() + arnLength);
        byte[] materialId = new byte[32];
        in.get(materialId);
        return HexFormat.of().formatHex(materialId);
    }
}
