package io.fashionrec.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import io.fashionrec.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The builder's options: bad values are refused with the value in the message; good ones take effect. */
class CatalogGeneratorOptionsTest {

    @TempDir
    Path dir;

    @Test
    void badOptionsAreRefusedNamingTheValue() {
        assertRefused(() -> CatalogGenerator.builder().optProducts(0), "0");
        assertRefused(() -> CatalogGenerator.builder().optImageSize(16, 224), "16x224");
        assertRefused(() -> CatalogGenerator.builder().optImageSize(224, 5000), "224x5000");
        assertRefused(() -> CatalogGenerator.builder().optJpegQuality(0f), "0.0");
        assertRefused(() -> CatalogGenerator.builder().optJpegQuality(1.5f), "1.5");
        assertRefused(() -> CatalogGenerator.builder().optThreads(0), "0");
    }

    @Test
    void imageSizeAndProgressAreHonoured() throws IOException {
        AtomicLong total = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Progress counting = new Progress() {
            @Override
            public void start(String task, long units) {
                total.set(units);
            }

            @Override
            public void advance(long units) {
                done.addAndGet(units);
            }

            @Override
            public void finish() {
            }
        };
        CatalogGenerator.builder().optProducts(4).optImageSize(160, 120).optJpegQuality(0.7f).optProgress(counting)
                .build().generate(dir);
        BufferedImage image = ImageIO.read(dir.resolve("images/1.jpg").toFile());
        assertEquals(160, image.getWidth());
        assertEquals(120, image.getHeight());
        assertEquals(4, total.get());
        assertEquals(4, done.get());
    }

    @Test
    void drawingRunsHeadless() {
        CatalogGenerator.builder();
        assertTrue(java.awt.GraphicsEnvironment.isHeadless(), "java.awt.headless=" + System.getProperty("java.awt.headless"));
    }

    private static void assertRefused(Executable option, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, option);
        assertTrue(e.getMessage().contains(value), e.getMessage());
    }
}
