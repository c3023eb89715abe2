package dev.trent;

import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.assertAwsErrorWithoutMessage;
import static dev.trent.support.TestKeys.newKeyId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.TestPolicies;
import dev.trent.support.TrentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesResponse;
import software.amazon.awssdk.services.kms.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/** GetKeyPolicy, PutKeyPolicy, ListKeyPolicies, and the Policy of CreateKey. */
class KeyPoliciesTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final String DEFAULT_POLICY = TestPolicies.defaultPolicy(TrentServer.ACCOUNT);

    /** A valid policy in a layout of our own: tabs, CRLF, odd spacing. */
    private static final String OWN_POLICY = "{ \"Version\":\"2012-10-17\",\r\n"
            + "\t\"Statement\" :[{\"Sid\":\"Mine\",  \"Effect\":\"Allow\",\n"
            + "\t\t\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]\n"
            + "}\n";

    private final KmsClient kms = trent.kms();

    @Test
    void getKeyPolicyOfANewKeyReturnsAwsDefaultPolicy() {
        String keyId = newKeyId(kms);

        GetKeyPolicyResponse policy = kms.getKeyPolicy(b -> b.keyId(keyId).policyName("default"));

        assertThat(policy.policy()).isEqualTo(DEFAULT_POLICY);
        assertThat(policy.policyName()).isEqualTo("default");
    }

    @Test
    void getKeyPolicyWithoutPolicyNameReturnsTheDefaultPolicy() {
        String keyId = newKeyId(kms);

        GetKeyPolicyResponse policy = kms.getKeyPolicy(b -> b.keyId(keyId));

        assertThat(policy.policy()).isEqualTo(DEFAULT_POLICY);
        assertThat(policy.policyName()).isEqualTo("default");
    }

    @Test
    void getKeyPolicyByKeyArnReturnsThePolicy() {
        String arn = kms.createKey(b -> { }).keyMetadata().arn();

        assertThat(kms.getKeyPolicy(b -> b.keyId(arn)).policy()).isEqualTo(DEFAULT_POLICY);
    }

    @Test
    void theDefaultPolicyNamesTheRootOfTheKeysAccount() {
        try (KmsClient other = trent.client(TrentServer.OTHER_ACCOUNT, TrentServer.REGION)) {
            String keyId = other.createKey(b -> { }).keyMetadata().keyId();

            assertThat(other.getKeyPolicy(b -> b.keyId(keyId)).policy())
                    .isEqualTo(DEFAULT_POLICY.replace("111122223333", TrentServer.OTHER_ACCOUNT));
        }
    }

    @Test
    void getKeyPolicyOfAPolicyNameOtherThanDefaultIsNotFound() {
        String keyId = newKeyId(kms);

        assertAwsError(() -> kms.getKeyPolicy(b -> b.keyId(keyId).policyName("other")), NotFoundException.class,
                "NotFoundException");
    }

    @Test
    void getKeyPolicyOfAnUnknownKeyIsNotFound() {
        String id = "134f2428-cec1-4b25-a1ae-9048164dba47";

        assertAwsError(() -> kms.getKeyPolicy(b -> b.keyId(id)), NotFoundException.class, "NotFoundException",
                "Key 'arn:aws:kms:us-east-1:111122223333:key/" + id + "' does not exist");
    }

    @Test
    void putKeyPolicyStoresTheDocumentVerbatim() {
        String keyId = newKeyId(kms);

        kms.putKeyPolicy(b -> b.keyId(keyId).policyName("default").policy(OWN_POLICY));

        assertThat(kms.getKeyPolicy(b -> b.keyId(keyId).policyName("default")).policy()).isEqualTo(OWN_POLICY);
    }

    @Test
    void putKeyPolicyWithoutPolicyNameReplacesTheDefaultPolicy() {
        String keyId = newKeyId(kms);

        kms.putKeyPolicy(b -> b.keyId(keyId).policy(OWN_POLICY));

        assertThat(kms.getKeyPolicy(b -> b.keyId(keyId)).policy()).isEqualTo(OWN_POLICY);
    }

    @Test
    void putKeyPolicyReplacesAPreviouslyPutPolicy() {
        String keyId = newKeyId(kms);
        kms.putKeyPolicy(b -> b.keyId(keyId).policy(OWN_POLICY));
        String second = OWN_POLICY.replace("Mine", "Second");

        kms.putKeyPolicy(b -> b.keyId(keyId).policy(second));

        assertThat(kms.getKeyPolicy(b -> b.keyId(keyId)).policy()).isEqualTo(second);
    }

    @Test
    void putKeyPolicyChangesOnlyThatKeysPolicy() {
        String changed = newKeyId(kms);
        String untouched = newKeyId(kms);

        kms.putKeyPolicy(b -> b.keyId(changed).policy(OWN_POLICY));

        assertThat(kms.getKeyPolicy(b -> b.keyId(untouched)).policy()).isEqualTo(DEFAULT_POLICY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a real policy statement", "{\"Version\": \"2012-10-17\", \"Statement\": ["})
    void putKeyPolicyRefusesADocumentThatIsNotJsonWithoutAMessage(String policy) {
        String keyId = newKeyId(kms);

        assertAwsErrorWithoutMessage(() -> kms.putKeyPolicy(b -> b.keyId(keyId)
                .policyName("default").policy(policy)), MalformedPolicyDocumentException.class,
                "MalformedPolicyDocumentException");
        assertThat(kms.getKeyPolicy(b -> b.keyId(keyId)).policy()).isEqualTo(DEFAULT_POLICY);
    }

    @Test
    void putKeyPolicyRefusesAJsonDocumentWithoutStatement() {
        String keyId = newKeyId(kms);

        assertAwsError(() -> kms.putKeyPolicy(b -> b.keyId(keyId).policyName("default")
                .policy("{\"Version\":\"2012-10-17\"}")), MalformedPolicyDocumentException.class,
                "MalformedPolicyDocumentException");
        assertThat(kms.getKeyPolicy(b -> b.keyId(keyId)).policy()).isEqualTo(DEFAULT_POLICY);
    }

    @Test
    void putKeyPolicyRefusesAStatementWithAnInvalidPrincipalInAwsWords() {
        String keyId = newKeyId(kms);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"not a principal\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

        assertAwsError(() -> kms.putKeyPolicy(b -> b.keyId(keyId).policyName("default").policy(policy)),
                MalformedPolicyDocumentException.class, "MalformedPolicyDocumentException",
                "Policy contains a statement with one or more invalid principals.");
        assertThat(kms.getKeyPolicy(b -> b.keyId(keyId)).policy()).isEqualTo(DEFAULT_POLICY);
    }

    @Test
    void createKeyWithAPolicyStoresItVerbatim() {
        String keyId = kms.createKey(b -> b.policy(OWN_POLICY)).keyMetadata().keyId();

        assertThat(kms.getKeyPolicy(b -> b.keyId(keyId).policyName("default")).policy()).isEqualTo(OWN_POLICY);
    }

    @Test
    void createKeyRefusesAPolicyThatIsNotJson() {
        assertAwsError(() -> kms.createKey(b -> b.policy("not a real policy statement")),
                MalformedPolicyDocumentException.class, "MalformedPolicyDocumentException");
    }

    @Test
    void listKeyPoliciesListsOnlyTheDefaultPolicy() {
        String keyId = newKeyId(kms);

        ListKeyPoliciesResponse policies = kms.listKeyPolicies(b -> b.keyId(keyId));

        assertThat(policies.policyNames()).containsExactly("default");
        assertThat(policies.truncated()).isFalse();
        assertThat(policies.nextMarker()).isNull();
    }

    @Test
    void listKeyPoliciesStillListsDefaultAfterPutKeyPolicy() {
        String keyId = newKeyId(kms);
        kms.putKeyPolicy(b -> b.keyId(keyId).policy(OWN_POLICY));

        assertThat(kms.listKeyPolicies(b -> b.keyId(keyId)).policyNames()).containsExactly("default");
    }
}
