package io.fashionrec.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fashionrec.testing.SampleData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every photo of the shared 2,000-product sample decodes (no false "truncated"), to 224x224
 * {@code TYPE_INT_RGB}. Prints how long one thread took, for the record; nothing is asserted
 * about time.
 */
class ImageDecoderSampleTest {

    @Test
    void everySamplePhotoDecodes() throws IOException {
        Path images = SampleData.catalogOrSkip().resolve("images");
        List<Path> files;
        try (Stream<Path> listing = Files.list(images)) {
            files = listing.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        List<String> problems = new ArrayList<>();
        long start = System.nanoTime();
        for (Path file : files) {
            try {
                BufferedImage image = decoder.decode(file);
                if (image.getType() != BufferedImage.TYPE_INT_RGB || image.getWidth() != 224 || image.getHeight() != 224) {
                    problems.add(file + " decoded to type " + image.getType() + ", " + image.getWidth() + "x" + image.getHeight());
                }
            } catch (ImageDecodeException e) {
                problems.add(e.getMessage());
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("ImageDecoder: %d sample photos in %d ms on one thread (%.2f ms each, first run in this JVM)%n",
                files.size(), millis, (double) millis / Math.max(1, files.size()));
        assertEquals(2000, files.size(), "the sample should hold 2,000 photos");
        assertEquals(List.of(), problems);
    }
}
