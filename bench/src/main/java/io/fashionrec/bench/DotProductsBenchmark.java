package io.fashionrec.bench;

import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.simd.DotProducts;
import io.fashionrec.simd.PanamaDotProducts;
import io.fashionrec.simd.PlainDotProducts;
import java.util.SplittableRandom;
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
 * The exact-scan kernel alone, both implementations side by side on random matrices: the sample's
 * size (2,000 products, a 1,000-float segment) and the full catalog's (44,446 x 1,024, 182 MB,
 * far larger than any cache), one query per scan and a batch of 32 queries per scan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DotProductsBenchmark {

    private static final int BATCH = 32;

    @Param({"panama", "plain"})
    public String implementation;

    /** Rows x columns. */
    @Param({"2000x1000", "44446x1024"})
    public String shape;

    private DotProducts dots;
    private FloatMatrix matrix;
    private float[] query;
    private float[] out;
    private float[][] queries;
    private float[][] batchOut;

    @Setup
    public void fill() {
        // The Vector API class is loaded only for its own runs, as the provider would.
        dots = implementation.equals("panama") ? PanamaDotProducts.INSTANCE : PlainDotProducts.INSTANCE;
        String[] size = shape.split("x");
        int rows = Integer.parseInt(size[0]);
        int cols = Integer.parseInt(size[1]);
        SplittableRandom random = new SplittableRandom(42);
        matrix = new FloatMatrix(rows, cols, random(random, rows * cols));
        query = random(random, cols);
        out = new float[rows];
        queries = new float[BATCH][];
        for (int q = 0; q < BATCH; q++) {
            queries[q] = random(random, cols);
        }
        batchOut = new float[BATCH][rows];
    }

    private static float[] random(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return v;
    }

    @Benchmark
    public float[] one() {
        dots.all(query, matrix, out);
        return out;
    }

    /** Scores count batches: 32 queries each. */
    @Benchmark
    public float[][] batch32() {
        dots.batch(queries, matrix, batchOut);
        return batchOut;
    }
}
