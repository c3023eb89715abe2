package dev.trent.admin;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The object mapper of the routes under {@code /_trent/}, made on their first request: an
 * ObjectMapper's class initialisation (its date formats and their locale data) costs a start-up
 * tens of milliseconds that no KMS request needs.
 */
public final class AdminJson {
    private AdminJson() {
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }
}
