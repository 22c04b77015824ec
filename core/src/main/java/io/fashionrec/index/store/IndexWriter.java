package io.fashionrec.index.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.feature.SparseVector;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.util.hnsw.HnswGraph;

/**
 * Writes one new generation of an index directory and commits it atomically.
 *
 * <p>The protocol, after Apache Lucene's: {@link #open} takes an exclusive lock on
 * {@code write.lock} (one writer per directory, across processes) and picks a generation above
 * every generation named in the directory. Each part goes to a new file
 * {@code <part>.<generation>.<ext>}: written as {@code .tmp}, forced to disk and renamed, so
 * no committed file is ever overwritten. {@link #commit} then writes {@code manifest.json} the
 * same way and replaces the old one with an atomic rename: readers see the old generation,
 * complete, until that rename and the new one, complete, after it. Files no manifest refers to
 * (the previous generation's, and the leftovers of writers that crashed) are deleted after the
 * commit. A large part that did not change can be carried over instead of written: the new
 * manifest names the earlier generation's file ({@link #carryOver}), which then stays. A writer
 * closed without a commit deletes what it wrote.
 *
 * <pre>{@code
 * try (IndexWriter writer = IndexWriter.open(dir)) {
 *     try (DenseMatrixWriter image = writer.addDense("image", n, 1024, DenseEncoding.FLOAT32)) {
 *         for (float[] v : vectors) image.addRow(v);
 *     }
 *     writer.addStrings("ids", ids);
 *     writer.commit(content);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one thread writes the parts and commits. Failures of the file system, and a
 * lock held by another process, surface as {@link IndexFormatException}; misuse (bad part names,
 * inconsistent data) as {@link IllegalArgumentException} or {@link IllegalStateException}.
 */
public final class IndexWriter implements AutoCloseable {

    private enum State { OPEN, COMMITTED, ABORTED, CLOSED }

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final long generation;
    private final Map<String, PartEntry> written = new LinkedHashMap<>();
    private final Map<String, DenseMatrixWriter> unfinished = new LinkedHashMap<>();
    private State state = State.OPEN;

    private IndexWriter(Path dir, FileChannel lockChannel, FileLock lock, long generation) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.generation = generation;
    }

    /**
     * Locks the index directory {@code dir} (created if missing) for writing a new generation.
     * The directory may hold no index, or a damaged one, or one of another format version: the
     * new generation replaces it on commit.
     *
     * @throws IndexFormatException if another process (or writer) holds the lock, or the
     *                              directory cannot be created or locked
     */
    public static IndexWriter open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw IndexFormatException.cannotWrite(dir, e);
        }
        Path lockFile = dir.resolve(IndexFiles.LOCK_FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw IndexFormatException.cannotWrite(lockFile, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another writer in this JVM
        } catch (IOException e) {
            closeQuietly(channel);
            throw IndexFormatException.cannotWrite(lockFile, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw IndexFormatException.locked(dir);
        }
        try {
            return new IndexWriter(dir, channel, lock, nextGeneration(dir));
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * One above the committed generation and above any generation a crashed writer left files
     * of, so that a part file name is never reused.
     */
    private static long nextGeneration(Path dir) {
        long highest = 0;
        try {
            highest = Manifest.read(dir).generation();
        } catch (IndexFormatException e) {
            // No index, or one that cannot be read: this writer replaces it, whatever it was.
        }
        for (String name : fileNames(dir)) {
            highest = Math.max(highest, IndexFiles.generationOf(name));
        }
        return highest + 1;
    }

    /** The index directory. */
    public Path directory() {
        return dir;
    }

    /** The generation this writer writes; {@link #commit} makes it the committed one. */
    public long generation() {
        return generation;
    }

    /**
     * Starts dense part {@code part} of {@code rows x cols} values; add the rows to the returned
     * writer and close it before {@link #commit}.
     *
     * @param part a new part name: 1 to 64 of {@code a-z 0-9 _ -}, starting with a letter or digit
     * @throws IllegalArgumentException if the name is invalid or taken, rows &lt; 0, cols &lt; 1,
     *                                  or a row would exceed {@link DenseMatrixFormat#MAX_ROW_BYTES}
     */
    public DenseMatrixWriter addDense(String part, int rows, int cols, DenseEncoding encoding) {
        checkNewPart(part);
        DenseMatrixFormat.checkShape(part, rows, cols, encoding);
        PartOutput out = PartOutput.create(partFile(part, PartKind.DENSE));
        DenseMatrixWriter writer;
        try {
            writer = new DenseMatrixWriter(this, part, out, rows, cols, encoding);
        } catch (RuntimeException e) {
            out.abandon();
            throw e;
        }
        unfinished.put(part, writer);
        return writer;
    }

    /**
     * Adds sparse part {@code part}: one row per element of {@code rows}, each index below
     * {@code cols}. {@code rows} is iterated three times and must yield the same rows each time.
     *
     * @throws IllegalArgumentException if the name is invalid or taken, or a row has an index
     *                                  outside {@code [0, cols)}
     */
    public void addSparse(String part, int cols, Iterable<SparseVector> rows) {
        checkNewPart(part);
        try (PartOutput out = PartOutput.create(partFile(part, PartKind.SPARSE))) {
            SparseRowsFormat.write(out, part, cols, rows);
            partFinished(part, PartKind.SPARSE, out.finish());
        }
    }

    /**
     * Adds string part {@code part} with the strings of {@code values} in order. {@code values}
     * is iterated twice and must yield the same strings both times.
     *
     * @throws IllegalArgumentException if the name is invalid or taken, or a value is null or
     *                                  not valid Unicode
     */
    public void addStrings(String part, Iterable<String> values) {
        checkNewPart(part);
        try (PartOutput out = PartOutput.create(partFile(part, PartKind.STRINGS))) {
            StringColumnFormat.write(out, part, values);
            partFinished(part, PartKind.STRINGS, out.finish());
        }
    }

    /**
     * Adds bit-set part {@code part}: bits {@code [0, size)} of {@code bits}.
     *
     * @throws IllegalArgumentException if the name is invalid or taken, or a bit at or above
     *                                  {@code size} is set
     */
    public void addBits(String part, BitSet bits, int size) {
        checkNewPart(part);
        try (PartOutput out = PartOutput.create(partFile(part, PartKind.BITS))) {
            BitSetFormat.write(out, part, bits, size);
            partFinished(part, PartKind.BITS, out.finish());
        }
    }

    /**
     * Adds graph part {@code part}: {@code graph}'s levels and neighbour lists (see
     * {@link GraphFormat}), built with {@code maxConnections}. The graph is traversed three times
     * and must not change meanwhile.
     *
     * @throws IllegalArgumentException if the name is invalid or taken, or the graph does not fit
     *                                  the format (level 0 must hold every node 0 .. size-1)
     */
    public void addGraph(String part, HnswGraph graph, int maxConnections) {
        checkNewPart(part);
        try (PartOutput out = PartOutput.create(partFile(part, PartKind.GRAPH))) {
            GraphFormat.write(out, part, graph, maxConnections);
            partFinished(part, PartKind.GRAPH, out.finish());
        }
    }

    /**
     * Adds part {@code stored} by naming its file again, without copying it: an earlier
     * generation of this directory wrote it under the same part name, and the file is still there
     * with the size the manifest recorded. The file then belongs to this generation as well; it is
     * not deleted while a committed manifest names it (nor by {@link #abort}).
     *
     * @throws IllegalArgumentException if the part name is invalid or taken, or the part cannot be
     *                                  carried over (see {@link #canCarryOver})
     */
    public void carryOver(StoredPart stored) {
        checkNewPart(stored.part());
        if (!canCarryOver(stored)) {
            throw new IllegalArgumentException("part \"" + stored.part() + "\" in " + stored.file() + " is not a file an earlier generation of "
                    + dir + " wrote; write it anew");
        }
        written.put(stored.part(), stored.entry());
    }

    /**
     * Whether {@link #carryOver} can add {@code stored}: an earlier generation of this directory
     * wrote it under its part name, and the file is there with the size the manifest recorded.
     */
    public boolean canCarryOver(StoredPart stored) {
        PartEntry entry = stored.entry();
        long writtenIn = IndexFiles.generationOf(entry.file());
        PartKind kind = PartKind.forCodec(entry.codec());
        if (kind == null || writtenIn < 1 || writtenIn >= generation || !entry.file().equals(IndexFiles.partFileName(stored.part(), writtenIn, kind))) {
            return false;
        }
        Path file = dir.resolve(entry.file());
        try {
            if (!Files.isSameFile(file, stored.file()) || Files.size(file) != entry.bytes()) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        return true;
    }

    /**
     * Commits the parts added so far, with {@code content} (the caller's JSON, stored as the
     * manifest's {@code "content"}), as the directory's index; then deletes the files that the new
     * manifest does not name. The writer cannot be used for another generation afterwards.
     *
     * @return the committed manifest
     * @throws IllegalStateException if a dense part is not closed yet, or the writer committed or aborted
     * @throws IndexFormatException  if the manifest cannot be written; the previous commit then stands
     */
    public Manifest commit(ObjectNode content) {
        requireOpen();
        if (!unfinished.isEmpty()) {
            throw new IllegalStateException("dense parts " + unfinished.keySet() + " are not closed; close their writers before committing");
        }
        Manifest manifest = new Manifest(generation, written, content);
        // The parts' renames must be on disk before a manifest that names them.
        IndexFiles.fsyncDirectory(dir);
        Path temporary = dir.resolve(IndexFiles.MANIFEST_TMP);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(manifest.toJson());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException e) {
            throw IndexFormatException.cannotWrite(temporary, e);
        }
        try {
            Files.move(temporary, dir.resolve(Manifest.FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw IndexFormatException.cannotWrite(dir.resolve(Manifest.FILE_NAME), e);
        }
        state = State.COMMITTED;
        IndexFiles.fsyncDirectory(dir);
        deleteUnreferenced(manifest);
        return manifest;
    }

    /** Deletes the files this writer wrote; the committed index is untouched. Idempotent. */
    public void abort() {
        if (state != State.OPEN && state != State.ABORTED) {
            throw new IllegalStateException("the writer of " + dir + " is " + state.name().toLowerCase(Locale.ROOT));
        }
        state = State.ABORTED;
        for (DenseMatrixWriter writer : new ArrayList<>(unfinished.values())) {
            writer.abandon();
        }
        for (PartEntry entry : written.values()) {
            // A part carried over keeps the file of the generation that wrote it.
            if (IndexFiles.generationOf(entry.file()) == generation) {
                deleteQuietly(dir.resolve(entry.file()));
            }
        }
        written.clear();
    }

    /** Aborts unless committed, then releases the lock. Idempotent. */
    @Override
    public void close() {
        if (state == State.CLOSED) {
            return;
        }
        if (state == State.OPEN) {
            abort();
        }
        state = State.CLOSED;
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases the lock as well.
        }
        closeQuietly(lockChannel);
    }

    void partFinished(String part, PartKind kind, PartOutput.WrittenFile file) {
        unfinished.remove(part);
        written.put(part, new PartEntry(file.file().getFileName().toString(), kind.codec, kind.version, file.bytes(), file.crc32()));
    }

    void partAbandoned(String part) {
        unfinished.remove(part);
    }

    private void checkNewPart(String part) {
        requireOpen();
        if (!IndexFiles.isPartName(part)) {
            throw new IllegalArgumentException("part name \"" + part + "\" must be 1 to 64 characters of a-z, 0-9, '_' and '-',"
                    + " starting with a letter or digit");
        }
        if (written.containsKey(part) || unfinished.containsKey(part)) {
            throw new IllegalArgumentException("part \"" + part + "\" is already in generation " + generation);
        }
    }

    private Path partFile(String part, PartKind kind) {
        return dir.resolve(IndexFiles.partFileName(part, generation, kind));
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the writer of " + dir + " is " + state.name().toLowerCase(Locale.ROOT)
                    + "; open a new one for another generation");
        }
    }

    /** Best effort: a file that cannot be deleted now is deleted after a later commit. */
    private void deleteUnreferenced(Manifest manifest) {
        Set<String> keep = new HashSet<>();
        manifest.parts().values().forEach(entry -> keep.add(entry.file()));
        for (String name : fileNames(dir)) {
            if (IndexFiles.isWriterFile(name) && !keep.contains(name)) {
                deleteQuietly(dir.resolve(name));
            }
        }
    }

    private static List<String> fileNames(Path dir) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            files.forEach(file -> names.add(file.getFileName().toString()));
        } catch (IOException e) {
            throw IndexFormatException.cannotRead(dir, e);
        }
        return names;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Left for the cleanup after the next commit.
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was written through it.
        }
    }
}
