package dev.trent.junit;

import static dev.trent.support.AwsErrors.assertAccessDenied;
import static dev.trent.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.KmsClients;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * {@code @WithTrent(credentials = ...)}: Trent checks signatures and enforces policies, and each
 * injected client signs with an access key of the file.
 */
@WithTrent(credentials = "examples/credentials.json")
class WithTrentCredentialsTest {
    private static final String APP_KEY = "AKIAI44QH8DHBEXAMPLE";

    @FromTrent
    KmsClient root;
    @FromTrent(accessKey = APP_KEY)
    KmsClient app;

    @Test
    void theDefaultClientIsTheRootOfTheFirstAccount() {
        assertThat(root.createKey().keyMetadata().arn()).startsWith("arn:aws:kms:us-east-1:111122223333:key/");
    }

    @Test
    void anAccessKeyActsWithItsPrincipalAndPolicies() {
        String keyId = root.createKey().keyMetadata().keyId();

        SdkBytes ciphertext = app.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("data")))
                .ciphertextBlob();

        assertThat(root.decrypt(r -> r.ciphertextBlob(ciphertext)).plaintext().asUtf8String()).isEqualTo("data");
        assertAccessDenied(app::createKey, "User: arn:aws:iam::111122223333:role/app is not authorized to perform:"
                + " kms:CreateKey on resource: * because no identity-based policy allows the kms:CreateKey action");
    }

    @Test
    void anotherAccountSignsWithItsSessionCredentials(@FromTrent(account = "444455556666") KmsClient session) {
        assertThat(session.createKey().keyMetadata().arn()).startsWith("arn:aws:kms:us-east-1:444455556666:key/");
    }

    @Test
    void requestsSignedByAnUnknownKeyAreRefused(URI endpoint) {
        try (KmsClient stranger = KmsClients.client(endpoint, "111122223333", "us-east-1")) {
            assertAwsError(stranger::listKeys, KmsException.class, "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        }
    }
}
