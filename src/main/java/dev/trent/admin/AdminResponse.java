package dev.trent.admin;

import java.nio.charset.StandardCharsets;

/** The answer of a route under {@code /_trent/}: status, content type and body. */
public record AdminResponse(int status, String contentType, byte[] body) {
    public static final String JSON = "application/json";

    public static AdminResponse json(int status, String json) {
        return new AdminResponse(status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    public static AdminResponse ok(String json) {
        return json(200, json);
    }
}
