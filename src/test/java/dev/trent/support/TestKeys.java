package dev.trent.support;

import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/** Keys for tests to work on, and the ARNs that name them. */
public final class TestKeys {
    private TestKeys() {
    }

    /** A new key with CreateKey's defaults: an enabled symmetric encryption key. */
    public static KeyMetadata newKey(KmsClient kms) {
        return kms.createKey(b -> { }).keyMetadata();
    }

    /** The key id of a new key with CreateKey's defaults. */
    public static String newKeyId(KmsClient kms) {
        return newKey(kms).keyId();
    }

    /** The ARN of the key with this id in the test account and region. */
    public static String keyArn(String keyId) {
        return "arn:aws:kms:" + TrentServer.REGION + ":" + TrentServer.ACCOUNT + ":key/" + keyId;
    }
}
