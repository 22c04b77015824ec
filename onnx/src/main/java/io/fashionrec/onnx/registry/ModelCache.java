package io.fashionrec.onnx.registry;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The directory of prepared models: one subdirectory per model name holding {@code model.onnx}
 * (the prepared model) and {@code model.json} (its {@link CacheEntry}), plus a hidden
 * {@code .staging} directory for downloads and preparations in progress.
 *
 * <p>An entry appears all at once: it is assembled in {@code .staging} and its directory renamed
 * into place (see {@link CacheTransaction}), so a crash never leaves an entry whose model file is
 * incomplete. An entry whose file was changed, truncated or removed afterwards is <em>damaged</em>:
 * {@link #list()} reports it and {@link #find} refuses it. Checking means hashing the model file,
 * so both read every byte of the models they look at (about a second per 500 MB).
 *
 * <p>Thread-safe; concurrent writers of one name (threads or processes) are refused by a lock.
 */
public final class ModelCache {

    public static final String MODEL_FILE = "model.onnx";
    public static final String ENTRY_FILE = "model.json";
    static final String STAGING = ".staging";

    private final Path directory;
    private final KnownModels known;

    /**
     * A cache in {@code directory} (created when something is first stored), listing the models of
     * {@code known} that are not in it as available.
     */
    public ModelCache(Path directory, KnownModels known) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.known = Objects.requireNonNull(known, "known");
    }

    /**
     * The default cache directory: {@code $XDG_CACHE_HOME/fashionrec/models} when that variable
     * holds an absolute path, else {@code ~/.cache/fashionrec/models}.
     */
    public static Path defaultDirectory() {
        return defaultDirectory(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
    }

    /** {@link #defaultDirectory()} for the given {@code $XDG_CACHE_HOME} (may be null) and home directory. */
    static Path defaultDirectory(String xdgCacheHome, String userHome) {
        // The XDG base directory specification says relative paths there are invalid and to be ignored.
        Path base = xdgCacheHome != null && !xdgCacheHome.isBlank() && Path.of(xdgCacheHome).isAbsolute()
                ? Path.of(xdgCacheHome)
                : Path.of(userHome, ".cache");
        return base.resolve("fashionrec").resolve("models");
    }

    public Path directory() {
        return directory;
    }

    /** The models this cache lists as available to pull. */
    public KnownModels known() {
        return known;
    }

    /**
     * The models in the cache, ready or damaged, and the known models not in it, available; sorted
     * by name. Directories that are not valid model names are not the cache's and are skipped.
     */
    public List<ModelListing> list() throws IOException {
        List<ModelListing> listings = new ArrayList<>();
        Set<String> cached = cachedNames();
        for (String name : cached) {
            Inspection inspection = inspect(name);
            listings.add(new ModelListing(name, inspection.problem.isEmpty() ? ModelListing.Status.READY : ModelListing.Status.DAMAGED,
                    inspection.entry, known.find(name).orElse(null), inspection.problem));
        }
        for (KnownModel model : known.all()) {
            if (!cached.contains(model.name())) {
                listings.add(new ModelListing(model.name(), ModelListing.Status.AVAILABLE, null, model, ""));
            }
        }
        listings.sort(Comparator.comparing(ModelListing::name));
        return listings;
    }

    /** The names {@link #list()} lists, sorted, without checking any model (for messages). */
    SortedSet<String> names() throws IOException {
        SortedSet<String> names = new TreeSet<>(cachedNames());
        known.all().forEach(model -> names.add(model.name()));
        return names;
    }

    /** The names of the model directories in the cache, intact or not. */
    private Set<String> cachedNames() throws IOException {
        Set<String> names = new HashSet<>();
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(directory, Files::isDirectory)) {
                for (Path child : children) {
                    String name = child.getFileName().toString();
                    if (ModelName.isValid(name)) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    /**
     * The entry of model {@code name}, checked against its model file; empty if the cache has no
     * such model.
     *
     * @throws ModelRegistryException if {@code name} is invalid, or if the entry is damaged (the
     *                                message says how and to pull or import it again)
     */
    public Optional<CacheEntry> find(String name) throws IOException {
        ModelName.check(name);
        if (!Files.isDirectory(directory.resolve(name))) {
            return Optional.empty();
        }
        Inspection inspection = inspect(name);
        if (!inspection.problem.isEmpty()) {
            throw new ModelRegistryException(inspection.problem);
        }
        return Optional.of(inspection.entry);
    }

    /** The entry of {@code name} if it is in the cache and intact; empty if it is missing or damaged. */
    Optional<CacheEntry> findIntact(String name) throws IOException {
        if (!Files.isDirectory(directory.resolve(ModelName.check(name)))) {
            return Optional.empty();
        }
        Inspection inspection = inspect(name);
        return inspection.problem.isEmpty() ? Optional.of(inspection.entry) : Optional.empty();
    }

    /** Where the prepared model file of {@code name} lives (whether or not it exists). */
    public Path modelFile(String name) {
        return directory.resolve(ModelName.check(name)).resolve(MODEL_FILE);
    }

    /**
     * Starts storing model {@code name}: takes the lock on it, which the caller must close.
     *
     * @throws ModelRegistryException if another thread or process is storing that name
     */
    CacheTransaction begin(String name) throws IOException {
        return CacheTransaction.begin(directory, directory.resolve(STAGING), ModelName.check(name));
    }

    /** An entry and what is wrong with it: entry null when it cannot be read, problem empty when intact. */
    private record Inspection(CacheEntry entry, String problem) {
    }

    private Inspection inspect(String name) throws IOException {
        Path dir = directory.resolve(name);
        CacheEntry entry;
        try {
            entry = EntryCodec.decode(Files.readAllBytes(dir.resolve(ENTRY_FILE)));
        } catch (NoSuchFileException e) {
            return damaged(name, null, "it has no " + ENTRY_FILE);
        } catch (IOException | IllegalArgumentException e) {
            return damaged(name, null, "its " + ENTRY_FILE + " cannot be read (" + e.getMessage() + ")");
        }
        Path model = dir.resolve(MODEL_FILE);
        if (!entry.name().equals(name)) {
            return damaged(name, entry, "its " + ENTRY_FILE + " is the entry of '" + entry.name() + "'");
        }
        if (!Files.isRegularFile(model)) {
            return damaged(name, entry, "its " + MODEL_FILE + " is missing");
        }
        long size = Files.size(model);
        if (size != entry.size()) {
            return damaged(name, entry, "its " + MODEL_FILE + " is " + size + " bytes, but was " + entry.size());
        }
        String sha256 = Sha256.of(model);
        if (!sha256.equals(entry.sha256())) {
            return damaged(name, entry, "its " + MODEL_FILE + " has sha256 " + sha256 + ", but had " + entry.sha256());
        }
        return new Inspection(entry, "");
    }

    private Inspection damaged(String name, CacheEntry entry, String what) {
        String remedy;
        if (known.find(name).isPresent()) {
            remedy = "pull it again with `fashionrec models pull " + name + "`";
        } else if (entry != null) {
            remedy = "import it again with `fashionrec models import " + entry.source() + " --arch " + entry.arch().id()
                    + " --name " + name + " --preset " + entry.preset().id() + "`";
        } else {
            remedy = "import it again with `fashionrec models import FILE --arch ARCH --name " + name + "`";
        }
        return new Inspection(entry, "the cached model '" + name + "' in " + directory.resolve(name) + " is damaged: " + what
                + "; " + remedy);
    }
}
