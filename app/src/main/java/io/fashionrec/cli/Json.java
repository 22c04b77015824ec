package io.fashionrec.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.recommend.Recommendation;
import java.io.PrintWriter;
import java.util.List;

/** The JSON documents commands print with {@code --json}: one document per command on stdout. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Scores are rounded to 6 decimals; a score that does not exist (NaN) is null. */
    static void putScore(ObjectNode node, String field, double score) {
        if (Double.isNaN(score)) {
            node.putNull(field);
        } else {
            node.put(field, Math.round(score * 1e6) / 1e6);
        }
    }

    static ArrayNode results(List<Recommendation> recommendations) {
        ArrayNode results = MAPPER.createArrayNode();
        for (Recommendation r : recommendations) {
            ObjectNode o = results.addObject();
            o.put("id", r.id());
            putScore(o, "score", r.score());
            putScore(o, "image", r.image());
            putScore(o, "text", r.text());
            putScore(o, "alignment", r.alignment());
            o.put("name", r.name());
        }
        return results;
    }

    static void print(PrintWriter out, ObjectNode document) {
        try {
            out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }
}
