package io.fashionrec.catalog;

import java.nio.file.Path;

/**
 * A place in a source file, for problem reports: {@code styles.csv:123}.
 *
 * @param file the file (never null)
 * @param line the 1-based line number, or 0 when the problem concerns the whole file
 */
public record SourceLocation(Path file, long line) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file.toString();
    }
}
