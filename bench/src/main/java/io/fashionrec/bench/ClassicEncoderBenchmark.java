package io.fashionrec.bench;

import io.fashionrec.catalog.Product;
import io.fashionrec.image.ImageDecodeException;
import io.fashionrec.image.ImageDecoder;
import io.fashionrec.image.ImageLimits;
import io.fashionrec.image.classic.ClassicImageEncoder;
import java.awt.image.BufferedImage;
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
 * The classic encoder (HOG + soft colour histogram) on one real sample photo, decoded in setup:
 * at its full 224x224, and at the 112x112 that indexing feeds it (decoded at the encoder's
 * minimum side, every other row and column skipped).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ClassicEncoderBenchmark {

    private static final int SAMPLE_SIDE = 224;

    private final ClassicImageEncoder encoder = new ClassicImageEncoder();
    private BufferedImage full;
    private BufferedImage half;

    @Setup
    public void decodePhoto() throws ImageDecodeException {
        Product product = SampleCatalog.firstWithImage(SampleCatalog.read());
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        full = decoder.decode(product.image(), 0);
        half = decoder.decode(product.image(), encoder.minimumInputSide());
        // The figures are labelled by size: a sample whose photos are not 224x224 would mislabel them.
        requireSquare(full, SAMPLE_SIDE, product);
        requireSquare(half, SAMPLE_SIDE / 2, product);
    }

    @Benchmark
    public float[] encode224() {
        return encoder.encode(full);
    }

    @Benchmark
    public float[] encode112() {
        return encoder.encode(half);
    }

    private static void requireSquare(BufferedImage image, int side, Product product) {
        if (image.getWidth() != side || image.getHeight() != side) {
            throw new IllegalStateException("product " + product.id() + "'s photo " + product.image() + " decodes to "
                    + image.getWidth() + "x" + image.getHeight() + ", expected " + side + "x" + side
                    + "; the sample's photos should be 224x224 JPEGs");
        }
    }
}
