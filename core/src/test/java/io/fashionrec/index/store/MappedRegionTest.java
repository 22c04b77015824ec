package io.fashionrec.index.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk reads give the values that reading each one would, wherever the chunk boundaries fall. */
class MappedRegionTest {

    @TempDir
    Path dir;

    @Test
    void bulkReadsCrossChunksAndValuesSplitBetweenThem() throws IOException {
        long seed = 20_250_612L;
        Random random = new Random(seed);
        byte[] bytes = new byte[301];
        random.nextBytes(bytes);
        Path file = Files.write(dir.resolve("bytes"), bytes);
        ByteBuffer expected = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int round = 0; round < 200; round++) {
                // chunks of 1 to 20 bytes, so values start anywhere in a chunk and many straddle two
                int chunk = 1 + random.nextInt(20);
                MappedRegion region = MappedRegion.map(channel, 0, bytes.length, 1, chunk);
                int offset = random.nextInt(bytes.length - 3);
                int count = random.nextInt((bytes.length - offset) / 4 + 1);
                int[] ints = new int[count + 1];
                float[] floats = new float[count + 1];
                int[] wantInts = new int[count + 1];
                float[] wantFloats = new float[count + 1];
                for (int i = 0; i < count; i++) {
                    wantInts[i + 1] = expected.getInt(offset + 4 * i);
                    wantFloats[i + 1] = expected.getFloat(offset + 4 * i);
                }
                region.getInts(offset, ints, 1, count);
                region.getFloats(offset, floats, 1, count);
                String at = "seed " + seed + ", round " + round + ": chunk " + chunk + ", offset " + offset + ", count " + count;
                assertArrayEquals(wantInts, ints, at);
                assertArrayEquals(wantFloats, floats, at);
            }
        }
    }
}
