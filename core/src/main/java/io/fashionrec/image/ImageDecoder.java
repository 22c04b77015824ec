package io.fashionrec.image;

import io.fashionrec.catalog.ProblemKind;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.Objects;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes catalog photos safely into what every encoder expects: a {@code TYPE_INT_RGB} image,
 * 8 bits per channel, sRGB, alpha composited onto white (product photos sit on white studio
 * backgrounds), EXIF orientation applied.
 *
 * <p>Accepted: JPEG (baseline, progressive, greyscale, CMYK and YCCK, through the TwelveMonkeys
 * reader), PNG (palette, grey, 16-bit, alpha), GIF (first frame), BMP and WebP (lossy and
 * lossless). The format is recognised from the content, not the file name.
 *
 * <p>Every failure is an {@link ImageDecodeException} whose kind is what the problem report
 * needs: {@code IMAGE_MISSING} (no such file), {@code IMAGE_EMPTY} (zero bytes),
 * {@code IMAGE_TOO_LARGE} (a file over {@link ImageLimits#maxFileBytes}, checked before reading
 * it, or a header declaring more than {@link ImageLimits#maxPixels}, checked before decoding any
 * pixel) and {@code IMAGE_UNREADABLE} (not one of the formats, truncated, corrupt, or a decoder
 * plugin that threw on the bytes). A truncated JPEG, which the JDK decoder completes with grey
 * rows, and a truncated WebP are recognised from their structure. {@link OutOfMemoryError} is
 * not caught: the pixel limit is there so that it cannot come from one image.
 *
 * <p>Thread-safe: each call uses its own ImageIO reader.
 */
public final class ImageDecoder {

    /** Longest decoder message quoted in a reason. */
    private static final int MAX_DETAIL = 200;
    /** Causes followed, in case a chain loops back on itself. */
    private static final int MAX_CAUSES = 8;

    private final ImageLimits limits;
    /** Each thread's idle readers, by format: ImageIO readers are not thread-safe but are reusable. */
    private final ThreadLocal<java.util.Map<ImageReaderSpi, ImageReader>> readers =
            ThreadLocal.withInitial(java.util.HashMap::new);

    public ImageDecoder(ImageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public ImageLimits limits() {
        return limits;
    }

    /**
     * Decodes an image file. Messages name the file as {@code file.toString()}, so pass the path
     * the way the user should read it (relative to the catalog, say).
     */
    public BufferedImage decode(Path file) throws ImageDecodeException {
        return decode(file, 0);
    }

    /**
     * Decodes an image file, possibly at reduced resolution: when both sides are at least twice
     * {@code minimumSide}, every other row and column is skipped while decoding, which halves the
     * work of the decoder and of everything after it. Never more than that: skipping more pixels
     * would alias fine fabric textures into patterns that are not in the photo.
     *
     * @param minimumSide the smallest side the caller needs (an encoder's
     *                    {@link ImageEncoder#minimumInputSide()}), or 0 for full resolution
     */
    public BufferedImage decode(Path file, int minimumSide) throws ImageDecodeException {
        return decode(read(file), file.toString(), minimumSide);
    }

    /**
     * The bytes of an image file, with the checks that need no decoding: the file exists, is a
     * regular file, is not empty and not over the byte limit. Callers that want the bytes too
     * (to hash them) read with this and decode with {@link #decode(byte[], String, int)}.
     */
    public byte[] read(Path file) throws ImageDecodeException {
        String source = file.toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw failure(ProblemKind.IMAGE_MISSING, source, "does not exist");
        } catch (IOException e) {
            throw failure(ProblemKind.IMAGE_UNREADABLE, source, "cannot be read (" + describe(e) + ")");
        }
        if (!attributes.isRegularFile()) {
            throw failure(ProblemKind.IMAGE_UNREADABLE, source, "is not a regular file");
        }
        checkSize(attributes.size(), source);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw failure(ProblemKind.IMAGE_MISSING, source, "does not exist");
        } catch (AccessDeniedException e) {
            throw failure(ProblemKind.IMAGE_UNREADABLE, source, "cannot be read: permission denied");
        } catch (IOException e) {
            throw failure(ProblemKind.IMAGE_UNREADABLE, source, "cannot be read (" + describe(e) + ")");
        }
        return bytes;
    }

    /**
     * Decodes an image held in memory (an upload, a file read elsewhere). {@code bytes} is not
     * modified; {@code sourceName} names the image in messages.
     */
    public BufferedImage decode(byte[] bytes, String sourceName) throws ImageDecodeException {
        return decode(bytes, sourceName, 0);
    }

    /** Decodes an image held in memory, possibly at reduced resolution; see {@link #decode(Path, int)}. */
    public BufferedImage decode(byte[] bytes, String sourceName, int minimumSide) throws ImageDecodeException {
        if (minimumSide < 0) {
            throw new IllegalArgumentException("minimumSide must be >= 0, got " + minimumSide);
        }
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(sourceName, "sourceName");
        checkSize(bytes.length, sourceName);
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> failure(ProblemKind.IMAGE_UNREADABLE, sourceName,
                "is not a " + ImageFormat.ALL_NAMES + " image (it starts with bytes " + leadingBytes(bytes) + ")"));
        Orientation orientation = Orientation.NORMAL;
        if (format == ImageFormat.JPEG) {
            JpegStructure structure = JpegStructure.of(bytes);
            if (!structure.complete()) {
                throw failure(ProblemKind.IMAGE_UNREADABLE, sourceName,
                        "is a truncated or damaged JPEG (no end-of-image marker follows the image data)");
            }
            orientation = structure.orientation();
            ImageReaderSpi plain = ImageFormat.plainJpegReader();
            if (structure.plain() && plain != null) {
                try {
                    return readPixels(plain, format, bytes, sourceName, orientation, minimumSide);
                } catch (ImageDecodeException e) {
                    if (e.kind() == ProblemKind.IMAGE_TOO_LARGE) {
                        throw e;
                    }
                    // The preferred reader below is the more forgiving one: it decides.
                }
            }
        } else if (format == ImageFormat.WEBP) {
            checkRiffLength(bytes, sourceName);
        }
        return readPixels(format.reader(), format, bytes, sourceName, orientation, minimumSide);
    }

    /** Header check, pixel decoding and conversion, with every plugin failure turned into a problem. */
    private BufferedImage readPixels(ImageReaderSpi spi, ImageFormat format, byte[] bytes, String source, Orientation orientation,
                                     int minimumSide) throws ImageDecodeException {
        ImageReader reader = readers.get().remove(spi);
        if (reader == null) {
            try {
                reader = spi.createReaderInstance();
            } catch (IOException e) {
                throw new IllegalStateException("cannot create an ImageIO reader for " + format + ": " + describe(e), e);
            }
        }
        boolean reusable = false;
        try (ImageInputStream input = new ByteArrayImageInput(bytes)) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw failure(ProblemKind.IMAGE_UNREADABLE, source,
                        "declares " + width + "x" + height + " pixels, which is not a valid " + format + " image size");
            }
            if ((long) width * height > limits.maxPixels()) {
                throw failure(ProblemKind.IMAGE_TOO_LARGE, source,
                        "declares " + width + "x" + height + " pixels, over the limit of " + limits.maxPixels());
            }
            // Inside the guard: a plugin may hand back a colour model that fails when its pixels are read.
            ImageReadParam param = reader.getDefaultReadParam();
            if (minimumSide > 0 && Math.min(width, height) >= 2 * minimumSide) {
                param.setSourceSubsampling(2, 2, 0, 0);
            }
            BufferedImage image = RgbConversion.toIntRgb(reader.read(0, param), orientation);
            reusable = true;
            return image;
        } catch (IOException e) {
            throw failure(ProblemKind.IMAGE_UNREADABLE, source, "cannot be decoded as " + format + " (" + describe(e) + ")");
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // Plugins throw IndexOutOfBounds, NegativeArraySize, IllegalState... on damaged input.
            throw failure(ProblemKind.IMAGE_UNREADABLE, source,
                    "cannot be decoded as " + format + " (the decoder failed with " + describeCrash(e) + ")");
        } finally {
            // A reader that decoded cleanly is kept for this thread's next image of the format (for
            // JPEG that saves creating and freeing a native decoder each time); one that failed may
            // be left in any state, so it is discarded.
            if (reusable) {
                reader.reset();
                readers.get().put(spi, reader);
            } else {
                reader.dispose();
            }
        }
    }

    private void checkSize(long size, String source) throws ImageDecodeException {
        if (size == 0) {
            throw failure(ProblemKind.IMAGE_EMPTY, source, "is empty (0 bytes)");
        }
        if (size > limits.maxFileBytes()) {
            throw failure(ProblemKind.IMAGE_TOO_LARGE, source,
                    "is " + size + " bytes, over the limit of " + limits.maxFileBytes() + " bytes");
        }
    }

    /**
     * A RIFF file states its length after "RIFF"; the TwelveMonkeys reader decodes a truncated
     * lossless WebP without complaint, so the stated length is checked against the actual one.
     */
    private static void checkRiffLength(byte[] bytes, String source) throws ImageDecodeException {
        long declared = 8 + littleEndian32(bytes, 4);
        if (declared > bytes.length) {
            throw failure(ProblemKind.IMAGE_UNREADABLE, source,
                    "is a truncated WebP (its header declares " + declared + " bytes, the file has " + bytes.length + ")");
        }
    }

    private static long littleEndian32(byte[] bytes, int at) {
        return (bytes[at] & 0xFFL) | (bytes[at + 1] & 0xFFL) << 8 | (bytes[at + 2] & 0xFFL) << 16 | (bytes[at + 3] & 0xFFL) << 24;
    }

    private static ImageDecodeException failure(ProblemKind kind, String source, String what) {
        return new ImageDecodeException(kind, source + " " + what);
    }

    private static String leadingBytes(byte[] bytes) {
        int shown = Math.min(8, bytes.length);
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes, 0, shown) + (bytes.length > shown ? " ..." : "");
    }

    /**
     * The messages along a cause chain, or the exception's kind where there is none. Decoders
     * quote raw bytes from the file in their messages, so anything but printable ASCII becomes '?'.
     */
    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_CAUSES && text.length() < MAX_DETAIL; depth++, t = t.getCause()) {
            String message = t instanceof EOFException && t.getMessage() == null ? "the data ends too early" : t.getMessage();
            if (message == null || message.isBlank()) {
                message = t.getClass().getSimpleName();
            }
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        String printable = text.codePoints()
                .map(c -> c < 0x20 || c > 0x7E ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= MAX_DETAIL ? printable : printable.substring(0, MAX_DETAIL) + "...";
    }

    /** What a decoder plugin threw, for a reader who cannot see the stack trace. */
    private static String describeCrash(Throwable error) {
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + describe(error));
    }
}
