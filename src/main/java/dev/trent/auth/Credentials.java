package dev.trent.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The access keys of {@code --credentials FILE}: a JSON list of objects with {@code access_key},
 * {@code secret_key} and {@code account_id} (Rusty KMS's {@code access-tokens.json} as it is), and
 * optionally {@code session_token}, {@code principal} and {@code policies}.
 */
public final class Credentials {
    private static final Set<String> FIELDS = Set.of("access_key", "secret_key", "account_id", "session_token",
            "principal", "policies");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Credential> byAccessKey;

    private Credentials(Map<String, Credential> byAccessKey) {
        this.byAccessKey = byAccessKey;
    }

    public static Credentials of(Collection<Credential> credentials) {
        Map<String, Credential> map = new LinkedHashMap<>();
        for (Credential credential : credentials) {
            if (map.putIfAbsent(credential.accessKey(), credential) != null) {
                throw new CredentialsException("access key " + credential.accessKey() + " is listed twice");
            }
        }
        return new Credentials(Collections.unmodifiableMap(map)); // in the file's order: see all()
    }

    public static Credentials load(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new CredentialsException("credentials file " + file + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CredentialsException("cannot read credentials file " + file + ": " + e, e);
        }
        if (root == null || !root.isArray()) {
            throw new CredentialsException("credentials file " + file + " must hold a JSON list of credentials");
        }
        List<Credential> credentials = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            String where = "credentials file " + file + ", entry " + i;
            credentials.add(credential(root.get(i), where));
        }
        try {
            return of(credentials);
        } catch (CredentialsException e) {
            throw new CredentialsException("credentials file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Credential credential(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new CredentialsException(where + ": must be a JSON object");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new CredentialsException(where + ": unknown field '" + name + "' (known: access_key, "
                        + "secret_key, account_id, session_token, principal, policies)");
            }
        });
        String accessKey = text(node, "access_key", where, true);
        String secretKey = text(node, "secret_key", where, true);
        String accountId = text(node, "account_id", where, true);
        if (!accountId.chars().allMatch(c -> c >= '0' && c <= '9') || accountId.length() > 12) {
            throw new CredentialsException(where + ": account_id must be an account number (digits), not '"
                    + accountId + "'");
        }
        String principal = text(node, "principal", where, false);
        if (principal != null && !principal.startsWith("arn:")) {
            throw new CredentialsException(where + ": principal must be an IAM ARN, not '" + principal + "'");
        }
        return new Credential(accessKey, secretKey, accountId, text(node, "session_token", where, false),
                principal, policies(node.get("policies"), where));
    }

    private static String text(JsonNode node, String field, String where, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new CredentialsException(where + ": " + field + " is missing");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new CredentialsException(where + ": " + field + " must be a non-empty string");
        }
        return value.asText();
    }

    /** Policy documents as JSON text: given as objects or as strings holding a JSON object. */
    private static List<String> policies(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new CredentialsException(where + ": policies must be a list of IAM policy documents");
        }
        List<String> policies = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode policy = node.get(i);
            if (policy.isTextual()) {
                try {
                    policy = JSON.readTree(policy.asText());
                } catch (JsonProcessingException e) {
                    throw new CredentialsException(where + ": policies[" + i + "] is not valid JSON: "
                            + e.getOriginalMessage(), e);
                }
            }
            if (policy == null || !policy.isObject()) {
                throw new CredentialsException(where + ": policies[" + i + "] must be a JSON object");
            }
            policies.add(policy.toString());
        }
        return policies;
    }

    public Optional<Credential> find(String accessKey) {
        return Optional.ofNullable(byAccessKey.get(accessKey));
    }

    /** Every credential, in the order of the file. */
    public List<Credential> all() {
        return List.copyOf(byAccessKey.values());
    }

    public int size() {
        return byAccessKey.size();
    }
}
