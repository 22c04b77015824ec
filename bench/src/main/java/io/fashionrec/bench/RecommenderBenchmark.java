package io.fashionrec.bench;

import io.fashionrec.catalog.Catalog;
import io.fashionrec.catalog.Product;
import io.fashionrec.image.classic.ClassicImageEncoder;
import io.fashionrec.index.IndexBuilder;
import io.fashionrec.recommend.Recommendation;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.SearchOptions;
import io.fashionrec.simd.DotProductsProvider;
import io.fashionrec.simd.PlainDotProducts;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Queries against the whole sample (2,000 products), indexed once in setup with the classic
 * encoder and every default (a few seconds, not measured): products similar to a product, the
 * query product changing every call so that no single product's neighbours are measured, and a
 * free-text search. Both are exact scans of every product, returning the top 10.
 *
 * <p>Each is measured with the SIMD dot products and with the plain ones ({@code simd}). JMH
 * runs every parameter value in a JVM of its own, which is what lets the setup choose: the
 * provider decides once per JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RecommenderBenchmark {

    private static final SearchOptions TOP_10 = SearchOptions.top(10);
    private static final String QUERY = "navy blue shirt";

    /** The value of {@code -Dfashionrec.simd} in the benchmark JVM. */
    @Param({"true", "false"})
    public String simd;

    private Recommender recommender;
    private String[] ids;

    @Setup
    public void buildIndex() throws InterruptedException {
        System.setProperty(DotProductsProvider.PROPERTY, simd);
        boolean plain = DotProductsProvider.get() instanceof PlainDotProducts;
        if (plain == Boolean.parseBoolean(simd)) {
            throw new IllegalStateException("asked for simd=" + simd + " but the JVM uses "
                    + DotProductsProvider.get().name() + ": run forked (-f 1 or more) with --add-modules=jdk.incubator.vector (see the log above)");
        }
        Catalog catalog = SampleCatalog.read();
        IndexBuilder.Result built = IndexBuilder.builder().setImageEncoder(new ClassicImageEncoder()).build(catalog);
        recommender = new Recommender(built.index());
        ids = catalog.products().stream().map(Product::id).toArray(String[]::new);
    }

    /** Each benchmark thread's own walk through the product ids. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        String nextId(String[] ids) {
            String id = ids[next];
            next = (next + 1) % ids.length;
            return id;
        }
    }

    @Benchmark
    public List<Recommendation> similar(Cursor cursor) {
        return recommender.similar(cursor.nextId(ids), TOP_10);
    }

    @Benchmark
    public List<Recommendation> searchText() {
        return recommender.searchText(QUERY, TOP_10);
    }
}
