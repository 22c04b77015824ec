package io.fashionrec.index.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opens the committed generation of an index directory and gives its parts, memory-mapped.
 *
 * <p>{@link #open} reads {@code manifest.json}, checks its format name and version, and opens
 * every part: the codec and version in the manifest and in the file's header, the file size
 * against the manifest, the footer, and the CRC-32 of every part up to 256 MiB (larger parts get
 * the structural checks of their format; {@link #verifyChecksums()} checks all bytes on demand).
 * Anything wrong surfaces as one {@link IndexFormatException}; an index that opens is complete.
 *
 * <p>A writer may commit a new generation and delete the old one's files while a reader opens:
 * the reader then retries with the new manifest. Once open, a reader keeps its generation's files
 * mapped, so it stays valid after later commits (where the platform lets deleted files stay mapped,
 * as POSIX systems do).
 *
 * <p>Thread-safe: the parts are immutable and may be read concurrently.
 */
public final class IndexReader implements AutoCloseable {

    /** How often a concurrent commit may pull the files from under {@link #open} before it gives up. */
    private static final int OPEN_ATTEMPTS = 5;

    private final Path dir;
    private final Manifest manifest;
    private volatile Map<String, OpenPart> parts;

    private IndexReader(Path dir, Manifest manifest, Map<String, OpenPart> parts) {
        this.dir = dir;
        this.manifest = manifest;
        this.parts = parts;
    }

    /**
     * Opens the index at {@code dir}.
     *
     * @throws IndexFormatException if there is no index, it is damaged or of another format version
     */
    public static IndexReader open(Path dir) {
        return open(dir, ReaderOptions.DEFAULT);
    }

    static IndexReader open(Path dir, ReaderOptions options) {
        Manifest manifest = Manifest.read(dir);
        for (int attempt = 1; ; attempt++) {
            try {
                return new IndexReader(dir, manifest, openParts(dir, manifest, options));
            } catch (IndexFormatException e) {
                Manifest now = attempt < OPEN_ATTEMPTS ? rereadIfChanged(dir, manifest) : null;
                if (now == null) {
                    throw e;
                }
                manifest = now;
            }
        }
    }

    /** The manifest committed after {@code seen}, or null if there is none (or it cannot be read). */
    private static Manifest rereadIfChanged(Path dir, Manifest seen) {
        try {
            Manifest now = Manifest.read(dir);
            return now.generation() != seen.generation() ? now : null;
        } catch (IndexFormatException e) {
            return null;
        }
    }

    private static Map<String, OpenPart> openParts(Path dir, Manifest manifest, ReaderOptions options) {
        Map<String, OpenPart> parts = new LinkedHashMap<>();
        manifest.parts().forEach((name, entry) -> parts.put(name, openPart(dir, manifest.generation(), name, entry, options)));
        return Collections.unmodifiableMap(parts);
    }

    private static OpenPart openPart(Path dir, long generation, String name, PartEntry entry, ReaderOptions options) {
        PartKind kind = PartKind.forCodec(entry.codec());
        if (kind == null) {
            throw new IndexFormatException(dir + " holds part \"" + name + "\" in codec \"" + entry.codec()
                    + "\", which this fashionrec does not know: rebuild the index with " + IndexFormatException.REBUILD);
        }
        // A part's file is its own: of this generation, or carried over from an earlier one (see Manifest).
        long written = IndexFiles.generationOf(entry.file());
        String fileName = IndexFiles.partFileName(name, written >= 1 && written <= generation ? written : generation, kind);
        if (!entry.file().equals(fileName)) {
            throw IndexFormatException.damaged(dir.resolve(Manifest.FILE_NAME), "names file \"" + IndexFormatException.printable(entry.file())
                    + "\" for part \"" + name + "\" where " + IndexFiles.partFileName(name, generation, kind) + " (or the file of an"
                    + " earlier generation under that name) belongs");
        }
        Path file = dir.resolve(fileName);
        if (entry.codecVersion() != kind.version) {
            throw IndexFormatException.otherCodecVersion(file, kind.codec, entry.codecVersion(), kind.version);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size != entry.bytes()) {
                throw IndexFormatException.damaged(file, "is " + size + " bytes but the manifest records " + entry.bytes());
            }
            if (size < CodecUtil.PAYLOAD_START + CodecUtil.FOOTER_LENGTH) {
                throw IndexFormatException.damaged(file, "is " + size + " bytes, too short for a header and footer");
            }
            MappedRegion region = MappedRegion.map(channel, 0, size, Long.BYTES, options.maxChunkBytes());
            CodecUtil.checkFooter(file, region, entry.crc32(), size <= options.verifyAtOpenBytes());
            CodecUtil.checkHeader(file, region, kind.codec, kind.version);
            Object value = switch (kind) {
                case DENSE -> DenseMatrixFormat.read(file, channel, region, options);
                case SPARSE -> SparseRowsFormat.read(file, region);
                case STRINGS -> StringColumnFormat.read(file, region);
                case BITS -> BitSetFormat.read(file, region);
                case GRAPH -> GraphFormat.read(file, region);
            };
            return new OpenPart(kind, file, region, value);
        } catch (NoSuchFileException e) {
            throw IndexFormatException.damaged(file, "is missing", e);
        } catch (IOException e) {
            throw IndexFormatException.cannotRead(file, e);
        }
    }

    /** The index directory. */
    public Path directory() {
        return dir;
    }

    /** The manifest of the generation this reader opened. */
    public Manifest manifest() {
        return manifest;
    }

    /** A copy of the JSON committed with the index by the writer's caller. */
    public ObjectNode content() {
        return manifest.content();
    }

    /** Whether the index has a part named {@code part}. */
    public boolean has(String part) {
        return live().containsKey(part);
    }

    /** The dense matrix {@code part}. @throws IndexFormatException if there is no such dense part */
    public DenseMatrix dense(String part) {
        return part(part, PartKind.DENSE, DenseMatrix.class);
    }

    /** The sparse rows {@code part}. @throws IndexFormatException if there are no such sparse rows */
    public SparseRows sparse(String part) {
        return part(part, PartKind.SPARSE, SparseRows.class);
    }

    /** The string column {@code part}. @throws IndexFormatException if there is no such string column */
    public StringColumn strings(String part) {
        return part(part, PartKind.STRINGS, StringColumn.class);
    }

    /** The bit set {@code part}. @throws IndexFormatException if there is no such bit set */
    public Bits bits(String part) {
        return part(part, PartKind.BITS, Bits.class);
    }

    /**
     * The graph {@code part}, with a cursor of its own (see {@link StoredGraph#copy()}).
     *
     * @throws IndexFormatException if there is no such graph
     */
    public StoredGraph graph(String part) {
        return part(part, PartKind.GRAPH, StoredGraph.class).copy();
    }

    /**
     * Where part {@code part} is stored, for a writer of a later generation to carry it over.
     *
     * @throws IndexFormatException if there is no such part
     */
    public StoredPart stored(String part) {
        OpenPart open = live().get(part);
        if (open == null) {
            throw new IndexFormatException("the index at " + dir + " has no part \"" + part + "\": rebuild it with " + IndexFormatException.REBUILD);
        }
        return new StoredPart(part, open.file(), manifest.parts().get(part));
    }

    /**
     * Recomputes the CRC-32 of every part file (through its map, so it is the data this reader
     * serves) and compares it with the footer, which matched the manifest at open. Reads every
     * byte of the index.
     *
     * @throws IndexFormatException naming the first file whose bytes changed
     */
    public void verifyChecksums() {
        for (OpenPart part : live().values()) {
            CodecUtil.verifyChecksum(part.file(), part.region());
        }
    }

    /** Drops the maps (the JVM unmaps them once they are garbage collected). Idempotent. */
    @Override
    public void close() {
        parts = null;
    }

    private Map<String, OpenPart> live() {
        Map<String, OpenPart> current = parts;
        if (current == null) {
            throw new IllegalStateException("the reader of the index at " + dir + " is closed");
        }
        return current;
    }

    private <T> T part(String name, PartKind kind, Class<T> type) {
        OpenPart part = live().get(name);
        if (part == null || part.kind() != kind) {
            String found = part == null ? "no part \"" + name + "\"" : "\"" + name + "\" as " + part.kind().description;
            throw new IndexFormatException("the index at " + dir + " has " + found + " where " + kind.description
                    + " is expected: rebuild it with " + IndexFormatException.REBUILD);
        }
        return type.cast(part.value());
    }

    /** An opened part: its kind, file, the map of the whole file, and the typed reader over it. */
    private record OpenPart(PartKind kind, Path file, MappedRegion region, Object value) {
    }
}
