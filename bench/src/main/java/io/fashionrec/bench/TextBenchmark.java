package io.fashionrec.bench;

import io.fashionrec.catalog.Product;
import io.fashionrec.text.TfidfFit;
import io.fashionrec.text.TfidfVectorizer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fitting TF-IDF (scikit-learn defaults) on the names of the sample's 2,000 products and
 * weighing every name: the text half of indexing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
public class TextBenchmark {

    private final TfidfVectorizer vectorizer = TfidfVectorizer.builder().build();
    private List<String> names;

    @Setup
    public void readNames() {
        names = SampleCatalog.read().products().stream().map(Product::name).toList();
    }

    @Benchmark
    public TfidfFit fitTransform() {
        return vectorizer.fitTransform(names);
    }
}
