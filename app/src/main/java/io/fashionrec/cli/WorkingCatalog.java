package io.fashionrec.cli;

import io.fashionrec.catalog.Catalog;
import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.JsonLinesReader;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.catalog.Product;
import io.fashionrec.catalog.StylesCsvReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A disposable copy of a catalog directory that can be edited without touching the original: every
 * file is hard-linked (copied where links cannot cross file systems) except the catalog file,
 * which is copied; an edit deletes a link before it writes a photo, so the original's bytes are
 * never written. Not thread-safe.
 */
final class WorkingCatalog {

    /** Appended to the name of a renamed product. */
    static final String RENAMED_SUFFIX = " Limited Edition";

    /** The directory, beside a JSON Lines file, that new photos of a JSON Lines catalog go to. */
    private static final String NEW_PHOTOS = "bench-update-photos";

    private final Path directory;

    private WorkingCatalog(Path directory) {
        this.directory = directory;
    }

    /**
     * What {@link #edit} did.
     *
     * @param products the products before the edit
     * @param removed  products dropped
     * @param renamed  products whose name changed (same photo)
     * @param newPhoto products given a new photo (same text)
     * @param added    products added, each with a photo of its own
     */
    record Edits(int products, int removed, int renamed, int newPhoto, int added) {

        int changed() {
            return renamed + newPhoto;
        }
    }

    /**
     * Mirrors {@code catalog} into {@code work}.
     *
     * @param catalog a catalog directory: styles.csv and images/, or products.jsonl
     * @param work    an empty or absent directory
     * @throws BadOptionException if {@code catalog} is not such a directory
     */
    static WorkingCatalog copy(Path catalog, Path work) throws IOException {
        if (!Files.isDirectory(catalog)) {
            throw new BadOptionException("--catalog must be a catalog directory (styles.csv and images/, or " + JsonLinesReader.PRODUCTS_FILE
                    + "), got " + (Files.exists(catalog) ? "the file " : "") + catalog + (Files.exists(catalog) ? "" : ", which does not exist"));
        }
        Path catalogFile = catalogFile(catalog);
        if (!Files.isRegularFile(catalogFile)) {
            throw new BadOptionException(catalog + " has neither " + StylesCsvReader.STYLES_FILE + " nor " + JsonLinesReader.PRODUCTS_FILE
                    + ": give a catalog directory");
        }
        try (Stream<Path> tree = Files.walk(catalog)) {
            for (Path source : (Iterable<Path>) tree::iterator) {
                Path target = work.resolve(catalog.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (source.equals(catalogFile)) {
                    Files.copy(source, target);
                } else {
                    link(source, target);
                }
            }
        }
        return new WorkingCatalog(work);
    }

    private static void link(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (FileSystemException | UnsupportedOperationException e) {
            // Another file system (or one without hard links): a copy costs time, not correctness.
            Files.copy(source, target);
        }
    }

    /** The file {@link Catalogs} reads in a catalog directory: styles.csv wins over products.jsonl, as there. */
    private static Path catalogFile(Path directory) {
        return CatalogWriter.isCsvCatalog(directory) ? directory.resolve(StylesCsvReader.STYLES_FILE)
                : directory.resolve(JsonLinesReader.PRODUCTS_FILE);
    }

    Path directory() {
        return directory;
    }

    /**
     * Changes {@code share} of the products, at least three, in thirds: one third removed (and,
     * in a CSV catalog, its photos deleted), one third changed (half of them renamed, the rest
     * given a new photo: their photo mirrored left to right and re-encoded), one third added (rows
     * copied from other products, each with its own new photo, under new ids: above the largest
     * id when all are numbers, else {@code <id>-new}). Every new photo is distinct new bytes, so
     * an update must embed exactly {@code newPhoto + added} photos. The same seed picks the same
     * products.
     *
     * @param share in (0, 0.5]
     * @throws BadOptionException if the catalog has fewer than 6 products, or too few photos for
     *                            the new-photo and added products
     */
    Edits edit(double share, long seed) throws IOException {
        Catalog catalog = Catalogs.read(directory, new ProblemReport());
        List<Product> products = catalog.products();
        int n = products.size();
        if (n < 6) {
            throw new BadOptionException(directory + " holds " + n + " products; an update benchmark needs at least 6, "
                    + "so that each third of the changes (removed, changed, added) has one");
        }
        int edited = Math.max(3, (int) Math.round(share * n));
        int removed = edited / 3;
        int changed = edited / 3;
        int added = edited - removed - changed;
        int renamed = changed / 2;
        int newPhoto = changed - renamed;

        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        Set<Integer> removedAt = new HashSet<>(order.subList(0, removed));
        Set<Integer> renamedAt = new HashSet<>(order.subList(removed, removed + renamed));
        // Photos to mirror: the new-photo products, then the sources of the added ones; all distinct, so no two new photos are alike.
        List<Integer> withPhoto = order.subList(removed + renamed, n).stream().filter(i -> products.get(i).image() != null).toList();
        if (withPhoto.size() < newPhoto + added) {
            throw new BadOptionException(directory + " has " + withPhoto.size() + " photos among the products it keeps, but --share "
                    + share + " needs " + (newPhoto + added) + " to mirror; give a smaller --share or a catalog with more photos");
        }
        Set<Integer> newPhotoAt = new HashSet<>(withPhoto.subList(0, newPhoto));
        List<Integer> sources = withPhoto.subList(newPhoto, newPhoto + added);

        boolean csv = CatalogWriter.isCsvCatalog(directory);
        Path photos = csv ? directory.resolve(StylesCsvReader.IMAGES_DIRECTORY) : directory.resolve(NEW_PHOTOS);
        Files.createDirectories(photos);
        List<Product> result = new ArrayList<>(n - removed + added);
        for (int i = 0; i < n; i++) {
            Product p = products.get(i);
            if (removedAt.contains(i)) {
                if (csv && p.image() != null) {
                    Files.delete(p.image());
                }
            } else if (renamedAt.contains(i)) {
                result.add(new Product(p.id(), p.name() + RENAMED_SUFFIX, p.description(), p.image(), p.attributes(), p.origin()));
            } else if (newPhotoAt.contains(i)) {
                Path photo = photos.resolve(photoName(p.id(), csv, result.size()));
                mirror(p.image(), photo);
                if (csv && !photo.equals(p.image())) {
                    // images/<id>.png would still be found before the new images/<id>.jpg.
                    Files.delete(p.image());
                }
                result.add(new Product(p.id(), p.name(), p.description(), photo, p.attributes(), p.origin()));
            } else {
                result.add(p);
            }
        }
        NewIds ids = new NewIds(products);
        for (int source : sources) {
            Product p = products.get(source);
            String id = ids.next(p.id());
            Path photo = photos.resolve(photoName(id, csv, result.size()));
            mirror(p.image(), photo);
            result.add(new Product(id, p.name(), p.description(), photo, p.attributes(), p.origin()));
        }
        if (csv) {
            CatalogWriter.writeCsv(directory.resolve(StylesCsvReader.STYLES_FILE), result, catalog.attributeNames());
        } else {
            CatalogWriter.writeJsonLines(directory.resolve(JsonLinesReader.PRODUCTS_FILE), result);
        }
        return new Edits(n, removed, renamed, newPhoto, added);
    }

    /** A CSV catalog's reader finds a photo by id; a JSON Lines file names it, so a position will do (ids may not be file names). */
    private static String photoName(String id, boolean csv, int position) {
        return (csv ? id : "product-" + position) + ".jpg";
    }

    /**
     * Writes {@code photo} mirrored left to right to {@code target} as a JPEG. {@code target} is
     * deleted first: it may be a hard link to the original catalog's photo, which must keep its
     * bytes.
     */
    private static void mirror(Path photo, Path target) throws IOException {
        BufferedImage image = ImageIO.read(photo.toFile());
        if (image == null) {
            throw new IOException("no image reader decodes " + photo + "; pick another --seed or a catalog whose photos decode");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage mirrored = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                mirrored.setRGB(w - 1 - x, y, image.getRGB(x, y));
            }
        }
        Files.deleteIfExists(target);
        if (!ImageIO.write(mirrored, "jpeg", target.toFile())) {
            throw new IOException("this Java runtime has no JPEG writer, so " + target + " cannot be written");
        }
    }

    /** Ids for added products that no product has. */
    private static final class NewIds {

        private final Set<String> taken = new HashSet<>();
        private long nextNumber;
        private final boolean numeric;

        NewIds(List<Product> products) {
            long max = 0;
            boolean allNumbers = true;
            for (Product p : products) {
                taken.add(p.id());
                try {
                    max = Math.max(max, Long.parseLong(p.id()));
                } catch (NumberFormatException e) {
                    allNumbers = false;
                }
            }
            numeric = allNumbers;
            nextNumber = max + 1;
        }

        String next(String sourceId) {
            String id = numeric ? Long.toString(nextNumber++) : sourceId + "-new";
            while (!taken.add(id)) {
                id = id + "-new";
            }
            return id;
        }
    }
}
