package io.fashionrec.cli;

/**
 * A command could not do what was asked, for a reason the message explains to the person at the
 * terminal (exit code 1, no stack trace).
 */
final class CommandFailure extends RuntimeException {

    CommandFailure(String message) {
        super(message);
    }

    CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
