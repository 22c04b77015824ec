package io.fashionrec.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.image.ImageDecoder;
import io.fashionrec.image.ImageEncoder;
import io.fashionrec.image.ImageLimits;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.recommend.Recommendation;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.SearchOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Products that match a photo and/or a text.")
final class SearchCommand implements Callable<Integer> {

    @Mixin
    Streams streams;

    @Mixin
    IndexOption index;

    @Option(names = "--text", paramLabel = "TEXT", description = "Free text, e.g. \"navy blue shirt\".")
    String text;

    @Option(names = "--image", paramLabel = "FILE", description = "A photo (JPEG, PNG, WebP, GIF, BMP).")
    Path image;

    @Mixin
    QueryOptions query;

    @Mixin
    SearchOption search;

    @Override
    public Integer call() throws Exception {
        if (text == null && image == null) {
            throw new BadOptionException("give --text, --image or both");
        }
        ProductIndex idx = index.open();
        float[] photo = null;
        if (image != null) {
            try (ImageEncoder encoder = ImageModels.forIndex(idx)) {
                photo = encoder.encode(new ImageDecoder(ImageLimits.DEFAULT).decode(image, encoder.minimumInputSide()));
            }
        }
        Recommender recommender = new Recommender(idx, search.kind());
        SearchOptions options = query.searchOptions(idx);
        float[] photoVector = photo;
        List<Recommendation> results = QueryOptions.run(() -> recommender.search(text, photoVector, options));
        if (query.json) {
            ObjectNode doc = Json.object();
            ObjectNode q = doc.putObject("query");
            if (text != null) {
                q.put("text", text);
            }
            if (image != null) {
                q.put("image", image.toString());
            }
            doc.set("results", Json.results(results));
            Json.print(streams.out(), doc);
        } else {
            ResultTable.print(streams.out(), results);
        }
        return ExitCodes.OK;
    }
}
