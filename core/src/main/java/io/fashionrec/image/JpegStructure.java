package io.fashionrec.image;

/**
 * What the decoder needs from a JPEG's marker segments, found by walking them without decoding
 * any pixel: the EXIF orientation, whether the image data is followed by the end-of-image
 * marker, and whether the file is plain. The JDK's JPEG decoder fills a truncated file's missing
 * rows with grey and only warns, so a missing end-of-image marker is how a truncated file is
 * recognised.
 *
 * @param orientation the orientation from the first APP1 Exif segment, or {@link Orientation#NORMAL}
 * @param complete    true if the walk reached the end-of-image marker after the image data
 * @param plain       true if the frame has 1 or 3 components and there is neither an Adobe
 *                    (APP14) nor an ICC profile (APP2) segment: grey or YCbCr that any JPEG
 *                    decoder reads the same way
 */
record JpegStructure(Orientation orientation, boolean complete, boolean plain) {

    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TIFF_SHORT = 3;

    /** Walks the markers of a JPEG file held in {@code jpeg}, starting after its SOI marker. */
    static JpegStructure of(byte[] jpeg) {
        Orientation orientation = null;
        int components = 0;
        boolean colourTransformed = false;
        int n = jpeg.length;
        int pos = 2;
        while (true) {
            // Bytes between segments are junk that libjpeg skips with a warning; so does the walk.
            while (pos < n && (jpeg[pos] & 0xFF) != 0xFF) {
                pos++;
            }
            while (pos < n && (jpeg[pos] & 0xFF) == 0xFF) {
                pos++;
            }
            if (pos >= n) {
                return new JpegStructure(orNormal(orientation), false, false);
            }
            int marker = jpeg[pos++] & 0xFF;
            if (marker == EOI) {
                return new JpegStructure(orNormal(orientation), true, (components == 1 || components == 3) && !colourTransformed);
            }
            if (isStandalone(marker)) {
                continue;
            }
            if (pos + 2 > n) {
                return new JpegStructure(orNormal(orientation), false, false);
            }
            int segmentEnd = pos + unsigned16(jpeg, pos, false);
            if (segmentEnd < pos + 2 || segmentEnd > n) {
                return new JpegStructure(orNormal(orientation), false, false);
            }
            if (marker == APP1 && orientation == null) {
                orientation = exifOrientation(jpeg, pos + 2, segmentEnd);
            }
            if (isStartOfFrame(marker) && components == 0 && pos + 7 < segmentEnd) {
                components = jpeg[pos + 7] & 0xFF;
            }
            colourTransformed |= marker == APP14 && startsWith(jpeg, pos + 2, segmentEnd, "Adobe")
                    || marker == APP2 && startsWith(jpeg, pos + 2, segmentEnd, "ICC_PROFILE");
            pos = marker == SOS ? endOfEntropyCodedData(jpeg, segmentEnd) : segmentEnd;
        }
    }

    /** SOF0..SOF15, but not DHT (C4), JPG (C8) or DAC (CC) which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean startsWith(byte[] b, int start, int end, String ascii) {
        if (end - start < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[start + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** RSTn and TEM carry no length; 0x00 only appears here in damaged files. */
    private static boolean isStandalone(int marker) {
        return marker == 0x00 || marker == 0x01 || marker >= 0xD0 && marker <= 0xD7;
    }

    /**
     * The index of the marker that ends a scan's entropy-coded data (or the array's length). Inside
     * that data a 0xFF byte is always followed by a stuffed 0x00 or a restart marker.
     */
    private static int endOfEntropyCodedData(byte[] jpeg, int from) {
        for (int i = from; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF) {
                int next = jpeg[i + 1] & 0xFF;
                if (next != 0x00 && (next < 0xD0 || next > 0xD7)) {
                    return i;
                }
            }
        }
        return jpeg.length;
    }

    /**
     * The orientation in an APP1 segment's payload {@code [start, end)} if it is an Exif segment
     * (identifier "Exif\0\0" then a TIFF structure whose first IFD may hold tag 0x0112), or null
     * if it is some other APP1 segment (XMP, for one).
     */
    private static Orientation exifOrientation(byte[] b, int start, int end) {
        if (end - start < 14 || b[start] != 'E' || b[start + 1] != 'x' || b[start + 2] != 'i' || b[start + 3] != 'f'
                || b[start + 4] != 0 || b[start + 5] != 0) {
            return null;
        }
        int tiff = start + 6;
        boolean littleEndian;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            littleEndian = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            littleEndian = false;
        } else {
            return Orientation.NORMAL;
        }
        if (unsigned16(b, tiff + 2, littleEndian) != 42) {
            return Orientation.NORMAL;
        }
        long ifd = tiff + unsigned32(b, tiff + 4, littleEndian);
        if (ifd + 2 > end) {
            return Orientation.NORMAL;
        }
        int entries = unsigned16(b, (int) ifd, littleEndian);
        for (int i = 0; i < entries; i++) {
            long entry = ifd + 2 + 12L * i;
            if (entry + 12 > end) {
                break;
            }
            int at = (int) entry;
            if (unsigned16(b, at, littleEndian) == ORIENTATION_TAG) {
                // A SHORT value of count 1 sits in the first two bytes of the 4-byte value field.
                boolean isShort = unsigned16(b, at + 2, littleEndian) == TIFF_SHORT;
                return isShort ? Orientation.fromExif(unsigned16(b, at + 8, littleEndian)) : Orientation.NORMAL;
            }
        }
        return Orientation.NORMAL;
    }

    private static Orientation orNormal(Orientation orientation) {
        return orientation == null ? Orientation.NORMAL : orientation;
    }

    private static int unsigned16(byte[] b, int at, boolean littleEndian) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        return littleEndian ? second << 8 | first : first << 8 | second;
    }

    private static long unsigned32(byte[] b, int at, boolean littleEndian) {
        long high = unsigned16(b, littleEndian ? at + 2 : at, littleEndian);
        long low = unsigned16(b, littleEndian ? at : at + 2, littleEndian);
        return high << 16 | low;
    }
}
