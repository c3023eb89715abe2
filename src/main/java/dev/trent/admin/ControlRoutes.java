package dev.trent.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.control.ControlException;
import dev.trent.control.Controls;
import dev.trent.control.Fault;
import dev.trent.control.FaultError;
import dev.trent.control.LoggedRequest;
import dev.trent.control.RequestFilter;
import dev.trent.kms.Scope;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The test-control endpoints: health, reset, clock, faults and the request log, as JSON over
 * {@link Controls} (which the Java methods of {@code Trent} call too).
 */
public final class ControlRoutes {
    private static final String ROOT = AdminRoutes.ROOT;
    private static final Set<String> FAULT_MEMBERS = Set.of("id", "operations", "keyIds", "accounts", "error",
            "rate", "latencyMillis", "closeConnection");

    private final Controls controls;
    private final String version;

    /** @param version Trent's version, as health tells it */
    public ControlRoutes(Controls controls, String version) {
        this.controls = controls;
        this.version = version;
    }

    public void register(AdminRoutes routes) {
        routes.add("GET", ROOT + "health", request -> ok(object().put("status", "ok").put("version", version)))
                .add("POST", ROOT + "reset", this::reset)
                .add("GET", ROOT + "clock", request -> clock())
                .add("POST", ROOT + "clock", this::moveClock)
                .add("GET", ROOT + "faults", request -> faults())
                .add("POST", ROOT + "faults", this::addFault)
                .add("DELETE", ROOT + "faults", request -> {
                    controls.faults().clear();
                    return faults();
                })
                .add("DELETE", ROOT + "faults/", this::removeFault)
                .add("POST", ROOT + "faults/seed", this::seed)
                .add("GET", ROOT + "requests", this::requests);
    }

    private AdminResponse reset(AdminRequest request) {
        ObjectNode body = body(request, true);
        only(body, Set.of("account", "region"));
        String account = text(body, "account");
        String region = text(body, "region");
        if (account == null && region == null) {
            controls.reset();
            return ok(object().put("reset", "all"));
        }
        if (account == null || region == null) {
            throw AdminException.badRequest("Reset one account and region by giving both, or everything with neither.");
        }
        if (!Scope.isAccountId(account)) {
            throw AdminException.badRequest("account is a 12-digit account id, not '" + account + "'.");
        }
        controls.reset(new Scope(account, region));
        return ok(object().put("reset", "account-region"));
    }

    private AdminResponse clock() {
        Duration offset = controls.clock().offset();
        return ok(object().put("now", controls.clock().instant().toString())
                .put("offsetSeconds", Math.round(offset.toMillis() / 1000.0)));
    }

    private AdminResponse moveClock(AdminRequest request) {
        ObjectNode body = body(request, false);
        only(body, Set.of("advanceSeconds", "set"));
        JsonNode advance = body.get("advanceSeconds");
        String set = text(body, "set");
        if ((advance == null) == (set == null)) {
            throw AdminException.badRequest("Give either advanceSeconds (a number of seconds) or set (an ISO-8601 "
                    + "instant such as 2026-11-29T15:00:00Z).");
        }
        if (advance != null) {
            if (!advance.isNumber()) {
                throw AdminException.badRequest("advanceSeconds is a number of seconds.");
            }
            controls.advanceClock(Duration.ofMillis(Math.round(advance.asDouble() * 1000)));
        } else {
            try {
                controls.setClock(Instant.parse(set));
            } catch (DateTimeParseException e) {
                throw AdminException.badRequest("set is an ISO-8601 instant such as 2026-11-29T15:00:00Z, not '"
                        + set + "'.");
            }
        }
        return clock();
    }

    private AdminResponse faults() {
        ArrayNode list = AdminJson.mapper().createArrayNode();
        controls.faults().list().forEach(fault -> list.add(json(fault)));
        ObjectNode answer = object();
        answer.set("faults", list);
        return ok(answer);
    }

    private AdminResponse addFault(AdminRequest request) {
        ObjectNode body = body(request, false);
        only(body, FAULT_MEMBERS);
        if (body.hasNonNull("id")) {
            throw AdminException.badRequest("Trent gives a fault its id: leave id out.");
        }
        String errorName = text(body, "error");
        FaultError error = errorName == null ? null : FaultError.named(errorName).orElseThrow(() ->
                AdminException.badRequest("error is one of ThrottlingException, KMSInternalException, "
                        + "DependencyTimeoutException, KeyUnavailableException (or null), not '" + errorName + "'."));
        JsonNode rate = body.get("rate");
        JsonNode latency = body.get("latencyMillis");
        JsonNode close = body.get("closeConnection");
        if (rate != null && !rate.isNull() && !rate.isNumber() || latency != null && !latency.isNull()
                && !latency.canConvertToLong() || close != null && !close.isNull() && !close.isBoolean()) {
            throw AdminException.badRequest("rate is a number from 0.0 to 1.0, latencyMillis a whole number of "
                    + "milliseconds, closeConnection true or false.");
        }
        Fault fault;
        try {
            fault = new Fault(null, strings(body, "operations"), strings(body, "keyIds"), strings(body, "accounts"),
                    error, rate == null || rate.isNull() ? 1.0 : rate.asDouble(),
                    latency == null || latency.isNull() ? 0 : latency.asLong(), close != null && close.asBoolean());
        } catch (ControlException e) {
            throw AdminException.badRequest(e.getMessage());
        }
        return ok(json(controls.faults().add(fault)));
    }

    private AdminResponse removeFault(AdminRequest request) {
        String id = request.path().substring((ROOT + "faults/").length());
        if (!controls.faults().remove(id)) {
            throw new AdminException(404, "There is no fault " + id + ".");
        }
        return faults();
    }

    private AdminResponse seed(AdminRequest request) {
        ObjectNode body = body(request, false);
        only(body, Set.of("seed"));
        JsonNode seed = body.get("seed");
        if (seed == null || !seed.canConvertToLong() || !seed.isIntegralNumber()) {
            throw AdminException.badRequest("seed is a whole number.");
        }
        controls.faults().seed(seed.asLong());
        return ok(object().put("seed", seed.asLong()));
    }

    private AdminResponse requests(AdminRequest request) {
        RequestFilter filter = RequestFilter.ALL;
        String limit = request.query().get("limit");
        if (limit != null) {
            try {
                filter = filter.withLimit(Integer.parseInt(limit));
            } catch (NumberFormatException | ControlException e) {
                throw AdminException.badRequest("limit is a whole number of at least 1, not '" + limit + "'.");
            }
        }
        filter = filter.withOperation(request.query().get("operation"))
                .withAccount(request.query().get("account"))
                .withRegion(request.query().get("region"))
                .withKeyId(request.query().get("keyId"))
                .withResult(request.query().get("result"));
        ArrayNode list = AdminJson.mapper().createArrayNode();
        for (LoggedRequest logged : controls.requests(filter)) {
            list.addObject()
                    .put("time", logged.time().toString())
                    .put("operation", logged.operation())
                    .put("account", logged.account())
                    .put("region", logged.region())
                    .put("principal", logged.principal())
                    .put("keyId", logged.keyId())
                    .put("result", logged.result())
                    .put("latencyMillis", Math.round(logged.latencyMillis() * 1000) / 1000.0)
                    .put("requestId", logged.requestId());
        }
        ObjectNode answer = object();
        answer.set("requests", list);
        return ok(answer);
    }

    private static ObjectNode json(Fault fault) {
        ObjectNode node = object().put("id", fault.id());
        node.set("operations", AdminJson.mapper().valueToTree(fault.operations()));
        node.set("keyIds", AdminJson.mapper().valueToTree(fault.keyIds()));
        node.set("accounts", AdminJson.mapper().valueToTree(fault.accounts()));
        node.put("error", fault.error() == null ? null : fault.error().awsName());
        return node.put("rate", fault.rate()).put("latencyMillis", fault.latencyMillis())
                .put("closeConnection", fault.closeConnection());
    }

    /** The request's JSON object; an empty body is an empty object where {@code optional}. */
    private static ObjectNode body(AdminRequest request, boolean optional) {
        if (request.body().length == 0 && optional) {
            return object();
        }
        try {
            JsonNode node = AdminJson.mapper().readTree(request.body());
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) { // not JSON: answered below
        }
        throw AdminException.badRequest("The body must be a JSON object.");
    }

    private static void only(ObjectNode body, Set<String> members) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!members.contains(name)) {
                throw AdminException.badRequest("Unknown member '" + name + "'; known: " + String.join(", ",
                        members.stream().sorted().toList()) + ".");
            }
        }
    }

    private static String text(ObjectNode body, String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw AdminException.badRequest(member + " is a string.");
        }
        return node.asText();
    }

    private static List<String> strings(ObjectNode body, String member) {
        JsonNode node = body.get(member);
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw AdminException.badRequest(member + " is a list of strings.");
        }
        for (JsonNode element : node) {
            if (element.getNodeType() != JsonNodeType.STRING) {
                throw AdminException.badRequest(member + " is a list of strings.");
            }
            values.add(element.asText());
        }
        return values;
    }

    private static ObjectNode object() {
        return AdminJson.mapper().createObjectNode();
    }

    private static AdminResponse ok(ObjectNode body) {
        return AdminResponse.ok(body.toString());
    }
}
