package io.fashionrec.index;

import io.fashionrec.align.ImageSketcher;
import io.fashionrec.catalog.Catalog;
import io.fashionrec.catalog.Product;
import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.feature.VectorSegment;
import io.fashionrec.feature.Vectors;
import io.fashionrec.image.ImageDecodeException;
import io.fashionrec.image.ImageDecoder;
import io.fashionrec.image.ImageEncoder;
import io.fashionrec.progress.Progress;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Embeds every named photo of a catalog: reads it, looks its content up in the embedding cache,
 * otherwise decodes and encodes it, then writes each image segment (L2-normalised) into its
 * matrix, its sketch for the alignment, and its presence mask. A photo whose file is unchanged
 * since the previous index keeps that index's rows where they are (see {@link LayeredRows}): only
 * its sketch and mask are written. Each product's rows are written
 * only by the thread that handles it. Unusable photos are reported to the catalog's problem
 * report; their products keep their text.
 *
 * <p>Two ways to run the encoder: one that prefers single images (the classic encoder) runs on
 * every worker thread, each worker doing whole photos; one that prefers batches (a CNN) is fed
 * from a single model thread in batches while a decoding thread prepares the next photos.
 */
final class PhotoEmbedder {

    /** What an embedding run did. */
    record Counts(int embedded, int reused, int failed) {
    }

    private static final long POLL_MILLIS = 50;

    private final Catalog catalog;
    private final ImageEncoder encoder;
    private final List<VectorSegment> segments;
    private final ImageDecoder decoder;
    private final EmbeddingCache cache;
    private final ImageSketcher sketcher;
    private final FloatMatrix[] images;
    private final FloatMatrix sketches;
    private final int[] imageMasks;
    private final Progress progress;
    private final AtomicInteger embedded = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Set<EmbeddingCache.Key> used = ConcurrentHashMap.newKeySet();
    /** Per product, the key of its photo's bytes once read; null when it has none or it could not be read. */
    private final EmbeddingCache.Key[] photoKeys;
    /** Per product, its {@link PhotoRecord} as stored; empty when it has none or it could not be read. */
    private final String[] photoRecords;
    private final PreviousIndex previous;
    /** Per product, its {@link LayeredRows} source; null when there is no previous index. */
    private final int[] sources;
    private final boolean previousSketches;

    /** A decoded photo waiting for the model thread. */
    private record Decoded(int ordinal, EmbeddingCache.Key key, BufferedImage image) {
    }

    /**
     * @param previous the index being replaced, whose vectors stand for those of unchanged photo
     *                 files, or null (it must hold vectors of this encoder and segments)
     * @param sources  with {@code previous}: per product, a previous ordinal whose photo file is
     *                 unchanged ({@link PreviousIndex#unchangedPhoto}), or {@code -1 - r} for a
     *                 product whose vectors go to row {@code r} of {@code images} (see
     *                 {@link LayeredRows#sources}); null without {@code previous}, every product
     *                 {@code i} then going to row {@code i}
     * @param previousSketches whether {@code previous} holds the sketches {@code sketcher} makes
     * @param cache the cache to read and fill, or null for none
     * @param images one matrix per image segment, the rows of the products to embed, filled here
     * @param imageMasks per product, bit k set when image segment k is present
     */
    PhotoEmbedder(Catalog catalog, ImageEncoder encoder, List<VectorSegment> segments, ImageDecoder decoder, PreviousIndex previous,
                  int[] sources, boolean previousSketches, EmbeddingCache cache, ImageSketcher sketcher, FloatMatrix[] images,
                  FloatMatrix sketches, int[] imageMasks, Progress progress) {
        if ((previous == null) != (sources == null)) {
            throw new IllegalArgumentException("the sources of the rows come with the previous index, and only with it");
        }
        this.catalog = catalog;
        this.encoder = encoder;
        this.segments = segments;
        this.decoder = decoder;
        this.cache = cache;
        this.sketcher = sketcher;
        this.images = images;
        this.sketches = sketches;
        this.imageMasks = imageMasks;
        this.progress = progress;
        this.photoKeys = new EmbeddingCache.Key[catalog.size()];
        this.photoRecords = new String[catalog.size()];
        java.util.Arrays.fill(photoRecords, "");
        this.previous = previous;
        this.sources = sources;
        this.previousSketches = previousSketches;
    }

    /** Product {@code i}'s {@link PhotoRecord} as stored, or empty. Valid after {@link #await} returned. */
    String photoRecord(int i) {
        return photoRecords[i];
    }

    /**
     * The SHA-256 of product {@code i}'s photo file, or null when it has none or it could not be
     * read. Valid after {@link #await} returned.
     */
    byte[] photoSha256(int i) {
        return photoKeys[i] == null ? null : photoKeys[i].sha256();
    }

    /** The photo keys this run used (to keep in the cache). */
    Set<EmbeddingCache.Key> usedKeys() {
        return used;
    }

    /** Starts embedding on {@code pool} ({@code threads} threads); {@link #await} waits for it. */
    List<Future<?>> start(ExecutorService pool, int threads) {
        List<Product> products = catalog.products();
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            if (products.get(i).image() != null) {
                todo.add(i);
            }
        }
        progress.start("embedding images", todo.size());
        List<Future<?>> tasks = new ArrayList<>();
        int batch = encoder.preferredBatchSize();
        if (batch <= 1) {
            int chunk = Math.max(1, Math.min(64, todo.size() / (threads * 8) + 1));
            for (int from = 0; from < todo.size(); from += chunk) {
                List<Integer> part = todo.subList(from, Math.min(todo.size(), from + chunk));
                tasks.add(pool.submit(() -> {
                    for (int i : part) {
                        Decoded d = read(i);
                        if (d != null) {
                            deliver(d.ordinal, d.key, encoder.encode(d.image), true);
                        }
                    }
                    return null;
                }));
            }
        } else {
            BlockingQueue<Decoded> queue = new ArrayBlockingQueue<>(4 * batch);
            CountDownLatch decoded = new CountDownLatch(1);
            tasks.add(pool.submit(() -> {
                try {
                    for (int i : todo) {
                        Decoded d = read(i);
                        if (d != null) {
                            queue.put(d);
                        }
                    }
                } finally {
                    decoded.countDown();
                }
                return null;
            }));
            tasks.add(pool.submit(() -> {
                runModel(queue, decoded, batch);
                return null;
            }));
        }
        return tasks;
    }

    /** Waits for the run; returns its counts, or rethrows an encoder failure. */
    Counts await(List<Future<?>> tasks) throws InterruptedException {
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (ExecutionException e) {
                for (Future<?> other : tasks) {
                    other.cancel(true);
                }
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("the image encoder failed: " + cause, cause);
            }
        }
        return new Counts(embedded.get(), reused.get(), failed.get());
    }

    /**
     * Reads photo {@code i}; takes it from the previous index when its file was found unchanged, or
     * delivers it straight from the cache when known. Returns the decoded photo to encode, or null
     * when there is nothing more to do (reused, or unusable and reported).
     */
    private Decoded read(int i) throws InterruptedException {
        Product p = catalog.products().get(i);
        int before = sources == null ? -1 : sources[i];
        if (before >= 0) {
            PhotoRecord known = previous.photo(before);
            EmbeddingCache.Key key = new EmbeddingCache.Key(known.sha256());
            photoKeys[i] = key;
            photoRecords[i] = known.format();
            used.add(key);
            reused.incrementAndGet();
            if (previousSketches) {
                previous.copySketch(before, sketches, i);
            } else {
                float[] v = new float[encoder.descriptor().dimension()];
                previous.copyImage(before, v);
                sketcher.sketch(v, sketches.data(), sketches.offset(i));
            }
            finish(i, previous.imageMask(before));
            return null;
        }
        PhotoRecord.Stat stat = PhotoRecord.Stat.of(p.image());
        long readAt = System.currentTimeMillis();
        try {
            byte[] bytes = decoder.read(p.image());
            EmbeddingCache.Key key = EmbeddingCache.Key.of(bytes);
            photoKeys[i] = key;
            if (stat != null) {
                photoRecords[i] = PhotoRecord.of(key.sha256(), stat, readAt).format();
            }
            float[] known = cache == null ? null : cache.get(key);
            if (known != null) {
                reused.incrementAndGet();
                deliver(i, key, known, false);
                return null;
            }
            return new Decoded(i, key, decoder.decode(bytes, p.image().toString(), encoder.minimumInputSide()));
        } catch (ImageDecodeException e) {
            failed.incrementAndGet();
            catalog.problems().add(e.kind(), p.origin(), p.id(), e.getMessage() + "; kept without an image");
            progress.advance(1);
            return null;
        }
    }

    /** The model thread: batches of up to {@code batch} decoded photos, until decoding is over and the queue empty. */
    private void runModel(BlockingQueue<Decoded> queue, CountDownLatch decoded, int batch) throws InterruptedException {
        List<Decoded> pending = new ArrayList<>(batch);
        while (true) {
            Decoded first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (first == null) {
                if (decoded.getCount() == 0 && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            pending.add(first);
            queue.drainTo(pending, batch - 1);
            List<BufferedImage> photos = new ArrayList<>(pending.size());
            for (Decoded d : pending) {
                photos.add(d.image);
            }
            List<float[]> vectors = encoder.encodeBatch(photos);
            for (int k = 0; k < pending.size(); k++) {
                deliver(pending.get(k).ordinal, pending.get(k).key, vectors.get(k), true);
            }
            pending.clear();
        }
    }

    /**
     * Records the raw vector of photo {@code i}: cache, segments, sketch, mask, progress.
     *
     * @param fresh true when the encoder computed it now, false when it came from the cache
     */
    private void deliver(int i, EmbeddingCache.Key key, float[] raw, boolean fresh) {
        if (fresh) {
            embedded.incrementAndGet();
        }
        used.add(key);
        if (fresh && cache != null) {
            cache.put(key, raw);
        }
        float[] v = raw.clone();
        int row = sources == null ? i : -1 - sources[i];
        int mask = 0;
        for (int k = 0; k < segments.size(); k++) {
            VectorSegment seg = segments.get(k);
            if (Vectors.normalizeInPlace(v, seg.offset(), seg.length())) {
                mask |= 1 << k;
            }
            System.arraycopy(v, seg.offset(), images[k].data(), images[k].offset(row), seg.length());
        }
        sketcher.sketch(v, sketches.data(), sketches.offset(i));
        finish(i, mask);
    }

    /** Records product {@code i}'s segment mask once its rows and sketch are in place. */
    private void finish(int i, int mask) {
        imageMasks[i] = mask;
        progress.advance(1);
    }
}
