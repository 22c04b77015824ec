package io.fashionrec.index.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The header and footer that frame every part file, after Apache Lucene's {@code CodecUtil}: a
 * reader learns from the first bytes which codec and version wrote the file, and from the last
 * bytes whether the file is complete and intact.
 *
 * <p>Header, at offset 0, little-endian like everything in the index:
 * <pre>
 * offset  type     value
 * 0       int32    {@link #HEADER_MAGIC} 0x58495246 (the bytes 46 52 49 58, ASCII "FRIX")
 * 4       uint8    n, the length of the codec name, 1..{@value #MAX_CODEC_NAME}
 * 5       n bytes  the codec name, ASCII, e.g. "FashionrecDenseMatrix"
 * 5+n     int32    the codec version
 * 9+n              the format's own fields, then zero bytes up to {@link #PAYLOAD_START} (64)
 * </pre>
 * Every format's payload starts at offset 64, so it is 64-byte aligned in the file and in a
 * memory map of it (maps start on a page boundary).
 *
 * <p>Footer, the last {@value #FOOTER_LENGTH} bytes of the file:
 * <pre>
 * offset     type    value
 * length-16  int32   {@link #FOOTER_MAGIC} ~HEADER_MAGIC = 0xA7B6ADB9 (bytes B9 AD B6 A7)
 * length-12  int32   checksum algorithm: 0 = CRC-32 (java.util.zip.CRC32, as in zlib)
 * length-8   int64   the CRC-32 of bytes [0, length-8), an unsigned value in 0..2^32-1
 * </pre>
 * The manifest records the same CRC-32, so a part file from another build is noticed even when
 * the file itself is intact.
 */
final class CodecUtil {

    static final int HEADER_MAGIC = 0x58495246;
    static final int FOOTER_MAGIC = ~HEADER_MAGIC;
    static final int CRC32_ALGORITHM = 0;
    static final int FOOTER_LENGTH = 16;
    static final int PAYLOAD_START = 64;
    static final int MAX_CODEC_NAME = 48;

    private CodecUtil() {
    }

    static void writeHeader(PartOutput out, String codec, int version) {
        byte[] name = codec.getBytes(StandardCharsets.US_ASCII);
        if (name.length == 0 || name.length > MAX_CODEC_NAME || !codec.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("codec name must be 1.." + MAX_CODEC_NAME + " printable ASCII characters, got \"" + codec + "\"");
        }
        out.writeInt(HEADER_MAGIC);
        out.writeByte(name.length);
        out.writeBytes(name, 0, name.length);
        out.writeInt(version);
    }

    /** Writes the footer's magic and algorithm; {@link PartOutput#finish()} appends the checksum. */
    static void writeFooterStart(PartOutput out) {
        out.writeInt(FOOTER_MAGIC);
        out.writeInt(CRC32_ALGORITHM);
    }

    /**
     * Checks the header of {@code file}, already known to be at least {@link #PAYLOAD_START} +
     * {@link #FOOTER_LENGTH} bytes long.
     *
     * @throws IndexFormatException if the magic or codec name is wrong (damage), or the version is
     *                              not {@code version} (another fashionrec wrote it)
     */
    static void checkHeader(Path file, MappedRegion region, String codec, int version) {
        if (region.getInt(0) != HEADER_MAGIC) {
            throw IndexFormatException.damaged(file, "does not start with the fashionrec header magic (found 0x"
                    + Integer.toHexString(region.getInt(0)) + ")");
        }
        int nameLength = region.getByte(4) & 0xFF;
        byte[] name = new byte[Math.min(nameLength, MAX_CODEC_NAME)];
        region.getBytes(5, name, 0, name.length);
        String found = new String(name, StandardCharsets.ISO_8859_1);
        if (nameLength != codec.length() || !found.equals(codec)) {
            throw IndexFormatException.damaged(file, "holds codec \"" + IndexFormatException.printable(found) + "\" where the manifest says " + codec);
        }
        int foundVersion = region.getInt(5 + nameLength);
        if (foundVersion != version) {
            throw IndexFormatException.otherCodecVersion(file, codec, foundVersion, version);
        }
    }

    /** Writes the zero bytes from the end of the format's fields up to {@link #PAYLOAD_START}. */
    static void padToPayload(PartOutput out) {
        out.padTo(PAYLOAD_START);
    }

    /** Checks that the bytes from {@code fieldsEnd} up to {@link #PAYLOAD_START} are zero. */
    static void checkPadding(Path file, MappedRegion region, long fieldsEnd) {
        for (long i = fieldsEnd; i < PAYLOAD_START; i++) {
            if (region.getByte(i) != 0) {
                throw IndexFormatException.damaged(file, "has a non-zero byte in its header padding at offset " + i);
            }
        }
    }

    /**
     * Checks the footer of {@code file} and that its checksum is {@code expectedCrc} (from the
     * manifest); with {@code verifyBytes}, also recomputes the checksum over the whole file.
     */
    static void checkFooter(Path file, MappedRegion region, long expectedCrc, boolean verifyBytes) {
        long length = region.length();
        if (region.getInt(length - 16) != FOOTER_MAGIC) {
            throw IndexFormatException.damaged(file, "does not end with the fashionrec footer (it is truncated or overwritten)");
        }
        int algorithm = region.getInt(length - 12);
        if (algorithm != CRC32_ALGORITHM) {
            throw IndexFormatException.damaged(file, "names checksum algorithm " + algorithm + " in its footer where 0 (CRC-32) is the only one");
        }
        long stored = region.getLong(length - 8);
        if (stored != expectedCrc) {
            throw IndexFormatException.damaged(file, "has checksum " + stored + " in its footer but the manifest records " + expectedCrc);
        }
        if (verifyBytes) {
            verifyChecksum(file, region);
        }
    }

    /** Recomputes the CRC-32 of {@code file}'s bytes and compares it with its footer. */
    static void verifyChecksum(Path file, MappedRegion region) {
        long length = region.length();
        long stored = region.getLong(length - 8);
        long actual = region.crc32(length - 8);
        if (actual != stored) {
            throw IndexFormatException.damaged(file, "fails its checksum (CRC-32 of its bytes is " + actual + ", its footer says " + stored + ")");
        }
    }
}
