package dev.trent.transfer;

import dev.trent.Config;
import dev.trent.Trent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/** A Trent started with key files, and SDK clients for it; closing closes them all. */
final class Started implements AutoCloseable {
    static final String ACCOUNT = "111122223333";
    static final String REGION = "us-east-1";

    final Trent trent;
    final KmsClient kms;

    Started(Path... imports) {
        this(Config.defaults().withPort(0).withDefaultAccount(ACCOUNT).withImports(Arrays.asList(imports)));
    }

    Started(Config config) {
        trent = new Trent(config).start();
        kms = client(ACCOUNT, REGION);
    }

    static Started with(List<Path> imports) {
        return new Started(imports.toArray(Path[]::new));
    }

    KmsClient client(String account, String region) {
        return KmsClient.builder()
                .endpointOverride(trent.endpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(account, "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    @Override
    public void close() {
        try {
            kms.close();
        } finally {
            trent.close();
        }
    }
}
