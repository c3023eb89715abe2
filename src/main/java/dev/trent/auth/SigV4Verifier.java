package dev.trent.auth;

import dev.trent.kms.Scope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Authenticates requests as AWS does when Trent runs with {@code --credentials}: each must carry a
 * valid Signature Version 4 in its Authorization header, by a known access key, scoped to KMS and
 * a region, dated within AWS's clock skew. The checks run in AWS's order, so that a request with
 * several faults gets the error AWS would give first.
 */
public final class SigV4Verifier implements Authenticator {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String SERVICE = "kms";
    /** KMS's allowed skew: its messages read "(... - 5 min.)". */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    static final String MISSING_TOKEN = "Missing Authentication Token";
    static final String INVALID_TOKEN = "The security token included in the request is invalid.";
    static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
            + "details.";

    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Credentials credentials;
    private final Clock clock;

    public SigV4Verifier(Credentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public Caller authenticate(AuthRequest request) {
        String authorization = request.header("authorization");
        if (authorization == null || !authorization.trim().startsWith("AWS4-")) {
            throw new AuthException(AuthError.MISSING_AUTHENTICATION_TOKEN, MISSING_TOKEN);
        }
        Map<String, String> params = parameters(authorization);
        String date = request.header("x-amz-date");
        requireParameters(authorization, params, date);
        Instant signingTime = signingTime(date);
        checkSkew(signingTime);
        List<String> signedHeaders = Arrays.asList(params.get("SignedHeaders").toLowerCase(Locale.ROOT).split(";"));
        requireSigned(signedHeaders, "host", "'Host' or ':authority'");
        requireSigned(signedHeaders, "x-amz-date", "'X-Amz-Date'");
        String algorithm = algorithm(authorization);
        if (!algorithm.equals(ALGORITHM)) {
            throw new AuthException(AuthError.INCOMPLETE_SIGNATURE, "Unsupported AWS 'algorithm': '" + algorithm
                    + "' (only " + ALGORITHM + " for now). ");
        }
        CredentialScope scope = scope(params.get("Credential"), date);
        Credential credential = credentials.find(scope.accessKey())
                .orElseThrow(() -> new AuthException(AuthError.UNRECOGNIZED_CLIENT, INVALID_TOKEN));
        checkSessionToken(credential, request.header(ExpectedSignature.SECURITY_TOKEN));
        String expected = CanonicalSignature.of(request, signedHeaders, credential.secretKey(), date, scope.region(),
                        SERVICE)
                .or(() -> ExpectedSignature.of(request, signedHeaders, credential, scope.region(), SERVICE, signingTime))
                .orElse("");
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                params.get("Signature").getBytes(StandardCharsets.US_ASCII)) || expected.isEmpty()) {
            throw new AuthException(AuthError.INVALID_SIGNATURE, SIGNATURE_MISMATCH);
        }
        return new Caller(credential.accountId(), scope.region(), credential.accessKey(),
                credential.principalIn(scope.region()), credential.policies());
    }

    /**
     * Credential=..., SignedHeaders=..., Signature=...: separated by commas, spaces or both, as AWS
     * accepts; read by hand, as regular expressions were a tenth of a request's cost.
     */
    private static Map<String, String> parameters(String authorization) {
        Map<String, String> params = new HashMap<>(4);
        String text = authorization.trim();
        int at = 0;
        while (at < text.length() && !whitespace(text.charAt(at))) { // the algorithm
            at++;
        }
        while (at < text.length()) {
            while (at < text.length() && separator(text.charAt(at))) {
                at++;
            }
            int start = at;
            while (at < text.length() && !separator(text.charAt(at))) {
                at++;
            }
            int eq = text.indexOf('=', start);
            if (eq > start && eq < at - 1) {
                params.putIfAbsent(text.substring(start, eq), text.substring(eq + 1, at));
            }
        }
        return params;
    }

    private static boolean separator(char c) {
        return c == ',' || whitespace(c);
    }

    /** What {@code \\s} matches. */
    private static boolean whitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static String algorithm(String authorization) {
        String text = authorization.trim();
        int end = 0;
        while (end < text.length() && !whitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    private static void requireParameters(String authorization, Map<String, String> params, String date) {
        StringBuilder missing = new StringBuilder();
        for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
            if (!params.containsKey(name)) {
                missing.append("Authorization header requires '").append(name).append("' parameter. ");
            }
        }
        if (date == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (missing.length() > 0) {
            throw new AuthException(AuthError.INCOMPLETE_SIGNATURE, missing + "Authorization=" + authorization);
        }
    }

    private static Instant signingTime(String date) {
        if (isBasicFormat(date)) {
            try { // by hand: DateTimeFormatter's parser was a twentieth of a request's cost
                return LocalDateTime.of(digits(date, 0, 4), digits(date, 4, 6), digits(date, 6, 8),
                        digits(date, 9, 11), digits(date, 11, 13), digits(date, 13, 15)).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                // falls through to AWS's error
            }
        }
        throw new AuthException(AuthError.INCOMPLETE_SIGNATURE, "Date must be in ISO-8601 'basic format'. Got '"
                + date + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    /** YYYYMMDD'T'HHMMSS'Z', ASCII digits only. */
    private static boolean isBasicFormat(String date) {
        if (date.length() != 16 || date.charAt(8) != 'T' || date.charAt(15) != 'Z') {
            return false;
        }
        for (int i = 0; i < 15; i++) {
            char c = date.charAt(i);
            if (i != 8 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }

    private void checkSkew(Instant signingTime) {
        Instant now = clock.instant();
        Instant earliest = now.minus(MAX_SKEW);
        Instant latest = now.plus(MAX_SKEW);
        if (signingTime.isBefore(earliest)) {
            throw new AuthException(AuthError.INVALID_SIGNATURE, "Signature expired: " + BASIC.format(signingTime)
                    + " is now earlier than " + BASIC.format(earliest) + " (" + BASIC.format(now) + " - 5 min.)");
        }
        if (signingTime.isAfter(latest)) {
            throw new AuthException(AuthError.INVALID_SIGNATURE, "Signature not yet current: "
                    + BASIC.format(signingTime) + " is still later than " + BASIC.format(latest) + " ("
                    + BASIC.format(now) + " + 5 min.)");
        }
    }

    private static void requireSigned(List<String> signedHeaders, String name, String quoted) {
        if (!signedHeaders.contains(name)) {
            throw new AuthException(AuthError.INVALID_SIGNATURE,
                    quoted + " must be a 'SignedHeader' in the AWS Authorization.");
        }
    }

    /** AWS names every fault of the scope at once, in this order. */
    private static CredentialScope scope(String credential, String date) {
        String[] parts = credential.split("/", -1);
        if (parts.length != 5) {
            throw new AuthException(AuthError.INCOMPLETE_SIGNATURE, "Credential must have exactly 5 slash-delimited "
                    + "elements, e.g. keyid/date/region/service/term, got '" + credential + "'");
        }
        StringBuilder faults = new StringBuilder();
        if (!Scope.isRegion(parts[2])) {
            faults.append("Credential should be scoped to a valid region. ");
        }
        if (!parts[3].equals(SERVICE)) {
            faults.append("Credential should be scoped to correct service: '" + SERVICE + "'. ");
        }
        if (!parts[4].equals("aws4_request")) {
            faults.append("Credential should be scoped with a valid terminator: 'aws4_request', not '")
                    .append(parts[4]).append("'. ");
        }
        String day = date.substring(0, 8);
        if (!parts[1].equals(day)) {
            faults.append("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '")
                    .append(parts[1]).append("' != '").append(day).append("', from '").append(date).append("'.");
        }
        if (faults.length() > 0) {
            throw new AuthException(AuthError.INVALID_SIGNATURE, faults.toString());
        }
        return new CredentialScope(parts[0], parts[2]);
    }

    /**
     * A temporary credential is only valid with its session token; a long-term one with none. AWS
     * cannot tell a wrong token from an unknown key, and says so in the same words.
     */
    private static void checkSessionToken(Credential credential, String token) {
        String expected = credential.sessionToken();
        boolean valid = expected == null ? token == null
                : token != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8));
        if (!valid) {
            throw new AuthException(AuthError.UNRECOGNIZED_CLIENT, INVALID_TOKEN);
        }
    }

    private record CredentialScope(String accessKey, String region) {
    }
}
