package io.fashionrec.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.recommend.Recommendation;
import io.fashionrec.recommend.RecommendationJson;
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

    static ArrayNode results(List<Recommendation> recommendations) {
        ArrayNode results = MAPPER.createArrayNode();
        for (Recommendation r : recommendations) {
            RecommendationJson.write(r, results.addObject());
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
