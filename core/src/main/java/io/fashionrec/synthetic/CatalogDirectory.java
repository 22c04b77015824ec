package io.fashionrec.synthetic;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The output directory of a synthetic catalog and its safety rules. A directory is only written
 * if it is new, empty, or an earlier synthetic catalog (recognised by its marker file), so
 * generated files are never mixed with someone's real data. styles.csv is removed first and
 * written last, atomically, so an interrupted run never leaves a catalog that looks complete.
 * Not thread-safe, except {@link #imageFile}, which only computes a path.
 */
final class CatalogDirectory {

    /** The file that marks a directory as a synthetic catalog this generator may overwrite. */
    static final String MARKER = ".fashionrec-synthetic";

    private static final String STYLES = "styles.csv";
    private static final String IMAGES = "images";
    private static final Pattern GENERATED_IMAGE = Pattern.compile("[0-9]+\\.jpg");

    private final Path root;

    private CatalogDirectory(Path root) {
        this.root = root;
    }

    /**
     * Checks and prepares {@code dir} for a new catalog: creates it if missing, refuses it if it
     * holds anything but an earlier synthetic catalog, marks it, removes an old styles.csv and
     * creates {@code images/}.
     *
     * @throws IllegalArgumentException if {@code dir} is a file, or a non-empty directory that is
     *                                  not an earlier synthetic catalog
     * @throws IOException              on an I/O failure
     */
    static CatalogDirectory prepare(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("the output path " + dir + " is a file, not a directory;"
                    + " give a new or empty directory for the synthetic catalog");
        }
        if (Files.isDirectory(dir) && !isEmpty(dir) && !Files.isRegularFile(dir.resolve(MARKER))) {
            throw new IllegalArgumentException("the output directory " + dir + " is not empty and is not a synthetic"
                    + " catalog made by fashionrec; give a new or empty directory so generated files are not mixed"
                    + " with other files");
        }
        Files.createDirectories(dir.resolve(IMAGES));
        Files.writeString(dir.resolve(MARKER),
                "This directory is a synthetic catalog made by fashionrec generate;"
                        + " generating into it again replaces styles.csv and images/.\n",
                StandardCharsets.UTF_8);
        Files.deleteIfExists(dir.resolve(STYLES));
        return new CatalogDirectory(dir);
    }

    /** Where the image of product {@code id} goes. */
    Path imageFile(int id) {
        return root.resolve(IMAGES).resolve(id + ".jpg");
    }

    /**
     * Deletes images an earlier, larger catalog left behind: files named like generated images
     * ({@code <digits>.jpg}) whose names are not in {@code keep}. Other files are left alone.
     */
    void removeStaleImages(Set<String> keep) throws IOException {
        try (DirectoryStream<Path> images = Files.newDirectoryStream(root.resolve(IMAGES))) {
            for (Path image : images) {
                String name = image.getFileName().toString();
                if (GENERATED_IMAGE.matcher(name).matches() && !keep.contains(name)) {
                    Files.delete(image);
                }
            }
        }
    }

    /** Writes styles.csv through a temporary file, forced to disk, then renamed into place. */
    void writeStyles(String content) throws IOException {
        Path target = root.resolve(STYLES);
        Path temp = root.resolve(STYLES + ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
