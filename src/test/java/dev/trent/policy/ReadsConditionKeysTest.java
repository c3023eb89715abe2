package dev.trent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which documents need the request's condition keys: KeyAccess skips gathering them for the others. */
class ReadsConditionKeysTest {
    private static PolicyDocument policy(String statement) {
        return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}");
    }

    @Test
    void aPolicyWithoutConditionsOrVariablesReadsNone() {
        assertThat(policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
                + "\"Action\":\"kms:*\",\"Resource\":\"*\"}").readsConditionKeys()).isFalse();
    }

    @Test
    void aConditionReadsThem() {
        assertThat(policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Encrypt\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"kms:CallerAccount\":\"111122223333\"}}}").readsConditionKeys())
                .isTrue();
    }

    @Test
    void aPolicyVariableInAResourceReadsThem() {
        assertThat(policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Encrypt\","
                + "\"Resource\":\"arn:aws:kms:${aws:RequestedRegion}:111122223333:key/*\"}").readsConditionKeys())
                .isTrue();
    }

    @Test
    void oneStatementOfManyIsEnough() {
        assertThat(policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"NotResource\":\"*\","
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}").readsConditionKeys()).isTrue();
    }
}
