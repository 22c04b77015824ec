package io.fashionrec.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.fusion.FusionWeights;
import io.fashionrec.image.classic.ClassicImageEncoder;
import io.fashionrec.progress.Progress;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.TopK;
import io.fashionrec.synthetic.CatalogGenerator;
import io.fashionrec.vectors.SearchKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approximate-search graph in the index: written when asked, read back mapped and used by
 * approximate search when it fits the index (built in memory otherwise), and refreshed on an
 * update by inserting only the added and changed products, with recall against exact search kept.
 */
class ProductGraphTest {

    private static final int PRODUCTS = 400;

    @TempDir
    static Path tmp;

    private static Path catalog;
    private static Path dir;
    private static IndexBuilder.Result first;

    @BeforeAll
    static void buildWithAGraph() throws Exception {
        catalog = tmp.resolve("catalog");
        CatalogGenerator.builder().optProducts(PRODUCTS).optSeed(11).optImageSize(96, 96).optThreads(2).build().generate(catalog);
        dir = tmp.resolve("index");
        first = build(null, GraphPolicy.ALWAYS);
        ProductIndexFormat.write(first.index(), dir, Progress.NONE);
    }

    private static IndexBuilder.Result build(Path previous, GraphPolicy policy) throws Exception {
        IndexBuilder builder = IndexBuilder.builder().setImageEncoder(new ClassicImageEncoder()).optThreads(2).optGraph(policy);
        if (previous != null) {
            builder.optPrevious(PreviousIndex.open(previous));
        }
        return builder.build(Catalogs.read(catalog, new ProblemReport()));
    }

    @Test
    void theGraphIsWrittenReadBackMappedAndSearched() throws IOException {
        assertEquals(GraphBuild.Kind.BUILT, first.graph().kind());
        assertEquals(PRODUCTS, first.graph().inserted());
        assertNull(first.graph().reason());
        ProductIndex read = ProductIndexFormat.read(dir);
        assertNotNull(read.graph(), "the index holds its graph");
        assertTrue(read.graph().isStored());
        assertEquals(ProductGraph.Basis.of(read.vectors(), read.defaultWeights()), read.graph().basis());
        assertTrue(new Recommender(read, SearchKind.APPROXIMATE).usesStoredGraph(), "approximate search walks the stored graph");
        assertFalse(new Recommender(read, SearchKind.EXACT).usesStoredGraph());
        assertTrue(recall(read.graph(), read, "stored") >= 0.9);
    }

    @Test
    void aGraphBuiltForOtherWeightsIsNotUsed() {
        ProductIndex read = ProductIndexFormat.read(dir);
        ProductIndex reweighted = new ProductIndex(read.catalog(), read.products(), read.vectors(), read.textModel(), read.imageEncoder(),
                read.imageModel(), read.alignment(), new FusionWeights(1, 2, 3), read.defaultKernel(), read.imageSketches(), read.graph());
        assertEquals("its graph was built for the weights " + read.defaultWeights() + ", the index's are text=1.0 image=2.0 alignment=3.0",
                read.graph().basis().mismatch(reweighted.vectors(), reweighted.defaultWeights()));
        Recommender recommender = new Recommender(reweighted, SearchKind.APPROXIMATE);
        assertEquals(SearchKind.APPROXIMATE, recommender.searchKind());
        assertFalse(recommender.usesStoredGraph(), "a graph for other weights is rebuilt in memory");
    }

    @Test
    void neverAndSmallAutoIndexesHoldNoGraph() throws Exception {
        IndexBuilder.Result never = build(null, GraphPolicy.NEVER);
        assertEquals(new GraphBuild(GraphBuild.Kind.NONE, 0, 0, 0, "not asked for"), never.graph());
        assertNull(never.index().graph());
        IndexBuilder.Result auto = build(null, GraphPolicy.AUTO);
        assertEquals("no graph (small enough to search exactly)", auto.graph().sentence());
        Path neverDir = tmp.resolve("never");
        ProductIndexFormat.write(never.index(), neverDir, Progress.NONE);
        ProductIndex read = ProductIndexFormat.read(neverDir);
        assertNull(read.graph());
        assertFalse(Files.exists(neverDir.resolve("graph.1.graph")));
        assertFalse(new Recommender(read, SearchKind.APPROXIMATE).usesStoredGraph(), "no graph in the index: built at load");
    }

    @Test
    void anUpdateRefreshesTheGraphInsertingOnlyAddedAndChangedProducts() throws Exception {
        try (EditedCatalog edited = new EditedCatalog("update-index")) {
            List<String> original = edited.original;
            Path copy = edited.index;
            // About 5%: 8 renamed, 6 removed, 6 added (copies of other products' photos under new ids).
            List<String> lines = new ArrayList<>(original);
            for (int row = 1; row <= 8; row++) {
                lines.set(row * 40, lines.get(row * 40) + " Renamed");
            }
            for (int row = 0; row < 6; row++) {
                lines.remove(lines.size() - 1 - row * 30);
            }
            for (int extra = 0; extra < 6; extra++) {
                String source = original.get(5 + extra * 50);
                String id = source.substring(0, source.indexOf(','));
                String newId = String.valueOf(90_000 + extra);
                Files.copy(catalog.resolve("images/" + id + ".jpg"), catalog.resolve("images/" + newId + ".jpg"));
                lines.add(newId + source.substring(id.length()));
            }
            edited.write(lines);
            IndexBuilder.Result updated = build(copy, GraphPolicy.ALWAYS);
            IndexChanges changes = IndexChanges.between(first.index().products(), updated.index().products());
            assertEquals(new IndexChanges(6, 8, 6, PRODUCTS - 14), changes);
            GraphBuild graph = updated.graph();
            assertEquals(GraphBuild.Kind.REFRESHED, graph.kind(), graph.sentence());
            assertEquals(changes.added() + changes.changed(), graph.inserted(), "only the added and changed products are inserted");
            assertEquals(changes.unchanged(), graph.reused());
            assertTrue(graph.sentence().endsWith(": 14 inserted, 386 reused"), graph.sentence());
            ProductIndexFormat.write(updated.index(), copy, Progress.NONE);
            ProductIndex read = ProductIndexFormat.read(copy);
            assertTrue(new Recommender(read, SearchKind.APPROXIMATE).usesStoredGraph());
            assertTrue(recall(read.graph(), read, "refreshed") >= 0.9);
            FusedDenseScorers scorers = new FusedDenseScorers(read.vectors(), read.defaultWeights());
            for (int i = 0; i < read.size(); i++) {
                if (first.index().products().ordinal(read.products().id(i)) < 0) {
                    // Its twin (the product whose row it copies) ties with it: either may come first.
                    int[] best = read.graph().search(scorers.scorer(i), 2, null).ordinals();
                    assertTrue(best[0] == i || best[1] == i,
                            "added product " + read.products().id(i) + " is linked in: a walk finds it for itself, got " + Arrays.toString(best));
                }
            }
        }
    }

    @Test
    void tooManyRemovalsRebuildTheGraph() throws Exception {
        try (EditedCatalog edited = new EditedCatalog("rebuild-index")) {
            edited.write(edited.original.subList(0, 1 + PRODUCTS * 3 / 4)); // a quarter removed
            GraphBuild graph = build(edited.index, GraphPolicy.ALWAYS).graph();
            assertEquals(GraphBuild.Kind.BUILT, graph.kind());
            assertEquals("rebuilt: 25% of the previous graph's products were removed or changed, above 20%", graph.reason());
        }
    }

    /** A copy of the built index to update, and the catalog's styles.csv rewritten at will until closed. */
    private static final class EditedCatalog implements AutoCloseable {

        final Path index;
        final List<String> original;
        private final Path styles = catalog.resolve("styles.csv");

        EditedCatalog(String name) throws IOException {
            index = tmp.resolve(name);
            copyDirectory(dir, index);
            original = Files.readAllLines(styles);
        }

        void write(List<String> lines) throws IOException {
            Files.write(styles, lines);
        }

        @Override
        public void close() throws IOException {
            Files.write(styles, original);
        }
    }

    /** Recall@10 of the graph's answers for every product as the query, against scoring every product. */
    private static double recall(ProductGraph graph, ProductIndex index, String which) throws IOException {
        FusedDenseScorers scorers = new FusedDenseScorers(index.vectors(), index.defaultWeights());
        int found = 0;
        int asked = 0;
        for (int q = 0; q < index.size(); q++) {
            RandomVectorScorer scorer = scorers.scorer(q);
            TopK exact = new TopK(10);
            for (int j = 0; j < index.size(); j++) {
                exact.offer(scorer.score(j), j);
            }
            Set<Integer> truth = new HashSet<>();
            Arrays.stream(exact.ordinals()).forEach(truth::add);
            for (int j : graph.search(scorer, 10, null).ordinals()) {
                found += truth.contains(j) ? 1 : 0;
            }
            asked += truth.size();
        }
        double recall = (double) found / asked;
        System.out.println("recall@10 of the " + which + " graph: " + recall);
        return recall;
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }
}
