package dev.trent.control;

/** A control (a fault, a clock move, a reset) that cannot be carried out as asked; the message says why. */
public final class ControlException extends IllegalArgumentException {
    public ControlException(String message) {
        super(message);
    }
}
