package io.fashionrec.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** Checks shared by the API tests. */
final class ApiAssertions {

    private ApiAssertions() {
    }

    static JsonNode json(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "not JSON: " + response.headers().map() + " " + response.body());
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("invalid JSON: " + response.body(), e);
        }
    }

    static JsonNode ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    /**
     * A JSON error with the status, whose message contains every {@code mentioned} text, and no
     * trace of the server's insides.
     */
    static JsonNode error(HttpResponse<String> response, int status, String... mentioned) {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals(status, body.path("status").asInt(), response.body());
        String message = body.path("message").asText();
        for (String m : mentioned) {
            assertTrue(message.contains(m), "the message should mention '" + m + "': " + message);
        }
        assertFalse(response.body().matches("(?s).*(Exception|\\tat |\\.java:\\d).*"), "a stack trace leaked: " + response.body());
        return body;
    }
}
