package io.fashionrec.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.feature.SparseVector;
import io.fashionrec.fusion.FusedSegment;
import io.fashionrec.fusion.FusionLayout;
import io.fashionrec.fusion.FusionWeights;
import io.fashionrec.fusion.Kernel;
import io.fashionrec.fusion.Modality;
import io.fashionrec.image.ImageDecoder;
import io.fashionrec.image.ImageEncoder;
import io.fashionrec.image.ImageLimits;
import io.fashionrec.image.classic.ClassicImageEncoder;
import io.fashionrec.index.IndexBuilder;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.index.ProductTable;
import io.fashionrec.synthetic.CatalogGenerator;
import io.fashionrec.testing.MeanColourEncoder;
import io.fashionrec.testing.TinyCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recommender's answers checked against the index they come from: order, exclusion of the
 * query, k, filters (against a brute-force filter of the full ranking), kernels and modality
 * scores (against cosines computed here from the stored vectors), photo and text queries.
 *
 * <p>Three indexes: the tiny hand-made catalog with {@link MeanColourEncoder}; the same catalog
 * with the photo of product 3 deleted; and a 60-product synthetic catalog with the
 * {@link ClassicImageEncoder}.
 */
class RecommenderTest {

    /** The product whose photo is deleted from the second tiny catalog. */
    private static final String NO_PHOTO = "3";

    @TempDir
    static Path tmp;

    private static ProductIndex tiny;
    private static ProductIndex tinyWithoutPhoto;
    private static ProductIndex synthetic;
    private static ImageEncoder classic;

    @BeforeAll
    static void buildIndexes() throws Exception {
        tiny = build(TinyCatalog.write(tmp.resolve("tiny")), new MeanColourEncoder());
        Path partial = TinyCatalog.write(tmp.resolve("tiny-without-photo"));
        Files.delete(partial.resolve("images").resolve(NO_PHOTO + ".png"));
        tinyWithoutPhoto = build(partial, new MeanColourEncoder());
        Path generated = tmp.resolve("synthetic");
        CatalogGenerator.builder().optProducts(60).optSeed(7).optImageSize(128, 128).optThreads(2).build().generate(generated);
        classic = new ClassicImageEncoder();
        synthetic = build(generated, classic);
    }

    private static ProductIndex build(Path catalog, ImageEncoder encoder) throws Exception {
        return IndexBuilder.builder().setImageEncoder(encoder).optThreads(2).build(Catalogs.read(catalog, new ProblemReport())).index();
    }

    /** The whole ranking of a product's neighbours under the index's default weights and kernel. */
    private static List<Recommendation> ranking(Recommender recommender, String id) {
        return ranking(recommender, id, null, null);
    }

    /** The whole ranking of a product's neighbours; null weights or kernel mean the index's defaults. */
    private static List<Recommendation> ranking(Recommender recommender, String id, FusionWeights weights, Kernel kernel) {
        int n = recommender.index().size();
        return recommender.similar(id, new SearchOptions(n - 1, weights, kernel, List.of(), Map.of()));
    }

    @Test
    void resultsAreSortedExcludeTheQueryAndHonourK() {
        for (ProductIndex index : List.of(tiny, tinyWithoutPhoto, synthetic)) {
            Recommender recommender = new Recommender(index);
            int n = index.size();
            for (int i = 0; i < n; i++) {
                String id = index.products().id(i);
                List<Recommendation> all = ranking(recommender, id);
                for (int k : new int[] {1, 3, n - 1, n + 5}) {
                    String at = "similar(" + id + ", k=" + k + ") in an index of " + n + ": ";
                    List<Recommendation> top = recommender.similar(id, SearchOptions.top(k));
                    assertEquals(Math.min(k, n - 1), top.size(), at + "size");
                    assertEquals(all.subList(0, top.size()), top, at + "not the start of the full ranking");
                    for (int r = 0; r < top.size(); r++) {
                        Recommendation rec = top.get(r);
                        assertNotEquals(i, rec.ordinal(), at + "the query itself was returned");
                        assertEquals(index.products().id(rec.ordinal()), rec.id(), at);
                        assertEquals(index.products().name(rec.ordinal()), rec.name(), at);
                        if (r > 0) {
                            Recommendation previous = top.get(r - 1);
                            assertTrue(previous.score() > rec.score()
                                    || previous.score() == rec.score() && previous.ordinal() < rec.ordinal(),
                                    at + "not ordered by score, then lower ordinal: " + previous + " before " + rec);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aHugeKReturnsEveryOtherProductWithoutAllocatingK() {
        Recommender recommender = new Recommender(tiny);
        // A k taken from a user (fashionrec similar -k) must not size an allocation.
        assertEquals(ranking(recommender, "1"), recommender.similar("1", SearchOptions.top(Integer.MAX_VALUE)));
        assertEquals(tiny.size(), recommender.searchText("red", SearchOptions.top(Integer.MAX_VALUE)).size());
    }

    @Test
    void filtersReturnExactlyTheBestMatchingProducts() {
        Recommender recommender = new Recommender(synthetic);
        ProductTable products = synthetic.products();
        int checked = 0;
        for (int i = 0; i < synthetic.size(); i++) {
            String id = products.id(i);
            String type = products.attribute(i, "articleType");
            String colour = products.attribute(i, "baseColour");
            String gender = products.attribute(i, "gender");
            String master = products.attribute(i, "masterCategory");
            Map<String, IntPredicate> filters = Map.of(
                    "where articleType", j -> products.attribute(j, "articleType").equals(type),
                    "same baseColour", j -> products.attribute(j, "baseColour").equals(colour),
                    "same gender+articleType, where masterCategory", j -> products.attribute(j, "gender").equals(gender)
                            && products.attribute(j, "articleType").equals(type)
                            && products.attribute(j, "masterCategory").equals(master));
            Map<String, SearchOptions> options = Map.of(
                    "where articleType", SearchOptions.top(4).withWhere(Map.of("articleType", type)),
                    "same baseColour", SearchOptions.top(4).withSame(List.of("baseColour")),
                    "same gender+articleType, where masterCategory", SearchOptions.top(4).withSame(List.of("gender", "articleType"))
                            .withWhere(Map.of("masterCategory", master)));
            List<Recommendation> all = ranking(recommender, id);
            for (String name : filters.keySet()) {
                List<Recommendation> expected = all.stream().filter(r -> filters.get(name).test(r.ordinal())).limit(4).toList();
                List<Recommendation> actual = recommender.similar(id, options.get(name));
                assertEquals(expected, actual, "similar(" + id + ") with " + name);
                checked += expected.size();
            }
        }
        assertTrue(checked > synthetic.size(), "the filters matched almost nothing; the check proves little");
    }

    @Test
    void aFilterWhoseMatchesAllRankBelowTheTopKStillReturnsK() {
        Recommender recommender = new Recommender(tiny);
        ProductTable products = tiny.products();
        // The query and the filter value whose matching products rank lowest: nothing in the
        // unfiltered top k matches, so a filter applied after the top-k cut would return nothing.
        int k = 2;
        String bestQuery = null;
        String bestColour = null;
        int bestFirstMatch = -1;
        for (int i = 0; i < tiny.size(); i++) {
            List<Recommendation> all = ranking(recommender, products.id(i));
            for (String colour : List.of("Red", "Blue", "Green")) {
                int firstMatch = 0;
                while (firstMatch < all.size() && !products.attribute(all.get(firstMatch).ordinal(), "baseColour").equals(colour)) {
                    firstMatch++;
                }
                long matches = all.stream().filter(r -> products.attribute(r.ordinal(), "baseColour").equals(colour)).count();
                if (matches >= k && firstMatch > bestFirstMatch) {
                    bestQuery = products.id(i);
                    bestColour = colour;
                    bestFirstMatch = firstMatch;
                }
            }
        }
        assertTrue(bestFirstMatch >= k, "no query in the tiny catalog has its top " + k + " free of some colour");

        String colour = bestColour;
        List<Recommendation> filtered = recommender.similar(bestQuery, SearchOptions.top(k).withWhere(Map.of("baseColour", colour)));
        assertEquals(k, filtered.size(), "similar(" + bestQuery + ") where baseColour=" + colour);
        List<Recommendation> expected = ranking(recommender, bestQuery).stream()
                .filter(r -> products.attribute(r.ordinal(), "baseColour").equals(colour)).limit(k).toList();
        assertEquals(expected, filtered, "similar(" + bestQuery + ") where baseColour=" + colour);
    }

    @Test
    void whereIgnoresCaseAndSurroundingSpaces() {
        Recommender recommender = new Recommender(tiny);
        List<Recommendation> exact = recommender.similar("1", SearchOptions.top(3).withWhere(Map.of("articleType", "Casual Shoes")));
        assertEquals(3, exact.size());
        for (String spelling : List.of("casual shoes", "  CASUAL SHOES\t", " cAsUaL sHoEs ")) {
            assertEquals(exact, recommender.similar("1", SearchOptions.top(3).withWhere(Map.of("articleType", spelling))), spelling);
            assertEquals(recommender.searchText("red", SearchOptions.top(3).withWhere(Map.of("articleType", "Casual Shoes"))),
                    recommender.searchText("red", SearchOptions.top(3).withWhere(Map.of("articleType", spelling))), spelling);
        }
        for (Recommendation r : exact) {
            assertEquals("Casual Shoes", tiny.products().attribute(r.ordinal(), "articleType"));
        }
        assertEquals(List.of(), recommender.similar("1", SearchOptions.top(3).withWhere(Map.of("articleType", "Casual"))),
                "a value matches whole, not as a prefix");
    }

    @Test
    void anUnknownAttributeIsNamedWithTheAvailableOnes() {
        Recommender recommender = new Recommender(tiny);
        for (SearchOptions options : List.of(SearchOptions.top(3).withWhere(Map.of("colour", "Red")),
                SearchOptions.top(3).withSame(List.of("colour")))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> recommender.similar("1", options));
            assertTrue(e.getMessage().contains("'colour'"), e.getMessage());
            for (String attribute : tiny.products().attributeNames()) {
                assertTrue(e.getMessage().contains(attribute), "the message does not list " + attribute + ": " + e.getMessage());
            }
        }
    }

    @Test
    void sameIsRefusedForQueriesThatAreNotProducts() {
        Recommender recommender = new Recommender(tiny);
        SearchOptions same = SearchOptions.top(3).withSame(List.of("baseColour"));
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class, () -> recommender.searchText("red", same));
        assertTrue(text.getMessage().contains("same=baseColour") && text.getMessage().contains("where="), text.getMessage());
        assertThrows(IllegalArgumentException.class, () -> recommender.search(null, new float[7], same));
    }

    @Test
    void sameKeepsOnlyProductsSharingTheQueryValues() {
        Recommender recommender = new Recommender(tiny);
        List<Recommendation> shoes = recommender.similar("5", SearchOptions.top(9).withSame(List.of("articleType", "gender")));
        // Product 5 is a men's casual shoe; 6 and 10 are the other two.
        assertEquals(Set.of("6", "10"), shoes.stream().map(Recommendation::id).collect(Collectors.toSet()), shoes.toString());
    }

    @Test
    void anUnknownIdIsNoSuchProduct() {
        Recommender recommender = new Recommender(tiny);
        NoSuchProductException e = assertThrows(NoSuchProductException.class, () -> recommender.similar("404", SearchOptions.top(3)));
        assertEquals("404", e.id());
        assertTrue(e.getMessage().contains("'404'") && e.getMessage().contains("10 products"), e.getMessage());
    }

    @Test
    void singleModalityWeightsScoreByThatModalityAlone() {
        for (ProductIndex index : List.of(tiny, synthetic)) {
            Recommender recommender = new Recommender(index);
            boolean orderDiffers = false;
            for (int i = 0; i < index.size(); i++) {
                String id = index.products().id(i);
                List<Recommendation> byText = ranking(recommender, id, FusionWeights.only(Modality.TEXT), null);
                List<Recommendation> byImage = ranking(recommender, id, FusionWeights.only(Modality.IMAGE), null);
                for (Recommendation r : byText) {
                    assertEquals(r.text(), r.score(), 1e-12, "text-only score of " + r.id() + " for " + id);
                }
                for (Recommendation r : byImage) {
                    assertEquals(r.image(), r.score(), 1e-12, "image-only score of " + r.id() + " for " + id);
                }
                orderDiffers |= !byText.stream().map(Recommendation::ordinal).toList()
                        .equals(byImage.stream().map(Recommendation::ordinal).toList());
            }
            assertTrue(orderDiffers, "text-only and image-only weights rank every product's neighbours alike");
        }
    }

    @Test
    void cosineComparesOnWhatBothHaveWhileLinearCountsAMissingPhotoAsZero() {
        Recommender recommender = new Recommender(tinyWithoutPhoto);
        int missing = recommender.ordinalOf(NO_PHOTO);
        int imageBits = bits(tinyWithoutPhoto.vectors().layout(), Modality.IMAGE);
        assertEquals(0, tinyWithoutPhoto.vectors().mask(missing) & imageBits, "product " + NO_PHOTO + " must have no photo");
        double[] w = tinyWithoutPhoto.vectors().layout().segmentWeights(tinyWithoutPhoto.defaultWeights());

        for (int q = 0; q < tinyWithoutPhoto.size(); q++) {
            String id = tinyWithoutPhoto.products().id(q);
            List<Recommendation> cosine = ranking(recommender, id, null, Kernel.COSINE);
            List<Recommendation> linear = ranking(recommender, id, null, Kernel.LINEAR);
            double queryWeight = presentWeight(w, tinyWithoutPhoto.vectors().mask(q));
            for (Recommendation c : cosine) {
                Recommendation l = linear.stream().filter(r -> r.ordinal() == c.ordinal()).findFirst().orElseThrow();
                double candidateWeight = presentWeight(w, tinyWithoutPhoto.vectors().mask(c.ordinal()));
                String at = "query " + id + ", candidate " + c.id() + ": ";
                // cosine = dot / (|q| |c|) and linear = dot / total, over the same weighted dot
                double total = presentWeight(w, -1);
                assertEquals(l.score() * total / Math.sqrt(queryWeight * candidateWeight), c.score(), 1e-9, at);
                if (q != missing && c.ordinal() != missing) {
                    assertEquals(l.score(), c.score(), 1e-12, at + "products with every segment score alike under both kernels");
                } else if (Math.abs(l.score()) > 1e-6) {
                    assertTrue(Math.abs(c.score()) > Math.abs(l.score()), at + "cosine must not count the missing photo against it");
                }
            }
        }
        // The other products' scores agree under both kernels and the photo-less one's grows under
        // cosine, so it can only rise in a ranking; with these products it does rise somewhere.
        boolean rises = false;
        for (int q = 0; q < tinyWithoutPhoto.size(); q++) {
            if (q == missing) {
                continue;
            }
            String id = tinyWithoutPhoto.products().id(q);
            List<Recommendation> cosine = ranking(recommender, id, null, Kernel.COSINE);
            int cosineRank = rankOf(cosine, missing);
            int linearRank = rankOf(ranking(recommender, id, null, Kernel.LINEAR), missing);
            if (cosine.get(cosineRank).score() > 0) {
                assertTrue(cosineRank <= linearRank, "rank of " + NO_PHOTO + " for " + id + ": cosine " + cosineRank + ", linear " + linearRank);
            }
            rises |= cosineRank < linearRank;
        }
        assertTrue(rises, "the product without a photo ranks the same under both kernels for every query");
    }

    private static int rankOf(List<Recommendation> results, int ordinal) {
        for (int r = 0; r < results.size(); r++) {
            if (results.get(r).ordinal() == ordinal) {
                return r;
            }
        }
        throw new AssertionError("ordinal " + ordinal + " is not in " + results);
    }

    /** The summed weights of the segments in a presence mask. */
    private static double presentWeight(double[] w, int mask) {
        double sum = 0;
        for (int s = 0; s < w.length; s++) {
            if ((mask & (1 << s)) != 0) {
                sum += w[s];
            }
        }
        return sum;
    }

    private static int bits(FusionLayout layout, Modality modality) {
        int bits = 0;
        for (int s = 0; s < layout.size(); s++) {
            if (layout.get(s).modality() == modality) {
                bits |= 1 << s;
            }
        }
        return bits;
    }

    @Test
    void modalityScoresAreTheCosinesOfTheStoredVectors() {
        for (ProductIndex index : List.of(tinyWithoutPhoto, synthetic)) {
            Recommender recommender = new Recommender(index);
            int nanImages = 0;
            for (int q = 0; q < index.size(); q++) {
                String id = index.products().id(q);
                for (Recommendation r : ranking(recommender, id)) {
                    String at = "query " + id + ", candidate " + r.id() + ": ";
                    assertClose(textCosine(index, q, r.ordinal()), r.text(), at + "text");
                    assertClose(blockCosine(index, Modality.IMAGE, q, r.ordinal()), r.image(), at + "image");
                    assertClose(blockCosine(index, Modality.ALIGNMENT, q, r.ordinal()), r.alignment(), at + "alignment");
                    nanImages += Double.isNaN(r.image()) ? 1 : 0;
                }
            }
            if (index == tinyWithoutPhoto) {
                assertEquals(2 * (index.size() - 1), nanImages, "the image score is NaN exactly when one side has no photo");
            }
        }
    }

    private static void assertClose(double expected, double actual, String message) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), message + ": expected NaN, got " + actual);
        } else {
            assertEquals(expected, actual, 1e-5, message);
        }
    }

    private static double textCosine(ProductIndex index, int a, int b) {
        SparseVector x = index.vectors().text(a);
        SparseVector y = index.vectors().text(b);
        if (x.isEmpty() || y.isEmpty()) {
            return Double.NaN;
        }
        return x.dot(y) / (x.norm() * y.norm());
    }

    /**
     * The cosine of two products' blocks for a modality: each segment scaled by the square root
     * of its share and concatenated, a missing segment being zeros; NaN when a side is all zeros.
     */
    private static double blockCosine(ProductIndex index, Modality modality, int a, int b) {
        FusionLayout layout = index.vectors().layout();
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int s = 1; s < layout.size(); s++) {
            FusedSegment seg = layout.get(s);
            if (seg.modality() != modality) {
                continue;
            }
            float[] ra = index.vectors().dense(s).row(a);
            float[] rb = index.vectors().dense(s).row(b);
            for (int c = 0; c < ra.length; c++) {
                double x = Math.sqrt(seg.share()) * ra[c];
                double y = Math.sqrt(seg.share()) * rb[c];
                dot += x * y;
                aa += x * x;
                bb += y * y;
            }
        }
        return aa == 0 || bb == 0 ? Double.NaN : dot / Math.sqrt(aa * bb);
    }

    @Test
    void aProductsOwnPhotoFindsItFirst() throws Exception {
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        for (ProductIndex index : List.of(tiny, synthetic)) {
            ImageEncoder encoder = index == tiny ? new MeanColourEncoder() : classic;
            assertEquals(encoder.descriptor(), index.imageEncoder());
            Recommender recommender = new Recommender(index);
            for (int i = 0; i < index.size(); i++) {
                float[] photo = encoder.encode(decoder.decode(index.imagePath(i), encoder.minimumInputSide()));
                List<Recommendation> results = recommender.search(null, photo, SearchOptions.top(3));
                String at = "photo of " + index.products().id(i) + ": ";
                assertEquals(index.products().id(i), results.get(0).id(), at + results);
                assertEquals(1.0, results.get(0).image(), 1e-5, at + "image score");
                assertTrue(Double.isNaN(results.get(0).text()), at + "a photo query has no text score");
            }
        }
    }

    @Test
    void unknownWordsMatchNothingWithoutFailing() {
        Recommender recommender = new Recommender(tiny);
        List<Recommendation> results = recommender.searchText("zqxjv blorptastic", SearchOptions.top(3));
        assertEquals(3, results.size());
        for (int r = 0; r < results.size(); r++) {
            Recommendation rec = results.get(r);
            assertTrue(Double.isNaN(rec.text()), "the text score of a query with no known term is NaN: " + rec);
            assertTrue(Double.isNaN(rec.image()) && Double.isNaN(rec.alignment()), rec.toString());
            assertEquals(0.0, rec.score(), rec.toString());
            assertEquals(r, rec.ordinal(), "equal scores are ordered by ordinal");
        }
        assertEquals(recommender.searchText("red shoes", SearchOptions.top(4)),
                recommender.searchText("zqxjv RED shoes blorptastic", SearchOptions.top(4)), "unknown words must not change a ranking");
    }

    @Test
    void aTextQueryByTextAloneFindsTheProductsItNames() {
        Recommender recommender = new Recommender(tiny);
        // Text weight only: with the default weights the alignment, fitted on ten photos, may
        // prefer a product of another colour, which is a matter of quality, not of this contract.
        List<Recommendation> results = recommender.searchText("green", SearchOptions.top(2).withWeights(FusionWeights.only(Modality.TEXT)));
        assertEquals(Set.of("9", "10"), results.stream().map(Recommendation::id).collect(Collectors.toSet()), results.toString());
        for (Recommendation r : results) {
            assertTrue(r.text() > 0 && r.score() > 0, r.toString());
        }
    }

    @Test
    void badQueriesAreRefused() {
        Recommender recommender = new Recommender(tiny);
        assertThrows(IllegalArgumentException.class, () -> recommender.search(null, null, SearchOptions.top(3)));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> recommender.search(null, new float[6], SearchOptions.top(3)));
        assertTrue(wrong.getMessage().contains("6 dimensions") && wrong.getMessage().contains("makes 7"), wrong.getMessage());
    }

    /** Indexes that hold what the tests assume of them. */
    @Test
    void theFixturesAreWhatTheTestsAssume() {
        assertEquals(TinyCatalog.size(), tiny.size());
        assertEquals(60, synthetic.size());
        int imageBits = bits(synthetic.vectors().layout(), Modality.IMAGE);
        List<String> withoutImage = new ArrayList<>();
        for (int i = 0; i < synthetic.size(); i++) {
            if ((synthetic.vectors().mask(i) & imageBits) != imageBits) {
                withoutImage.add(synthetic.products().id(i));
            }
        }
        assertEquals(List.of(), withoutImage, "synthetic products without every image segment");
        assertNotNull(synthetic.alignment());
    }

    @Test
    void batchedSimilarAnswersWhatSimilarAnswersOneAtATime() {
        Recommender recommender = new Recommender(synthetic);
        ProductTable products = synthetic.products();
        List<String> ids = new ArrayList<>();
        List<SearchOptions> options = new ArrayList<>();
        for (int i = 0; i < synthetic.size(); i += 3) {
            ids.add(products.id(i));
            SearchOptions o = SearchOptions.top(1 + i % 7);
            if (i % 2 == 0) {
                o = o.withWeights(new FusionWeights(1, 0.5 + i % 3, 0.25));
            }
            if (i % 5 == 0) {
                o = o.withSame(List.of("gender"));
            }
            options.add(o);
        }
        List<List<Recommendation>> batched = recommender.similar(ids, options);
        assertEquals(ids.size(), batched.size());
        for (int q = 0; q < ids.size(); q++) {
            assertEquals(recommender.similar(ids.get(q), options.get(q)), batched.get(q), "query " + ids.get(q) + " with " + options.get(q));
        }
        assertThrows(NoSuchProductException.class, () -> recommender.similar(List.of(products.id(0), "nope"), List.of(SearchOptions.top(1), SearchOptions.top(1))));
        assertThrows(IllegalArgumentException.class, () -> recommender.similar(List.of(products.id(0)), List.of(SearchOptions.top(1).withSame(List.of("colour")))));
    }
}
