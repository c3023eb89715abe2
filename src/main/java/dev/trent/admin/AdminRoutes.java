package dev.trent.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The routes under {@code /_trent/}: each a method and a path, or a path prefix ending in
 * {@code /} that serves every path below it (the longest prefix wins). Routes are added while Trent
 * is built and only read afterwards.
 */
public final class AdminRoutes {
    public static final String ROOT = "/_trent/";

    private final List<Entry> entries = new ArrayList<>();

    public AdminRoutes add(String method, String path, AdminRoute route) {
        if (!path.startsWith(ROOT)) {
            throw new IllegalArgumentException("Trent's own routes live under " + ROOT + ": " + path);
        }
        entries.add(new Entry(method, path, route));
        return this;
    }

    /** Whether a request path is Trent's own rather than a KMS request's. */
    public static boolean isAdminPath(String path) {
        return path.startsWith(ROOT) || path.equals("/_trent");
    }

    /**
     * @return the route's answer; empty when no route has this path (404), or a 405 answer when
     *     routes have the path but not the method
     */
    public Optional<AdminResponse> dispatch(AdminRequest request) {
        Entry best = null;
        boolean pathKnown = false;
        for (Entry entry : entries) {
            if (!entry.matches(request.path())) {
                continue;
            }
            pathKnown = true;
            if (entry.method.equalsIgnoreCase(request.method())
                    && (best == null || entry.path.length() > best.path.length())) {
                best = entry;
            }
        }
        if (best != null) {
            return Optional.of(best.route.handle(request));
        }
        return pathKnown
                ? Optional.of(AdminResponse.json(405, "{\"message\":\"Method not allowed\"}"))
                : Optional.empty();
    }

    private record Entry(String method, String path, AdminRoute route) {
        boolean matches(String requestPath) {
            return path.endsWith("/") ? requestPath.startsWith(path) : requestPath.equals(path);
        }
    }
}
