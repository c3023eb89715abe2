package dev.trent.kms;

/**
 * What CreateCustomKeyStore asks for; a null type is AWS's default, AWS_CLOUDHSM.
 *
 * @param proxy the XksProxy settings given, each null when not given
 */
public record CreateCustomKeyStoreCommand(
        String name,
        CustomKeyStoreType type,
        String cloudHsmClusterId,
        String trustAnchorCertificate,
        String keyStorePassword,
        XksProxy proxy) {

    boolean hasXksSettings() {
        return proxy.anyGiven();
    }

    boolean hasCloudHsmSettings() {
        return cloudHsmClusterId != null || trustAnchorCertificate != null || keyStorePassword != null;
    }
}
