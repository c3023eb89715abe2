package dev.trent.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SigV4 signature of the requests every SDK and the AWS CLI send to KMS ({@code POST /}, no
 * query, signed headers in canonical order, a content hash header if any that matches the body),
 * computed here because the SDK's signers cost ~80 µs a request, most of Trent's time per request
 * (docs/performance.md). The signing key is derived once per secret, day, region and service, as
 * AWS's own clients cache it. Any other request goes to {@link ExpectedSignature}, the SDK's signers,
 * which stay the reference: tests compare the two over many requests.
 */
final class CanonicalSignature {
    private static final HexFormat HEX = HexFormat.of();
    /** Derived keys; cleared when full, as a credentials file holds a handful of secrets. */
    private static final int MAX_SIGNING_KEYS = 1024;
    private static final Map<SigningKeyId, byte[]> SIGNING_KEYS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(CanonicalSignature::newMac);
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(CanonicalSignature::newDigest);

    private CanonicalSignature() {
    }

    /**
     * @param amzDate the request's X-Amz-Date, already checked to be in ISO 8601 basic format
     * @return the hexadecimal signature; empty when the request is not of the common form
     */
    static Optional<String> of(AuthRequest request, List<String> signedHeaders, String secretKey, String amzDate,
            String region, String service) {
        if (!request.path().equals("/") || !request.method().equals("POST")) {
            return Optional.empty();
        }
        MessageDigest sha256 = SHA256.get();
        String bodyHash = HEX.formatHex(sha256.digest(request.body()));
        StringBuilder canonical = new StringBuilder(512).append("POST\n/\n\n");
        String previous = "";
        for (String name : signedHeaders) {
            List<String> values = request.headers().get(name);
            if (values == null || name.compareTo(previous) <= 0) { // absent, unsorted or repeated: unusual
                return Optional.empty();
            }
            if (name.equals(ExpectedSignature.CONTENT_SHA256) && !values.equals(List.of(bodyHash))) {
                return Optional.empty();
            }
            canonical.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    canonical.append(',');
                }
                if (!appendTrimmed(canonical, values.get(i))) {
                    return Optional.empty();
                }
            }
            canonical.append('\n');
            previous = name;
        }
        canonical.append('\n').append(String.join(";", signedHeaders)).append('\n').append(bodyHash);
        String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = SigV4Verifier.ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + HEX.formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = signingKey(secretKey, amzDate.substring(0, 8), region, service);
        return Optional.of(HEX.formatHex(hmac(key, stringToSign)));
    }

    /**
     * A header value as SigV4 canonicalizes it: no leading or trailing spaces, runs of spaces as one.
     * @return false for a value with a tab or other control character, left to the SDK's signers
     */
    private static boolean appendTrimmed(StringBuilder out, String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == ' ') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == ' ') {
            end--;
        }
        boolean space = false;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c < ' ' || c == 0x7f) {
                return false;
            }
            if (c == ' ') {
                if (!space) {
                    out.append(c);
                }
                space = true;
            } else {
                out.append(c);
                space = false;
            }
        }
        return true;
    }

    private static byte[] signingKey(String secretKey, String day, String region, String service) {
        SigningKeyId id = new SigningKeyId(secretKey, day, region, service);
        byte[] key = SIGNING_KEYS.get(id);
        if (key == null) {
            if (SIGNING_KEYS.size() >= MAX_SIGNING_KEYS) {
                SIGNING_KEYS.clear();
            }
            key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
            key = hmac(key, region);
            key = hmac(key, service);
            key = hmac(key, "aws4_request");
            SIGNING_KEYS.put(id, key);
        }
        return key;
    }

    private static byte[] hmac(byte[] key, String data) {
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }

    private record SigningKeyId(String secretKey, String day, String region, String service) {
    }
}
