package dev.trent;

import static dev.trent.support.AwsErrors.CIPHERTEXT_KEY_NOT_ACCESSIBLE;
import static dev.trent.support.AwsErrors.assertAccessDenied;
import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.assertValidationError;
import static dev.trent.support.AwsErrors.notAuthorized;
import static dev.trent.support.TestBytes.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.TestPolicies;
import dev.trent.support.TrentServer;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.MultiRegionConfiguration;
import software.amazon.awssdk.services.kms.model.MultiRegionKey;
import software.amazon.awssdk.services.kms.model.MultiRegionKeyType;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;
import software.amazon.awssdk.services.kms.model.ReplicateKeyResponse;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.kms.model.TagException;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;

/**
 * Multi-Region keys: ReplicateKey, UpdatePrimaryRegion, DescribeKey's MultiRegionConfiguration,
 * cryptography across related keys, and deleting primaries and replicas as the clock moves.
 */
class MultiRegionKeysTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final String ACCOUNT = TrentServer.ACCOUNT;
    private static final String US = TrentServer.REGION;
    private static final String EU = TrentServer.OTHER_REGION;
    private static final String AP = "ap-southeast-2";

    private static KmsClient us;
    private static KmsClient eu;
    private static KmsClient ap;

    @BeforeAll
    static void clients() {
        us = trent.kms();
        eu = trent.client(ACCOUNT, EU);
        ap = trent.client(ACCOUNT, AP);
    }

    @AfterAll
    static void closeClients() {
        eu.close();
        ap.close();
    }

    // ---------------------------------------------------------------- ReplicateKey

    @Test
    void replicateKeyMakesAReplicaWithTheSameKeyIdAndSharedProperties() {
        KeyMetadata primary = us.createKey(b -> b.multiRegion(true).description("the primary")
                .tags(tag("Owner", "primary"))).keyMetadata();
        String keyId = primary.keyId();

        ReplicateKeyResponse response = us.replicateKey(b -> b.keyId(primary.keyId()).replicaRegion(EU));

        KeyMetadata replica = response.replicaKeyMetadata();
        assertThat(replica.keyId()).isEqualTo(primary.keyId());
        assertThat(replica.arn()).isEqualTo(arn(EU, primary.keyId()));
        assertThat(replica.awsAccountId()).isEqualTo(ACCOUNT);
        assertThat(replica.keySpec()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
        assertThat(replica.keyUsage()).isEqualTo(KeyUsageType.ENCRYPT_DECRYPT);
        assertThat(replica.origin()).isEqualTo(OriginType.AWS_KMS);
        assertThat(replica.currentKeyMaterialId()).isEqualTo(primary.currentKeyMaterialId());
        assertThat(replica.multiRegion()).isTrue();
        // The description, policy and tags are the replica's own: none given, none copied.
        assertThat(replica.description()).isEmpty();
        // AWS answers while the replica is being made: Creating, then Enabled.
        assertThat(replica.keyState()).isEqualTo(KeyState.CREATING);
        assertThat(replica.enabled()).isFalse();
        assertThat(replica.multiRegionConfiguration()).isEqualTo(configuration(keyId, MultiRegionKeyType.REPLICA, US, EU));
        assertThat(response.hasReplicaTags()).as("ReplicaTags is left out when there are none").isFalse();
        assertThat(response.replicaPolicy()).isEqualTo(TestPolicies.defaultPolicy(ACCOUNT));

        KeyMetadata described = describe(eu, primary.keyId());
        assertThat(described.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(described.enabled()).isTrue();
        assertThat(described.creationDate()).isNotNull();
        assertThat(eu.getKeyPolicy(b -> b.keyId(primary.keyId())).policy())
                .isEqualTo(TestPolicies.defaultPolicy(ACCOUNT));
        assertThat(eu.listResourceTags(b -> b.keyId(primary.keyId())).tags()).isEmpty();
        assertThat(describe(us, primary.keyId()).multiRegionConfiguration())
                .isEqualTo(configuration(keyId, MultiRegionKeyType.PRIMARY, US, EU));
        assertThat(describe(us, primary.keyId()).description()).isEqualTo("the primary");
    }

    @Test
    void describeKeyShowsThePrimaryAndEveryReplicaFromEachRelatedKey() {
        String keyId = newMultiRegionKey();
        us.replicateKey(b -> b.keyId(arn(US, keyId)).replicaRegion(EU));
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(AP));

        assertThat(describe(us, keyId).multiRegionConfiguration())
                .isEqualTo(configuration(keyId, MultiRegionKeyType.PRIMARY, US, EU, AP));
        assertThat(describe(eu, keyId).multiRegionConfiguration())
                .isEqualTo(configuration(keyId, MultiRegionKeyType.REPLICA, US, EU, AP));
        assertThat(describe(ap, keyId).multiRegionConfiguration())
                .isEqualTo(configuration(keyId, MultiRegionKeyType.REPLICA, US, EU, AP));
        assertThat(listKeyIds(eu)).contains(keyId);
        assertThat(listKeyIds(ap)).contains(keyId);
    }

    @Test
    void aReplicaHasItsOwnPolicyDescriptionTagsAliasesAndState() {
        String keyId = us.createKey(b -> b.multiRegion(true).description("primary").tags(tag("Side", "primary")))
                .keyMetadata().keyId();
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"replica\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

        ReplicateKeyResponse response = us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU).policy(policy)
                .bypassPolicyLockoutSafetyCheck(false).description("replica in Ireland")
                .tags(tag("Side", "replica"), tag("Env", "test")));

        assertThat(response.replicaPolicy()).isEqualTo(policy);
        assertThat(response.replicaTags()).containsExactly(tag("Env", "test"), tag("Side", "replica"));
        assertThat(response.replicaKeyMetadata().description()).isEqualTo("replica in Ireland");
        assertThat(eu.getKeyPolicy(b -> b.keyId(keyId)).policy()).isEqualTo(policy);
        assertThat(us.getKeyPolicy(b -> b.keyId(keyId)).policy()).isEqualTo(TestPolicies.defaultPolicy(ACCOUNT));

        eu.tagResource(b -> b.keyId(keyId).tags(tag("Only", "replica")));
        eu.updateKeyDescription(b -> b.keyId(keyId).description("changed in Ireland"));
        eu.createAlias(b -> b.aliasName("alias/replica-" + keyId).targetKeyId(keyId));
        eu.disableKey(b -> b.keyId(keyId));

        assertThat(eu.listResourceTags(b -> b.keyId(keyId)).tags())
                .containsExactly(tag("Env", "test"), tag("Only", "replica"), tag("Side", "replica"));
        assertThat(us.listResourceTags(b -> b.keyId(keyId)).tags()).containsExactly(tag("Side", "primary"));
        assertThat(describe(eu, keyId).description()).isEqualTo("changed in Ireland");
        assertThat(describe(us, keyId).description()).isEqualTo("primary");
        assertThat(describe(eu, keyId).keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(describe(us, keyId).keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(describe(eu, "alias/replica-" + keyId).keyId()).isEqualTo(keyId);
        assertAwsError(() -> us.describeKey(b -> b.keyId("alias/replica-" + keyId)), NotFoundException.class,
                "NotFoundException", "Alias arn:aws:kms:" + US + ":" + ACCOUNT + ":alias/replica-" + keyId
                        + " is not found.");
        // The disabled replica refuses to encrypt; the primary does not.
        assertAwsError(() -> eu.encrypt(b -> b.keyId(keyId).plaintext(bytes(8))), DisabledException.class,
                "DisabledException", arn(EU, keyId) + " is disabled.");
        assertThat(us.encrypt(b -> b.keyId(keyId).plaintext(bytes(8))).keyId()).isEqualTo(arn(US, keyId));
    }

    @Test
    void aDisabledPrimaryCanBeReplicatedAndItsReplicaIsEnabled() {
        String keyId = newMultiRegionKey();
        us.disableKey(b -> b.keyId(keyId));

        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));

        assertThat(describe(eu, keyId).keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(describe(us, keyId).keyState()).isEqualTo(KeyState.DISABLED);
    }

    @Test
    void aReplicaOfAKeyWithImportedMaterialStartsWithoutMaterialPendingImport() {
        KeyMetadata primary = us.createKey(b -> b.multiRegion(true).origin(OriginType.EXTERNAL)).keyMetadata();
        assertThat(primary.keyState()).isEqualTo(KeyState.PENDING_IMPORT);

        KeyMetadata answered = us.replicateKey(b -> b.keyId(primary.keyId()).replicaRegion(EU)).replicaKeyMetadata();

        assertThat(answered.keyState()).isEqualTo(KeyState.CREATING);
        KeyMetadata replica = describe(eu, primary.keyId());
        assertThat(replica.keyState()).isEqualTo(KeyState.PENDING_IMPORT);
        assertThat(replica.enabled()).isFalse();
        assertThat(replica.origin()).isEqualTo(OriginType.EXTERNAL);
        assertThat(replica.currentKeyMaterialId()).isNull();
        assertAwsError(() -> eu.encrypt(b -> b.keyId(primary.keyId()).plaintext(bytes(8))),
                KmsInvalidStateException.class, "KMSInvalidStateException", arn(EU, primary.keyId())
                        + " is pending import.");
    }

    @Test
    void asymmetricAndHmacKeysReplicateWithTheirSpecAndUsage() {
        KeyMetadata primary = us.createKey(b -> b.multiRegion(true).keySpec(KeySpec.RSA_2048)
                .keyUsage(KeyUsageType.SIGN_VERIFY)).keyMetadata();

        KeyMetadata replica = us.replicateKey(b -> b.keyId(primary.keyId()).replicaRegion(EU)).replicaKeyMetadata();

        assertThat(replica.keySpec()).isEqualTo(KeySpec.RSA_2048);
        assertThat(replica.keyUsage()).isEqualTo(KeyUsageType.SIGN_VERIFY);
        assertThat(replica.signingAlgorithms()).isEqualTo(primary.signingAlgorithms());
        assertThat(replica.currentKeyMaterialId()).as("AWS reports material ids of symmetric keys only").isNull();
    }

    // ---------------------------------------------------------------- cryptography across related keys

    @Test
    void aCiphertextMadeInOneRegionDecryptsInAReplicaRegionAndBack() {
        String keyId = newMultiRegionKey();
        byte[] plaintext = randomBytes(200);
        Map<String, String> context = Map.of("purpose", "multi-region");
        SdkBytes madeInUs = us.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromByteArray(plaintext))
                .encryptionContext(context)).ciphertextBlob();

        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));

        DecryptResponse inEu = eu.decrypt(b -> b.ciphertextBlob(madeInUs).encryptionContext(context));
        assertThat(inEu.plaintext().asByteArray()).isEqualTo(plaintext);
        assertThat(inEu.keyId()).isEqualTo(arn(EU, keyId));
        assertThat(eu.decrypt(b -> b.ciphertextBlob(madeInUs).encryptionContext(context).keyId(keyId))
                .plaintext().asByteArray()).isEqualTo(plaintext);
        assertThat(eu.decrypt(b -> b.ciphertextBlob(madeInUs).encryptionContext(context).keyId(arn(EU, keyId)))
                .plaintext().asByteArray()).isEqualTo(plaintext);

        SdkBytes madeInEu = eu.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromByteArray(plaintext)))
                .ciphertextBlob();
        DecryptResponse inUs = us.decrypt(b -> b.ciphertextBlob(madeInEu));
        assertThat(inUs.plaintext().asByteArray()).isEqualTo(plaintext);
        assertThat(inUs.keyId()).isEqualTo(arn(US, keyId));
    }

    @Test
    void theEncryptionContextStillBindsAcrossRegions() {
        String keyId = newMultiRegionKey();
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));
        SdkBytes ciphertext = us.encrypt(b -> b.keyId(keyId).plaintext(bytes(32))
                .encryptionContext(Map.of("a", "bc"))).ciphertextBlob();

        dev.trent.support.AwsErrors.assertAwsErrorWithoutMessage(() -> eu.decrypt(b -> b.ciphertextBlob(ciphertext)
                        .encryptionContext(Map.of("ab", "c"))),
                software.amazon.awssdk.services.kms.model.InvalidCiphertextException.class,
                "InvalidCiphertextException");
    }

    @Test
    void dataKeysAndReEncryptWorkAcrossRelatedKeys() {
        String keyId = newMultiRegionKey();
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));
        String euOnly = eu.createKey(b -> { }).keyMetadata().keyId();

        var dataKey = us.generateDataKey(b -> b.keyId(keyId).numberOfBytes(32));
        assertThat(eu.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob())).plaintext())
                .isEqualTo(dataKey.plaintext());

        // In Ireland, from the replica to a single-Region key there, and back under the replica.
        ReEncryptResponse toLocal = eu.reEncrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob())
                .destinationKeyId(euOnly));
        assertThat(toLocal.sourceKeyId()).isEqualTo(arn(EU, keyId));
        ReEncryptResponse back = eu.reEncrypt(b -> b.ciphertextBlob(toLocal.ciphertextBlob()).destinationKeyId(keyId));
        // ... which the primary in Virginia decrypts.
        assertThat(us.decrypt(b -> b.ciphertextBlob(back.ciphertextBlob())).plaintext())
                .isEqualTo(dataKey.plaintext());
        // ReEncrypt naming the related key as the source in the other region.
        ReEncryptResponse inUs = us.reEncrypt(b -> b.ciphertextBlob(back.ciphertextBlob()).sourceKeyId(keyId)
                .destinationKeyId(keyId));
        assertThat(inUs.sourceKeyId()).isEqualTo(arn(US, keyId));
        assertThat(eu.decrypt(b -> b.ciphertextBlob(inUs.ciphertextBlob())).plaintext())
                .isEqualTo(dataKey.plaintext());
    }

    @Test
    void aCiphertextDoesNotDecryptInARegionWithoutARelatedKey() {
        String keyId = newMultiRegionKey();
        SdkBytes ciphertext = us.encrypt(b -> b.keyId(keyId).plaintext(bytes(16))).ciphertextBlob();
        String singleRegion = us.createKey(b -> { }).keyMetadata().keyId();
        SdkBytes singleRegionCiphertext = us.encrypt(b -> b.keyId(singleRegion).plaintext(bytes(16)))
                .ciphertextBlob();
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));

        assertAccessDenied(() -> ap.decrypt(b -> b.ciphertextBlob(ciphertext)), CIPHERTEXT_KEY_NOT_ACCESSIBLE);
        assertAccessDenied(() -> eu.decrypt(b -> b.ciphertextBlob(singleRegionCiphertext)),
                CIPHERTEXT_KEY_NOT_ACCESSIBLE);
        // With policies enforced, the related key of the ciphertext's account in the caller's Region is
        // found and its key policy refuses the other account, in the policy's words.
        String otherAccountRefusal = TrentServer.enforcesPolicies()
                ? notAuthorized(TrentServer.OTHER_ACCOUNT, "kms:Decrypt",
                        "arn:aws:kms:" + EU + ":" + TrentServer.ACCOUNT + ":key/" + keyId)
                : CIPHERTEXT_KEY_NOT_ACCESSIBLE;
        try (KmsClient otherAccount = trent.client(TrentServer.OTHER_ACCOUNT, EU)) {
            assertAccessDenied(() -> otherAccount.decrypt(b -> b.ciphertextBlob(ciphertext)), otherAccountRefusal);
        }
    }

    @Test
    void decryptWithAnUnrelatedKeyIdIsAnIncorrectKey() {
        String keyId = newMultiRegionKey();
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));
        String other = newMultiRegionKey();
        us.replicateKey(b -> b.keyId(other).replicaRegion(EU));
        SdkBytes ciphertext = us.encrypt(b -> b.keyId(keyId).plaintext(bytes(16))).ciphertextBlob();

        assertAwsError(() -> eu.decrypt(b -> b.ciphertextBlob(ciphertext).keyId(other)), IncorrectKeyException.class,
                "IncorrectKeyException",
                "The key ID in the request does not identify a CMK that can perform this operation.");
    }

    @Test
    void signaturesMadeWithOneRelatedKeyVerifyWithTheOthers() throws Exception {
        String keyId = us.createKey(b -> b.multiRegion(true).keySpec(KeySpec.ECC_NIST_P256)
                .keyUsage(KeyUsageType.SIGN_VERIFY)).keyMetadata().keyId();
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));
        byte[] message = randomBytes(100);
        SdkBytes signedInUs = us.sign(b -> b.keyId(keyId).message(SdkBytes.fromByteArray(message))
                .messageType(MessageType.RAW).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signature();
        SdkBytes signedInEu = eu.sign(b -> b.keyId(keyId).message(SdkBytes.fromByteArray(message))
                .messageType(MessageType.RAW).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signature();

        assertThat(eu.verify(b -> b.keyId(keyId).message(SdkBytes.fromByteArray(message)).signature(signedInUs)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signatureValid()).isTrue();
        SdkBytes usPublic = us.getPublicKey(b -> b.keyId(keyId)).publicKey();
        SdkBytes euPublic = eu.getPublicKey(b -> b.keyId(keyId)).publicKey();
        assertThat(euPublic).isEqualTo(usPublic);
        // Independently: the primary's public key verifies what the replica signed, and the other way round.
        assertThat(verifiesEcdsa(usPublic, message, signedInEu)).isTrue();
        assertThat(verifiesEcdsa(euPublic, message, signedInUs)).isTrue();
    }

    @Test
    void macsOfRelatedHmacKeysAreTheSame() {
        String keyId = us.createKey(b -> b.multiRegion(true).keySpec(KeySpec.HMAC_256)
                .keyUsage(KeyUsageType.GENERATE_VERIFY_MAC)).keyMetadata().keyId();
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));
        SdkBytes message = SdkBytes.fromByteArray(randomBytes(64));

        SdkBytes inUs = us.generateMac(b -> b.keyId(keyId).message(message).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256))
                .mac();
        SdkBytes inEu = eu.generateMac(b -> b.keyId(keyId).message(message).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256))
                .mac();

        assertThat(inEu).isEqualTo(inUs);
        assertThat(eu.verifyMac(b -> b.keyId(keyId).message(message).mac(inUs)
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)).macValid()).isTrue();
        String unrelated = us.createKey(b -> b.multiRegion(true).keySpec(KeySpec.HMAC_256)
                .keyUsage(KeyUsageType.GENERATE_VERIFY_MAC)).keyMetadata().keyId();
        assertThat(us.generateMac(b -> b.keyId(unrelated).message(message)
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)).mac()).isNotEqualTo(inUs);
    }

    // ---------------------------------------------------------------- ReplicateKey refusals

    @Test
    void aSingleRegionKeyCannotBeReplicated() {
        KeyMetadata key = us.createKey(b -> { }).keyMetadata();

        assertAwsError(() -> us.replicateKey(b -> b.keyId(key.keyId()).replicaRegion(EU)),
                UnsupportedOperationException.class, "UnsupportedOperationException",
                key.arn() + " is not a multi-Region key.");
        assertAwsError(() -> eu.describeKey(b -> b.keyId(key.keyId())), NotFoundException.class,
                "NotFoundException", "Key '" + arn(EU, key.keyId()) + "' does not exist");
    }

    @Test
    void aReplicaCannotBeReplicated() {
        String keyId = newMultiRegionKey();
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));

        assertAwsError(() -> eu.replicateKey(b -> b.keyId(keyId).replicaRegion(AP)),
                UnsupportedOperationException.class, "UnsupportedOperationException",
                arn(EU, keyId) + " is not a multi-region primary key.");
        assertAwsError(() -> ap.describeKey(b -> b.keyId(keyId)), NotFoundException.class, "NotFoundException",
                "Key '" + arn(AP, keyId) + "' does not exist");
    }

    @Test
    void aKeyCannotBeReplicatedIntoItsOwnRegionNorTwiceIntoOneRegion() {
        String keyId = newMultiRegionKey();
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU).description("first"));

        assertAwsError(() -> us.replicateKey(b -> b.keyId(keyId).replicaRegion(US)), AlreadyExistsException.class,
                "AlreadyExistsException", "Key '" + arn(US, keyId) + "' already exists");
        assertAwsError(() -> us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU).description("second")),
                AlreadyExistsException.class, "AlreadyExistsException", "Key '" + arn(EU, keyId) + "' already exists");
        assertThat(describe(eu, keyId).description()).isEqualTo("first");

        // Also while the existing replica waits to be deleted.
        eu.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));
        assertAwsError(() -> us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU)), AlreadyExistsException.class,
                "AlreadyExistsException", "Key '" + arn(EU, keyId) + "' already exists");
    }

    @Test
    void theReplicaRegionMustBeARegionNameOfTheSamePartition() {
        String keyId = newMultiRegionKey();

        assertValidationError(() -> us.replicateKey(b -> b.keyId(keyId).replicaRegion("Ireland")),
                "1 validation error detected: Value 'Ireland' at 'replicaRegion' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: ^([a-z]+-){2,3}\\d+$");
        assertAwsError(() -> us.replicateKey(b -> b.keyId(keyId).replicaRegion("cn-north-1")),
                UnsupportedOperationException.class, "UnsupportedOperationException",
                "Region cn-north-1 is not in the aws partition of " + arn(US, keyId) + ".");
        assertThat(describe(us, keyId).multiRegionConfiguration().replicaKeys()).isEmpty();
    }

    @Test
    void aPrimaryPendingDeletionCannotBeReplicated() {
        String keyId = newMultiRegionKey();
        us.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));

        assertAwsError(() -> us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU)), KmsInvalidStateException.class,
                "KMSInvalidStateException", arn(US, keyId) + " is pending deletion.");
    }

    @Test
    void aPrimaryPendingReplicaDeletionCannotBeReplicated() {
        String keyId = newMultiRegionKey();
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));
        us.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));

        assertAwsError(() -> us.replicateKey(b -> b.keyId(keyId).replicaRegion(AP)), KmsInvalidStateException.class,
                "KMSInvalidStateException", arn(US, keyId) + " is pending replica deletion.");
    }

    @Test
    void replicateKeyNamesItsKeyByKeyIdOrKeyArnInTheCallersRegion() {
        String keyId = newMultiRegionKey();
        String unknown = "mrk-0123456789abcdef0123456789abcdef";

        assertAwsError(() -> us.replicateKey(b -> b.keyId(unknown).replicaRegion(EU)), NotFoundException.class,
                "NotFoundException", "Key '" + arn(US, unknown) + "' does not exist");
        assertAwsError(() -> eu.replicateKey(b -> b.keyId(arn(US, keyId)).replicaRegion(AP)), NotFoundException.class,
                "NotFoundException", "Invalid arn " + US);
        us.createAlias(b -> b.aliasName("alias/mrk-" + keyId).targetKeyId(keyId));
        assertAwsError(() -> us.replicateKey(b -> b.keyId("alias/mrk-" + keyId).replicaRegion(EU)),
                NotFoundException.class, "NotFoundException", "Invalid keyId 'alias/mrk-" + keyId + "'");
    }

    @Test
    void aBadPolicyOrBadTagsCreateNoReplica() {
        String keyId = newMultiRegionKey();

        assertAwsError(() -> us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU).policy("not a policy")),
                MalformedPolicyDocumentException.class, "MalformedPolicyDocumentException");
        assertAwsError(() -> us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU).tags(tag("aws:reserved", "x"))),
                TagException.class, "TagException", "Tags beginning with aws: are reserved");
        assertAwsError(() -> eu.describeKey(b -> b.keyId(keyId)), NotFoundException.class, "NotFoundException",
                "Key '" + arn(EU, keyId) + "' does not exist");
        assertThat(describe(us, keyId).multiRegionConfiguration().replicaKeys()).isEmpty();
    }

    // ---------------------------------------------------------------- UpdatePrimaryRegion

    @Test
    void updatePrimaryRegionSwapsThePrimaryAndTheReplica() {
        String keyId = newMultiRegionKey();
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(AP));
        SdkBytes ciphertext = us.encrypt(b -> b.keyId(keyId).plaintext(bytes(24))).ciphertextBlob();

        us.updatePrimaryRegion(b -> b.keyId(keyId).primaryRegion(EU));

        // The old primary takes the new primary's place among the replicas.
        assertThat(describe(eu, keyId).multiRegionConfiguration())
                .isEqualTo(configuration(keyId, MultiRegionKeyType.PRIMARY, EU, US, AP));
        assertThat(describe(us, keyId).multiRegionConfiguration())
                .isEqualTo(configuration(keyId, MultiRegionKeyType.REPLICA, EU, US, AP));
        assertThat(describe(ap, keyId).multiRegionConfiguration())
                .isEqualTo(configuration(keyId, MultiRegionKeyType.REPLICA, EU, US, AP));
        assertThat(describe(us, keyId).keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(describe(eu, keyId).keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(ap.decrypt(b -> b.ciphertextBlob(ciphertext)).keyId()).isEqualTo(arn(AP, keyId));

        // Only the new primary replicates, and changes the primary region.
        assertAwsError(() -> us.replicateKey(b -> b.keyId(keyId).replicaRegion("sa-east-1")),
                UnsupportedOperationException.class, "UnsupportedOperationException",
                arn(US, keyId) + " is not a multi-region primary key.");
        assertAwsError(() -> us.updatePrimaryRegion(b -> b.keyId(keyId).primaryRegion(AP)),
                UnsupportedOperationException.class, "UnsupportedOperationException",
                arn(US, keyId) + " is not a multi-region primary key.");
        eu.replicateKey(b -> b.keyId(keyId).replicaRegion("sa-east-1"));
        eu.updatePrimaryRegion(b -> b.keyId(arn(EU, keyId)).primaryRegion(US));
        assertThat(describe(us, keyId).multiRegionConfiguration())
                .isEqualTo(configuration(keyId, MultiRegionKeyType.PRIMARY, US, EU, AP, "sa-east-1"));
    }

    @Test
    void updatePrimaryRegionRefusals() {
        String keyId = newMultiRegionKey();
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));
        KeyMetadata single = us.createKey(b -> { }).keyMetadata();

        assertAwsError(() -> us.updatePrimaryRegion(b -> b.keyId(single.keyId()).primaryRegion(EU)),
                UnsupportedOperationException.class, "UnsupportedOperationException",
                single.arn() + " is not a multi-Region key.");
        assertAwsError(() -> us.updatePrimaryRegion(b -> b.keyId(keyId).primaryRegion(AP)), NotFoundException.class,
                "NotFoundException", "Key '" + arn(AP, keyId) + "' does not exist");
        assertAwsError(() -> us.updatePrimaryRegion(b -> b.keyId(keyId).primaryRegion(US)),
                UnsupportedOperationException.class, "UnsupportedOperationException",
                arn(US, keyId) + " is already the primary key in " + US + ".");
        assertValidationError(() -> us.updatePrimaryRegion(b -> b.keyId(keyId).primaryRegion("EU")),
                "1 validation error detected: Value 'EU' at 'primaryRegion' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: ^([a-z]+-){2,3}\\d+$");
        assertAwsError(() -> us.updatePrimaryRegion(b -> b.keyId(keyId).primaryRegion("cn-north-1")),
                UnsupportedOperationException.class, "UnsupportedOperationException",
                "Region cn-north-1 is not in the aws partition of " + arn(US, keyId) + ".");

        // Both keys must be enabled.
        eu.disableKey(b -> b.keyId(keyId));
        assertAwsError(() -> us.updatePrimaryRegion(b -> b.keyId(keyId).primaryRegion(EU)), DisabledException.class,
                "DisabledException", arn(EU, keyId) + " is disabled.");
        eu.enableKey(b -> b.keyId(keyId));
        us.disableKey(b -> b.keyId(keyId));
        assertAwsError(() -> us.updatePrimaryRegion(b -> b.keyId(keyId).primaryRegion(EU)), DisabledException.class,
                "DisabledException", arn(US, keyId) + " is disabled.");

        assertThat(describe(us, keyId).multiRegionConfiguration())
                .isEqualTo(configuration(keyId, MultiRegionKeyType.PRIMARY, US, EU));
    }

    // ---------------------------------------------------------------- deletion

    @Test
    void aPrimaryWithReplicasWaitsForThemInPendingReplicaDeletion() {
        String keyId = newMultiRegionKey();
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));

        ScheduleKeyDeletionResponse scheduled = us.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(9));

        assertThat(scheduled.keyId()).isEqualTo(arn(US, keyId));
        assertThat(scheduled.keyState()).isEqualTo(KeyState.PENDING_REPLICA_DELETION);
        assertThat(scheduled.pendingWindowInDays()).isEqualTo(9);
        assertThat(scheduled.deletionDate()).as("not known until the last replica is deleted").isNull();
        KeyMetadata described = describe(us, keyId);
        assertThat(described.keyState()).isEqualTo(KeyState.PENDING_REPLICA_DELETION);
        assertThat(described.enabled()).isFalse();
        assertThat(described.pendingDeletionWindowInDays()).isEqualTo(9);
        assertThat(described.deletionDate()).isNull();
        assertAwsError(() -> us.encrypt(b -> b.keyId(keyId).plaintext(bytes(8))), KmsInvalidStateException.class,
                "KMSInvalidStateException", arn(US, keyId) + " is pending replica deletion.");
        assertAwsError(() -> us.scheduleKeyDeletion(b -> b.keyId(keyId)), KmsInvalidStateException.class,
                "KMSInvalidStateException", arn(US, keyId) + " is pending replica deletion.");
        // The replica is not affected.
        assertThat(describe(eu, keyId).keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(eu.encrypt(b -> b.keyId(keyId).plaintext(bytes(8))).keyId()).isEqualTo(arn(EU, keyId));

        // As long as the replica exists, so does the primary, however long.
        trent.trent().clock().advance(Duration.ofDays(365));
        assertThat(describe(us, keyId).keyState()).isEqualTo(KeyState.PENDING_REPLICA_DELETION);
        assertThat(listKeyIds(us)).contains(keyId);
    }

    @Test
    void theLastReplicasDeletionStartsThePrimarysWaitingPeriod() {
        String keyId = newMultiRegionKey();
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(AP));
        us.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(10));
        eu.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));
        Instant apDeletion = ap.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(8)).deletionDate();

        trent.trent().clock().advance(Duration.ofDays(7).plusMinutes(1));

        assertAwsError(() -> eu.describeKey(b -> b.keyId(keyId)), NotFoundException.class, "NotFoundException",
                "Key '" + arn(EU, keyId) + "' does not exist");
        assertThat(listKeyIds(eu)).doesNotContain(keyId);
        assertThat(describe(us, keyId).multiRegionConfiguration())
                .isEqualTo(configuration(keyId, MultiRegionKeyType.PRIMARY, US, AP));
        assertThat(describe(ap, keyId).multiRegionConfiguration())
                .isEqualTo(configuration(keyId, MultiRegionKeyType.REPLICA, US, AP));
        assertThat(describe(us, keyId).keyState()).isEqualTo(KeyState.PENDING_REPLICA_DELETION);

        trent.trent().clock().advance(Duration.ofDays(1));

        KeyMetadata primary = describe(us, keyId);
        assertThat(primary.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(primary.deletionDate()).isEqualTo(apDeletion.plus(Duration.ofDays(10)));
        assertThat(primary.pendingDeletionWindowInDays()).isNull();
        assertThat(primary.multiRegionConfiguration()).isEqualTo(configuration(keyId, MultiRegionKeyType.PRIMARY, US));

        trent.trent().clock().advance(Duration.ofDays(10));

        assertAwsError(() -> us.describeKey(b -> b.keyId(keyId)), NotFoundException.class, "NotFoundException",
                "Key '" + arn(US, keyId) + "' does not exist");
    }

    @Test
    void aPrimaryAndItsReplicaWhoseDatesBothPassedAreBothDeleted() {
        String keyId = newMultiRegionKey();
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));
        us.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));
        eu.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));

        trent.trent().clock().advance(Duration.ofDays(15));

        assertThat(listKeyIds(us)).doesNotContain(keyId);
        assertThat(listKeyIds(eu)).doesNotContain(keyId);
    }

    @Test
    void cancelKeyDeletionOfAPrimaryPendingReplicaDeletion() {
        String keyId = newMultiRegionKey();
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));
        us.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));

        assertThat(us.cancelKeyDeletion(b -> b.keyId(keyId)).keyId()).isEqualTo(arn(US, keyId));

        KeyMetadata described = describe(us, keyId);
        assertThat(described.keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(described.pendingDeletionWindowInDays()).isNull();
        assertThat(described.deletionDate()).isNull();
        // Its replica's deletion no longer leads to the primary's.
        eu.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));
        trent.trent().clock().advance(Duration.ofDays(30));
        assertThat(describe(us, keyId).keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(describe(us, keyId).multiRegionConfiguration().replicaKeys()).isEmpty();
    }

    @Test
    void aPrimaryWithoutReplicasIsDeletedAsAnyKey() {
        String keyId = newMultiRegionKey();

        ScheduleKeyDeletionResponse scheduled = us.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));

        assertThat(scheduled.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(scheduled.deletionDate()).isNotNull();
        assertThat(describe(us, keyId).pendingDeletionWindowInDays()).isNull();
        trent.trent().clock().advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(listKeyIds(us)).doesNotContain(keyId);
    }

    @Test
    void aDeletedReplicasCiphertextsDecryptWithTheOthersAndTheReplicaCanBeMadeAgain() {
        String keyId = newMultiRegionKey();
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU).tags(tag("Generation", "1")));
        eu.createAlias(b -> b.aliasName("alias/gone-" + keyId).targetKeyId(keyId));
        byte[] plaintext = randomBytes(40);
        SdkBytes madeInEu = eu.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromByteArray(plaintext)))
                .ciphertextBlob();
        eu.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));
        assertThat(describe(eu, keyId).keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(describe(us, keyId).keyState()).isEqualTo(KeyState.ENABLED);

        trent.trent().clock().advance(Duration.ofDays(8));

        assertThat(us.decrypt(b -> b.ciphertextBlob(madeInEu)).plaintext().asByteArray()).isEqualTo(plaintext);
        assertThat(eu.listAliasesPaginator(b -> { }).aliases()).noneMatch(a -> a.aliasName().equals("alias/gone-" + keyId));
        assertAccessDenied(() -> eu.decrypt(b -> b.ciphertextBlob(madeInEu)), CIPHERTEXT_KEY_NOT_ACCESSIBLE);

        ReplicateKeyResponse again = us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));

        assertThat(again.hasReplicaTags()).isFalse();
        assertThat(eu.decrypt(b -> b.ciphertextBlob(madeInEu)).plaintext().asByteArray()).isEqualTo(plaintext);
        assertThat(describe(us, keyId).multiRegionConfiguration())
                .isEqualTo(configuration(keyId, MultiRegionKeyType.PRIMARY, US, EU));
    }

    @Test
    void cancellingAReplicasDeletionKeepsIt() {
        String keyId = newMultiRegionKey();
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));
        eu.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));

        eu.cancelKeyDeletion(b -> b.keyId(keyId));
        trent.trent().clock().advance(Duration.ofDays(8));

        assertThat(describe(eu, keyId).keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(describe(us, keyId).multiRegionConfiguration())
                .isEqualTo(configuration(keyId, MultiRegionKeyType.PRIMARY, US, EU));
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void concurrentChangesInSeveralRegionsNeitherDeadlockNorLoseReplicas() throws Exception {
        String keyId = newMultiRegionKey();
        us.replicateKey(b -> b.keyId(keyId).replicaRegion(EU));
        List<String> regions = List.of("ap-northeast-1", "ap-south-1", "ca-central-1", "eu-central-1",
                "eu-north-1", "sa-east-1", "us-west-1", "us-west-2");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> work = new java.util.ArrayList<>();
            for (String region : regions) {
                work.add(pool.submit(() -> us.replicateKey(b -> b.keyId(keyId).replicaRegion(region))));
                work.add(pool.submit(() -> eu.tagResource(b -> b.keyId(keyId).tags(tag(region, "x")))));
                work.add(pool.submit(() -> us.tagResource(b -> b.keyId(keyId).tags(tag(region, "y")))));
            }
            for (Future<?> future : work) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        MultiRegionConfiguration config = describe(us, keyId).multiRegionConfiguration();
        assertThat(config.replicaKeys()).extracting(MultiRegionKey::region).hasSize(regions.size() + 1)
                .containsAll(regions).contains(EU);
        assertThat(describe(eu, keyId).multiRegionConfiguration().replicaKeys())
                .isEqualTo(config.replicaKeys());
        assertThat(eu.listResourceTags(b -> b.keyId(keyId)).tags()).hasSize(regions.size());
        assertThat(us.listResourceTags(b -> b.keyId(keyId)).tags()).hasSize(regions.size());
    }

    // ---------------------------------------------------------------- helpers

    private static String newMultiRegionKey() {
        return us.createKey(b -> b.multiRegion(true)).keyMetadata().keyId();
    }

    private static KeyMetadata describe(KmsClient client, String keyId) {
        return client.describeKey(b -> b.keyId(keyId)).keyMetadata();
    }

    private static List<String> listKeyIds(KmsClient client) {
        return client.listKeysPaginator(b -> { }).keys().stream().map(KeyListEntry::keyId).toList();
    }

    private static String arn(String region, String keyId) {
        return "arn:aws:kms:" + region + ":" + ACCOUNT + ":key/" + keyId;
    }

    /** The MultiRegionConfiguration AWS shows for the key of this type among keys in these regions. */
    private static MultiRegionConfiguration configuration(String keyId, MultiRegionKeyType type, String primaryRegion,
            String... replicaRegions) {
        return MultiRegionConfiguration.builder()
                .multiRegionKeyType(type)
                .primaryKey(MultiRegionKey.builder().arn(arn(primaryRegion, keyId)).region(primaryRegion).build())
                .replicaKeys(Stream.of(replicaRegions)
                        .map(region -> MultiRegionKey.builder().arn(arn(region, keyId)).region(region).build())
                        .toList())
                .build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }

    private static SdkBytes bytes(int length) {
        return SdkBytes.fromByteArray(randomBytes(length));
    }

    private static boolean verifiesEcdsa(SdkBytes publicKey, byte[] message, SdkBytes signature) throws Exception {
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicKey.asByteArray()));
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature.asByteArray());
    }
}
