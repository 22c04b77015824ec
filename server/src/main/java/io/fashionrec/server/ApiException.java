package io.fashionrec.server;

/**
 * A request the API refuses, with the HTTP status and a sentence for the client that names the
 * bad parameter or value. Handlers throw it; the server turns it into the JSON error body
 * {@code {"status":..,"error":..,"message":..}}.
 */
final class ApiException extends RuntimeException {

    private final int status;

    ApiException(int status, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an API error needs a 4xx or 5xx status, got " + status);
        }
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }
}
