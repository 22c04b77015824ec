package io.fashionrec.index.store;

import java.nio.file.Path;

/**
 * The child process of {@link CrashSafetyTest}: commits {@link StampedIndex} generations into
 * {@code args[0]} with stamps from {@code args[1]} up, printing each stamp once its commit
 * returned, until it is killed.
 */
final class CrashLoopWriter {

    private CrashLoopWriter() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        for (long stamp = Long.parseLong(args[1]); ; stamp++) {
            try (IndexWriter writer = IndexWriter.open(dir)) {
                StampedIndex.commit(writer, stamp);
            }
            System.out.println(stamp);
            System.out.flush();
        }
    }
}
