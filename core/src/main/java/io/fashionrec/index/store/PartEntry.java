package io.fashionrec.index.store;

/**
 * What the manifest records about one part: its file (a name inside the index directory), the
 * codec and codec version that wrote it, its exact size and the CRC-32 stored in its footer.
 */
public record PartEntry(String file, String codec, int codecVersion, long bytes, long crc32) {
}
