package dev.trent.junit;

import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

/**
 * Builds the {@link KmsClient}s the extension injects: pointed at Trent, with static credentials
 * and a Region, otherwise as the SDK's defaults make them (retries included), so that tests see
 * what their production code would.
 */
final class TrentClients {
    private static final String URL_CONNECTION_CLIENT = "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient";

    private TrentClients() {
    }

    static KmsClient build(URI endpoint, ClientIdentity identity) {
        AwsCredentials credentials = identity.sessionToken() == null
                ? AwsBasicCredentials.create(identity.accessKey(), identity.secretKey())
                : AwsSessionCredentials.create(identity.accessKey(), identity.secretKey(), identity.sessionToken());
        KmsClientBuilder builder = KmsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(identity.region()))
                .credentialsProvider(StaticCredentialsProvider.create(credentials));
        if (urlConnectionClientPresent()) {
            // Chosen, not discovered: the SDK refuses to pick when the test class path has several clients.
            UrlConnection.use(builder);
        }
        try {
            return builder.build();
        } catch (SdkClientException e) {
            throw new ExtensionConfigurationException("The KmsClient for Trent needs an HTTP client of the AWS SDK on "
                    + "the test class path: add software.amazon.awssdk:url-connection-client (or apache-client) "
                    + "to the test dependencies", e);
        }
    }

    private static boolean urlConnectionClientPresent() {
        try {
            Class.forName(URL_CONNECTION_CLIENT, false, TrentClients.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Loaded only when the URL connection client is there: its class must not be linked otherwise. */
    private static final class UrlConnection {
        static void use(KmsClientBuilder builder) {
            // A builder, not a client: the KmsClient then closes its HTTP client with itself.
            builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
    }
}
