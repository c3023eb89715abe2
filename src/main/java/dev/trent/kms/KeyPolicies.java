package dev.trent.kms;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.trent.kms.KeyResolver.Accepts;
import java.io.IOException;
import java.util.List;

/** Key policies: stored verbatim, one per key, named {@code default}. */
public final class KeyPolicies {
    private static final JsonFactory JSON = new JsonFactory();

    private final Keys keys;
    private final KeyResolver resolver;

    KeyPolicies(Keys keys, KeyResolver resolver) {
        this.keys = keys;
        this.resolver = resolver;
    }

    public String get(Scope scope, String keyId, String policyName) {
        KmsKey key = resolver.resolve(scope, keyId, Accepts.KEY_ID_OR_ARN, "kms:GetKeyPolicy");
        if (policyName != null && !policyName.equals(DefaultKeyPolicy.NAME)) {
            throw KmsException.notFound("No such policy exists");
        }
        return key.policy();
    }

    public void put(Scope scope, String keyId, String policyName, String policy) {
        if (policyName != null && !policyName.equals(DefaultKeyPolicy.NAME)) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION, "Only default policy is supported");
        }
        validate(policy);
        keys.change(scope, keyId, "kms:PutKeyPolicy", KeyStateRule.ANY_STATE, key -> key.withPolicy(policy));
    }

    public Page<String> list(Scope scope, String keyId, Integer limit, String marker) {
        resolver.resolve(scope, keyId, Accepts.KEY_ID_OR_ARN, "kms:ListKeyPolicies");
        return Paging.page("policies", marker, limit, 100, List.of(DefaultKeyPolicy.NAME), name -> name);
    }

    /** A key policy must be a JSON policy document: an object with at least one statement. */
    static void validate(String policy) {
        boolean hasStatement = false;
        try (JsonParser parser = JSON.createParser(policy)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed();
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                boolean statement = parser.currentName().equals("Statement");
                JsonToken value = parser.nextToken();
                if (statement && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        hasStatement = true;
                        parser.skipChildren();
                    }
                } else {
                    hasStatement |= statement && value == JsonToken.START_OBJECT;
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw malformed();
            }
        } catch (IOException e) {
            throw malformed();
        }
        if (!hasStatement) {
            throw malformed();
        }
    }

    /** AWS says nothing more about a policy that is not a policy document. */
    private static KmsException malformed() {
        return new KmsException(ErrorCode.MALFORMED_POLICY_DOCUMENT, null);
    }
}
