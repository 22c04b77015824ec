package io.fashionrec.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;

/**
 * Turns whatever an ImageIO reader returned into a {@code TYPE_INT_RGB} image in one pass over
 * the pixels, compositing alpha onto white and applying the EXIF orientation on the way.
 *
 * <p>Grey images are widened by repeating the grey value in R, G and B. Java labels grey rasters
 * with a <em>linear</em> colour space, and its own conversion ({@code getRGB}, {@code drawImage}
 * via a colour-converting op) would brighten them; but the values in a grey JPEG or PNG are meant
 * to be shown as they are, which is what browsers and Pillow do. Samples of more than 8 bits are
 * rounded to the nearest 8-bit value. Premultiplied and straight alpha are both understood.
 */
final class RgbConversion {

    private static final ColorSpace GRAY = ColorSpace.getInstance(ColorSpace.CS_GRAY);
    /** The largest 8-bit value: a white channel, an opaque alpha. */
    private static final int MAX = 255;

    private RgbConversion() {
    }

    /**
     * The upright {@code TYPE_INT_RGB} version of {@code decoded}. Returns {@code decoded} itself
     * when it already is one and needs no turning; otherwise a new image.
     */
    static BufferedImage toIntRgb(BufferedImage decoded, Orientation orientation) {
        if (decoded.getType() == BufferedImage.TYPE_INT_RGB && orientation == Orientation.NORMAL) {
            return decoded;
        }
        int width = decoded.getWidth();
        int height = decoded.getHeight();
        BufferedImage upright = orientation.swapsAxes()
                ? new BufferedImage(height, width, BufferedImage.TYPE_INT_RGB)
                : new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) upright.getRaster().getDataBuffer()).getData();
        RowReader rows = rowReaderFor(decoded);
        if (orientation == Orientation.NORMAL) {
            for (int y = 0; y < height; y++) {
                rows.read(y, out, y * width);
            }
        } else {
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                rows.read(y, row, 0);
                orientation.placeRow(row, y, width, height, out);
            }
        }
        return upright;
    }

    /** Converts one stored row to packed RGB, {@code width} pixels written from {@code offset}. */
    private interface RowReader {
        void read(int y, int[] out, int offset);
    }

    private static RowReader rowReaderFor(BufferedImage image) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        if (model instanceof ComponentColorModel components && isGreyOrSrgb(components) && hasSmallIntegerSamples(components, raster)) {
            boolean eightBitInterleaved = raster.getDataBuffer() instanceof DataBufferByte bytes
                    && bytes.getNumBanks() == 1
                    && raster.getSampleModel() instanceof ComponentSampleModel
                    && allComponentsHaveBits(components, 8);
            return eightBitInterleaved ? new InterleavedBytes(image, components) : new AnyComponents(image, components);
        }
        return new ViaDefaultRgb(image);
    }

    private static boolean isGreyOrSrgb(ComponentColorModel model) {
        ColorSpace space = model.getColorSpace();
        int colours = model.getNumColorComponents();
        return colours == 3 && space.isCS_sRGB() || colours == 1 && space == GRAY;
    }

    private static boolean hasSmallIntegerSamples(ComponentColorModel model, Raster raster) {
        int type = raster.getTransferType();
        boolean integral = type == DataBuffer.TYPE_BYTE || type == DataBuffer.TYPE_USHORT;
        return integral && raster.getNumBands() == model.getNumComponents() && allComponentsHaveBitsAtMost(model, 16);
    }

    private static boolean allComponentsHaveBits(ColorModel model, int bits) {
        for (int size : model.getComponentSize()) {
            if (size != bits) {
                return false;
            }
        }
        return true;
    }

    private static boolean allComponentsHaveBitsAtMost(ColorModel model, int bits) {
        for (int size : model.getComponentSize()) {
            if (size < 1 || size > bits) {
                return false;
            }
        }
        return true;
    }

    /** Packs one 8-bit pixel, compositing it onto white unless it is opaque. */
    private static int pack(int r, int g, int b, int alpha, boolean premultiplied) {
        if (alpha != MAX) {
            r = onWhite(r, alpha, premultiplied);
            g = onWhite(g, alpha, premultiplied);
            b = onWhite(b, alpha, premultiplied);
        }
        return r << 16 | g << 8 | b;
    }

    private static int onWhite(int channel, int alpha, boolean premultiplied) {
        if (premultiplied) {
            return Math.min(MAX, channel + MAX - alpha);
        }
        return (channel * alpha + MAX * (MAX - alpha) + MAX / 2) / MAX;
    }

    /**
     * The common case (JPEG, 8-bit PNG, WebP, 24-bit BMP): 8-bit grey or RGB, optionally with alpha,
     * interleaved in one byte array, read straight from the array.
     */
    private static final class InterleavedBytes implements RowReader {
        private final byte[] data;
        private final int width;
        private final int pixelStride;
        private final int scanlineStride;
        private final int origin;
        private final int red;
        private final int green;
        private final int blue;
        private final int alpha;
        private final boolean premultiplied;

        InterleavedBytes(BufferedImage image, ComponentColorModel model) {
            Raster raster = image.getRaster();
            ComponentSampleModel layout = (ComponentSampleModel) raster.getSampleModel();
            DataBufferByte buffer = (DataBufferByte) raster.getDataBuffer();
            int[] offsets = layout.getBandOffsets();
            data = buffer.getData();
            width = image.getWidth();
            pixelStride = layout.getPixelStride();
            scanlineStride = layout.getScanlineStride();
            origin = buffer.getOffset() - raster.getSampleModelTranslateY() * scanlineStride
                    - raster.getSampleModelTranslateX() * pixelStride;
            boolean grey = model.getNumColorComponents() == 1;
            red = offsets[0];
            green = grey ? offsets[0] : offsets[1];
            blue = grey ? offsets[0] : offsets[2];
            alpha = model.hasAlpha() ? offsets[model.getNumColorComponents()] : -1;
            premultiplied = model.isAlphaPremultiplied();
        }

        @Override
        public void read(int y, int[] out, int offset) {
            int at = origin + y * scanlineStride;
            if (alpha < 0) {
                // Opaque, by far the most common: kept free of the compositing branch.
                for (int x = 0; x < width; x++, at += pixelStride) {
                    out[offset + x] = (data[at + red] & 0xFF) << 16 | (data[at + green] & 0xFF) << 8 | data[at + blue] & 0xFF;
                }
                return;
            }
            for (int x = 0; x < width; x++, at += pixelStride) {
                int a = data[at + alpha] & 0xFF;
                out[offset + x] = pack(data[at + red] & 0xFF, data[at + green] & 0xFF, data[at + blue] & 0xFF, a, premultiplied);
            }
        }
    }

    /** Grey or RGB samples of any integer layout up to 16 bits (16-bit PNG), scaled to 8 bits. */
    private static final class AnyComponents implements RowReader {
        private final Raster raster;
        private final int width;
        private final int bands;
        private final int colours;
        private final boolean alpha;
        private final boolean premultiplied;
        private final int[] maxima;
        private final int[] samples;

        AnyComponents(BufferedImage image, ComponentColorModel model) {
            raster = image.getRaster();
            width = image.getWidth();
            bands = model.getNumComponents();
            colours = model.getNumColorComponents();
            alpha = model.hasAlpha();
            premultiplied = model.isAlphaPremultiplied();
            maxima = new int[bands];
            for (int band = 0; band < bands; band++) {
                maxima[band] = (1 << model.getComponentSize(band)) - 1;
            }
            samples = new int[width * bands];
        }

        @Override
        public void read(int y, int[] out, int offset) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, width, 1, samples);
            for (int x = 0, at = 0; x < width; x++, at += bands) {
                int r = to8Bits(samples[at], maxima[0]);
                int g = colours == 1 ? r : to8Bits(samples[at + 1], maxima[1]);
                int b = colours == 1 ? r : to8Bits(samples[at + 2], maxima[2]);
                int a = alpha ? to8Bits(samples[at + colours], maxima[colours]) : MAX;
                out[offset + x] = pack(r, g, b, a, premultiplied);
            }
        }

        private static int to8Bits(int sample, int maximum) {
            // Clamped: a damaged 12-bit image can hold values above 4095 in its 16-bit samples.
            return maximum == MAX ? sample : Math.min(MAX, (sample * MAX + maximum / 2) / maximum);
        }
    }

    /**
     * Everything else (palettes, packed 16/32-bit pixels, ICC colour spaces, float samples): the
     * image's own colour model converts each pixel to straight sRGB ARGB, then alpha meets white.
     */
    private static final class ViaDefaultRgb implements RowReader {
        private final BufferedImage image;
        private final int width;

        ViaDefaultRgb(BufferedImage image) {
            this.image = image;
            this.width = image.getWidth();
        }

        @Override
        public void read(int y, int[] out, int offset) {
            image.getRGB(0, y, width, 1, out, offset, width);
            for (int x = offset; x < offset + width; x++) {
                int argb = out[x];
                out[x] = pack(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, argb >>> 24, false);
            }
        }
    }
}
