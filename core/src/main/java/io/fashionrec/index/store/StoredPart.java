package io.fashionrec.index.store;

import java.nio.file.Path;

/**
 * A committed part as an index directory holds it: its name, its file and what the manifest
 * records about it. A writer of a later generation of the same directory can name the file
 * again instead of copying it ({@link IndexWriter#carryOver}).
 */
public record StoredPart(String part, Path file, PartEntry entry) {
}
