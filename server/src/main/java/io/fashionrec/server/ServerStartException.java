package io.fashionrec.server;

/** The server could not start listening; the message says on what and what to do. */
public final class ServerStartException extends RuntimeException {

    ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
