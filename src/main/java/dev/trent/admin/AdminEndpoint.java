package dev.trent.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every request under {@code /_trent/}: checks the admin token (when Trent has one), then
 * dispatches to the routes; unknown paths get 404, refused requests 401, bad ones 400, each with
 * {@code {"message": ...}}.
 */
public final class AdminEndpoint {
    /** Answers whether Trent is up: load balancers and container health checks have no token. */
    public static final String HEALTH = AdminRoutes.ROOT + "health";
    /** The console's static files: the page itself asks for the token and sends it with its calls. */
    public static final String CONSOLE = AdminRoutes.ROOT + "ui";
    private static final Logger log = LoggerFactory.getLogger(AdminEndpoint.class);

    /** What a Trent that verifies signatures but has no admin token answers on its guarded endpoints. */
    public static final String CLOSED = "Trent runs with --credentials and without --admin-token, so its test-control "
            + "API and console data under /_trent/ are closed: start it with --admin-token TOKEN to use them.";

    private final AdminRoutes routes;
    private final byte[] token;
    private final boolean closed;

    /**
     * @param token the admin token every request but the open ones must carry; null for none
     * @param guarded whether the endpoints must be guarded (requests are signed): without a token
     *     they are then closed, since anyone could otherwise reset or stop the clock of a Trent whose
     *     KMS API only signed requests may use
     */
    public AdminEndpoint(AdminRoutes routes, String token, boolean guarded) {
        this.routes = routes;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.closed = guarded && token == null;
    }

    public AdminResponse serve(AdminRequest request) {
        try {
            if (closed && !open(request.path())) {
                return message(403, CLOSED);
            }
            if (token != null && !open(request.path()) && !authorized(request)) {
                return message(401, "This Trent endpoint needs the admin token (--admin-token) in an "
                        + "'Authorization: Bearer TOKEN' or 'X-Trent-Admin-Token: TOKEN' header.");
            }
            return routes.dispatch(request)
                    .orElseGet(() -> message(404, "Trent has no endpoint " + request.path() + "."));
        } catch (AdminException e) {
            return message(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} {} failed", request.method(), request.path(), e);
            return message(500, "Trent failed to answer: " + e);
        }
    }

    private static boolean open(String path) {
        return path.equals(HEALTH) || path.equals(CONSOLE) || path.startsWith(CONSOLE + "/");
    }

    private boolean authorized(AdminRequest request) {
        String bearer = request.header("authorization");
        String given = bearer != null && bearer.regionMatches(true, 0, "Bearer ", 0, 7) ? bearer.substring(7).trim()
                : request.header("x-trent-admin-token");
        // in constant time: the token guards the whole emulator
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"message": text}} with this status. */
    public static AdminResponse message(int status, String text) {
        return AdminResponse.json(status, AdminJson.mapper().createObjectNode().put("message", text).toString());
    }
}
