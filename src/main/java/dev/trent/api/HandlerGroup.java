package dev.trent.api;

/**
 * The handlers of a group of operations (keys, cryptography, aliases...). Each gives its route for
 * an operation when the API first needs it, so that a start-up links none of the 112 method
 * references and lambdas behind them, and a run links only those of the operations it calls.
 */
interface HandlerGroup {
    /** This group's route for {@code op}; null when another group handles it. */
    Api.Route<?> route(Operation op);
}
