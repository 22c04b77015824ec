package io.fashionrec.recommend;

import io.fashionrec.align.TextToImageAlignment;
import io.fashionrec.feature.SparseVector;
import io.fashionrec.feature.Vectors;
import io.fashionrec.fusion.FusedScorer;
import io.fashionrec.fusion.FusedSegment;
import io.fashionrec.fusion.FusionLayout;
import io.fashionrec.fusion.Modality;
import io.fashionrec.index.FusedVectors;
import io.fashionrec.index.ProductGraph;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.simd.DotProducts;
import io.fashionrec.simd.DotProductsProvider;
import io.fashionrec.vectors.SearchKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Answers "what looks and reads like this?" over an index, by exact search: every product is
 * scored (text through the inverted index, dense segments by a scan), attribute filters are
 * applied during the scan, and the k best are returned with their per-modality scores.
 * Thread-safe: a recommender holds no per-query state.
 */
public final class Recommender {

    /**
     * How much a history item weighs relative to the one viewed after it: the newest counts 1,
     * the one before 0.8, then 0.64... so the profile follows what the shopper looks at now
     * without forgetting the last few pages.
     */
    public static final double RECENCY = 0.8;

    /** Only this many of the newest history items shape the profile (older ones weigh < 1%). */
    public static final int HISTORY_LIMIT = 20;

    /** How many history items a recommendation names as the ones it is closest to. */
    public static final int CLOSEST_SHOWN = 3;

    /** Approximate search scores exactly this many candidates per result asked for (at least {@link #MIN_CANDIDATES}). */
    public static final int CANDIDATES_PER_RESULT = 10;
    static final int MIN_CANDIDATES = 100;

    /** The modalities a result's score is broken down into, in {@link Recommendation}'s order. */
    private static final Modality[] EXPLAINED = {Modality.IMAGE, Modality.TEXT, Modality.ALIGNMENT};

    private final ProductIndex index;
    private final FusedVectors vectors;
    private final FusionLayout layout;
    private final DotProducts dotProducts = DotProductsProvider.get();
    /** The HNSW candidate generator of approximate search, or null for exact search. */
    private final CandidateGraph graph;

    /** Exact search: every product scored. */
    public Recommender(ProductIndex index) {
        this(index, SearchKind.EXACT);
    }

    /**
     * A recommender searching as {@code kind} says: {@code approximate} walks an HNSW graph over
     * the products' dense vectors — the index's own ({@link ProductIndex#graph()}) when it fits the
     * index, else one built here (seconds per ten thousand products, logged with why) — then each
     * search scores exactly only the {@link #CANDIDATES_PER_RESULT}·k candidates the graph finds
     * (filters applied during the walk); {@code auto} does so above
     * {@link SearchKind#AUTO_APPROXIMATE_ABOVE_FLOATS} stored dense floats.
     */
    public Recommender(ProductIndex index, SearchKind kind) {
        this.index = index;
        this.vectors = index.vectors();
        this.layout = vectors.layout();
        SearchKind resolved = kind.resolve(ProductGraph.denseFloats(vectors), 1);
        this.graph = resolved == SearchKind.APPROXIMATE && vectors.size() > 0 ? new CandidateGraph(index) : null;
    }

    /** How this recommender searches: exact or approximate (never auto). */
    public SearchKind searchKind() {
        return graph == null ? SearchKind.EXACT : SearchKind.APPROXIMATE;
    }

    /** Whether approximate search walks the graph the index holds (false for exact search, or a graph built at load). */
    public boolean usesStoredGraph() {
        return graph != null && graph.isStored();
    }

    public ProductIndex index() {
        return index;
    }

    /** Products most similar to the product {@code id}, itself excluded. */
    public List<Recommendation> similar(String id, SearchOptions options) {
        int query = ordinalOf(id);
        return search(productQuery(query), query, options);
    }

    /** Products whose names and implied appearance best match a free text. */
    public List<Recommendation> searchText(String text, SearchOptions options) {
        return search(query(text, null), -1, options);
    }

    /**
     * Products that best match a photo and/or a text.
     *
     * @param text  free text, or null
     * @param image the raw vector of the index's image encoder for the photo, or null
     * @throws IllegalArgumentException if both are null or the vector has the wrong dimension
     */
    public List<Recommendation> search(String text, float[] image, SearchOptions options) {
        return search(query(text, image), -1, options);
    }

    /**
     * "Recommended for you": products similar to a browsing history as a whole. Each candidate's
     * score is the mean of its fused similarity to every history item, weighted by recency
     * ({@link #RECENCY}); products in the history are never recommended. A product viewed twice
     * counts once, at its latest view; only the {@link #HISTORY_LIMIT} newest items count.
     *
     * @param history product ids, oldest first
     * @throws IllegalArgumentException for an empty history, or {@code same} in the options (a
     *                                  history has no single product to be the same as)
     * @throws NoSuchProductException   for an id the index does not hold
     */
    public List<HistoryRecommendation> recommend(List<String> history, SearchOptions options) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("the history is empty; give at least one product id");
        }
        LinkedHashSet<Integer> newestFirst = new LinkedHashSet<>();
        for (int i = history.size() - 1; i >= 0 && newestFirst.size() < HISTORY_LIMIT; i--) {
            newestFirst.add(ordinalOf(history.get(i)));
        }
        int[] seen = newestFirst.stream().mapToInt(Integer::intValue).toArray();
        double[] weight = new double[seen.length];
        double weightSum = 0;
        for (int a = 0; a < seen.length; a++) {
            weight[a] = Math.pow(RECENCY, a);
            weightSum += weight[a];
        }
        FusedScorer scorer = scorer(options);
        ProductFilter filter = ProductFilter.of(index.products(), options, -1);
        float[][][] dots = productDots(seen);
        int n = vectors.size();
        boolean[] excluded = new boolean[n];
        for (int o : seen) {
            excluded[o] = true;
        }
        TopK top = new TopK(Math.min(options.k(), Math.max(1, n)));
        for (int j = 0; j < n; j++) {
            if (excluded[j]) {
                continue;
            }
            double score = 0;
            for (int a = 0; a < seen.length; a++) {
                score += weight[a] * scorer.score(dots[a], j, vectors.mask(seen[a]), vectors.mask(j));
            }
            score /= weightSum;
            if (top.accepts(score, j) && (filter.isEmpty() || filter.accepts(j))) {
                top.offer(score, j);
            }
        }
        List<HistoryRecommendation> out = new ArrayList<>(top.size());
        int[] best = top.ordinals();
        float[] pair = new float[layout.size()];
        for (int r = 0; r < best.length; r++) {
            int j = best[r];
            int cm = vectors.mask(j);
            double[] modality = new double[3];
            double[] modalityWeight = new double[3];
            List<HistoryRecommendation.Match> matches = new ArrayList<>(seen.length);
            for (int a = 0; a < seen.length; a++) {
                int qm = vectors.mask(seen[a]);
                matches.add(new HistoryRecommendation.Match(index.products().id(seen[a]), scorer.score(dots[a], j, qm, cm)));
                for (int s = 0; s < pair.length; s++) {
                    pair[s] = dots[a][s][j];
                }
                for (int m = 0; m < EXPLAINED.length; m++) {
                    double v = scorer.modalityScore(EXPLAINED[m], pair, qm, cm);
                    if (!Double.isNaN(v)) {
                        modality[m] += weight[a] * v;
                        modalityWeight[m] += weight[a];
                    }
                }
            }
            matches.sort(Comparator.comparingDouble(HistoryRecommendation.Match::score).reversed());
            Recommendation result = new Recommendation(j, index.products().id(j), index.products().name(j), top.score(r),
                    mean(modality[0], modalityWeight[0]), mean(modality[1], modalityWeight[1]), mean(modality[2], modalityWeight[2]));
            out.add(new HistoryRecommendation(result, matches.subList(0, Math.min(CLOSEST_SHOWN, matches.size()))));
        }
        return out;
    }

    private static double mean(double sum, double weight) {
        return weight == 0 ? Double.NaN : sum / weight;
    }

    /** The ordinal of a product id, or {@link NoSuchProductException}. */
    public int ordinalOf(String id) {
        int ordinal = index.products().ordinal(id);
        if (ordinal < 0) {
            throw new NoSuchProductException(id, index.size(), index.size() > 0 ? index.products().id(0) : null);
        }
        return ordinal;
    }

    /** A scorer for the options' weights and kernel, or the index's defaults. */
    public FusedScorer scorer(SearchOptions options) {
        return new FusedScorer(layout, options.weights() != null ? options.weights() : index.defaultWeights(),
                options.kernel() != null ? options.kernel() : index.defaultKernel());
    }

    QueryVectors productQuery(int ordinal) {
        float[][] dense = new float[layout.size()][];
        int mask = vectors.mask(ordinal);
        for (int s = 1; s < layout.size(); s++) {
            if ((mask & (1 << s)) != 0) {
                dense[s] = vectors.dense(s).row(ordinal);
            }
        }
        return new QueryVectors(vectors.text(ordinal), dense, mask);
    }

    /**
     * A free query in the fused space. Text gives the text segment and, through the alignment,
     * the appearance the text implies; a photo gives the image segments and, when there is no
     * text, its own sketch in the alignment segments.
     */
    QueryVectors query(String text, float[] image) {
        if (text == null && image == null) {
            throw new IllegalArgumentException("a search needs a text, a photo or both");
        }
        SparseVector t = text == null ? SparseVector.EMPTY : index.textModel().transform(text);
        float[][] dense = new float[layout.size()][];
        int mask = t.isEmpty() ? 0 : 1;
        float[] photo = null;
        if (image != null) {
            int dimension = index.imageEncoder().dimension();
            if (image.length != dimension) {
                throw new IllegalArgumentException("the photo's vector has " + image.length + " dimensions, the index's encoder "
                        + index.imageEncoder().label() + " makes " + dimension);
            }
            photo = image.clone();
        }
        TextToImageAlignment alignment = index.alignment();
        int alignmentSegment = 0;
        int offset = 0;
        for (int s = 1; s < layout.size(); s++) {
            FusedSegment seg = layout.get(s);
            float[] v = new float[seg.dimension()];
            boolean present = false;
            if (seg.modality() == Modality.IMAGE) {
                if (photo != null) {
                    System.arraycopy(photo, offset, v, 0, seg.dimension());
                    present = Vectors.normalizeInPlace(v, 0, v.length);
                    System.arraycopy(v, 0, photo, offset, v.length);
                }
                offset += seg.dimension();
            } else if (seg.modality() == Modality.ALIGNMENT && alignment != null) {
                present = !t.isEmpty() ? alignment.align(t, alignmentSegment, v, 0)
                        : photo != null && alignment.sketchImage(photo, alignmentSegment, v, 0);
                alignmentSegment++;
            }
            if (present) {
                dense[s] = v;
                mask |= 1 << s;
            }
        }
        return new QueryVectors(t, dense, mask);
    }

    /** Per-segment dot products of one query against every product: {@code dots[s][j]}. */
    float[][] dots(QueryVectors query) {
        int n = vectors.size();
        float[][] dots = new float[layout.size()][n];
        if (!query.text().isEmpty()) {
            vectors.textIndex().accumulate(query.text(), dots[0]);
        }
        for (int s = 1; s < layout.size(); s++) {
            if (query.dense()[s] != null) {
                dotProducts.all(query.dense()[s], vectors.dense(s), dots[s]);
            }
        }
        return dots;
    }

    private List<Recommendation> search(QueryVectors query, int exclude, SearchOptions options) {
        ProductFilter filter = ProductFilter.of(index.products(), options, exclude);
        if (graph != null && CandidateGraph.canSearch(query)) {
            return searchCandidates(query, exclude, filter, options);
        }
        return rank(dots(query), null, query.mask(), exclude, filter, options);
    }

    /** Approximate search: the graph's candidates (filter applied during the walk), scored exactly. */
    private List<Recommendation> searchCandidates(QueryVectors query, int exclude, ProductFilter filter, SearchOptions options) {
        int k = Math.min(options.k(), Math.max(1, vectors.size()));
        int wanted = (int) Math.min(Integer.MAX_VALUE, Math.max((long) CANDIDATES_PER_RESULT * k, MIN_CANDIDATES));
        int[] candidates = graph.candidates(query, wanted, j -> j != exclude && (filter.isEmpty() || filter.accepts(j)));
        // In product order, so that the column order breaks ties as the exact scan does (lower ordinal first).
        java.util.Arrays.sort(candidates);
        float[][] dots = new float[layout.size()][candidates.length];
        for (int c = 0; c < candidates.length; c++) {
            int j = candidates[c];
            if (!query.text().isEmpty()) {
                dots[0][c] = (float) query.text().dot(vectors.text(j));
            }
            for (int s = 1; s < layout.size(); s++) {
                if (query.dense()[s] != null && (vectors.mask(j) & (1 << s)) != 0) {
                    dots[s][c] = dotProducts.dot(query.dense()[s], vectors.dense(s), j); // the scan's own bits
                }
            }
        }
        return rank(dots, candidates, query.mask(), exclude, filter, options);
    }

    /**
     * {@link #similar} for several products at once, with one pass over the dense vectors for
     * all of them (each row is read from memory once per batch, not once per query): what a
     * server does with the requests that arrive together. Answers equal {@code similar}'s.
     *
     * @param ids     the query products
     * @param options one per id
     * @throws NoSuchProductException   for an unknown id (nothing is scanned)
     * @throws IllegalArgumentException for a bad filter in any options (nothing is scanned)
     */
    public List<List<Recommendation>> similar(List<String> ids, List<SearchOptions> options) {
        if (ids.size() != options.size()) {
            throw new IllegalArgumentException(ids.size() + " ids but " + options.size() + " options");
        }
        if (graph != null) { // each query walks the graph on its own: there is no scan to share
            List<List<Recommendation>> out = new ArrayList<>(ids.size());
            for (int q = 0; q < ids.size(); q++) {
                out.add(similar(ids.get(q), options.get(q)));
            }
            return out;
        }
        int[] ordinals = new int[ids.size()];
        ProductFilter[] filters = new ProductFilter[ids.size()];
        for (int q = 0; q < ordinals.length; q++) {
            ordinals[q] = ordinalOf(ids.get(q));
            filters[q] = ProductFilter.of(index.products(), options.get(q), ordinals[q]);
        }
        float[][][] dots = productDots(ordinals);
        List<List<Recommendation>> out = new ArrayList<>(ordinals.length);
        for (int q = 0; q < ordinals.length; q++) {
            out.add(rank(dots[q], null, vectors.mask(ordinals[q]), ordinals[q], filters[q], options.get(q)));
        }
        return out;
    }

    /**
     * The k best products for one query's per-segment dot products {@code dots[s][c]}, where
     * column {@code c} is product {@code columns[c]} (in increasing order), or product {@code c}
     * when {@code columns} is null.
     */
    private List<Recommendation> rank(float[][] dots, int[] columns, int queryMask, int exclude, ProductFilter filter,
                                      SearchOptions options) {
        FusedScorer scorer = scorer(options);
        // k comes from users (-k on the command line) and sizes TopK's arrays: no more than the
        // index can return, or a huge k exhausts the heap before the scan starts.
        TopK top = new TopK(Math.min(options.k(), Math.max(1, vectors.size())));
        int count = columns == null ? vectors.size() : columns.length;
        // TopK holds columns; columns ascend with products, so its ties break by lower product too.
        for (int c = 0; c < count; c++) {
            int j = columns == null ? c : columns[c];
            if (j == exclude) {
                continue;
            }
            double score = scorer.score(dots, c, queryMask, vectors.mask(j));
            if (top.accepts(score, c) && (filter.isEmpty() || filter.accepts(j))) {
                top.offer(score, c);
            }
        }
        List<Recommendation> out = new ArrayList<>(top.size());
        float[] pair = new float[layout.size()];
        int[] best = top.ordinals();
        for (int r = 0; r < best.length; r++) {
            int c = best[r];
            int j = columns == null ? c : columns[c];
            for (int s = 0; s < pair.length; s++) {
                pair[s] = dots[s][c];
            }
            int cm = vectors.mask(j);
            out.add(new Recommendation(j, index.products().id(j), index.products().name(j), top.score(r),
                    scorer.modalityScore(Modality.IMAGE, pair, queryMask, cm),
                    scorer.modalityScore(Modality.TEXT, pair, queryMask, cm),
                    scorer.modalityScore(Modality.ALIGNMENT, pair, queryMask, cm)));
        }
        return out;
    }

    /**
     * Per-segment dot products of several products against every product, {@code [q][s][j]}:
     * the batched scan that evaluation uses (each dense row is read once per batch).
     */
    public float[][][] productDots(int[] queryOrdinals) {
        int n = vectors.size();
        int b = queryOrdinals.length;
        float[][][] out = new float[b][layout.size()][];
        for (int q = 0; q < b; q++) {
            out[q][0] = new float[n];
            SparseVector t = vectors.text(queryOrdinals[q]);
            if (!t.isEmpty()) {
                vectors.textIndex().accumulate(t, out[q][0]);
            }
        }
        for (int s = 1; s < layout.size(); s++) {
            float[][] queries = new float[b][];
            float[][] rows = new float[b][];
            for (int q = 0; q < b; q++) {
                if ((vectors.mask(queryOrdinals[q]) & (1 << s)) != 0) {
                    queries[q] = vectors.dense(s).row(queryOrdinals[q]);
                }
                rows[q] = out[q][s] = new float[n];
            }
            dotProducts.batch(queries, vectors.dense(s), rows);
        }
        return out;
    }
}
