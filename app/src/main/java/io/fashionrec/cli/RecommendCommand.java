package io.fashionrec.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.recommend.HistoryRecommendation;
import io.fashionrec.recommend.RecommendationJson;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.SearchOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "recommend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Recommended for you: products for a browsing history.",
            "Newer history items weigh more; products in the history are not recommended."})
final class RecommendCommand implements Callable<Integer> {

    @Mixin
    Streams streams;

    @Mixin
    IndexOption index;

    @Option(names = "--history", paramLabel = "ID,ID,...", required = true, split = ",",
            description = "The products viewed, oldest first.")
    List<String> history = new ArrayList<>();

    @Option(names = "-k", paramLabel = "K", defaultValue = "10", description = "How many products (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (k < 1) {
            throw new BadOptionException("-k must be at least 1, got " + k);
        }
        Recommender recommender = new Recommender(index.open());
        List<HistoryRecommendation> results = QueryOptions.run(() -> recommender.recommend(history, SearchOptions.top(k)));
        if (json) {
            ObjectNode doc = Json.object();
            ArrayNode echoed = doc.putArray("history");
            history.forEach(echoed::add);
            ArrayNode list = doc.putArray("results");
            results.forEach(h -> list.add(RecommendationJson.writeClosest(h, RecommendationJson.write(h.result(), Json.object()))));
            Json.print(streams.out(), doc);
        } else {
            streams.out().println("recommended for a history of " + history.size() + " products (newest: " + history.get(history.size() - 1) + ")");
            ResultTable.print(streams.out(), results.stream().map(HistoryRecommendation::result).toList(),
                    results.stream().map(h -> "closest to " + h.closest().get(0).id()).toList());
        }
        return ExitCodes.OK;
    }
}
