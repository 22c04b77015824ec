package io.fashionrec.server;

import io.javalin.http.Context;

/** Reads typed query parameters; a value that does not parse or is out of range is a 400 naming it. */
final class Params {

    private Params() {
    }

    /** An integer parameter in {@code [min, max]}, or {@code fallback} when absent or empty. */
    static int integer(Context ctx, String name, int fallback, int min, int max) {
        return integer(name, ctx.queryParam(name), fallback, min, max);
    }

    /** As {@link #integer(Context, String, int, int, int)} for a value from elsewhere (a form field); null or blank is absent. */
    static int integer(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number between " + min + " and " + max + ", got '" + raw + "'");
        }
        if (value < min || value > max) {
            throw ApiException.badRequest(name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** A finite non-negative number, or null when absent or empty. */
    static Double weight(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a number >= 0, got '" + raw + "'");
        }
        if (!Double.isFinite(value) || value < 0) {
            throw ApiException.badRequest(name + " must be a finite number >= 0, got '" + raw + "'");
        }
        return value;
    }
}
