package io.fashionrec.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * What a build knew of one product's photo file: the SHA-256 of its bytes and the file's size and
 * modification time when it was read. Stored in the index as one string,
 * {@code "<64 hex digits> <size in bytes> <modification time in ns since the epoch>"}, so that the
 * next build can skip reading a file that has not changed ({@link PreviousIndex}).
 *
 * <p>A file modified less than {@link #RACY_MILLIS} before it was read is recorded with size -1
 * and time 0, which no file matches: it might have been rewritten within the granularity of its
 * time stamp after the read, keeping the time the record holds (git calls such entries "racily
 * clean"). Its next build reads it again.
 *
 * @param sha256 the digest of the bytes read
 * @param stat   the file's size and time, taken before reading it
 */
record PhotoRecord(byte[] sha256, Stat stat) {

    /** How much older than its read a photo's time must be to be trusted by the next build. */
    static final long RACY_MILLIS = 2_000;
    private static final Stat UNSETTLED = new Stat(-1, 0);

    /** The record of a photo with digest {@code sha256} whose {@code stat} was taken at {@code readAtMillis}. */
    static PhotoRecord of(byte[] sha256, Stat stat, long readAtMillis) {
        return new PhotoRecord(sha256, stat.modifiedMillis() < readAtMillis - RACY_MILLIS ? stat : UNSETTLED);
    }

    /** A file's size and modification time. */
    record Stat(long size, long modifiedNanos) {

        /** The size and time of {@code file}, or null when they cannot be read (reading the file will report why). */
        static Stat of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stat(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
            } catch (IOException e) {
                return null;
            }
        }

        long modifiedMillis() {
            return TimeUnit.NANOSECONDS.toMillis(modifiedNanos);
        }
    }

    String format() {
        return HexFormat.of().formatHex(sha256) + " " + stat.size() + " " + stat.modifiedNanos();
    }

    /** The record stored as {@code text}, or null when it is empty (no photo, or it could not be read) or malformed. */
    static PhotoRecord parse(String text) {
        String[] fields = text.split(" ");
        if (fields.length != 3 || fields[0].length() != 64) {
            return null;
        }
        try {
            return new PhotoRecord(HexFormat.of().parseHex(fields[0]), new Stat(Long.parseLong(fields[1]), Long.parseLong(fields[2])));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
