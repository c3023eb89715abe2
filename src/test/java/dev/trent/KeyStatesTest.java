package dev.trent;

import static dev.trent.support.AwsErrors.assertAccessDenied;
import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.notAuthorized;
import static dev.trent.support.TestTags.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.TrentServer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.OriginType;

/**
 * AWS's table "Key states and their effect on KMS operations", for every operation Trent
 * implements, against keys that are Disabled, PendingDeletion and PendingImport; and the changes
 * AWS refuses on AWS managed keys.
 */
class KeyStatesTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final SdkBytes PLAINTEXT = SdkBytes.fromUtf8String("state of the key");
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"state test\","
            + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
            + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

    private final KmsClient kms = trent.kms();

    /** The states a key can be brought into with the operations Trent implements. */
    enum State {
        DISABLED(KeyState.DISABLED),
        PENDING_DELETION(KeyState.PENDING_DELETION),
        PENDING_IMPORT(KeyState.PENDING_IMPORT);

        final KeyState keyState;

        State(KeyState keyState) {
            this.keyState = keyState;
        }
    }

    /**
     * A key in the state under test, with what the operations need: an alias to it, a tag, and a
     * ciphertext made under it while it was enabled (none for a key pending import, which never
     * had material); and another, enabled, key with its own alias and ciphertext.
     */
    record Subject(String keyId, String arn, String alias, SdkBytes ciphertext, String otherKeyId, String otherAlias,
            SdkBytes otherCiphertext) {
    }

    /** An operation on the subject key; it may check its own result when it succeeds. */
    @FunctionalInterface
    interface KeyOperation {
        void call(KmsClient kms, Subject key);
    }

    // ---------------------------------------------------------------- Disabled

    @ParameterizedTest(name = "{0}")
    @MethodSource("cryptographicOperations")
    void aDisabledKeyRefusesCryptographicOperations(KeyOperation op) {
        Subject key = subject(State.DISABLED);

        assertAwsError(() -> op.call(kms, key), DisabledException.class, "DisabledException",
                key.arn() + " is disabled.");
        assertThat(stateOf(key)).isEqualTo(KeyState.DISABLED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedWhenDisabled")
    void aDisabledKeyAllowsManagementOperations(KeyOperation op) {
        Subject key = subject(State.DISABLED);

        op.call(kms, key);
    }

    // ---------------------------------------------------------------- PendingDeletion

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedWhenPendingDeletion")
    void aKeyPendingDeletionRefusesUseAndChange(KeyOperation op) {
        Subject key = subject(State.PENDING_DELETION);

        assertAwsError(() -> op.call(kms, key), KmsInvalidStateException.class, "KMSInvalidStateException",
                key.arn() + " is pending deletion.");
        assertThat(stateOf(key)).isEqualTo(KeyState.PENDING_DELETION);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedWhenPendingDeletion")
    void aKeyPendingDeletionAllowsReadsPolicyChangesAliasRemovalAndCancellation(KeyOperation op) {
        Subject key = subject(State.PENDING_DELETION);

        op.call(kms, key);
    }

    // ---------------------------------------------------------------- PendingImport

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedWhenPendingImport")
    void aKeyPendingImportRefusesCryptographicOperationsAndEnablingOrDisabling(KeyOperation op) {
        Subject key = subject(State.PENDING_IMPORT);

        assertAwsError(() -> op.call(kms, key), KmsInvalidStateException.class, "KMSInvalidStateException",
                key.arn() + " is pending import.");
        assertThat(stateOf(key)).isEqualTo(KeyState.PENDING_IMPORT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedWhenPendingImport")
    void aKeyPendingImportAllowsManagementOperations(KeyOperation op) {
        Subject key = subject(State.PENDING_IMPORT);

        op.call(kms, key);
    }

    // ---------------------------------------------------------------- CancelKeyDeletion

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"DISABLED", "PENDING_IMPORT"})
    void cancelKeyDeletionRefusesAKeyThatIsNotPendingDeletion(State state) {
        Subject key = subject(state);

        assertAwsError(() -> kms.cancelKeyDeletion(b -> b.keyId(key.keyId())), KmsInvalidStateException.class,
                "KMSInvalidStateException", key.arn() + " is not pending deletion.");
        assertThat(stateOf(key)).isEqualTo(state.keyState);
    }

    @Test
    void cancelKeyDeletionRefusesAnEnabledKey() {
        String arn = kms.createKey(b -> { }).keyMetadata().arn();

        assertAwsError(() -> kms.cancelKeyDeletion(b -> b.keyId(arn)), KmsInvalidStateException.class,
                "KMSInvalidStateException", arn + " is not pending deletion.");
    }

    // ---------------------------------------------------------------- AWS managed keys

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesOfAwsManagedKeys")
    void anAwsManagedKeyCannotBeChangedByTheAccount(String action, KeyOperation op) {
        KeyMetadata managed = kms.describeKey(b -> b.keyId("alias/aws/s3")).keyMetadata();
        assertThat(managed.keyManager()).isEqualTo(KeyManagerType.AWS);
        Subject key = new Subject(managed.keyId(), managed.arn(), "alias/aws/s3", null, null, null, null);

        assertAccessDenied(() -> op.call(kms, key), notAuthorized(TrentServer.ACCOUNT, action, managed.arn()));
        assertThat(kms.describeKey(b -> b.keyId(managed.keyId())).keyMetadata().keyState())
                .isEqualTo(KeyState.ENABLED);
    }

    @Test
    void anAwsManagedKeyCanBeDescribedAndItsPolicyRead() {
        KeyMetadata managed = kms.describeKey(b -> b.keyId("alias/aws/s3")).keyMetadata();

        assertThat(kms.describeKey(b -> b.keyId(managed.arn())).keyMetadata().keyManager())
                .isEqualTo(KeyManagerType.AWS);
        assertThat(kms.getKeyPolicy(b -> b.keyId(managed.keyId())).policy()).isNotBlank();
    }

    // ---------------------------------------------------------------- the operations

    static Stream<Named<KeyOperation>> cryptographicOperations() {
        return Stream.concat(cryptographicOperationsWithoutCiphertext(), Stream.of(
                op("Decrypt", (kms, k) -> kms.decrypt(b -> b.ciphertextBlob(k.ciphertext()))),
                op("Decrypt naming the key", (kms, k) -> kms.decrypt(b -> b.ciphertextBlob(k.ciphertext())
                        .keyId(k.keyId()))),
                op("ReEncrypt from the key", (kms, k) -> kms.reEncrypt(b -> b.ciphertextBlob(k.ciphertext())
                        .destinationKeyId(k.otherKeyId())))));
    }

    /** What a key that never had key material can be asked to do. */
    static Stream<Named<KeyOperation>> cryptographicOperationsWithoutCiphertext() {
        return Stream.of(
                op("Encrypt", (kms, k) -> kms.encrypt(b -> b.keyId(k.keyId()).plaintext(PLAINTEXT))),
                op("Encrypt through an alias", (kms, k) -> kms.encrypt(b -> b.keyId(k.alias()).plaintext(PLAINTEXT))),
                op("ReEncrypt to the key", (kms, k) -> kms.reEncrypt(b -> b.ciphertextBlob(k.otherCiphertext())
                        .destinationKeyId(k.keyId()))),
                op("GenerateDataKey", (kms, k) -> kms.generateDataKey(b -> b.keyId(k.keyId())
                        .keySpec(DataKeySpec.AES_256))),
                op("GenerateDataKeyWithoutPlaintext", (kms, k) -> kms.generateDataKeyWithoutPlaintext(b -> b
                        .keyId(k.keyId()).keySpec(DataKeySpec.AES_256))));
    }

    static Stream<Named<KeyOperation>> refusedWhenPendingDeletion() {
        return Stream.concat(cryptographicOperations(), Stream.of(
                enableKey(), disableKey(), scheduleKeyDeletion(), updateKeyDescription(), createAlias(),
                updateAliasToTheKey(), tagResource(), untagResource()));
    }

    static Stream<Named<KeyOperation>> allowedWhenPendingDeletion() {
        return Stream.of(describeKey(), listKeys(), getKeyPolicy(), putKeyPolicy(), listKeyPolicies(),
                listResourceTags(), listAliasesOfTheKey(), listAliases(), deleteAlias(), updateAliasFromTheKey(),
                cancelKeyDeletion());
    }

    static Stream<Named<KeyOperation>> allowedWhenDisabled() {
        return Stream.of(enableKey(), disableKey(), scheduleKeyDeletion(), updateKeyDescription(), createAlias(),
                updateAliasToTheKey(), updateAliasFromTheKey(), deleteAlias(), tagResource(), untagResource(),
                describeKey(), listKeys(), getKeyPolicy(), putKeyPolicy(), listKeyPolicies(), listResourceTags(),
                listAliasesOfTheKey(), listAliases());
    }

    static Stream<Named<KeyOperation>> refusedWhenPendingImport() {
        return Stream.concat(cryptographicOperationsWithoutCiphertext(), Stream.of(enableKey(), disableKey()));
    }

    static Stream<Named<KeyOperation>> allowedWhenPendingImport() {
        return Stream.of(scheduleKeyDeletion(), updateKeyDescription(), createAlias(), updateAliasToTheKey(),
                updateAliasFromTheKey(), deleteAlias(), tagResource(), untagResource(), describeKey(), listKeys(),
                getKeyPolicy(), putKeyPolicy(), listKeyPolicies(), listResourceTags(), listAliasesOfTheKey(),
                listAliases());
    }

    static Stream<Arguments> changesOfAwsManagedKeys() {
        return Stream.of(
                Arguments.of("kms:DisableKey", disableKey()),
                Arguments.of("kms:EnableKey", enableKey()),
                Arguments.of("kms:ScheduleKeyDeletion", scheduleKeyDeletion()),
                Arguments.of("kms:TagResource", tagResource()),
                Arguments.of("kms:UntagResource", untagResource()),
                Arguments.of("kms:PutKeyPolicy", putKeyPolicy()),
                Arguments.of("kms:UpdateKeyDescription", updateKeyDescription()));
    }

    private static Named<KeyOperation> enableKey() {
        return op("EnableKey", (kms, k) -> {
            kms.enableKey(b -> b.keyId(k.keyId()));
            assertThat(stateOf(kms, k)).isEqualTo(KeyState.ENABLED);
        });
    }

    private static Named<KeyOperation> disableKey() {
        return op("DisableKey", (kms, k) -> {
            kms.disableKey(b -> b.keyId(k.keyId()));
            assertThat(stateOf(kms, k)).isEqualTo(KeyState.DISABLED);
        });
    }

    private static Named<KeyOperation> scheduleKeyDeletion() {
        return op("ScheduleKeyDeletion", (kms, k) -> {
            kms.scheduleKeyDeletion(b -> b.keyId(k.keyId()).pendingWindowInDays(7));
            assertThat(stateOf(kms, k)).isEqualTo(KeyState.PENDING_DELETION);
        });
    }

    private static Named<KeyOperation> cancelKeyDeletion() {
        return op("CancelKeyDeletion", (kms, k) -> {
            assertThat(kms.cancelKeyDeletion(b -> b.keyId(k.keyId())).keyId()).isEqualTo(k.arn());
            assertThat(stateOf(kms, k)).isEqualTo(KeyState.DISABLED);
        });
    }

    private static Named<KeyOperation> updateKeyDescription() {
        return op("UpdateKeyDescription", (kms, k) -> {
            kms.updateKeyDescription(b -> b.keyId(k.keyId()).description("changed"));
            assertThat(kms.describeKey(b -> b.keyId(k.keyId())).keyMetadata().description()).isEqualTo("changed");
        });
    }

    private static Named<KeyOperation> describeKey() {
        return op("DescribeKey", (kms, k) ->
                assertThat(kms.describeKey(b -> b.keyId(k.arn())).keyMetadata().keyId()).isEqualTo(k.keyId()));
    }

    private static Named<KeyOperation> listKeys() {
        return op("ListKeys", (kms, k) -> assertThat(kms.listKeysPaginator(b -> { }).keys().stream()
                .map(KeyListEntry::keyId)).contains(k.keyId()));
    }

    private static Named<KeyOperation> getKeyPolicy() {
        return op("GetKeyPolicy", (kms, k) -> {
            var policy = kms.getKeyPolicy(b -> b.keyId(k.keyId()).policyName("default"));
            assertThat(policy.policy()).contains("arn:aws:iam::111122223333:root");
            assertThat(policy.policyName()).isEqualTo("default");
        });
    }

    private static Named<KeyOperation> putKeyPolicy() {
        return op("PutKeyPolicy", (kms, k) -> {
            kms.putKeyPolicy(b -> b.keyId(k.keyId()).policyName("default").policy(POLICY));
            assertThat(kms.getKeyPolicy(b -> b.keyId(k.keyId())).policy()).isEqualTo(POLICY);
        });
    }

    private static Named<KeyOperation> listKeyPolicies() {
        return op("ListKeyPolicies", (kms, k) ->
                assertThat(kms.listKeyPolicies(b -> b.keyId(k.keyId())).policyNames()).containsExactly("default"));
    }

    private static Named<KeyOperation> listResourceTags() {
        return op("ListResourceTags", (kms, k) -> assertThat(kms.listResourceTags(b -> b.keyId(k.keyId())).tags())
                .containsExactly(tag("existing", "yes")));
    }

    private static Named<KeyOperation> tagResource() {
        return op("TagResource", (kms, k) -> {
            kms.tagResource(b -> b.keyId(k.keyId()).tags(tag("added", "yes")));
            assertThat(kms.listResourceTags(b -> b.keyId(k.keyId())).tags()).contains(tag("added", "yes"));
        });
    }

    private static Named<KeyOperation> untagResource() {
        return op("UntagResource", (kms, k) -> {
            kms.untagResource(b -> b.keyId(k.keyId()).tagKeys("existing"));
            assertThat(kms.listResourceTags(b -> b.keyId(k.keyId())).tags()).isEmpty();
        });
    }

    private static Named<KeyOperation> createAlias() {
        return op("CreateAlias", (kms, k) -> {
            String alias = "alias/new-" + k.keyId();
            kms.createAlias(b -> b.aliasName(alias).targetKeyId(k.keyId()));
            assertThat(kms.describeKey(b -> b.keyId(alias)).keyMetadata().keyId()).isEqualTo(k.keyId());
        });
    }

    /** UpdateAlias that points another key's alias at the key under test. */
    private static Named<KeyOperation> updateAliasToTheKey() {
        return op("UpdateAlias to the key", (kms, k) -> {
            kms.updateAlias(b -> b.aliasName(k.otherAlias()).targetKeyId(k.keyId()));
            assertThat(kms.describeKey(b -> b.keyId(k.otherAlias())).keyMetadata().keyId()).isEqualTo(k.keyId());
        });
    }

    /** UpdateAlias that takes the alias of the key under test to another key. */
    private static Named<KeyOperation> updateAliasFromTheKey() {
        return op("UpdateAlias from the key", (kms, k) -> {
            kms.updateAlias(b -> b.aliasName(k.alias()).targetKeyId(k.otherKeyId()));
            assertThat(kms.describeKey(b -> b.keyId(k.alias())).keyMetadata().keyId()).isEqualTo(k.otherKeyId());
        });
    }

    private static Named<KeyOperation> deleteAlias() {
        return op("DeleteAlias", (kms, k) -> {
            kms.deleteAlias(b -> b.aliasName(k.alias()));
            assertThat(kms.listAliases(b -> b.keyId(k.keyId())).aliases()).isEmpty();
        });
    }

    private static Named<KeyOperation> listAliasesOfTheKey() {
        return op("ListAliases of the key", (kms, k) -> assertThat(kms.listAliases(b -> b.keyId(k.keyId()))
                .aliases()).extracting(AliasListEntry::aliasName).containsExactly(k.alias()));
    }

    private static Named<KeyOperation> listAliases() {
        return op("ListAliases", (kms, k) -> assertThat(kms.listAliasesPaginator(b -> { }).aliases().stream()
                .map(AliasListEntry::aliasName)).contains(k.alias()));
    }

    // ---------------------------------------------------------------- helpers

    private static Named<KeyOperation> op(String name, KeyOperation op) {
        return Named.of(name, op);
    }

    private Subject subject(State state) {
        String otherKeyId = kms.createKey(b -> b.description("the other key")).keyMetadata().keyId();
        String otherAlias = "alias/other-" + otherKeyId;
        kms.createAlias(b -> b.aliasName(otherAlias).targetKeyId(otherKeyId));
        SdkBytes otherCiphertext = kms.encrypt(b -> b.keyId(otherKeyId).plaintext(PLAINTEXT)).ciphertextBlob();

        KeyMetadata key = state == State.PENDING_IMPORT
                ? kms.createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata()
                : kms.createKey(b -> { }).keyMetadata();
        String alias = "alias/subject-" + key.keyId();
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));
        kms.tagResource(b -> b.keyId(key.keyId()).tags(tag("existing", "yes")));
        SdkBytes ciphertext = state == State.PENDING_IMPORT ? null
                : kms.encrypt(b -> b.keyId(key.keyId()).plaintext(PLAINTEXT)).ciphertextBlob();
        switch (state) {
            case DISABLED -> kms.disableKey(b -> b.keyId(key.keyId()));
            case PENDING_DELETION -> kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));
            case PENDING_IMPORT -> { }
        }
        Subject subject = new Subject(key.keyId(), key.arn(), alias, ciphertext, otherKeyId, otherAlias,
                otherCiphertext);
        assertThat(stateOf(subject)).isEqualTo(state.keyState);
        return subject;
    }

    private KeyState stateOf(Subject key) {
        return stateOf(kms, key);
    }

    private static KeyState stateOf(KmsClient kms, Subject key) {
        return kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().keyState();
    }
}
