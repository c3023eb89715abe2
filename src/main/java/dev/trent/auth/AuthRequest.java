package dev.trent.auth;

import java.util.List;
import java.util.Map;

/**
 * What authentication sees of an HTTP request.
 *
 * @param method the HTTP method, e.g. POST
 * @param path the request path without its query
 * @param headers every header's values, by lower-case name
 * @param body the request body
 */
public record AuthRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {

    public AuthRequest {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, or null. */
    public String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
