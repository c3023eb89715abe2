package dev.trent.admin;

import java.util.Map;

/**
 * A request to Trent's own endpoints under {@code /_trent/} (test control, web console), free of
 * Netty so that routes can be tested and served without the HTTP layer.
 *
 * @param path the path without the query, e.g. {@code /_trent/clock}
 * @param query the query parameters (first value of each), decoded
 * @param headers the headers (first value of each), names in lower case
 */
public record AdminRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
        byte[] body) {
    public AdminRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
