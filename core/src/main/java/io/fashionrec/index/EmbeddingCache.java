package io.fashionrec.index;

import io.fashionrec.feature.EncoderDescriptor;
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
 * Records are only ever appended. A record cut short or failing its CRC (a crash mid-write) ends
 * the readable part: the file is truncated there when opened. Thread-safe.
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
    private static final int READ_BYTES = 8 << 20;

    private final Path file;
    private final int dimension;
    private final byte[] descriptorHash;
    /** Every intact record of the file, by key; read without the lock so that lookups from many threads do not queue. */
    private final Map<Key, float[]> vectors = new ConcurrentHashMap<>();
    private final ByteBuffer record;
    private FileChannel channel;

    private EmbeddingCache(Path file, int dimension, byte[] descriptorHash) {
        this.file = file;
        this.dimension = dimension;
        this.descriptorHash = descriptorHash;
        this.record = ByteBuffer.allocate(KEY_BYTES + 4 * dimension + 4).order(ByteOrder.LITTLE_ENDIAN);
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

    /** How many vectors the cache holds. */
    public int size() {
        return vectors.size();
    }

    /** A copy of the vector of the photo with this key, or null. */
    public float[] get(Key key) {
        float[] v = vectors.get(key);
        return v == null ? null : v.clone();
    }

    /** Adds a vector and writes its record to the file (not forcing it to disk; see the class comment). */
    public synchronized void put(Key key, float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("the cache holds " + dimension + "-d vectors, got " + vector.length);
        }
        if (vectors.putIfAbsent(key, vector.clone()) != null) {
            return;
        }
        try {
            write(channel, key, vector);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedding cache " + file + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Forgets the vectors not in {@code keep} once they are more than a quarter of the file:
     * then rewrites the file atomically (temp + fsync + rename) with only those in {@code keep}.
     * Called after a successful build so that photos no longer in the catalog do not accumulate.
     * Below that share nothing is done and they stay readable: rewriting the whole file (hundreds
     * of megabytes for a large catalog) after each small update would cost more than the update,
     * and the file stays within a third more than what the catalog needs.
     */
    public synchronized void retainOnly(Set<Key> keep) {
        long dead = vectors.keySet().stream().filter(k -> !keep.contains(k)).count();
        if (dead * 4 <= vectors.size()) {
            return;
        }
        vectors.keySet().retainAll(keep);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            channel.close();
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                out.write(header());
                for (Map.Entry<Key, float[]> e : vectors.entrySet()) {
                    write(out, e.getKey(), e.getValue());
                }
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the embedding cache " + file + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the embedding cache " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private void load() throws IOException {
        long good = HEADER_BYTES;
        if (Files.isRegularFile(file) && Files.size(file) >= HEADER_BYTES && headerMatches()) {
            good = readRecords();
        } else {
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                out.write(header());
                out.force(true);
            }
        }
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
        // A torn last record (a crash while appending) is cut off so appends continue cleanly.
        channel.truncate(good);
        channel.position(good);
    }

    private boolean headerMatches() throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            in.read(header, 0);
            return header.flip().equals(header());
        }
    }

    /** Reads records until the end or the first damaged one; returns the offset after the last good one. */
    private long readRecords() throws IOException {
        int recordBytes = record.capacity();
        // Whole records per read: a large catalog's file is hundreds of megabytes.
        int perRead = Math.max(1, READ_BYTES / recordBytes);
        ByteBuffer chunk = ByteBuffer.allocate(perRead * recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        long good = HEADER_BYTES;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            CRC32 crc = new CRC32();
            while (true) {
                chunk.clear();
                while (chunk.hasRemaining() && in.read(chunk, good + chunk.position()) > 0) {
                    // keep reading until the chunk is full or the file ends
                }
                int whole = chunk.position() / recordBytes;
                for (int r = 0; r < whole; r++) {
                    int at = r * recordBytes;
                    crc.reset();
                    crc.update(chunk.array(), at, recordBytes - 4);
                    if ((int) crc.getValue() != chunk.getInt(at + recordBytes - 4)) {
                        return good;
                    }
                    byte[] key = new byte[KEY_BYTES];
                    chunk.get(at, key);
                    float[] v = new float[dimension];
                    chunk.slice(at + KEY_BYTES, 4 * dimension).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                    vectors.put(new Key(key), v);
                    good += recordBytes;
                }
                if (whole < perRead) {
                    return good;
                }
            }
        }
    }

    private ByteBuffer header() {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putInt(VERSION).putInt(dimension).put(descriptorHash);
        return header.flip();
    }

    /** Appends one record (key, vector, CRC) to {@code out}; the caller holds the lock. */
    private void write(FileChannel out, Key key, float[] vector) throws IOException {
        record.clear();
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
