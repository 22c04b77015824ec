package io.fashionrec.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.IntBinaryOperator;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Builds the images the image tests feed the decoder and the transforms, in memory. */
public final class TestImages {

    private TestImages() {
    }

    /** A {@code TYPE_INT_RGB} image whose pixel (x, y) is {@code rgb.applyAsInt(x, y)}. */
    public static BufferedImage rgb(int width, int height, IntBinaryOperator rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb.applyAsInt(x, y));
            }
        }
        return image;
    }

    /** All pixels of {@code image} as 0xRRGGBB, row by row. */
    public static int[] pixels(BufferedImage image) {
        int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] &= 0xFFFFFF;
        }
        return rgb;
    }

    /** {@code image} written by ImageIO's writer for {@code format} (png, gif, bmp). */
    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format + " accepts image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG written by the JDK's own writer at the given quality, baseline or progressive. */
    static byte[] jpeg(BufferedImage image, float quality, boolean progressive) {
        return jpeg(new IIOImage(image, null, null), quality, progressive);
    }

    /**
     * The 4-band raster written as a JPEG with no colour transform, then an Adobe APP14 segment
     * spliced in that says how to read the four components: transform 0 is CMYK, 2 is YCCK. Adobe
     * stores CMYK inverted (255 = no ink), which is what TwelveMonkeys expects.
     */
    static byte[] adobeJpeg(Raster fourBands, int transform) {
        byte[] plain = jpeg(new IIOImage(fourBands, null, null), 1f, false);
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
        return spliceAfterSoi(plain, app14);
    }

    /** A 4-band byte raster whose pixel (x, y) is {@code samples.at(x, y)}. */
    static WritableRaster fourBands(int width, int height, FourSamples samples) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, samples.at(x, y));
            }
        }
        return raster;
    }

    /** The four samples of one pixel. */
    interface FourSamples {
        int[] at(int x, int y);
    }

    private static byte[] jpeg(IIOImage image, float quality, boolean progressive) {
        ImageWriter writer = jdkJpegWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static ImageWriter jdkJpegWriter() {
        for (Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg"); writers.hasNext(); ) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith("com.sun.")) {
                return writer;
            }
        }
        throw new IllegalStateException("the JDK's JPEG writer is not registered");
    }

    /** {@code segment} (a whole marker segment, FF xx included) inserted right after SOI. */
    static byte[] spliceAfterSoi(byte[] jpeg, byte[] segment) {
        byte[] spliced = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, spliced, 0, 2);
        System.arraycopy(segment, 0, spliced, 2, segment.length);
        System.arraycopy(jpeg, 2, spliced, 2 + segment.length, jpeg.length - 2);
        return spliced;
    }

    /**
     * An APP1 Exif segment whose first IFD holds two entries: an ImageDescription (ASCII, tag
     * 0x010E, its text stored out of line) and Orientation (SHORT, tag 0x0112).
     */
    static byte[] exifSegment(int orientation, ByteOrder order) {
        byte[] description = "product\0".getBytes(StandardCharsets.US_ASCII);
        int ifdOffset = 8;
        int textOffset = ifdOffset + 2 + 2 * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(textOffset + description.length).order(order);
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        tiff.putShort((short) 42).putInt(ifdOffset);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(description.length).putInt(textOffset);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        tiff.put(description);
        return app1(concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array()));
    }

    /** An APP1 segment around {@code payload}. */
    static byte[] app1(byte[] payload) {
        int length = payload.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}, payload);
    }

    /** A PNG of a signature, an IHDR declaring {@code width x height} 8-bit RGB pixels, and IEND. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                pngChunk("IHDR", ihdr.array()), pngChunk("IEND", new byte[0]));
    }

    private static byte[] pngChunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue()).array();
    }

    /** A file from {@code src/test/resources/images/}. */
    static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource images/" + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The index of the first occurrence of the two bytes {@code 0xFF, marker}, or -1. */
    static int indexOfMarker(byte[] jpeg, int marker) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        return -1;
    }
}
