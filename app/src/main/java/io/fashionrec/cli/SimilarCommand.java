package io.fashionrec.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.recommend.Recommendation;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.SearchOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "similar", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Products that look and read like one product of the index.")
final class SimilarCommand implements Callable<Integer> {

    @Mixin
    Streams streams;

    @Mixin
    IndexOption index;

    @Option(names = "--id", paramLabel = "ID", required = true, description = "The product to find similar products for.")
    String id;

    @Mixin
    QueryOptions query;

    @Mixin
    SearchOption search;

    @Override
    public Integer call() throws Exception {
        ProductIndex idx = index.open();
        Recommender recommender = new Recommender(idx, search.kind());
        SearchOptions options = query.searchOptions(idx);
        List<Recommendation> results = QueryOptions.run(() -> recommender.similar(id, options));
        if (query.json) {
            ObjectNode doc = Json.object();
            doc.put("query", id);
            doc.set("results", Json.results(results));
            Json.print(streams.out(), doc);
        } else {
            int q = recommender.ordinalOf(id);
            streams.out().println("similar to " + id + "  " + idx.products().name(q));
            ResultTable.print(streams.out(), results);
        }
        return ExitCodes.OK;
    }
}
