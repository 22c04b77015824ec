package io.fashionrec.index;

import io.fashionrec.feature.EncoderDescriptor;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

/**
 * Raw image vectors already computed, by photo content, for one encoder: re-indexing a changed
 * catalog embeds only the photos that changed, and a build that was interrupted resumes without
 * redoing the photos it finished.
 *
 * <p>One file per encoder, {@code <dir>/<key>.cache}, where {@code key} is the first 16 hex
 * digits of the SHA-256 of the encoder's descriptor (name, version, dimension, preprocessing,
 * model hash): another model or preprocessing never reads these vectors. Format version 1,
 * little-endian:
 * <pre>
 *   header  : magic "FRCE" (4 bytes), format version int32 = 1, dimension int32,
 *             SHA-256 of the descriptor (32 bytes)
 *   record* : SHA-256 of the photo file's bytes (32 bytes), dimension float32 values,
 *             CRC-32 of the record's previous bytes (int32)
 * </pre>
 * Records are only ever appended. A record cut short at the end of the file (a crash mid-write)
 * is cut off when the file is opened. Opening reads only the keys; a vector is read, and its CRC
 * checked, when asked for, so that opening the cache of a large catalog (hundreds of megabytes)
 * costs a fraction of a second and only the vectors needed are read. A record failing its CRC (a
 * power loss may leave such) is treated as absent: the photo is embedded again and its new record
 * appended. Thread-safe; lookups do not wait for each other.
 *
 * <p>Each record is handed to the operating system by the {@link #put} that adds it, so a process
 * killed at any moment (SIGKILL, an out-of-memory kill) keeps every vector it had put: the next
 * build re-embeds at most the photos that were being encoded. (Buffering records in the process
 * would lose up to a buffer's worth of finished photos to a kill; one write call per photo costs
 * microseconds next to the milliseconds of encoding it.) Appends are not forced to disk: the
 * cache is advisory and every record checks itself, so the worst a power loss can do is cost the
 * re-embedding of the photos whose records it took; forcing the tens of megabytes a catalog's
 * vectors take cost a tenth of the time of indexing a 2,000-product catalog with the classic
 * encoder. Only the rewrite of {@link #retainOnly}, which replaces the file, forces it before the
 * rename.
 */
public final class EmbeddingCache implements AutoCloseable {

    /** Bump when the bytes on disk change. */
    public static final int VERSION = 1;
    private static final byte[] MAGIC = {'F', 'R', 'C', 'E'};
    private static final int HEADER_BYTES = 4 + 4 + 4 + 32;
    private static final int KEY_BYTES = 32;

    private final Path file;
    private final int dimension;
    private final int recordBytes;
    private final byte[] descriptorHash;
    /** The file offset of every record, by key. */
    private final Map<Key, Long> offsets = new ConcurrentHashMap<>();
    /** Appends, under the lock. */
    private FileChannel channel;
    /** Positional reads, from any thread; replaced only by {@link #retainOnly}, which runs after the lookups. */
    private volatile FileChannel reads;
    private long end;

    private EmbeddingCache(Path file, int dimension, byte[] descriptorHash) {
        this.file = file;
        this.dimension = dimension;
        this.recordBytes = KEY_BYTES + 4 * dimension + 4;
        this.descriptorHash = descriptorHash;
    }

    /** A photo's identity: the SHA-256 of its file's bytes. */
    public record Key(byte[] sha256) {

        public Key {
            if (sha256.length != KEY_BYTES) {
                throw new IllegalArgumentException("a key is a 32-byte SHA-256, got " + sha256.length + " bytes");
            }
        }

        public static Key of(byte[] content) {
            return new Key(EmbeddingCache.sha256(content));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Arrays.equals(sha256, k.sha256);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(sha256);
        }
    }

    /**
     * Opens (creating if needed) the cache of {@code encoder} in {@code dir}. A file that is not a
     * cache of this format and encoder is replaced: it holds nothing this encoder may use.
     */
    public static EmbeddingCache open(Path dir, EncoderDescriptor encoder) {
        byte[] hash = sha256(canonical(encoder).getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve(HexFormat.of().formatHex(hash, 0, 8) + ".cache");
        EmbeddingCache cache = new EmbeddingCache(file, encoder.dimension(), hash);
        try {
            Files.createDirectories(dir);
            cache.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the embedding cache " + file + " (" + e.getMessage() + ")", e);
        }
        return cache;
    }

    public Path file() {
        return file;
    }

    /** How many records the cache holds (a damaged one is only found out when read). */
    public int size() {
        return offsets.size();
    }

    /** The vector of the photo with this key, or null when the cache has none or its record is damaged. */
    public float[] get(Key key) {
        Long at = offsets.get(key);
        if (at == null) {
            return null;
        }
        try {
            ByteBuffer record = readRecord(reads, at);
            if (record == null || !java.util.Arrays.equals(key.sha256(), java.util.Arrays.copyOf(record.array(), KEY_BYTES))) {
                offsets.remove(key, at);
                return null;
            }
            float[] v = new float[dimension];
            record.slice(KEY_BYTES, 4 * dimension).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding cache " + file + " (" + e.getMessage() + ")", e);
        }
    }

    /** Adds a vector and writes its record to the file (not forcing it to disk; see the class comment). */
    public synchronized void put(Key key, float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("the cache holds " + dimension + "-d vectors, got " + vector.length);
        }
        if (offsets.containsKey(key)) {
            return;
        }
        try {
            write(channel, key, vector);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedding cache " + file + " (" + e.getMessage() + ")", e);
        }
        offsets.put(key, end);
        end += recordBytes;
    }

    /**
     * Forgets the vectors not in {@code keep} once they are more than a quarter of the file:
     * then rewrites the file atomically (temp + fsync + rename) with only those in {@code keep}
     * whose records are intact. Called after a successful build so that photos no longer in the
     * catalog do not accumulate. Below that share nothing is done and they stay readable:
     * rewriting the whole file (hundreds of megabytes for a large catalog) after each small update
     * would cost more than the update, and the file stays within a third more than what the
     * catalog needs.
     */
    public synchronized void retainOnly(Set<Key> keep) {
        long dead = offsets.keySet().stream().filter(k -> !keep.contains(k)).count();
        if (dead * 4 <= offsets.size()) {
            return;
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Map<Key, Long> kept = new java.util.HashMap<>();
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                out.write(header());
                long at = HEADER_BYTES;
                for (Map.Entry<Key, Long> e : offsets.entrySet()) {
                    ByteBuffer record = keep.contains(e.getKey()) ? readRecord(reads, e.getValue()) : null;
                    if (record != null) {
                        while (record.hasRemaining()) {
                            out.write(record);
                        }
                        kept.put(e.getKey(), at);
                        at += recordBytes;
                    }
                }
                out.force(true);
            }
            channel.close();
            reads.close();
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            offsets.clear();
            offsets.putAll(kept);
            openChannels(HEADER_BYTES + (long) kept.size() * recordBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the embedding cache " + file + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
            reads.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the embedding cache " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private void load() throws IOException {
        long whole = HEADER_BYTES;
        if (Files.isRegularFile(file) && Files.size(file) >= HEADER_BYTES && headerMatches()) {
            whole = indexRecords();
        } else {
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                out.write(header());
                out.force(true);
            }
        }
        openChannels(whole);
    }

    /** Opens the channels on the file, cutting off anything after {@code whole} (a torn last record) so appends continue cleanly. */
    private void openChannels(long whole) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
        channel.truncate(whole);
        channel.position(whole);
        reads = FileChannel.open(file, StandardOpenOption.READ);
        end = whole;
    }

    private boolean headerMatches() throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            in.read(header, 0);
            return header.flip().equals(header());
        }
    }

    /**
     * Reads the key of every whole record; returns the offset after the last whole one. One
     * positional read of 32 bytes per record: through a memory map each key cost a page fault
     * (records are about 13 KB apart with the classic encoder), and the 44,446 keys of a large
     * catalog took 350 ms to read that way against 155 ms (measured on 2 cores, quick compiler).
     * The reads are spread over the common pool's threads (positional reads of one channel may
     * run concurrently); the keys then go into the table in file order, so that a key written
     * twice (two builds racing before one of them wrote) keeps its last record.
     */
    private long indexRecords() throws IOException {
        long whole = HEADER_BYTES + (Files.size(file) - HEADER_BYTES) / recordBytes * recordBytes;
        int records = Math.toIntExact((whole - HEADER_BYTES) / recordBytes);
        byte[][] keys = new byte[records][];
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            int chunks = Math.max(1, Math.min(64, records / 1024));
            IntStream.range(0, chunks).parallel().forEach(c -> {
                ByteBuffer buffer = ByteBuffer.allocateDirect(KEY_BYTES);
                for (int r = (int) ((long) records * c / chunks), end = (int) ((long) records * (c + 1) / chunks); r < end; r++) {
                    keys[r] = readKey(in, buffer, HEADER_BYTES + (long) r * recordBytes);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (int r = 0; r < records; r++) {
            offsets.put(new Key(keys[r]), HEADER_BYTES + (long) r * recordBytes);
        }
        return whole;
    }

    /** The key of the record at {@code at}, read through {@code buffer}. */
    private byte[] readKey(FileChannel in, ByteBuffer buffer, long at) {
        buffer.clear();
        try {
            if (!readFully(in, buffer, at)) {
                throw new EOFException(file + " ended inside the record at offset " + at + " while its keys were read");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] key = new byte[KEY_BYTES];
        buffer.flip().get(key);
        return key;
    }

    /** Fills {@code buffer} from file offset {@code at} on; false when the file ends first. */
    private static boolean readFully(FileChannel in, ByteBuffer buffer, long at) throws IOException {
        while (buffer.hasRemaining()) {
            if (in.read(buffer, at + buffer.position()) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The record at {@code at}, positioned at its start, or null when it is cut short or fails its CRC. */
    private ByteBuffer readRecord(FileChannel in, long at) throws IOException {
        ByteBuffer record = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        if (!readFully(in, record, at)) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(record.array(), 0, recordBytes - 4);
        return (int) crc.getValue() == record.getInt(recordBytes - 4) ? record.flip() : null;
    }

    private ByteBuffer header() {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putInt(VERSION).putInt(dimension).put(descriptorHash);
        return header.flip();
    }

    /** Appends one record (key, vector, CRC) to {@code out}; the caller holds the lock. */
    private void write(FileChannel out, Key key, float[] vector) throws IOException {
        ByteBuffer record = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        record.put(key.sha256());
        for (float f : vector) {
            record.putFloat(f);
        }
        CRC32 crc = new CRC32();
        crc.update(record.array(), 0, record.position());
        record.putInt((int) crc.getValue());
        record.flip();
        while (record.hasRemaining()) {
            out.write(record);
        }
    }

    private static String canonical(EncoderDescriptor d) {
        return d.name() + "\n" + d.version() + "\n" + d.dimension() + "\n" + d.preprocessing() + "\n" + d.modelSha256();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
