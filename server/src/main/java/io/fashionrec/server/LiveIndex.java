package io.fashionrec.server;

import io.fashionrec.index.ProductIndex;
import io.fashionrec.index.ProductIndexFormat;
import io.fashionrec.index.store.Manifest;
import io.fashionrec.vectors.SearchKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The index being served, swapped whole when the index directory gets a new generation.
 *
 * <p>An index is committed by atomically replacing its manifest, so a new manifest file (another
 * inode or modification time) means a complete new generation. The watcher then loads it fully
 * into memory before swapping the reference: requests in flight finish on the old snapshot, new
 * ones get the new one, and none ever sees a half-loaded index. A load that fails (the writer
 * replaced the generation again meanwhile, or the files are damaged) keeps the current index and
 * is retried at the next poll.
 */
final class LiveIndex implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LiveIndex.class.getName());

    private final AtomicReference<ServedIndex> current;
    private final Path directory;
    private final SearchKind search;
    private final Thread watcher;
    private volatile Object loadedVersion;
    private volatile long reloads;

    /** An index that never changes. */
    LiveIndex(ProductIndex index, SearchKind search) {
        this.current = new AtomicReference<>(new ServedIndex(index, search));
        this.directory = null;
        this.search = search;
        this.watcher = null;
    }

    /** {@code index}, as loaded from {@code directory}, replaced by each new generation found there every {@code poll}. */
    LiveIndex(ProductIndex index, SearchKind search, Path directory, Duration poll) {
        this.current = new AtomicReference<>(new ServedIndex(index, search));
        this.directory = Objects.requireNonNull(directory, "directory");
        this.search = search;
        this.loadedVersion = version();
        this.watcher = new Thread(() -> watch(poll.toMillis()), "fashionrec-index-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The snapshot a request should use from start to end. */
    ServedIndex current() {
        return current.get();
    }

    /** How many times a new generation has been swapped in. */
    long reloads() {
        return reloads;
    }

    private void watch(long pollMillis) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                return;
            }
            Object version = version();
            if (version != null && !version.equals(loadedVersion)) {
                try {
                    ServedIndex fresh = new ServedIndex(ProductIndexFormat.read(directory), search);
                    current.set(fresh);
                    loadedVersion = version;
                    reloads++;
                    LOG.log(System.Logger.Level.INFO, "now serving the new index in " + directory + " (" + fresh.index.size() + " products)");
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "the index in " + directory + " changed but cannot be loaded yet ("
                            + e.getMessage() + "); still serving the previous one");
                }
            }
        }
    }

    /** What identifies the committed generation: the manifest file's identity and time, or null when it is missing. */
    private Object version() {
        try {
            BasicFileAttributes a = Files.readAttributes(directory.resolve(Manifest.FILE_NAME), BasicFileAttributes.class);
            return java.util.List.of(String.valueOf(a.fileKey()), a.lastModifiedTime(), a.size());
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.interrupt();
        }
    }
}
