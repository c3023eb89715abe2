package dev.trent.kms;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keys AWS services create in a customer's account, behind {@code alias/aws/SERVICE}: made on
 * first use, as AWS does when a service (or DescribeKey) first refers to such an alias.
 */
final class AwsManagedKeys {
    static final String ALIAS_PREFIX = "alias/aws/";

    /** The aliases AWS lists in every account and region before any of their keys exists. */
    static final List<String> PREDEFINED = List.of(
            "alias/aws/acm", "alias/aws/dynamodb", "alias/aws/ebs", "alias/aws/elasticfilesystem",
            "alias/aws/es", "alias/aws/glue", "alias/aws/kinesisvideo", "alias/aws/lambda", "alias/aws/rds",
            "alias/aws/redshift", "alias/aws/s3", "alias/aws/secretsmanager", "alias/aws/ssm", "alias/aws/xray");

    private static final Pattern SERVICE = Pattern.compile("alias/aws/[a-z0-9-]{1,64}");

    private static final Map<String, String> PROTECTED = Map.ofEntries(
            Map.entry("acm", "ACM private keys"),
            Map.entry("dynamodb", "DynamoDB data"),
            Map.entry("ebs", "EBS volumes"),
            Map.entry("elasticfilesystem", "Elastic File Systems"),
            Map.entry("es", "Elasticsearch data"),
            Map.entry("glue", "Glue data"),
            Map.entry("kinesisvideo", "Kinesis Video Streams data"),
            Map.entry("lambda", "Lambda functions"),
            Map.entry("rds", "RDS database"),
            Map.entry("redshift", "Redshift data"),
            Map.entry("s3", "S3 objects"),
            Map.entry("secretsmanager", "Secrets Manager secrets"),
            Map.entry("ssm", "SSM parameters"),
            Map.entry("xray", "X-Ray data"));

    private final KeyFactory factory;

    AwsManagedKeys(KeyFactory factory) {
        this.factory = factory;
    }

    static boolean isAwsAlias(String aliasName) {
        return aliasName.startsWith(ALIAS_PREFIX);
    }

    /**
     * Whether the alias names a service's key. AWS knows which services exist and answers NotFound
     * for other names; Trent takes any well-formed service name, so that tests of services it has
     * never heard of still get their key.
     */
    static boolean isServiceAlias(String aliasName) {
        return SERVICE.matcher(aliasName).matches();
    }

    /** A new AWS managed key for the service named by the alias. */
    KmsKey create(Scope scope, String aliasName) {
        String service = aliasName.substring(ALIAS_PREFIX.length());
        String protectedData = PROTECTED.getOrDefault(service, service + " data");
        String description = "Default key that protects my " + protectedData + " when no other key is defined";
        return factory.create(scope, new CreateKeyCommand(description, KeySpec.SYMMETRIC_DEFAULT,
                KeyUsage.ENCRYPT_DECRYPT, Origin.AWS_KMS, false, policy(scope, service), List.of(), null, null, false),
                KeyManager.AWS);
    }

    /**
     * AWS managed keys belong to their service: their policy lets the account describe, get and
     * list them, and lets only the service (kms:ViaService) use them; nobody may change them.
     */
    static boolean allowsDirectly(String action) {
        return action.startsWith("kms:Describe") || action.startsWith("kms:Get") || action.startsWith("kms:List");
    }

    private static String policy(Scope scope, String service) {
        String account = scope.account();
        return "{\n"
                + "  \"Version\" : \"2012-10-17\",\n"
                + "  \"Id\" : \"auto-" + service + "-1\",\n"
                + "  \"Statement\" : [ {\n"
                + "    \"Sid\" : \"Allow access through " + service + " for all principals in the account that are authorized to use " + service + "\",\n"
                + "    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n"
                + "      \"AWS\" : \"*\"\n"
                + "    },\n"
                + "    \"Action\" : [ \"kms:Encrypt\", \"kms:Decrypt\", \"kms:ReEncrypt*\", \"kms:GenerateDataKey*\", \"kms:CreateGrant\", \"kms:DescribeKey\" ],\n"
                + "    \"Resource\" : \"*\",\n"
                + "    \"Condition\" : {\n"
                + "      \"StringEquals\" : {\n"
                + "        \"kms:CallerAccount\" : \"" + account + "\",\n"
                + "        \"kms:ViaService\" : \"" + service + "." + scope.region() + ".amazonaws.com\"\n"
                + "      }\n"
                + "    }\n"
                + "  }, {\n"
                + "    \"Sid\" : \"Allow direct access to key metadata to the account\",\n"
                + "    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n"
                + "      \"AWS\" : \"" + scope.rootPrincipal() + "\"\n"
                + "    },\n"
                + "    \"Action\" : [ \"kms:Describe*\", \"kms:Get*\", \"kms:List*\" ],\n"
                + "    \"Resource\" : \"*\"\n"
                + "  } ]\n"
                + "}";
    }
}
