package dev.trent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.TrentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/** The ways the README tells users to point the SDK at Trent. */
class ClientConfigurationTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    @Test
    void theSdkFindsTrentThroughTheServiceEndpointSetting() {
        // aws.endpointUrlKms is the system-property twin of AWS_ENDPOINT_URL_KMS
        String previous = System.setProperty("aws.endpointUrlKms", trent.endpoint().toString());
        try (KmsClient kms = KmsClient.builder()
                .region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(ApacheHttpClient.create())
                .build()) {
            String arn = kms.createKey(b -> b.description("via aws.endpointUrlKms")).keyMetadata().arn();

            assertThat(arn).startsWith("arn:aws:kms:eu-west-2:000000000000:key/");
        } finally {
            if (previous == null) {
                System.clearProperty("aws.endpointUrlKms");
            } else {
                System.setProperty("aws.endpointUrlKms", previous);
            }
        }
    }

    @Test
    void theApacheHttpClientKeepsItsConnectionsAlive() {
        try (KmsClient kms = KmsClient.builder()
                .endpointOverride(trent.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(ApacheHttpClient.builder().maxConnections(1).build())
                .build()) {
            for (int i = 0; i < 20; i++) {
                assertThat(kms.generateRandom(b -> b.numberOfBytes(16)).plaintext().asByteArray()).hasSize(16);
            }
        }
    }
}
