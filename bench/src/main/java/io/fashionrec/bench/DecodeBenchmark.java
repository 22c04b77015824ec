package io.fashionrec.bench;

import io.fashionrec.catalog.Product;
import io.fashionrec.image.ImageDecodeException;
import io.fashionrec.image.ImageDecoder;
import io.fashionrec.image.ImageLimits;
import io.fashionrec.image.classic.ClassicImageEncoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
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
 * Decoding one real sample photo (224x224 JPEG) from bytes already in memory, so that the disk
 * is not measured: at full resolution, and at the classic encoder's minimum side (96), where the
 * decoder skips every other row and column and hands back 112x112.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
public class DecodeBenchmark {

    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
    private final int encoderSide = new ClassicImageEncoder().minimumInputSide();
    private byte[] jpeg;
    private String name;

    @Setup
    public void readPhoto() throws IOException {
        Product product = SampleCatalog.firstWithImage(SampleCatalog.read());
        jpeg = Files.readAllBytes(product.image());
        name = product.image().toString();
    }

    @Benchmark
    public BufferedImage fullResolution() throws ImageDecodeException {
        return decoder.decode(jpeg, name, 0);
    }

    @Benchmark
    public BufferedImage classicMinimumSide() throws ImageDecodeException {
        return decoder.decode(jpeg, name, encoderSide);
    }
}
