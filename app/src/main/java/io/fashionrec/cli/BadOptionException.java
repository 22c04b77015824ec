package io.fashionrec.cli;

/**
 * An option value that parsed but makes no sense (an unknown attribute, a negative weight). It
 * is reported like a parse error: message, usage line, exit code 2.
 */
final class BadOptionException extends RuntimeException {

    BadOptionException(String message) {
        super(message);
    }
}
