package io.fashionrec.index.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the files in an index directory, and the fsync of the directory itself.
 *
 * <p>A part file is named {@code <part>.<generation>.<extension>}, e.g. {@code image.3.dense};
 * while being written it carries a {@code .tmp} suffix. Part names are lowercase so that two
 * parts never collide on a case-insensitive file system. Only files matching these names (and
 * {@code manifest.json.tmp}) are ever deleted: an index directory may hold other files.
 */
final class IndexFiles {

    static final String TMP_SUFFIX = ".tmp";
    static final String LOCK_FILE = "write.lock";
    static final String MANIFEST_TMP = Manifest.FILE_NAME + TMP_SUFFIX;

    private static final String NAME = "[a-z0-9][a-z0-9_-]{0,63}";
    private static final Pattern PART_NAME = Pattern.compile(NAME);
    private static final Pattern PART_FILE = Pattern.compile("(" + NAME + ")\\.([1-9][0-9]{0,17})\\.(dense|sparse|strings|bits|graph)(\\.tmp)?");

    private IndexFiles() {
    }

    /** Whether {@code part} is a valid part name: 1 to 64 of a-z, 0-9, '_' and '-', not starting with '_' or '-'. */
    static boolean isPartName(String part) {
        return part != null && PART_NAME.matcher(part).matches();
    }

    static String partFileName(String part, long generation, PartKind kind) {
        return part + "." + generation + "." + kind.extension;
    }

    /** The generation in a part file's (or its temporary file's) name, or 0 if it is not one. */
    static long generationOf(String fileName) {
        Matcher m = PART_FILE.matcher(fileName);
        return m.matches() ? Long.parseLong(m.group(2)) : 0;
    }

    /** Whether a writer made this file and may delete it once no manifest refers to it. */
    static boolean isWriterFile(String fileName) {
        return fileName.equals(MANIFEST_TMP) || PART_FILE.matcher(fileName).matches();
    }

    /**
     * Forces the directory entry changes (creates, renames) in {@code dir} to disk, so a rename
     * done before survives a power loss. Some platforms (Windows) cannot open a directory; there
     * the rename is as durable as the file system makes it.
     */
    static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw IndexFormatException.cannotWrite(dir, e);
            }
        }
    }
}
