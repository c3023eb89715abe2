package dev.trent.authz;

import static dev.trent.authz.ConditionKeys.ACCOUNT;
import static dev.trent.authz.ConditionKeys.ALICE;
import static dev.trent.authz.ConditionKeys.BOB;
import static dev.trent.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.FakeEnclave;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.AlgorithmSpec;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DataKeyPairSpec;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.ImportKeyMaterialRequest;
import software.amazon.awssdk.services.kms.model.KeyAgreementAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeyEncryptionMechanism;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.RecipientInfo;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.kms.model.WrappingKeySpec;

/**
 * Every condition key Trent gives policies, end to end through the AWS SDK against a Trent that
 * enforces policies: for each, a policy whose only permission for the action carries the condition,
 * a request that meets it (allowed) and one that does not (AccessDeniedException).
 *
 * <p>{@link #keyPolicies}: the key policy allows the action on the condition to any principal
 * ({@code "AWS": "*"}) and everything else to the account's root; the requests are the root's unless
 * the case says otherwise. {@link #identityPolicies}: the IAM policy of a role allows the action on
 * the condition and everything else unconditionally; the key policy is the default one, so the IAM
 * policy decides (CreateKey is authorized by IAM policies alone).
 */
class ConditionKeysTest {
    private static final FakeEnclave ENCLAVE = new FakeEnclave();
    private static final FakeEnclave.Document ATTESTED = ENCLAVE.document();
    private static final byte[] ATTESTATION = ATTESTED.sign();
    private static final String NOW_PLUS_A_MINUTE = "{now+1min}";

    private static final List<Case> KEY_CASES = keyCases();
    private static final List<Case> IDENTITY_CASES = identityCases();
    private static ConditionKeys trent;

    @BeforeAll
    static void start() {
        trent = new ConditionKeys(IDENTITY_CASES.stream().map(c -> identityPolicy(c.action(), c.condition())).toList());
    }

    @AfterAll
    static void stop() {
        trent.close();
    }

    @AfterEach
    void putTheClockBack() {
        trent.putTheClockBack();
    }

    /** What a case's calls work with: the caller, the case's key (if any) and its policy. */
    record Fx(ConditionKeys t, KmsClient kms, String keyId, String policy) {
        String arn() {
            return arn(keyId);
        }

        String arn(String id) {
            return "arn:aws:kms:" + ConditionKeys.REGION + ":" + ACCOUNT + ":key/" + id;
        }

        /** Another key of the root's with the same key policy. */
        String newKey(Consumer<CreateKeyRequest.Builder> spec) {
            return t.newKey(policy, spec);
        }
    }

    @FunctionalInterface
    interface Call {
        void run(Fx fx) throws Exception;
    }

    /**
     * @param conditionKey what the case shows, for its name
     * @param condition the policy's Condition element
     * @param spec how the case's key is made (key policy cases)
     * @param allowed a request that meets the condition; null when none can
     * @param denied a request that does not; null when none can
     */
    record Case(String conditionKey, String action, String condition, Consumer<CreateKeyRequest.Builder> spec,
            Call allowed, Call denied) {
        @Override
        public String toString() {
            return conditionKey + " on " + action + " " + condition;
        }
    }

    private static Case c(String conditionKey, String action, String condition, Call allowed, Call denied) {
        return new Case(conditionKey, action, condition, b -> { }, allowed, denied);
    }

    private static Case c(String conditionKey, String action, String condition, Consumer<CreateKeyRequest.Builder> spec,
            Call allowed, Call denied) {
        return new Case(conditionKey, action, condition, spec, allowed, denied);
    }

    static Stream<Arguments> keyPolicies() {
        return KEY_CASES.stream().map(c -> Arguments.of(c.toString(), c));
    }

    static Stream<Arguments> identityPolicies() {
        return IDENTITY_CASES.stream().map(c -> Arguments.of(c.toString(), c, IDENTITY_CASES.indexOf(c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyPolicies")
    void keyPolicyCondition(String name, Case c) throws Exception {
        String condition = c.condition().replace(NOW_PLUS_A_MINUTE,
                trent.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS).toString());
        String policy = keyPolicy(c.action(), condition);
        String keyId = trent.newKey(policy, c.spec());
        check(c, new Fx(trent, trent.root, keyId, policy));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identityPolicies")
    void identityPolicyCondition(String name, Case c, int role) throws Exception {
        check(c, new Fx(trent, trent.role(role), null, null));
    }

    private static void check(Case c, Fx fx) throws Exception {
        assertThat(c.allowed() != null || c.denied() != null).as("a case with a request").isTrue();
        if (c.allowed() != null) {
            c.allowed().run(fx);
        }
        if (c.denied() != null) {
            KmsException e = assertAwsError(() -> c.denied().run(fx), KmsException.class,
                    "AccessDeniedException");
            String action = Pattern.quote(c.action());
            assertThat(e.awsErrorDetails().errorMessage()).matches("User: arn:aws:(iam|sts)::\\d{12}:\\S+ is not "
                    + "authorized to perform: " + action + " on resource: \\S+ because no (resource|identity)-based "
                    + "policy allows the " + action + " action");
        }
    }

    static String keyPolicy(String action, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"Admin\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ConditionKeys.ROOT_ARN + "\"},"
                + "\"NotAction\":\"" + action + "\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"Tested\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"" + action
                + "\",\"Resource\":\"*\",\"Condition\":" + condition + "}]}";
    }

    static String identityPolicy(String action, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"NotAction\":\"" + action + "\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"*\",\"Condition\":" + condition
                + "}]}";
    }

    // --- the requests ---

    private static SdkBytes bytes(String text) {
        return SdkBytes.fromUtf8String(text);
    }

    private static void encrypt(KmsClient kms, String keyId, Map<String, String> context) {
        kms.encrypt(b -> b.keyId(keyId).plaintext(bytes("secret")).encryptionContext(context));
    }

    private static SdkBytes ciphertext(KmsClient kms, String keyId, EncryptionAlgorithmSpec algorithm) {
        return kms.encrypt(b -> b.keyId(keyId).plaintext(bytes("secret")).encryptionAlgorithm(algorithm))
                .ciphertextBlob();
    }

    private static void sign(Fx f, SigningAlgorithmSpec algorithm, MessageType type) {
        SdkBytes message = SdkBytes.fromByteArray(new byte[32]);
        f.kms().sign(b -> b.keyId(f.keyId()).message(message).messageType(type).signingAlgorithm(algorithm));
    }

    /** Verifies, as the key policy allows, a signature the key made for a 32-byte message. */
    private static void verify(Fx f, SigningAlgorithmSpec algorithm, MessageType type) {
        SdkBytes message = SdkBytes.fromByteArray(new byte[32]);
        SdkBytes signature = f.kms().sign(b -> b.keyId(f.keyId()).message(message).messageType(type)
                .signingAlgorithm(algorithm)).signature();
        boolean valid = f.kms().verify(b -> b.keyId(f.keyId()).message(message).messageType(type)
                .signingAlgorithm(algorithm).signature(signature)).signatureValid();
        assertThat(valid).as("signature valid").isTrue();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }

    private static RecipientInfo recipient(byte[] attestationDocument) {
        return RecipientInfo.builder().keyEncryptionAlgorithm(KeyEncryptionMechanism.RSAES_OAEP_SHA_256)
                .attestationDocument(SdkBytes.fromByteArray(attestationDocument)).build();
    }

    private static void decryptFor(Fx f, byte[] attestationDocument) {
        SdkBytes blob = ciphertext(f.kms(), f.keyId(), EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
        f.kms().decrypt(b -> b.ciphertextBlob(blob).recipient(recipient(attestationDocument)));
    }

    @SuppressWarnings("unchecked")
    private static String pcr(int index) {
        Map<Object, Object> pcrs = (Map<Object, Object>) ATTESTED.payload.get("pcrs");
        return HexFormat.of().formatHex((byte[]) pcrs.get((long) index));
    }

    private static byte[] ecPublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair().getPublic().getEncoded();
    }

    /** 32 bytes of key material wrapped with RSAES_OAEP_SHA_256 by the JDK, for ImportKeyMaterial. */
    private static SdkBytes wrapped(GetParametersForImportResponse parameters) throws Exception {
        PublicKey wrappingKey = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(parameters.publicKey().asByteArray()));
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.ENCRYPT_MODE, wrappingKey, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                PSource.PSpecified.DEFAULT));
        return SdkBytes.fromByteArray(cipher.doFinal(new byte[32]));
    }

    private static GetParametersForImportResponse importParameters(Fx f) {
        return f.kms().getParametersForImport(b -> b.keyId(f.keyId()).wrappingAlgorithm(AlgorithmSpec.RSAES_OAEP_SHA_256)
                .wrappingKeySpec(WrappingKeySpec.RSA_2048));
    }

    private static void importMaterial(Fx f, Consumer<ImportKeyMaterialRequest.Builder> how)
            throws Exception {
        GetParametersForImportResponse parameters = importParameters(f);
        SdkBytes material = wrapped(parameters);
        f.kms().importKeyMaterial(b -> {
            b.keyId(f.keyId()).importToken(parameters.importToken()).encryptedKeyMaterial(material);
            how.accept(b);
        });
    }

    private static Consumer<CreateKeyRequest.Builder> spec(KeySpec spec, KeyUsageType usage) {
        return b -> b.keySpec(spec).keyUsage(usage);
    }

    private static final Map<String, String> PURPOSE_TEST = Map.of("Purpose", "test");

    // --- the table ---

    private static List<Case> keyCases() {
        String otherRegion = "eu-west-1";
        return List.of(
                // encryption context: the key's name in the condition key is case-insensitive, the value is not
                c("kms:EncryptionContext:<key>", "kms:Encrypt", "{\"StringEquals\":{\"kms:EncryptionContext:Purpose\":\"test\"}}",
                        f -> encrypt(f.kms(), f.keyId(), PURPOSE_TEST),
                        f -> encrypt(f.kms(), f.keyId(), Map.of("Purpose", "prod"))),
                c("kms:EncryptionContext:<key>, key name in another case", "kms:Encrypt",
                        "{\"StringEquals\":{\"kms:encryptioncontext:PURPOSE\":\"test\"}}",
                        f -> encrypt(f.kms(), f.keyId(), Map.of("purpose", "test")),
                        f -> encrypt(f.kms(), f.keyId(), Map.of("purpose", "Test"))),
                c("kms:EncryptionContext:<key> absent", "kms:Encrypt",
                        "{\"Null\":{\"kms:EncryptionContext:Purpose\":\"false\"}}",
                        f -> encrypt(f.kms(), f.keyId(), PURPOSE_TEST),
                        f -> encrypt(f.kms(), f.keyId(), Map.of())),
                c("kms:EncryptionContextKeys", "kms:Encrypt",
                        "{\"ForAnyValue:StringEquals\":{\"kms:EncryptionContextKeys\":\"Purpose\"}}",
                        f -> encrypt(f.kms(), f.keyId(), Map.of("Purpose", "x", "Other", "y")),
                        f -> encrypt(f.kms(), f.keyId(), Map.of("Other", "y"))),
                c("kms:EncryptionContextKeys, values case-sensitive", "kms:GenerateDataKey",
                        "{\"ForAnyValue:StringEquals\":{\"kms:EncryptionContextKeys\":\"Purpose\"}}",
                        f -> f.kms().generateDataKey(b -> b.keyId(f.keyId()).numberOfBytes(32).encryptionContext(PURPOSE_TEST)),
                        f -> f.kms().generateDataKey(b -> b.keyId(f.keyId()).numberOfBytes(32)
                                .encryptionContext(Map.of("purpose", "test")))),
                c("kms:EncryptionContextKeys", "kms:Encrypt",
                        "{\"ForAllValues:StringEquals\":{\"kms:EncryptionContextKeys\":[\"Purpose\",\"Team\"]}}",
                        f -> encrypt(f.kms(), f.keyId(), Map.of("Purpose", "x", "Team", "y")),
                        f -> encrypt(f.kms(), f.keyId(), Map.of("Purpose", "x", "Extra", "y"))),
                c("kms:EncryptionContext:<key> on Decrypt", "kms:Decrypt",
                        "{\"StringEquals\":{\"kms:EncryptionContext:Purpose\":\"test\"}}",
                        f -> {
                            SdkBytes blob = f.kms().encrypt(b -> b.keyId(f.keyId()).plaintext(bytes("s"))
                                    .encryptionContext(PURPOSE_TEST)).ciphertextBlob();
                            f.kms().decrypt(b -> b.ciphertextBlob(blob).encryptionContext(PURPOSE_TEST));
                        },
                        f -> {
                            SdkBytes blob = ciphertext(f.kms(), f.keyId(), EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
                            f.kms().decrypt(b -> b.ciphertextBlob(blob));
                        }),
                c("kms:CallerAccount", "kms:DescribeKey", "{\"StringEquals\":{\"kms:CallerAccount\":\""
                        + ConditionKeys.OTHER_ACCOUNT + "\"}}",
                        f -> f.t().other.describeKey(b -> b.keyId(f.arn())),
                        f -> f.kms().describeKey(b -> b.keyId(f.keyId()))),
                // no AWS service calls Trent on a principal's behalf: kms:ViaService is never in a request
                c("kms:ViaService", "kms:Encrypt", "{\"StringEquals\":{\"kms:ViaService\":\"ec2.us-east-1.amazonaws.com\"}}",
                        null, f -> encrypt(f.kms(), f.keyId(), Map.of())),
                c("kms:ViaService", "kms:Encrypt", "{\"Null\":{\"kms:ViaService\":\"true\"}}",
                        f -> encrypt(f.kms(), f.keyId(), Map.of()), null),
                c("kms:ViaService", "kms:Encrypt", "{\"Null\":{\"kms:ViaService\":\"false\"}}",
                        null, f -> encrypt(f.kms(), f.keyId(), Map.of())),
                c("kms:KeySpec", "kms:DescribeKey", "{\"StringEquals\":{\"kms:KeySpec\":\"ECC_NIST_P256\"}}",
                        spec(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY),
                        f -> f.kms().describeKey(b -> b.keyId(f.keyId())),
                        f -> f.kms().describeKey(b -> b.keyId(f.newKey(b2 -> { })))),
                c("kms:KeyUsage", "kms:DescribeKey", "{\"StringEquals\":{\"kms:KeyUsage\":\"SIGN_VERIFY\"}}",
                        spec(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY),
                        f -> f.kms().describeKey(b -> b.keyId(f.keyId())),
                        f -> f.kms().describeKey(b -> b.keyId(f.newKey(spec(KeySpec.RSA_2048,
                                KeyUsageType.ENCRYPT_DECRYPT))))),
                c("kms:KeyOrigin", "kms:GenerateDataKey", "{\"StringEquals\":{\"kms:KeyOrigin\":\"AWS_KMS\"}}",
                        f -> f.kms().generateDataKey(b -> b.keyId(f.keyId()).numberOfBytes(32)),
                        // refused before the key's state (PendingImport) is looked at
                        f -> f.kms().generateDataKey(b -> b.keyId(f.newKey(b2 -> b2.origin(OriginType.EXTERNAL)))
                                .numberOfBytes(32))),
                c("kms:KeyOrigin", "kms:DescribeKey", "{\"StringEquals\":{\"kms:KeyOrigin\":\"EXTERNAL\"}}",
                        b -> b.origin(OriginType.EXTERNAL),
                        f -> f.kms().describeKey(b -> b.keyId(f.keyId())),
                        f -> f.kms().describeKey(b -> b.keyId(f.newKey(b2 -> { })))),
                c("kms:RequestAlias", "kms:Encrypt", "{\"StringEquals\":{\"kms:RequestAlias\":\"alias/conditions-request\"}}",
                        f -> {
                            f.kms().createAlias(b -> b.aliasName("alias/conditions-request").targetKeyId(f.keyId()));
                            encrypt(f.kms(), "alias/conditions-request", Map.of());
                            encrypt(f.kms(), "arn:aws:kms:us-east-1:" + ACCOUNT + ":alias/conditions-request", Map.of());
                        },
                        f -> encrypt(f.kms(), f.keyId(), Map.of())),
                c("kms:RequestAlias", "kms:Encrypt", "{\"StringLike\":{\"kms:RequestAlias\":\"alias/conditions-r*\"}}",
                        f -> {
                            f.kms().createAlias(b -> b.aliasName("alias/conditions-r2").targetKeyId(f.keyId()));
                            encrypt(f.kms(), "alias/conditions-r2", Map.of());
                        },
                        f -> {
                            f.kms().createAlias(b -> b.aliasName("alias/conditions-other").targetKeyId(f.keyId()));
                            encrypt(f.kms(), "alias/conditions-other", Map.of());
                        }),
                c("kms:GrantOperations", "kms:CreateGrant",
                        "{\"ForAllValues:StringEquals\":{\"kms:GrantOperations\":[\"Encrypt\",\"Decrypt\"]}}",
                        f -> f.kms().createGrant(b -> b.keyId(f.keyId()).granteePrincipal(ALICE)
                                .operations(GrantOperation.ENCRYPT, GrantOperation.DECRYPT)),
                        f -> f.kms().createGrant(b -> b.keyId(f.keyId()).granteePrincipal(ALICE)
                                .operations(GrantOperation.ENCRYPT, GrantOperation.RE_ENCRYPT_FROM))),
                c("kms:GranteePrincipal", "kms:CreateGrant", "{\"StringEquals\":{\"kms:GranteePrincipal\":\"" + ALICE + "\"}}",
                        f -> f.kms().createGrant(b -> b.keyId(f.keyId()).granteePrincipal(ALICE)
                                .operations(GrantOperation.ENCRYPT)),
                        f -> f.kms().createGrant(b -> b.keyId(f.keyId()).granteePrincipal(BOB)
                                .operations(GrantOperation.ENCRYPT))),
                c("kms:RetiringPrincipal", "kms:CreateGrant", "{\"StringEquals\":{\"kms:RetiringPrincipal\":\"" + BOB + "\"}}",
                        f -> f.kms().createGrant(b -> b.keyId(f.keyId()).granteePrincipal(ALICE).retiringPrincipal(BOB)
                                .operations(GrantOperation.ENCRYPT)),
                        f -> f.kms().createGrant(b -> b.keyId(f.keyId()).granteePrincipal(ALICE)
                                .operations(GrantOperation.ENCRYPT))),
                // a grant's constraint is the encryption context CreateGrant gives
                c("kms:EncryptionContext:<key> on CreateGrant", "kms:CreateGrant",
                        "{\"StringEquals\":{\"kms:EncryptionContext:Purpose\":\"test\"}}",
                        f -> f.kms().createGrant(b -> b.keyId(f.keyId()).granteePrincipal(ALICE)
                                .operations(GrantOperation.ENCRYPT).constraints(k -> k.encryptionContextSubset(PURPOSE_TEST))),
                        f -> f.kms().createGrant(b -> b.keyId(f.keyId()).granteePrincipal(ALICE)
                                .operations(GrantOperation.ENCRYPT)
                                .constraints(k -> k.encryptionContextEquals(Map.of("Purpose", "prod"))))),
                c("kms:GrantConstraintType", "kms:CreateGrant",
                        "{\"StringEquals\":{\"kms:GrantConstraintType\":\"EncryptionContextSubset\"}}",
                        f -> f.kms().createGrant(b -> b.keyId(f.keyId()).granteePrincipal(ALICE)
                                .operations(GrantOperation.ENCRYPT).constraints(k -> k.encryptionContextSubset(PURPOSE_TEST))),
                        f -> f.kms().createGrant(b -> b.keyId(f.keyId()).granteePrincipal(ALICE)
                                .operations(GrantOperation.ENCRYPT).constraints(k -> k.encryptionContextEquals(PURPOSE_TEST)))),
                // no AWS service makes or manages grants in Trent: kms:GrantIsForAWSResource is always false
                c("kms:GrantIsForAWSResource", "kms:CreateGrant", "{\"Bool\":{\"kms:GrantIsForAWSResource\":\"true\"}}",
                        null, f -> f.kms().createGrant(b -> b.keyId(f.keyId()).granteePrincipal(ALICE)
                                .operations(GrantOperation.ENCRYPT))),
                c("kms:GrantIsForAWSResource", "kms:ListGrants", "{\"Bool\":{\"kms:GrantIsForAWSResource\":\"false\"}}",
                        f -> f.kms().listGrants(b -> b.keyId(f.keyId())), null),
                c("kms:GrantIsForAWSResource", "kms:RevokeGrant", "{\"Bool\":{\"kms:GrantIsForAWSResource\":\"true\"}}",
                        null, f -> {
                            String grantId = f.kms().createGrant(b -> b.keyId(f.keyId()).granteePrincipal(ALICE)
                                    .operations(GrantOperation.ENCRYPT)).grantId();
                            f.kms().revokeGrant(b -> b.keyId(f.keyId()).grantId(grantId));
                        }),
                c("kms:SigningAlgorithm", "kms:Sign", "{\"StringEquals\":{\"kms:SigningAlgorithm\":\"RSASSA_PSS_SHA_256\"}}",
                        spec(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY),
                        f -> sign(f, SigningAlgorithmSpec.RSASSA_PSS_SHA_256, MessageType.RAW),
                        f -> sign(f, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, MessageType.RAW)),
                c("kms:MessageType", "kms:Sign", "{\"StringEquals\":{\"kms:MessageType\":\"RAW\"}}",
                        spec(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY),
                        f -> {
                            sign(f, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.RAW);
                            // without MessageType: its default, RAW
                            f.kms().sign(b -> b.keyId(f.keyId()).message(bytes("m"))
                                    .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256));
                        },
                        f -> sign(f, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.DIGEST)),
                c("kms:SigningAlgorithm", "kms:Verify", "{\"StringLike\":{\"kms:SigningAlgorithm\":\"RSASSA_PSS_*\"}}",
                        spec(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY),
                        f -> verify(f, SigningAlgorithmSpec.RSASSA_PSS_SHA_384, MessageType.RAW),
                        f -> verify(f, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_384, MessageType.RAW)),
                c("kms:MessageType", "kms:Verify", "{\"StringEquals\":{\"kms:MessageType\":\"RAW\"}}",
                        spec(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY),
                        f -> verify(f, SigningAlgorithmSpec.ECDSA_SHA_256, null), // without MessageType: RAW
                        f -> verify(f, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.DIGEST)),
                c("kms:MacAlgorithm", "kms:VerifyMac", "{\"StringEquals\":{\"kms:MacAlgorithm\":\"HMAC_SHA_512\"}}",
                        spec(KeySpec.HMAC_512, KeyUsageType.GENERATE_VERIFY_MAC),
                        f -> {
                            SdkBytes mac = f.kms().generateMac(b -> b.keyId(f.keyId()).message(bytes("m"))
                                    .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_512)).mac();
                            f.kms().verifyMac(b -> b.keyId(f.keyId()).message(bytes("m")).mac(mac)
                                    .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_512));
                        },
                        f -> {
                            String other = f.newKey(spec(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC));
                            f.kms().verifyMac(b -> b.keyId(other).message(bytes("m"))
                                    .mac(SdkBytes.fromByteArray(new byte[32])).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256));
                        }),
                c("kms:EncryptionAlgorithm", "kms:Encrypt",
                        "{\"StringEquals\":{\"kms:EncryptionAlgorithm\":\"RSAES_OAEP_SHA_256\"}}",
                        spec(KeySpec.RSA_2048, KeyUsageType.ENCRYPT_DECRYPT),
                        f -> ciphertext(f.kms(), f.keyId(), EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256),
                        f -> ciphertext(f.kms(), f.keyId(), EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1)),
                c("kms:EncryptionAlgorithm", "kms:Encrypt",
                        "{\"StringEquals\":{\"kms:EncryptionAlgorithm\":\"SYMMETRIC_DEFAULT\"}}",
                        f -> encrypt(f.kms(), f.keyId(), Map.of()), // without EncryptionAlgorithm: its default
                        null),
                // ReEncrypt: the source algorithm is kms:ReEncryptFrom's, the destination algorithm kms:ReEncryptTo's
                c("kms:EncryptionAlgorithm", "kms:ReEncryptFrom",
                        "{\"StringEquals\":{\"kms:EncryptionAlgorithm\":\"RSAES_OAEP_SHA_256\"}}",
                        spec(KeySpec.RSA_2048, KeyUsageType.ENCRYPT_DECRYPT),
                        f -> reEncryptFromRsa(f, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256),
                        f -> reEncryptFromRsa(f, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1)),
                c("kms:EncryptionAlgorithm", "kms:ReEncryptTo",
                        "{\"StringEquals\":{\"kms:EncryptionAlgorithm\":\"RSAES_OAEP_SHA_256\"}}",
                        spec(KeySpec.RSA_2048, KeyUsageType.ENCRYPT_DECRYPT),
                        f -> reEncryptToRsa(f, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256),
                        f -> reEncryptToRsa(f, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1)),
                c("kms:EncryptionContext:<key> on ReEncrypt", "kms:ReEncryptTo",
                        "{\"StringEquals\":{\"kms:EncryptionContext:Purpose\":\"test\"}}",
                        f -> reEncryptSameKey(f, Map.of(), PURPOSE_TEST),
                        f -> reEncryptSameKey(f, PURPOSE_TEST, Map.of())),
                c("kms:ReEncryptOnSameKey", "kms:ReEncryptFrom", "{\"Bool\":{\"kms:ReEncryptOnSameKey\":\"true\"}}",
                        f -> reEncryptSameKey(f, Map.of(), Map.of()),
                        f -> {
                            SdkBytes blob = ciphertext(f.kms(), f.keyId(), EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
                            String other = f.newKey(b -> { });
                            f.kms().reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(other));
                        }),
                c("kms:ReEncryptOnSameKey", "kms:ReEncryptTo", "{\"Bool\":{\"kms:ReEncryptOnSameKey\":\"false\"}}",
                        f -> {
                            String other = f.newKey(b -> { });
                            SdkBytes blob = ciphertext(f.kms(), other, EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
                            f.kms().reEncrypt(b -> b.ciphertextBlob(blob).sourceKeyId(other).destinationKeyId(f.keyId()));
                        },
                        f -> reEncryptSameKey(f, Map.of(), Map.of())),
                c("kms:MacAlgorithm", "kms:GenerateMac", "{\"StringEquals\":{\"kms:MacAlgorithm\":\"HMAC_SHA_256\"}}",
                        spec(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC),
                        f -> f.kms().generateMac(b -> b.keyId(f.keyId()).message(bytes("m"))
                                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)),
                        f -> {
                            String other = f.newKey(spec(KeySpec.HMAC_384, KeyUsageType.GENERATE_VERIFY_MAC));
                            f.kms().generateMac(b -> b.keyId(other).message(bytes("m"))
                                    .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_384));
                        }),
                c("kms:MultiRegion", "kms:DescribeKey", "{\"Bool\":{\"kms:MultiRegion\":\"true\"}}",
                        b -> b.multiRegion(true),
                        f -> f.kms().describeKey(b -> b.keyId(f.keyId())),
                        f -> f.kms().describeKey(b -> b.keyId(f.newKey(b2 -> { })))),
                c("kms:MultiRegionKeyType", "kms:DescribeKey", "{\"StringEquals\":{\"kms:MultiRegionKeyType\":\"PRIMARY\"}}",
                        b -> b.multiRegion(true),
                        f -> f.kms().describeKey(b -> b.keyId(f.keyId())),
                        f -> {
                            f.kms().replicateKey(b -> b.keyId(f.keyId()).replicaRegion(otherRegion).policy(f.policy())
                                    .bypassPolicyLockoutSafetyCheck(true));
                            f.t().rootIn(otherRegion).describeKey(b -> b.keyId(f.keyId()));
                        }),
                c("kms:ReplicaRegion", "kms:ReplicateKey", "{\"StringEquals\":{\"kms:ReplicaRegion\":\"" + otherRegion + "\"}}",
                        b -> b.multiRegion(true),
                        f -> f.kms().replicateKey(b -> b.keyId(f.keyId()).replicaRegion(otherRegion)),
                        f -> f.kms().replicateKey(b -> b.keyId(f.keyId()).replicaRegion("us-west-2"))),
                c("kms:PrimaryRegion", "kms:UpdatePrimaryRegion",
                        "{\"StringEquals\":{\"kms:PrimaryRegion\":\"" + otherRegion + "\"}}",
                        b -> b.multiRegion(true),
                        f -> {
                            for (String region : List.of(otherRegion, "us-west-2")) {
                                f.kms().replicateKey(b -> b.keyId(f.keyId()).replicaRegion(region).policy(f.policy())
                                        .bypassPolicyLockoutSafetyCheck(true));
                            }
                            f.kms().updatePrimaryRegion(b -> b.keyId(f.keyId()).primaryRegion(otherRegion));
                        },
                        f -> f.t().rootIn(otherRegion).updatePrimaryRegion(b -> b.keyId(f.keyId()).primaryRegion("us-west-2"))),
                c("kms:RotationPeriodInDays", "kms:EnableKeyRotation",
                        "{\"NumericLessThanEquals\":{\"kms:RotationPeriodInDays\":\"180\"}}",
                        f -> f.kms().enableKeyRotation(b -> b.keyId(f.keyId()).rotationPeriodInDays(90)),
                        f -> f.kms().enableKeyRotation(b -> b.keyId(f.keyId()).rotationPeriodInDays(365))),
                c("kms:RotationPeriodInDays, its default", "kms:EnableKeyRotation",
                        "{\"NumericEquals\":{\"kms:RotationPeriodInDays\":\"365\"}}",
                        f -> f.kms().enableKeyRotation(b -> b.keyId(f.keyId())),
                        f -> f.kms().enableKeyRotation(b -> b.keyId(f.keyId()).rotationPeriodInDays(366))),
                c("kms:ScheduleKeyDeletionPendingWindowInDays", "kms:ScheduleKeyDeletion",
                        "{\"NumericGreaterThanEquals\":{\"kms:ScheduleKeyDeletionPendingWindowInDays\":\"20\"}}",
                        f -> {
                            f.kms().scheduleKeyDeletion(b -> b.keyId(f.keyId()).pendingWindowInDays(25));
                            f.kms().cancelKeyDeletion(b -> b.keyId(f.keyId()));
                            f.kms().scheduleKeyDeletion(b -> b.keyId(f.keyId())); // its default, 30
                        },
                        f -> f.kms().scheduleKeyDeletion(b -> b.keyId(f.keyId()).pendingWindowInDays(7))),
                // as the KMS Developer Guide's example: the parameter left out is no value (not false)
                c("kms:BypassPolicyLockoutSafetyCheck", "kms:PutKeyPolicy",
                        "{\"Null\":{\"kms:BypassPolicyLockoutSafetyCheck\":\"true\"}}",
                        f -> f.kms().putKeyPolicy(b -> b.keyId(f.keyId()).policyName("default").policy(f.policy())),
                        f -> f.kms().putKeyPolicy(b -> b.keyId(f.keyId()).policyName("default").policy(f.policy())
                                .bypassPolicyLockoutSafetyCheck(false))),
                c("kms:BypassPolicyLockoutSafetyCheck", "kms:PutKeyPolicy",
                        "{\"Bool\":{\"kms:BypassPolicyLockoutSafetyCheck\":\"false\"}}",
                        f -> f.kms().putKeyPolicy(b -> b.keyId(f.keyId()).policyName("default").policy(f.policy())
                                .bypassPolicyLockoutSafetyCheck(false)),
                        f -> f.kms().putKeyPolicy(b -> b.keyId(f.keyId()).policyName("default").policy(f.policy())
                                .bypassPolicyLockoutSafetyCheck(true))),
                c("kms:KeyAgreementAlgorithm", "kms:DeriveSharedSecret",
                        "{\"StringEquals\":{\"kms:KeyAgreementAlgorithm\":\"ECDH\"}}",
                        spec(KeySpec.ECC_NIST_P256, KeyUsageType.KEY_AGREEMENT),
                        f -> deriveSharedSecret(f), null),
                c("kms:KeyAgreementAlgorithm", "kms:DeriveSharedSecret",
                        "{\"StringNotEquals\":{\"kms:KeyAgreementAlgorithm\":\"ECDH\"}}",
                        spec(KeySpec.ECC_NIST_P256, KeyUsageType.KEY_AGREEMENT),
                        null, f -> deriveSharedSecret(f)),
                c("kms:DataKeyPairSpec", "kms:GenerateDataKeyPair",
                        "{\"StringEquals\":{\"kms:DataKeyPairSpec\":\"ECC_NIST_P256\"}}",
                        f -> f.kms().generateDataKeyPair(b -> b.keyId(f.keyId()).keyPairSpec(DataKeyPairSpec.ECC_NIST_P256)),
                        f -> f.kms().generateDataKeyPair(b -> b.keyId(f.keyId()).keyPairSpec(DataKeyPairSpec.ECC_NIST_P384))),
                c("kms:WrappingAlgorithm", "kms:GetParametersForImport",
                        "{\"StringEquals\":{\"kms:WrappingAlgorithm\":\"RSAES_OAEP_SHA_256\"}}",
                        b -> b.origin(OriginType.EXTERNAL),
                        f -> importParameters(f),
                        f -> f.kms().getParametersForImport(b -> b.keyId(f.keyId())
                                .wrappingAlgorithm(AlgorithmSpec.RSAES_OAEP_SHA_1).wrappingKeySpec(WrappingKeySpec.RSA_2048))),
                c("kms:WrappingKeySpec", "kms:GetParametersForImport",
                        "{\"StringEquals\":{\"kms:WrappingKeySpec\":\"RSA_2048\"}}",
                        b -> b.origin(OriginType.EXTERNAL),
                        f -> importParameters(f),
                        f -> f.kms().getParametersForImport(b -> b.keyId(f.keyId())
                                .wrappingAlgorithm(AlgorithmSpec.RSAES_OAEP_SHA_256).wrappingKeySpec(WrappingKeySpec.RSA_3072))),
                c("kms:ExpirationModel", "kms:ImportKeyMaterial",
                        "{\"StringEquals\":{\"kms:ExpirationModel\":\"KEY_MATERIAL_DOES_NOT_EXPIRE\"}}",
                        b -> b.origin(OriginType.EXTERNAL),
                        f -> importMaterial(f, b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)),
                        f -> importMaterial(f, b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_EXPIRES)
                                .validTo(Instant.now().plus(Duration.ofDays(5))))),
                // as the KMS Developer Guide's example: the parameter left out is no value
                c("kms:ExpirationModel", "kms:ImportKeyMaterial", "{\"Null\":{\"kms:ExpirationModel\":\"true\"}}",
                        b -> b.origin(OriginType.EXTERNAL),
                        f -> importMaterial(f, b -> b.validTo(Instant.now().plus(Duration.ofDays(5)))),
                        f -> importMaterial(f, b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_EXPIRES)
                                .validTo(Instant.now().plus(Duration.ofDays(5))))),
                c("kms:ValidTo", "kms:ImportKeyMaterial",
                        "{\"NumericLessThanEquals\":{\"kms:ValidTo\":\"" + Instant.now().plus(Duration.ofDays(10)).getEpochSecond()
                                + "\"}}",
                        b -> b.origin(OriginType.EXTERNAL),
                        f -> importMaterial(f, b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_EXPIRES)
                                .validTo(Instant.now().plus(Duration.ofDays(5)))),
                        f -> importMaterial(f, b -> b.expirationModel(ExpirationModelType.KEY_MATERIAL_EXPIRES)
                                .validTo(Instant.now().plus(Duration.ofDays(20))))),
                c("aws:PrincipalArn", "kms:DescribeKey", "{\"StringEquals\":{\"aws:PrincipalArn\":\"" + ALICE + "\"}}",
                        f -> f.t().alice.describeKey(b -> b.keyId(f.keyId())),
                        f -> f.t().bob.describeKey(b -> b.keyId(f.keyId()))),
                // a role session's aws:PrincipalArn is its role's ARN
                c("aws:PrincipalArn of a role session", "kms:DescribeKey",
                        "{\"StringEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::" + ACCOUNT + ":role/carol\"}}",
                        f -> f.t().carol.describeKey(b -> b.keyId(f.keyId())),
                        f -> f.t().bob.describeKey(b -> b.keyId(f.keyId()))),
                c("aws:PrincipalAccount", "kms:DescribeKey", "{\"StringEquals\":{\"aws:PrincipalAccount\":\""
                        + ConditionKeys.OTHER_ACCOUNT + "\"}}",
                        f -> f.t().other.describeKey(b -> b.keyId(f.arn())),
                        f -> f.kms().describeKey(b -> b.keyId(f.keyId()))),
                c("aws:ResourceTag/<key>", "kms:Encrypt", "{\"StringEquals\":{\"aws:ResourceTag/Project\":\"alpha\"}}",
                        b -> b.tags(tag("Project", "alpha")),
                        f -> encrypt(f.kms(), f.keyId(), Map.of()),
                        f -> {
                            f.kms().tagResource(b -> b.keyId(f.keyId()).tags(tag("Project", "beta")));
                            encrypt(f.kms(), f.keyId(), Map.of());
                        }),
                c("aws:RequestTag/<key>", "kms:TagResource", "{\"StringEquals\":{\"aws:RequestTag/Project\":\"alpha\"}}",
                        f -> f.kms().tagResource(b -> b.keyId(f.keyId()).tags(tag("Project", "alpha"))),
                        f -> f.kms().tagResource(b -> b.keyId(f.keyId()).tags(tag("Project", "beta")))),
                c("aws:TagKeys", "kms:TagResource", "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"Project\",\"Team\"]}}",
                        f -> f.kms().tagResource(b -> b.keyId(f.keyId()).tags(tag("Project", "a"), tag("Team", "b"))),
                        f -> f.kms().tagResource(b -> b.keyId(f.keyId()).tags(tag("Project", "a"), tag("Secret", "b")))),
                c("aws:TagKeys", "kms:UntagResource", "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":\"Temp\"}}",
                        b -> b.tags(tag("Temp", "1"), tag("Project", "alpha")),
                        f -> f.kms().untagResource(b -> b.keyId(f.keyId()).tagKeys("Temp")),
                        f -> f.kms().untagResource(b -> b.keyId(f.keyId()).tagKeys("Project"))),
                // Trent's clients connect over the loopback interface
                c("aws:SourceIp", "kms:DescribeKey", "{\"IpAddress\":{\"aws:SourceIp\":\"127.0.0.0/8\"}}",
                        f -> f.kms().describeKey(b -> b.keyId(f.keyId())), null),
                c("aws:SourceIp", "kms:DescribeKey", "{\"NotIpAddress\":{\"aws:SourceIp\":\"127.0.0.0/8\"}}",
                        null, f -> f.kms().describeKey(b -> b.keyId(f.keyId()))),
                c("aws:SourceIp", "kms:DescribeKey", "{\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"192.0.2.0/24\"]}}",
                        null, f -> f.kms().describeKey(b -> b.keyId(f.keyId()))),
                c("aws:CurrentTime", "kms:DescribeKey", "{\"DateLessThan\":{\"aws:CurrentTime\":\"" + NOW_PLUS_A_MINUTE + "\"}}",
                        f -> f.kms().describeKey(b -> b.keyId(f.keyId())),
                        f -> {
                            f.t().advance(Duration.ofMinutes(2));
                            f.kms().describeKey(b -> b.keyId(f.keyId()));
                        }),
                c("aws:CurrentTime", "kms:DescribeKey", "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"" + NOW_PLUS_A_MINUTE + "\"}}",
                        f -> {
                            f.t().advance(Duration.ofMinutes(2));
                            f.kms().describeKey(b -> b.keyId(f.keyId()));
                            f.t().putTheClockBack();
                        },
                        f -> f.kms().describeKey(b -> b.keyId(f.keyId()))),
                // TrentServer's Trent serves plain HTTP (HttpsTest has the TLS side)
                c("aws:SecureTransport", "kms:DescribeKey", "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}",
                        f -> f.kms().describeKey(b -> b.keyId(f.keyId())), null),
                c("aws:SecureTransport", "kms:DescribeKey", "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}",
                        null, f -> f.kms().describeKey(b -> b.keyId(f.keyId()))),
                c("kms:RecipientAttestation:ImageSha384", "kms:Decrypt",
                        "{\"StringEqualsIgnoreCase\":{\"kms:RecipientAttestation:ImageSha384\":\"" + pcr(0) + "\"}}",
                        f -> decryptFor(f, ATTESTATION),
                        f -> decryptFor(f, ENCLAVE.attestationDocument())),
                c("kms:RecipientAttestation:PCR<n>", "kms:Decrypt",
                        "{\"StringEqualsIgnoreCase\":{\"kms:RecipientAttestation:PCR1\":\"" + pcr(1) + "\"}}",
                        f -> decryptFor(f, ATTESTATION),
                        f -> decryptFor(f, ENCLAVE.attestationDocument())));
    }

    /** The table for IAM policies: what CreateKey asks for, and conditions on a key seen by IAM policies. */
    private static List<Case> identityCases() {
        return List.of(
                c("kms:KeySpec", "kms:CreateKey", "{\"StringEquals\":{\"kms:KeySpec\":\"ECC_NIST_P256\"}}",
                        f -> f.kms().createKey(b -> b.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY)),
                        f -> f.kms().createKey(b -> { })),
                c("kms:KeyUsage", "kms:CreateKey", "{\"StringEquals\":{\"kms:KeyUsage\":\"SIGN_VERIFY\"}}",
                        f -> f.kms().createKey(b -> b.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.SIGN_VERIFY)),
                        f -> f.kms().createKey(b -> b.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.ENCRYPT_DECRYPT))),
                c("kms:KeyUsage, its default", "kms:CreateKey", "{\"StringEquals\":{\"kms:KeyUsage\":\"ENCRYPT_DECRYPT\"}}",
                        f -> f.kms().createKey(b -> { }),
                        f -> f.kms().createKey(b -> b.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC))),
                c("kms:KeyOrigin", "kms:CreateKey", "{\"StringEquals\":{\"kms:KeyOrigin\":\"EXTERNAL\"}}",
                        f -> f.kms().createKey(b -> b.origin(OriginType.EXTERNAL)),
                        f -> f.kms().createKey(b -> { })),
                c("kms:MultiRegion", "kms:CreateKey", "{\"Bool\":{\"kms:MultiRegion\":\"true\"}}",
                        f -> f.kms().createKey(b -> b.multiRegion(true)),
                        f -> f.kms().createKey(b -> { })),
                c("kms:MultiRegionKeyType", "kms:CreateKey", "{\"StringEquals\":{\"kms:MultiRegionKeyType\":\"PRIMARY\"}}",
                        f -> f.kms().createKey(b -> b.multiRegion(true)),
                        f -> f.kms().createKey(b -> b.multiRegion(false))),
                c("kms:BypassPolicyLockoutSafetyCheck", "kms:CreateKey",
                        "{\"Null\":{\"kms:BypassPolicyLockoutSafetyCheck\":\"true\"}}",
                        f -> f.kms().createKey(b -> { }),
                        f -> f.kms().createKey(b -> b.bypassPolicyLockoutSafetyCheck(true))),
                c("aws:RequestTag/<key>", "kms:CreateKey", "{\"StringEquals\":{\"aws:RequestTag/Project\":\"alpha\"}}",
                        f -> f.kms().createKey(b -> b.tags(tag("Project", "alpha"))),
                        f -> f.kms().createKey(b -> b.tags(tag("Project", "beta")))),
                c("aws:TagKeys", "kms:CreateKey", "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"Project\",\"Team\"]}}",
                        f -> f.kms().createKey(b -> b.tags(tag("Project", "a"), tag("Team", "b"))),
                        f -> f.kms().createKey(b -> b.tags(tag("Project", "a"), tag("Secret", "b")))),
                c("aws:RequestTag/<key> required", "kms:CreateKey", "{\"Null\":{\"aws:RequestTag/Project\":\"false\"}}",
                        f -> f.kms().createKey(b -> b.tags(tag("Project", "alpha"))),
                        f -> f.kms().createKey(b -> { })),
                c("kms:EncryptionContext:<key>", "kms:Encrypt", "{\"StringEquals\":{\"kms:EncryptionContext:Purpose\":\"test\"}}",
                        f -> encrypt(f.kms(), ownKey(f), PURPOSE_TEST),
                        f -> encrypt(f.kms(), ownKey(f), Map.of("Purpose", "prod"))),
                c("aws:ResourceTag/<key>", "kms:Encrypt", "{\"StringEquals\":{\"aws:ResourceTag/Project\":\"alpha\"}}",
                        f -> encrypt(f.kms(), f.kms().createKey(b -> b.tags(tag("Project", "alpha"))).keyMetadata().keyId(),
                                Map.of()),
                        f -> encrypt(f.kms(), ownKey(f), Map.of())),
                // AWS documents kms:ResourceAliases for IAM policies only
                c("kms:ResourceAliases", "kms:Encrypt",
                        "{\"ForAnyValue:StringEquals\":{\"kms:ResourceAliases\":\"alias/conditions-resource\"}}",
                        f -> {
                            String keyId = ownKey(f);
                            f.kms().createAlias(b -> b.aliasName("alias/conditions-unrelated").targetKeyId(keyId));
                            f.kms().createAlias(b -> b.aliasName("alias/conditions-resource").targetKeyId(keyId));
                            encrypt(f.kms(), keyId, Map.of());
                            f.kms().deleteAlias(b -> b.aliasName("alias/conditions-resource"));
                        },
                        f -> {
                            String keyId = ownKey(f);
                            f.kms().createAlias(b -> b.aliasName("alias/conditions-resource-not").targetKeyId(keyId));
                            encrypt(f.kms(), keyId, Map.of());
                        }),
                c("kms:ResourceAliases", "kms:DescribeKey",
                        "{\"ForAllValues:StringLike\":{\"kms:ResourceAliases\":\"alias/*test*\"},"
                                + "\"ForAnyValue:StringLike\":{\"kms:ResourceAliases\":\"alias/*test*\"}}",
                        f -> {
                            String keyId = ownKey(f);
                            f.kms().createAlias(b -> b.aliasName("alias/conditions-test").targetKeyId(keyId));
                            f.kms().describeKey(b -> b.keyId(keyId));
                        },
                        f -> {
                            String keyId = ownKey(f);
                            f.kms().createAlias(b -> b.aliasName("alias/conditions-test-2").targetKeyId(keyId));
                            f.kms().createAlias(b -> b.aliasName("alias/conditions-prod").targetKeyId(keyId));
                            f.kms().describeKey(b -> b.keyId(keyId));
                        }),
                c("kms:GrantConstraintType", "kms:CreateGrant", "{\"Null\":{\"kms:GrantConstraintType\":\"true\"}}",
                        f -> f.kms().createGrant(b -> b.keyId(ownKey(f)).granteePrincipal(ALICE)
                                .operations(GrantOperation.ENCRYPT)),
                        f -> f.kms().createGrant(b -> b.keyId(ownKey(f)).granteePrincipal(ALICE)
                                .operations(GrantOperation.ENCRYPT).constraints(k -> k.encryptionContextSubset(PURPOSE_TEST)))),
                c("kms:KeySpec of the key", "kms:Sign", "{\"StringEquals\":{\"kms:KeySpec\":\"ECC_NIST_P256\"}}",
                        f -> signWith(f, KeySpec.ECC_NIST_P256),
                        f -> signWith(f, KeySpec.ECC_NIST_P384)),
                c("kms:CallerAccount", "kms:DescribeKey", "{\"StringEquals\":{\"kms:CallerAccount\":\"" + ACCOUNT + "\"}}",
                        f -> f.kms().describeKey(b -> b.keyId(ownKey(f))), null),
                c("kms:CallerAccount", "kms:DescribeKey", "{\"StringNotEquals\":{\"kms:CallerAccount\":\"" + ACCOUNT + "\"}}",
                        null, f -> f.kms().describeKey(b -> b.keyId(ownKey(f)))),
                c("aws:PrincipalArn", "kms:ListKeys", "{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::" + ACCOUNT
                        + ":role/case-*\"}}",
                        f -> f.kms().listKeys(b -> { }), null),
                c("aws:PrincipalArn", "kms:ListKeys", "{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::" + ACCOUNT
                        + ":role/other-*\"}}",
                        null, f -> f.kms().listKeys(b -> { })));
    }

    private static String ownKey(Fx f) {
        return f.kms().createKey(b -> { }).keyMetadata().keyId();
    }

    private static void signWith(Fx f, KeySpec spec) {
        String keyId = f.kms().createKey(b -> b.keySpec(spec).keyUsage(KeyUsageType.SIGN_VERIFY)).keyMetadata().keyId();
        SigningAlgorithmSpec algorithm = spec == KeySpec.ECC_NIST_P256 ? SigningAlgorithmSpec.ECDSA_SHA_256
                : SigningAlgorithmSpec.ECDSA_SHA_384;
        f.kms().sign(b -> b.keyId(keyId).message(bytes("m")).signingAlgorithm(algorithm));
    }

    private static void deriveSharedSecret(Fx f) throws Exception {
        SdkBytes peer = SdkBytes.fromByteArray(ecPublicKey());
        f.kms().deriveSharedSecret(b -> b.keyId(f.keyId()).keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH)
                .publicKey(peer));
    }

    /** ReEncrypt from the case's RSA key, with this algorithm, to a symmetric key. */
    private static void reEncryptFromRsa(Fx f, EncryptionAlgorithmSpec algorithm) {
        SdkBytes blob = ciphertext(f.kms(), f.keyId(), algorithm);
        String destination = f.newKey(b -> { });
        f.kms().reEncrypt(b -> b.ciphertextBlob(blob).sourceKeyId(f.keyId()).sourceEncryptionAlgorithm(algorithm)
                .destinationKeyId(destination));
    }

    /** ReEncrypt from a symmetric key to the case's RSA key, with this algorithm. */
    private static void reEncryptToRsa(Fx f, EncryptionAlgorithmSpec algorithm) {
        String source = f.newKey(b -> { });
        SdkBytes blob = ciphertext(f.kms(), source, EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
        f.kms().reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(f.keyId()).destinationEncryptionAlgorithm(algorithm));
    }

    private static void reEncryptSameKey(Fx f, Map<String, String> source, Map<String, String> destination) {
        SdkBytes blob = f.kms().encrypt(b -> b.keyId(f.keyId()).plaintext(bytes("s")).encryptionContext(source))
                .ciphertextBlob();
        f.kms().reEncrypt(b -> b.ciphertextBlob(blob).sourceEncryptionContext(source).destinationKeyId(f.keyId())
                .destinationEncryptionContext(destination));
    }
}
