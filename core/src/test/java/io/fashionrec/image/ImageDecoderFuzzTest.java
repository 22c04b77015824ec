package io.fashionrec.image;

import static io.fashionrec.image.TestImages.encode;
import static io.fashionrec.image.TestImages.jpeg;
import static io.fashionrec.image.TestImages.rgb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.catalog.ProblemKind;
import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Damaged input of every kind must end in a usable image or an {@link ImageDecodeException}:
 * never another exception, an {@link Error}, or a hang. The seed is fixed so that a failure can
 * be replayed; {@code -Dfashionrec.fuzz.seed=N} tries another one.
 */
class ImageDecoderFuzzTest {

    private static final int CASES = 400;
    private static final long DEFAULT_SEED = 0x5EED_F00DL;
    private static final Duration PER_CASE = Duration.ofSeconds(10);
    private static final Set<ProblemKind> EXPECTED_KINDS = Set.of(ProblemKind.IMAGE_UNREADABLE, ProblemKind.IMAGE_TOO_LARGE,
            ProblemKind.IMAGE_EMPTY);

    /**
     * Noise behind a valid signature often declares a canvas of millions of pixels; decoding one
     * up to the default 40-megapixel limit is legitimate work that takes seconds, not a hang.
     * A smaller limit keeps 400 cases fast without changing which code paths they reach.
     */
    private final ImageDecoder decoder = new ImageDecoder(new ImageLimits(1_000_000, 1 << 20));

    private record Case(String description, byte[] bytes) {
    }

    @Test
    void damagedFilesDecodeOrFailCleanly() {
        long seed = Long.getLong("fashionrec.fuzz.seed", DEFAULT_SEED);
        Random random = new Random(seed);
        List<Case> valid = validFiles();
        Map<ProblemKind, Integer> failures = new EnumMap<>(ProblemKind.class);
        int decoded = 0;
        for (int i = 0; i < CASES; i++) {
            Case input = mutate(valid, random);
            String context = "fuzz seed " + seed + ", case " + i + " (" + input.description() + ")";
            ProblemKind outcome = decodeWithin(input.bytes(), context);
            if (outcome == null) {
                decoded++;
            } else {
                failures.merge(outcome, 1, Integer::sum);
            }
        }
        // Both outcomes must occur, or the mutations are not reaching the decoders.
        assertTrue(decoded > 0, "seed " + seed + ": no damaged file decoded; failures " + failures);
        assertTrue(failures.getOrDefault(ProblemKind.IMAGE_UNREADABLE, 0) > 0, "seed " + seed + ": nothing was unreadable");
    }

    /** Null when an image came out, else the problem kind. Fails on anything else. */
    private ProblemKind decodeWithin(byte[] bytes, String context) {
        try {
            return assertTimeoutPreemptively(PER_CASE, () -> {
                try {
                    BufferedImage image = decoder.decode(bytes, "fuzz");
                    assertEquals(BufferedImage.TYPE_INT_RGB, image.getType(), context);
                    assertTrue(image.getWidth() > 0 && image.getHeight() > 0, context);
                    return null;
                } catch (ImageDecodeException e) {
                    assertTrue(EXPECTED_KINDS.contains(e.kind()), context + ": unexpected kind " + e.kind());
                    assertTrue(e.getMessage().startsWith("fuzz "), context + ": message does not name the source: " + e.getMessage());
                    return e.kind();
                }
            }, () -> context + " did not finish within " + PER_CASE.toSeconds() + " s");
        } catch (AssertionFailedError e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(context + " escaped as " + t, t);
        }
    }

    private static Case mutate(List<Case> valid, Random random) {
        Case base = valid.get(random.nextInt(valid.size()));
        byte[] original = base.bytes();
        switch (random.nextInt(4)) {
            case 0 -> {
                byte[] noise = new byte[random.nextInt(2048)];
                random.nextBytes(noise);
                return new Case("random " + noise.length + " bytes", noise);
            }
            case 1 -> {
                // The right signature followed by noise reaches the decoders' header parsing.
                byte[] noise = new byte[16 + random.nextInt(2048)];
                random.nextBytes(noise);
                int keep = Math.min(original.length, 4 + random.nextInt(60));
                System.arraycopy(original, 0, noise, 0, Math.min(keep, noise.length));
                return new Case(base.description() + " header (" + keep + " bytes) then noise, " + noise.length + " bytes", noise);
            }
            case 2 -> {
                int length = random.nextInt(original.length);
                return new Case(base.description() + " truncated to " + length + " of " + original.length + " bytes",
                        Arrays.copyOf(original, length));
            }
            default -> {
                byte[] flipped = original.clone();
                int flips = 1 + random.nextInt(8);
                StringBuilder where = new StringBuilder();
                for (int f = 0; f < flips; f++) {
                    int at = random.nextInt(flipped.length);
                    int bit = random.nextInt(8);
                    flipped[at] ^= (byte) (1 << bit);
                    where.append(f == 0 ? "" : ",").append(at).append(':').append(bit);
                }
                return new Case(base.description() + " with bits flipped at " + where, flipped);
            }
        }
    }

    private static List<Case> validFiles() {
        BufferedImage photo = rgb(48, 40, (x, y) -> (x * 5) << 16 | (y * 6) << 8 | (x ^ y) * 4 & 0xFF);
        BufferedImage indexed = new BufferedImage(24, 20, BufferedImage.TYPE_BYTE_INDEXED);
        indexed.getGraphics().drawImage(photo, 0, 0, null);
        BufferedImage argb = new BufferedImage(20, 16, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 20; x++) {
                argb.setRGB(x, y, (x * 12) << 24 | (y * 15) << 8 | 0x40);
            }
        }
        BufferedImage grey16 = new BufferedImage(16, 12, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 16; x++) {
                grey16.getRaster().setSample(x, y, 0, x * 4000 + y * 100);
            }
        }
        return List.of(
                new Case("baseline JPEG", jpeg(photo, 0.85f, false)),
                new Case("progressive JPEG", jpeg(photo, 0.85f, true)),
                new Case("EXIF-rotated JPEG", TestImages.spliceAfterSoi(jpeg(photo, 0.8f, false),
                        TestImages.exifSegment(6, ByteOrder.LITTLE_ENDIAN))),
                new Case("RGB PNG", encode(photo, "png")),
                new Case("palette PNG", encode(indexed, "png")),
                new Case("alpha PNG", encode(argb, "png")),
                new Case("16-bit grey PNG", encode(grey16, "png")),
                new Case("GIF", encode(indexed, "gif")),
                new Case("BMP", encode(photo, "bmp")),
                new Case("lossy WebP", TestImages.resource("lossy.webp")),
                new Case("lossless WebP", TestImages.resource("alpha-lossless.webp")));
    }
}
