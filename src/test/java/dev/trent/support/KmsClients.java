package dev.trent.support;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/** AWS SDK clients for a Trent at any endpoint (one started in process or a child process). */
public final class KmsClients {
    private KmsClients() {
    }

    /**
     * A client whose requests Trent attributes to this account and region, with no retries (a
     * failed request fails the test, and is never silently sent twice); the caller closes it.
     */
    public static KmsClient client(URI endpoint, String account, String region, ExecutionInterceptor... interceptors) {
        return KmsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(account, "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> {
                    c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1));
                    for (ExecutionInterceptor interceptor : interceptors) {
                        c.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }
}
