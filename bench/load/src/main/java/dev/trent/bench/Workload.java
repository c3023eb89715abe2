package dev.trent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Predicate;

/**
 * One row of the table: the KMS operation, the request bodies to cycle through, and the check every
 * response must pass (HTTP 200 is checked by the runner) before it counts as throughput.
 *
 * @param bodies request bodies; each bodies.get(i) is checked with checks.get(i)
 */
record Workload(String label, String operation, List<byte[]> bodies, List<Predicate<JsonNode>> checks) {
    Workload {
        if (bodies.isEmpty() || bodies.size() != checks.size()) {
            throw new IllegalArgumentException("one check per body");
        }
        bodies = List.copyOf(bodies);
        checks = List.copyOf(checks);
    }

    static Workload same(String label, String operation, byte[] body, Predicate<JsonNode> check) {
        return new Workload(label, operation, List.of(body), List.of(check));
    }

    static Predicate<JsonNode> hasText(String... fields) {
        return json -> {
            for (String field : fields) {
                if (!json.path(field).isTextual() || json.path(field).asText().isEmpty()) {
                    return false;
                }
            }
            return true;
        };
    }
}
