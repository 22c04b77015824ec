package io.fashionrec.synthetic;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Writes JPEG files at a chosen quality. Thread-safe: every call uses its own writer. */
final class JpegFiles {

    private JpegFiles() {
    }

    /**
     * Writes {@code image} (opaque RGB) to {@code file}, replacing it.
     *
     * @param quality JPEG quality in (0, 1]
     */
    static void write(BufferedImage image, Path file, float quality) throws IOException {
        // Deleting first instead of truncating: ext4 flushes a file that is truncated and rewritten
        // (auto_da_alloc), which made regenerating a catalog in place many times slower.
        Files.deleteIfExists(file);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no JPEG writer, so " + file + " cannot be written");
        }
        ImageWriter writer = writers.next();
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
             ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
