package io.fashionrec.image;

/**
 * How much an {@link ImageDecoder} is willing to read and allocate for one image.
 *
 * <p>{@code maxPixels} is checked against the width and height an image <em>declares</em> in its
 * header, before any pixel is decoded, so that a small file declaring an enormous canvas (a
 * decompression bomb) is refused without allocating it. {@code maxFileBytes} is checked against
 * the file's size before the file is read.
 *
 * @param maxPixels    the largest width &times; height accepted; must be positive
 * @param maxFileBytes the largest file accepted, in bytes; positive and below 2 GiB, because a
 *                     file is read into one array
 */
public record ImageLimits(long maxPixels, long maxFileBytes) {

    /** 40,000,000 pixels (e.g. 8000 &times; 5000) and 50 MiB: far above any product photo. */
    public static final ImageLimits DEFAULT = new ImageLimits(40_000_000L, 50L * 1024 * 1024);

    /** The largest array the JVM reliably allocates; a file must fit in one. */
    private static final long LARGEST_ARRAY = Integer.MAX_VALUE - 8;

    public ImageLimits {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        if (maxFileBytes <= 0 || maxFileBytes > LARGEST_ARRAY) {
            throw new IllegalArgumentException("maxFileBytes must be between 1 and " + LARGEST_ARRAY
                    + " (files are read into one array), got " + maxFileBytes);
        }
    }
}
