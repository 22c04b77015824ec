package io.fashionrec.onnx.registry;

import io.fashionrec.onnx.Preset;
import io.fashionrec.progress.Progress;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The models fashionrec can encode images with, by name: pulls known models, imports local files,
 * and resolves an {@code --image-model} value to a prepared model file. This is what the command
 * line uses; the cache, downloader and preparer do the work.
 *
 * <p>A pull downloads into the cache's staging area (resuming an interrupted download), verifies
 * size and SHA-256, prepares the model and writes the entry. The raw download is deleted once the
 * entry is written; if preparation fails it is kept, verified, so the next pull prepares again
 * without downloading.
 *
 * <p>Thread-safe as far as its parts are: work on one name by two threads or processes at once is
 * refused with a {@link ModelRegistryException}.
 */
public final class ModelRegistry {

    private static final String DOWNLOAD_SUFFIX = "download";
    private static final String IMPORT_SUFFIX = "import";
    /** The cache subdirectory for models given by path that needed preparing; not a valid model name, so never listed. */
    static final String PREPARED = ".prepared";

    private final ModelCache cache;
    private final URI baseUrl;
    private final ModelDownloader downloader;
    private final ModelPreparer preparer;

    /**
     * @param cache      where prepared models live; its known models are the ones {@link #pull} can fetch
     * @param baseUrl    the http(s) URL the known models' paths are relative to, e.g.
     *                   {@link KnownModels#ONNX_MODEL_ZOO_URL}; a missing final '/' is added
     * @param downloader fetches the files
     * @param preparer   turns a published model into the model the encoder runs
     * @throws ModelRegistryException if {@code baseUrl} is not an absolute http(s) URL
     */
    public ModelRegistry(ModelCache cache, URI baseUrl, ModelDownloader downloader, ModelPreparer preparer) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.baseUrl = checkBaseUrl(baseUrl);
        this.downloader = Objects.requireNonNull(downloader, "downloader");
        this.preparer = Objects.requireNonNull(preparer, "preparer");
    }

    /**
     * Makes the known model {@code name} ready in the cache: downloads it (trying its paths in order
     * while the server answers 404), verifies it, prepares it and writes its entry. A model already
     * in the cache, intact and from the same original file, is returned as it is, without any
     * request; a damaged one is pulled again.
     *
     * @throws ModelRegistryException if {@code name} is not a known model, or the preparer rejects the file
     * @throws DownloadException      if the download fails (the message says whether it can resume)
     * @throws IOException            if the cache cannot be written
     */
    public CacheEntry pull(String name, Progress progress) throws IOException {
        KnownModel model = cache.known().find(ModelName.check(name)).orElseThrow(() -> new ModelRegistryException(
                "there is no known model '" + name + "' to pull: choose one of " + cache.known().names()
                        + ", or import your own with `fashionrec models import FILE --arch " + Arch.choices().replace(", ", "|") + "`"));
        Optional<CacheEntry> present = cache.findIntact(model.name());
        if (present.isPresent() && present.get().sourceSha256().equals(model.file().sha256())) {
            return present.get();
        }
        try (CacheTransaction transaction = cache.begin(model.name())) {
            Path raw = transaction.scratchFile(DOWNLOAD_SUFFIX);
            URI source = download(model, raw, progress);
            CacheEntry entry = transaction.commit(raw, preparer, model.arch(), model.preset(), source.toString(), model.file().sha256());
            Files.delete(raw);
            return entry;
        }
    }

    /** Downloads {@code model} to {@code raw}; returns the URL it came from. */
    private URI download(KnownModel model, Path raw, Progress progress) throws IOException {
        List<URI> urls = model.urls(baseUrl);
        for (int i = 0; ; i++) {
            try {
                downloader.download(urls.get(i), raw, model.file(), "pull " + model.name(), progress);
                return urls.get(i);
            } catch (DownloadException e) {
                if (e.status() != 404 || urls.size() == 1) {
                    throw e;
                }
                if (i + 1 == urls.size()) {
                    throw new DownloadException("there is no file at any of " + urls + " (HTTP 404 Not Found); check the download address", 404);
                }
            }
        }
    }

    /**
     * Registers a local model file: copies it into the staging area, prepares the copy and writes
     * the entry, replacing any entry of the same name. All arguments are checked before anything is
     * written.
     *
     * @param file   the model as published (e.g. an ONNX classifier)
     * @param arch   its architecture, case-insensitive ({@link Arch#choices()})
     * @param name   the name to register it under, or null for the file name without its
     *               extension, in lowercase
     * @param preset its input normalisation ({@link Preset#choices()}), or null for {@link Preset#DEFAULT}
     * @throws ModelRegistryException if the file does not exist, or a name, arch or preset is invalid,
     *                                or the preparer rejects the file
     * @throws IOException            on an I/O failure
     */
    public CacheEntry importFile(Path file, String arch, String name, String preset) throws IOException {
        Arch parsedArch = Arch.parse(arch);
        Preset parsedPreset = preset == null ? Preset.DEFAULT : Choices.preset(preset);
        String checkedName = name == null ? ModelName.fromFile(file) : ModelName.check(name);
        if (!Files.isRegularFile(file)) {
            throw new ModelRegistryException("cannot import " + file + ": there is no such file");
        }
        Path origin = file.toAbsolutePath().normalize();
        try (CacheTransaction transaction = cache.begin(checkedName)) {
            Path copy = transaction.scratchFile(IMPORT_SUFFIX);
            try {
                String sha256 = Sha256.copy(origin, copy);
                return transaction.commit(copy, preparer, parsedArch, parsedPreset, origin.toString(), sha256);
            } finally {
                Files.deleteIfExists(copy);
            }
        }
    }

    /**
     * The model file an {@code --image-model} value stands for. A value containing a path separator
     * or ending in {@code .onnx} is a path: that file is used as it is if it is ready for the encoder,
     * and a whole classifier is prepared once into the cache (see {@link ModelPreparer#needsPreparation}).
     * Anything else is a model name, which must be in the cache and intact.
     *
     * @throws ModelRegistryException if the file does not exist or cannot be prepared; if the name is invalid, not pulled
     *                                yet or unknown (the message says how to get it); or if its entry
     *                                is damaged
     */
    public ResolvedModel resolve(String nameOrPath) throws IOException {
        Objects.requireNonNull(nameOrPath, "nameOrPath");
        if (looksLikePath(nameOrPath)) {
            Path file = Path.of(nameOrPath);
            if (!Files.isRegularFile(file)) {
                throw new ModelRegistryException("there is no model file " + file + "; give the path of an existing .onnx file, or a model name ("
                        + names() + ")");
            }
            return resolvePath(file);
        }
        String name = ModelName.check(nameOrPath);
        Optional<CacheEntry> entry = cache.find(name);
        if (entry.isPresent()) {
            CacheEntry e = entry.get();
            return new ResolvedModel(cache.modelFile(name), name, Optional.of(e.arch()), e.preset(), e.sha256());
        }
        Optional<KnownModel> known = cache.known().find(name);
        if (known.isPresent()) {
            throw new ModelRegistryException("the model '" + name + "' is not pulled yet: run `fashionrec models pull " + name + "` (a "
                    + megabytes(known.get().file().size()) + " download)");
        }
        throw new ModelRegistryException("there is no model '" + name + "': use one of " + names()
                + ", import your own with `fashionrec models import FILE --arch ARCH --name " + name + "`, or give the path of a .onnx file");
    }

    /**
     * A model file given by path: used as it is when the preparer says it is ready, else prepared
     * once into {@code .prepared/<SHA-256 of the file>.onnx} in the cache and taken from there. The
     * prepared file is written under a unique temporary name and renamed into place, so processes
     * preparing the same file at once both end with a whole file.
     */
    private ResolvedModel resolvePath(Path file) throws IOException {
        String label = file.getFileName().toString();
        String sourceSha256 = Sha256.of(file);
        Path prepared = cache.directory().resolve(PREPARED).resolve(sourceSha256 + ModelName.ONNX_EXTENSION);
        if (!Files.isRegularFile(prepared)) {
            try {
                if (!preparer.needsPreparation(file)) {
                    return new ResolvedModel(file, label, Optional.empty(), Preset.DEFAULT, sourceSha256);
                }
                Files.createDirectories(prepared.getParent());
                Path temporary = Files.createTempFile(prepared.getParent(), sourceSha256, ".tmp");
                try {
                    Files.delete(temporary);
                    preparer.prepare(file, "unregistered", temporary);
                    AtomicFiles.force(temporary);
                    AtomicFiles.move(temporary, prepared);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            } catch (IllegalArgumentException e) {
                throw new ModelRegistryException("cannot use the model file " + file + ": " + e.getMessage(), e);
            }
        }
        return new ResolvedModel(prepared, label, Optional.empty(), Preset.DEFAULT, Sha256.of(prepared));
    }

    /** Everything {@link ModelCache#list()} lists: cached models, ready or damaged, and known models to pull. */
    public List<ModelListing> list() throws IOException {
        return cache.list();
    }

    private String names() throws IOException {
        return String.join(", ", cache.names());
    }

    private static boolean looksLikePath(String value) {
        return value.indexOf('/') >= 0 || value.indexOf(File.separatorChar) >= 0
                || value.toLowerCase(Locale.ROOT).endsWith(ModelName.ONNX_EXTENSION);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static URI checkBaseUrl(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw new ModelRegistryException("the model download address '" + baseUrl + "' is not an http or https URL");
        }
        return baseUrl.getPath().endsWith("/") ? baseUrl : URI.create(baseUrl + "/");
    }
}
