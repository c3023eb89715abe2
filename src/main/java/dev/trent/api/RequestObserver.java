package dev.trent.api;

/** Told of every KMS request once it is answered: the request log. */
@FunctionalInterface
public interface RequestObserver {
    RequestObserver NONE = request -> {
    };

    void served(ServedRequest request);
}
