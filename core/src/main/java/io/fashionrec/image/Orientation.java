package io.fashionrec.image;

/**
 * The eight EXIF orientations (TIFF tag 0x0112): how the stored pixel rows must be turned to be
 * seen upright. Constants are in tag order, 1 to 8.
 */
enum Orientation {
    /** 1: stored upright. */
    NORMAL,
    /** 2: mirrored left to right. */
    MIRROR_HORIZONTAL,
    /** 3: upside down. */
    ROTATE_180,
    /** 4: mirrored top to bottom. */
    MIRROR_VERTICAL,
    /** 5: mirrored along the main diagonal (stored row 0 is the left column). */
    TRANSPOSE,
    /** 6: stored row 0 is the right column: turn 90 degrees clockwise. */
    ROTATE_90_CW,
    /** 7: mirrored along the anti-diagonal (stored row 0 is the right column, read upwards). */
    TRANSVERSE,
    /** 8: stored row 0 is the left column, read upwards: turn 90 degrees counter-clockwise. */
    ROTATE_90_CCW;

    /** The orientation for an EXIF tag value; values outside 1..8 are treated as upright. */
    static Orientation fromExif(int value) {
        return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
    }

    /** True if the upright image is the stored one turned a quarter: width and height swap. */
    boolean swapsAxes() {
        return ordinal() >= TRANSPOSE.ordinal();
    }

    /**
     * Writes stored row {@code y} ({@code width} packed pixels) of a {@code width x height} image
     * to where it belongs in the upright image's pixel array {@code upright}.
     */
    void placeRow(int[] row, int y, int width, int height, int[] upright) {
        // Each stored row lands on a line of the upright image: a start index and a fixed step.
        int start = switch (this) {
            case NORMAL -> y * width;
            case MIRROR_HORIZONTAL -> y * width + width - 1;
            case ROTATE_180 -> (height - 1 - y) * width + width - 1;
            case MIRROR_VERTICAL -> (height - 1 - y) * width;
            case TRANSPOSE -> y;
            case ROTATE_90_CW -> height - 1 - y;
            case TRANSVERSE -> (width - 1) * height + height - 1 - y;
            case ROTATE_90_CCW -> (width - 1) * height + y;
        };
        int step = switch (this) {
            case NORMAL, MIRROR_VERTICAL -> 1;
            case MIRROR_HORIZONTAL, ROTATE_180 -> -1;
            case TRANSPOSE, ROTATE_90_CW -> height;
            case TRANSVERSE, ROTATE_90_CCW -> -height;
        };
        for (int x = 0, at = start; x < width; x++, at += step) {
            upright[at] = row[x];
        }
    }
}
