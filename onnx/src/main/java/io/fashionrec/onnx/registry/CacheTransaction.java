package io.fashionrec.onnx.registry;

import io.fashionrec.onnx.Preset;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Storing one model in the cache, under a lock on its name. The prepared model and its entry are
 * assembled in {@code .staging/<name>.work} and the directory is then renamed to {@code <name>}
 * (an existing entry is moved aside first and deleted after), so readers see the old entry or the
 * complete new one, never a part. Leftovers of a crash are removed when the next transaction on the
 * name begins, and by {@link #close()} after a failure.
 *
 * <p>The lock is an OS file lock on {@code .staging/<name>.lock}: it excludes other processes and
 * other threads. The lock file is left in place, because deleting it would let two writers lock two
 * different files. Not thread-safe itself: one transaction belongs to one thread.
 */
final class CacheTransaction implements AutoCloseable {

    private final Path cacheDirectory;
    private final Path staging;
    private final String name;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private CacheTransaction(Path cacheDirectory, Path staging, String name, FileChannel lockChannel, FileLock lock) {
        this.cacheDirectory = cacheDirectory;
        this.staging = staging;
        this.name = name;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Locks {@code name} (already validated) and clears what a crashed transaction on it left.
     *
     * @throws ModelRegistryException if another thread or process holds the lock
     */
    static CacheTransaction begin(Path cacheDirectory, Path staging, String name) throws IOException {
        Files.createDirectories(staging);
        Path lockFile = staging.resolve(name + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new ModelRegistryException("the model '" + name + "' is being pulled or imported by another fashionrec (it holds "
                    + lockFile + "); wait for it to finish and try again");
        }
        CacheTransaction transaction = new CacheTransaction(cacheDirectory, staging, name, channel, lock);
        try {
            transaction.clearLeftovers();
        } catch (IOException | RuntimeException e) {
            transaction.close();
            throw e;
        }
        return transaction;
    }

    /**
     * A scratch file for this model in the staging directory, {@code .staging/<name>.<suffix>};
     * not deleted by the transaction. {@code suffix} must not be {@code work}, {@code old} or
     * {@code lock}.
     */
    Path scratchFile(String suffix) {
        return staging.resolve(name + "." + suffix);
    }

    /**
     * Prepares {@code source} with {@code preparer} and stores the result with its entry,
     * replacing any entry of this name.
     *
     * @param source       the original model file
     * @param origin       where the original came from (URL or path), for the entry
     * @param originSha256 SHA-256 of {@code source}, for the entry
     * @throws ModelRegistryException if the preparer rejects {@code source}; nothing is stored
     * @throws IOException            on an I/O failure of the preparer or the cache; nothing is stored
     */
    CacheEntry commit(Path source, ModelPreparer preparer, Arch arch, Preset preset, String origin, String originSha256)
            throws IOException {
        Path work = workDirectory();
        AtomicFiles.deleteTree(work);
        Files.createDirectories(work);
        Path model = work.resolve(ModelCache.MODEL_FILE);
        String description;
        try {
            description = preparer.prepare(source, arch.id(), model);
        } catch (IllegalArgumentException e) {
            throw new ModelRegistryException("cannot prepare the model '" + name + "' from " + origin + ": " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(model)) {
            throw new IllegalStateException("the model preparer " + preparer + " returned without writing " + model);
        }
        AtomicFiles.force(model);
        CacheEntry entry = new CacheEntry(name, arch, preset, Sha256.of(model), Files.size(model), origin, originSha256,
                description == null ? "" : description, Instant.now());
        AtomicFiles.write(work.resolve(ModelCache.ENTRY_FILE), EntryCodec.encode(entry));
        install(work);
        return entry;
    }

    /** Renames the assembled {@code work} directory to the entry's directory, replacing an old one. */
    private void install(Path work) throws IOException {
        Path entryDirectory = cacheDirectory.resolve(name);
        Path old = oldDirectory();
        boolean replacing = Files.exists(entryDirectory);
        if (replacing) {
            AtomicFiles.move(entryDirectory, old);
        }
        try {
            AtomicFiles.move(work, entryDirectory);
        } catch (IOException e) {
            if (replacing) {
                AtomicFiles.move(old, entryDirectory);
            }
            throw e;
        }
        AtomicFiles.deleteTree(old);
    }

    private void clearLeftovers() throws IOException {
        AtomicFiles.deleteTree(workDirectory());
        AtomicFiles.deleteTree(oldDirectory());
    }

    private Path workDirectory() {
        return staging.resolve(name + ".work");
    }

    private Path oldDirectory() {
        return staging.resolve(name + ".old");
    }

    /** Removes what a failed {@link #commit} left, and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            AtomicFiles.deleteTree(workDirectory());
        } finally {
            try {
                lock.release();
            } finally {
                lockChannel.close();
            }
        }
    }
}
