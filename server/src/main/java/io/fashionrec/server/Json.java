package io.fashionrec.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** JSON in and out of the API: one mapper, the response writer and the error body. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void send(Context ctx, JsonNode document) {
        try {
            ctx.contentType("application/json; charset=utf-8").result(MAPPER.writeValueAsBytes(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    /** {@code {"status":404,"error":"Not Found","message":"..."}} with that status. */
    static void sendError(Context ctx, int status, String message) {
        ObjectNode body = object().put("status", status).put("error", HttpStatus.forStatus(status).getMessage()).put("message", message);
        ctx.status(status);
        send(ctx, body);
    }
}
