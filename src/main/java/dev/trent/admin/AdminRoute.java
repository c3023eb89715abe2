package dev.trent.admin;

/** One endpoint (or a family of endpoints under a path prefix) of Trent's own API. */
@FunctionalInterface
public interface AdminRoute {
    AdminResponse handle(AdminRequest request);
}
