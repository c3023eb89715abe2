package dev.trent.esdk;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.CryptoResult;
import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.cryptography.materialproviders.IKeyring;
import software.amazon.cryptography.materialproviders.MaterialProviders;
import software.amazon.cryptography.materialproviders.model.CollectionOfErrors;
import software.amazon.cryptography.materialproviders.model.CreateAwsKmsDiscoveryKeyringInput;
import software.amazon.cryptography.materialproviders.model.CreateAwsKmsEcdhKeyringInput;
import software.amazon.cryptography.materialproviders.model.CreateAwsKmsRsaKeyringInput;
import software.amazon.cryptography.materialproviders.model.KmsEcdhStaticConfigurations;
import software.amazon.cryptography.materialproviders.model.KmsPrivateKeyToStaticPublicKeyInput;
import software.amazon.cryptography.materialproviders.model.KmsPublicKeyDiscoveryInput;
import software.amazon.cryptography.primitives.model.ECDHCurveSpec;
import software.amazon.cryptography.materialproviders.model.CreateAwsKmsKeyringInput;
import software.amazon.cryptography.materialproviders.model.CreateAwsKmsMrkDiscoveryKeyringInput;
import software.amazon.cryptography.materialproviders.model.CreateAwsKmsMrkKeyringInput;
import software.amazon.cryptography.materialproviders.model.CreateAwsKmsMultiKeyringInput;
import software.amazon.cryptography.materialproviders.model.DiscoveryFilter;
import software.amazon.cryptography.materialproviders.model.MaterialProvidersConfig;

/**
 * The Java half of .ci/esdk-check: the AWS Encryption SDK for Java 3.x with the KMS keyrings of the
 * AWS Cryptographic Material Providers library, against a running Trent. The scenarios and their
 * names are those of .ci/js/esdk.mjs, so that each library decrypts what the other encrypted.
 *
 * <pre>
 * EsdkCheck encrypt ENDPOINT DIR   writes a message per scenario into DIR (NAME.ct, NAME.pt, NAME.ec.tsv)
 * EsdkCheck decrypt ENDPOINT DIR   decrypts the other library's messages in DIR, prints ok/FAIL lines
 * EsdkCheck own ENDPOINT DIR       round trips with the keyrings that only the Java library has
 * </pre>
 *
 * The keys come from DIR/../keys.tsv, made by {@code node esdk.mjs setup}.
 */
public final class EsdkCheck {
    private static final String ACCOUNT = "111122223333";
    private static final String PRIMARY_REGION = "eu-central-1";
    private static final String REPLICA_REGION = "eu-west-1";
    private static final Pattern NO_MATCH = Pattern.compile("No Encrypted Data Keys found to match");

    private final URI endpoint;
    private final Path dir;
    private final Map<String, String> keys;
    private final Map<String, KmsClient> clients = new ConcurrentHashMap<>();
    private final AwsCrypto crypto =
            AwsCrypto.builder().withCommitmentPolicy(CommitmentPolicy.RequireEncryptRequireDecrypt).build();
    private final MaterialProviders mpl = MaterialProviders.builder()
            .MaterialProvidersConfig(MaterialProvidersConfig.builder().build())
            .build();
    private int passed;
    private int failed;

    private EsdkCheck(URI endpoint, Path dir) throws IOException {
        this.endpoint = endpoint;
        this.dir = dir;
        this.keys = readTsv(dir.resolveSibling("keys.tsv"));
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: EsdkCheck encrypt|decrypt ENDPOINT DIR");
            System.exit(2);
        }
        EsdkCheck check = new EsdkCheck(URI.create(args[1]), Path.of(args[2]));
        int status;
        try {
            switch (args[0]) {
                case "encrypt" -> {
                    check.encryptAll();
                    status = 0;
                }
                case "decrypt" -> status = check.decryptAll();
                case "own" -> status = check.ownKeyrings();
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        } catch (Exception e) {
            System.out.println("FAIL Java " + args[0] + " stopped: " + e);
            status = 1;
        }
        check.clients.values().forEach(KmsClient::close);
        System.exit(status);
    }

    private KmsClient kms(String region) {
        return clients.computeIfAbsent(region, r -> KmsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(r))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCOUNT, "secret")))
                .build());
    }

    private void encryptAll() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("origin"), "Java\n");
        write("multi", mpl.CreateAwsKmsMultiKeyring(CreateAwsKmsMultiKeyringInput.builder()
                        .generator(keys.get("first"))
                        .kmsKeyIds(List.of(keys.get("second")))
                        .clientSupplier(input -> kms(input.region()))
                        .build()),
                context("purpose", "cross-check", "origin", "java"));
        write("revoked", mpl.CreateAwsKmsKeyring(CreateAwsKmsKeyringInput.builder()
                        .kmsKeyId(keys.get("revoked"))
                        .kmsClient(kms(PRIMARY_REGION))
                        .build()),
                context("purpose", "revoked", "origin", "java"));
        write("mrk", mpl.CreateAwsKmsMrkKeyring(CreateAwsKmsMrkKeyringInput.builder()
                        .kmsKeyId(keys.get("mrkPrimary"))
                        .kmsClient(kms(PRIMARY_REGION))
                        .build()),
                context("purpose", "multi-region", "origin", "java"));
    }

    private void write(String name, IKeyring keyring, Map<String, String> context) throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] plaintext = new byte[10_000 + random.nextInt(1000)];
        random.nextBytes(plaintext);
        byte[] message = crypto.encryptData(keyring, plaintext, context).getResult();
        Files.write(dir.resolve(name + ".ct"), message);
        Files.write(dir.resolve(name + ".pt"), plaintext);
        StringBuilder tsv = new StringBuilder();
        context.forEach((k, v) -> tsv.append(k).append('\t').append(v).append('\n'));
        Files.writeString(dir.resolve(name + ".ec.tsv"), tsv);
    }

    private int decryptAll() throws IOException {
        String from = Files.readString(dir.resolve("origin")).trim();
        DiscoveryFilter ours = filter(ACCOUNT);
        opens(from, "multi", "an AWS KMS keyring of the generator key", strict(keys.get("first")), false);
        opens(from, "multi", "an AWS KMS keyring of the second key only", strict(keys.get("second")), false);
        opens(from, "multi", "an AWS KMS keyring, requiring the encryption context", strict(keys.get("first")), true);
        opens(from, "multi", "an AWS KMS discovery keyring for the account", mpl.CreateAwsKmsDiscoveryKeyring(
                CreateAwsKmsDiscoveryKeyringInput.builder().kmsClient(kms(PRIMARY_REGION)).discoveryFilter(ours).build()),
                false);
        refuses(from, "multi", "an AWS KMS keyring of an unrelated key", strict(keys.get("unrelated")), NO_MATCH);
        refuses(from, "multi", "an AWS KMS discovery keyring for another account", mpl.CreateAwsKmsDiscoveryKeyring(
                CreateAwsKmsDiscoveryKeyringInput.builder().kmsClient(kms(PRIMARY_REGION))
                        .discoveryFilter(filter("444455556666")).build()), NO_MATCH);
        refuses(from, "revoked", "an AWS KMS keyring of its key, now disabled in Trent", strict(keys.get("revoked")),
                Pattern.compile("DisabledException|is disabled"));
        opens(from, "mrk", "an AWS KMS MRK keyring of the replica in " + REPLICA_REGION,
                mpl.CreateAwsKmsMrkKeyring(CreateAwsKmsMrkKeyringInput.builder()
                        .kmsKeyId(keys.get("mrkReplica")).kmsClient(kms(REPLICA_REGION)).build()),
                false);
        opens(from, "mrk", "an AWS KMS MRK discovery keyring in " + REPLICA_REGION,
                mpl.CreateAwsKmsMrkDiscoveryKeyring(CreateAwsKmsMrkDiscoveryKeyringInput.builder()
                        .kmsClient(kms(REPLICA_REGION)).region(REPLICA_REGION).discoveryFilter(ours).build()),
                false);
        refuses(from, "mrk", "an AWS KMS keyring of the replica that is not MRK-aware",
                mpl.CreateAwsKmsKeyring(CreateAwsKmsKeyringInput.builder()
                        .kmsKeyId(keys.get("mrkReplica")).kmsClient(kms(REPLICA_REGION)).build()), NO_MATCH);
        return failed == 0 ? 0 : 1;
    }

    /**
     * The AWS KMS RSA keyring (encrypts locally with the public key, decrypts with KMS Decrypt) and the
     * AWS KMS ECDH keyring (DeriveSharedSecret on both sides), which the JavaScript library lacks:
     * each encrypts and decrypts within Java, through Trent.
     */
    private int ownKeyrings() {
        KmsClient kms = kms(PRIMARY_REGION);
        SecureRandom random = new SecureRandom();
        byte[] plaintext = new byte[5000];
        random.nextBytes(plaintext);
        Map<String, String> context = context("purpose", "own-keyrings");

        String rsaKey = kms.createKey(r -> r.keySpec(KeySpec.RSA_3072).keyUsage(KeyUsageType.ENCRYPT_DECRYPT))
                .keyMetadata().arn();
        byte[] spki = kms.getPublicKey(r -> r.keyId(rsaKey)).publicKey().asByteArray();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(spki) + "\n-----END PUBLIC KEY-----\n";
        // The RSA keyring needs an algorithm suite without signatures.
        AwsCrypto unsigned = AwsCrypto.builder()
                .withCommitmentPolicy(CommitmentPolicy.RequireEncryptRequireDecrypt)
                .withEncryptionAlgorithm(CryptoAlgorithm.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY)
                .build();
        roundTrip("the AWS KMS RSA keyring (RSAES_OAEP_SHA_256)", unsigned, plaintext, context,
                mpl.CreateAwsKmsRsaKeyring(CreateAwsKmsRsaKeyringInput.builder()
                        .publicKey(ByteBuffer.wrap(pem.getBytes(StandardCharsets.US_ASCII)))
                        .kmsKeyId(rsaKey)
                        .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)
                        .kmsClient(kms)
                        .build()),
                mpl.CreateAwsKmsRsaKeyring(CreateAwsKmsRsaKeyringInput.builder()
                        .kmsKeyId(rsaKey)
                        .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)
                        .kmsClient(kms)
                        .build()));

        String sender = kms.createKey(r -> r.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.KEY_AGREEMENT))
                .keyMetadata().arn();
        String recipient = kms.createKey(r -> r.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.KEY_AGREEMENT))
                .keyMetadata().arn();
        byte[] recipientPublic = kms.getPublicKey(r -> r.keyId(recipient)).publicKey().asByteArray();
        roundTrip("the AWS KMS ECDH keyring (sender's KMS key to the recipient's public key, "
                        + "recipient discovers)", crypto, plaintext, context,
                mpl.CreateAwsKmsEcdhKeyring(CreateAwsKmsEcdhKeyringInput.builder()
                        .curveSpec(ECDHCurveSpec.ECC_NIST_P256)
                        .kmsClient(kms)
                        .KeyAgreementScheme(KmsEcdhStaticConfigurations.builder()
                                .KmsPrivateKeyToStaticPublicKey(KmsPrivateKeyToStaticPublicKeyInput.builder()
                                        .senderKmsIdentifier(sender)
                                        .recipientPublicKey(ByteBuffer.wrap(recipientPublic))
                                        .build())
                                .build())
                        .build()),
                mpl.CreateAwsKmsEcdhKeyring(CreateAwsKmsEcdhKeyringInput.builder()
                        .curveSpec(ECDHCurveSpec.ECC_NIST_P256)
                        .kmsClient(kms)
                        .KeyAgreementScheme(KmsEcdhStaticConfigurations.builder()
                                .KmsPublicKeyDiscovery(KmsPublicKeyDiscoveryInput.builder()
                                        .recipientKmsIdentifier(recipient)
                                        .build())
                                .build())
                        .build()));
        return failed == 0 ? 0 : 1;
    }

    private void roundTrip(String how, AwsCrypto library, byte[] plaintext, Map<String, String> context,
            IKeyring encrypting, IKeyring decrypting) {
        String check = "Java encrypts and decrypts with " + how;
        try {
            byte[] message = library.encryptData(encrypting, plaintext, context).getResult();
            CryptoResult<byte[], ?> result = library.decryptData(decrypting, message, context);
            report(check, Arrays.equals(result.getResult(), plaintext));
        } catch (Exception e) {
            report(check + ": " + describe(e), false);
        }
    }

    private IKeyring strict(String keyArn) {
        return mpl.CreateAwsKmsKeyring(
                CreateAwsKmsKeyringInput.builder().kmsKeyId(keyArn).kmsClient(kms(PRIMARY_REGION)).build());
    }

    private static DiscoveryFilter filter(String account) {
        return DiscoveryFilter.builder().accountIds(List.of(account)).partition("aws").build();
    }

    private void opens(String from, String name, String how, IKeyring keyring, boolean requireContext) {
        String check = "Java decrypts the " + from + " " + name + " message with " + how;
        try {
            byte[] message = Files.readAllBytes(dir.resolve(name + ".ct"));
            byte[] expected = Files.readAllBytes(dir.resolve(name + ".pt"));
            Map<String, String> context = readTsv(dir.resolve(name + ".ec.tsv"));
            CryptoResult<byte[], ?> result = requireContext
                    ? crypto.decryptData(keyring, message, context)
                    : crypto.decryptData(keyring, message);
            boolean contextKept = result.getEncryptionContext().entrySet().containsAll(context.entrySet());
            report(check, Arrays.equals(result.getResult(), expected) && contextKept);
        } catch (Exception e) {
            report(check + ": " + e, false);
        }
    }

    /** why: what the library's error must say, so that a refusal for another reason does not pass. */
    private void refuses(String from, String name, String how, IKeyring keyring, Pattern why) {
        String check = "Java refuses the " + from + " " + name + " message with " + how;
        try {
            crypto.decryptData(keyring, Files.readAllBytes(dir.resolve(name + ".ct")));
            report(check, false);
        } catch (Exception e) {
            String message = describe(e).replaceAll("\\s+", " ");
            report(check, why.matcher(message).find());
            System.out.println("     because " + message.substring(0, Math.min(300, message.length())));
        }
    }

    /** The messages of an error, its causes and, for the keyrings' CollectionOfErrors, those it collected. */
    private static String describe(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(' ');
            if (t instanceof CollectionOfErrors collection) {
                collection.list().forEach(inner -> all.append("[").append(describe(inner)).append("] "));
            }
        }
        return all.toString().trim();
    }

    private void report(String check, boolean ok) {
        if (ok) {
            passed++;
            System.out.println("ok   " + check);
        } else {
            failed++;
            System.out.println("FAIL " + check);
        }
    }

    private static Map<String, String> context(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, String> readTsv(Path file) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isEmpty()) {
                String[] parts = line.split("\t", 2);
                map.put(parts[0], parts[1]);
            }
        }
        return map;
    }
}
