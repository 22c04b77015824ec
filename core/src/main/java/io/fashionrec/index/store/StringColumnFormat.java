package io.fashionrec.index.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * String column file format, version 1: a sequence of strings (e.g. product ids or names) as
 * UTF-8 bytes with an offset table, so that string {@code i} can be read without reading the
 * others.
 *
 * <p>Bytes on disk (little-endian; offsets in bytes):
 * <pre>
 * offset                 type                value
 * 0                      header              {@link CodecUtil} header: magic, codec "FashionrecStringColumn", version 1 (31 bytes)
 * 31                     int32               count, the number of strings, &gt;= 0
 * 35                     zeros               padding up to offset 64
 * 64                     int64[count + 1]    offsets into the bytes below: offset[0] = 0, non-decreasing;
 *                                            string i is the bytes offset[i] .. offset[i+1]-1
 * 64 + 8(count+1)        uint8[offset[count]] the strings, UTF-8 (no terminator, no byte order mark)
 * ... + offset[count]    footer              {@link CodecUtil} footer (16 bytes)
 * </pre>
 */
public final class StringColumnFormat {

    public static final String CODEC = "FashionrecStringColumn";
    public static final int VERSION = 1;

    static final int COUNT_OFFSET = 31;
    static final int FIELDS_END = 35;

    private StringColumnFormat() {
    }

    /**
     * Writes {@code values} in two passes (offsets, then bytes), so they need not be in memory as
     * UTF-8 at once but {@code values} must yield the same strings on both iterations.
     *
     * @throws IllegalArgumentException if a value is null or not valid Unicode (an unpaired
     *                                  surrogate), or the iterations differ
     */
    static void write(PartOutput out, String part, Iterable<String> values) {
        long[] offsets = new long[16];
        int count = 0;
        for (String value : values) {
            if (count == Integer.MAX_VALUE - 1) {
                throw new IllegalArgumentException("string part \"" + part + "\" has too many values");
            }
            if (++count == offsets.length) {
                offsets = Arrays.copyOf(offsets, (int) Math.min(Integer.MAX_VALUE, offsets.length * 2L));
            }
            offsets[count] = offsets[count - 1] + utf8Length(part, count - 1, value);
        }
        CodecUtil.writeHeader(out, CODEC, VERSION);
        out.writeInt(count);
        CodecUtil.padToPayload(out);
        for (int i = 0; i <= count; i++) {
            out.writeLong(offsets[i]);
        }
        int i = 0;
        for (String value : values) {
            // Valid Unicode, as the first pass checked, so the JDK's fast encoder gives the exact bytes.
            byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
            if (i >= count || bytes == null || bytes.length != offsets[i + 1] - offsets[i]) {
                throw changed(part);
            }
            out.writeBytes(bytes, 0, bytes.length);
            i++;
        }
        if (i != count) {
            throw changed(part);
        }
    }

    /**
     * The length in UTF-8 of value {@code i}, counted without encoding it.
     *
     * @throws IllegalArgumentException if it is null or holds an unpaired surrogate
     */
    private static int utf8Length(String part, int i, String value) {
        if (value == null) {
            throw new IllegalArgumentException("value " + i + " of string part \"" + part + "\" is null");
        }
        int length = value.length();
        int bytes = length;
        for (int k = 0; k < length; k++) {
            char c = value.charAt(k);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (!Character.isSurrogate(c)) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && k + 1 < length && Character.isLowSurrogate(value.charAt(k + 1))) {
                bytes += 2; // two chars, four bytes
                k++;
            } else {
                throw new IllegalArgumentException("value " + i + " of string part \"" + part + "\" is not valid Unicode (an unpaired surrogate)");
            }
        }
        return bytes;
    }

    private static IllegalArgumentException changed(String part) {
        return new IllegalArgumentException("the values of string part \"" + part + "\" changed between iterations;"
                + " pass an Iterable that yields the same strings each time, such as a List");
    }

    /**
     * Opens a string column whose header and footer {@link CodecUtil} has checked. Only the first
     * and last offsets are checked here, so opening costs the same for any count; {@link
     * StringColumn#get} checks the offsets it reads.
     */
    static StringColumn read(Path file, MappedRegion region) {
        int count = region.getInt(COUNT_OFFSET);
        if (count < 0 || count == Integer.MAX_VALUE) {
            throw IndexFormatException.damaged(file, "declares an impossible count of " + count + " strings");
        }
        CodecUtil.checkPadding(file, region, FIELDS_END);
        long bytesStart = CodecUtil.PAYLOAD_START + 8L * (count + 1);
        long byteCount = region.length() - CodecUtil.FOOTER_LENGTH - bytesStart;
        if (byteCount < 0) {
            throw IndexFormatException.damaged(file, "is " + region.length() + " bytes, too short for the offsets of " + count + " strings");
        }
        long first = region.getLong(CodecUtil.PAYLOAD_START);
        long last = region.getLong(bytesStart - 8);
        if (first != 0 || last != byteCount) {
            throw IndexFormatException.damaged(file, "has offsets from " + first + " to " + last + " around " + byteCount + " bytes of strings");
        }
        return new StringColumn(file, region, count, bytesStart, byteCount);
    }
}
