package io.fashionrec.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.feature.SparseVector;
import io.fashionrec.feature.VectorSegment;
import io.fashionrec.feature.Vectors;
import io.fashionrec.text.TfidfFit;
import io.fashionrec.text.TfidfVectorizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A toy catalog where photos encode colour only and names carry a rare brand plus a colour word:
 * the alignment must learn that colour words, not brands, predict the photo.
 */
class TextToImageAlignmentTest {

    private static final String[] COLOURS = {"red", "blue", "green"};
    private static final List<VectorSegment> SEGMENTS = List.of(new VectorSegment("colour", 0, 3, 1.0));

    @Test
    void namesWithTheSameColourWordAlignCloserThanNamesWithTheSameBrand() {
        Random random = new Random(3);
        List<String> names = new ArrayList<>();
        int n = 120;
        FloatMatrix images = FloatMatrix.zeros(n, 3);
        BitSet hasImage = new BitSet();
        for (int i = 0; i < n; i++) {
            int colour = i % 3;
            names.add("brand" + (char) ('a' + random.nextInt(20)) + " " + COLOURS[colour] + " shirt");
            float[] photo = new float[3];
            photo[colour] = 1f;
            photo[(colour + 1) % 3] = 0.2f * random.nextFloat();
            Vectors.normalizeInPlace(photo);
            System.arraycopy(photo, 0, images.data(), images.offset(i), 3);
            hasImage.set(i);
        }
        TfidfFit fit = TfidfVectorizer.builder().build().fitTransform(names);
        TextToImageAlignment alignment = TextToImageAlignment.fit(fit.rows(), fit.model().vocabularySize(), sketch(images, new AlignmentSettings(16, 0.001, 11)), hasImage,
                SEGMENTS, new AlignmentSettings(16, 0.001, 11));
        float[] redA = align(alignment, fit, "brandx red shirt");
        float[] redB = align(alignment, fit, "brandy red shirt");
        float[] blueA = align(alignment, fit, "brandx blue shirt");
        assertTrue(Vectors.dot(redA, redB) > 0.9, "same colour, different brands: " + Vectors.dot(redA, redB));
        assertTrue(Vectors.dot(redA, blueA) < 0.2, "same brand, different colours: " + Vectors.dot(redA, blueA));
        // a photo's own sketch lands near the names of its colour
        float[] redPhoto = new float[16];
        assertTrue(alignment.sketchImage(new float[] {1, 0, 0}, 0, redPhoto, 0));
        assertTrue(Vectors.dot(redPhoto, redA) > Vectors.dot(redPhoto, blueA));
    }

    @Test
    void unknownTextAlignsToNothingAndTooLittleDataFitsNothing() {
        TfidfFit fit = TfidfVectorizer.builder().build().fitTransform(List.of("red shirt", "blue shirt", "green shirt"));
        FloatMatrix images = new FloatMatrix(3, 3, new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        BitSet all = new BitSet();
        all.set(0, 3);
        TextToImageAlignment alignment = TextToImageAlignment.fit(fit.rows(), fit.model().vocabularySize(), sketch(images, AlignmentSettings.DEFAULT), all,
                SEGMENTS, AlignmentSettings.DEFAULT);
        float[] out = new float[AlignmentSettings.DEFAULT.sketchDimension()];
        assertFalse(alignment.align(SparseVector.EMPTY, 0, out, 0));
        assertArrayEquals(new float[out.length], out);
        BitSet one = new BitSet();
        one.set(0);
        assertNull(TextToImageAlignment.fit(fit.rows(), fit.model().vocabularySize(), sketch(images, AlignmentSettings.DEFAULT), one, SEGMENTS,
                AlignmentSettings.DEFAULT));
    }

    @Test
    void fittingIsDeterministic() {
        TfidfFit fit = TfidfVectorizer.builder().build().fitTransform(List.of("red shirt", "blue shirt", "green dress", "red dress"));
        FloatMatrix images = new FloatMatrix(4, 3, new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0});
        BitSet all = new BitSet();
        all.set(0, 4);
        TextToImageAlignment a = TextToImageAlignment.fit(fit.rows(), fit.model().vocabularySize(), sketch(images, AlignmentSettings.DEFAULT), all,
                SEGMENTS, AlignmentSettings.DEFAULT);
        TextToImageAlignment b = TextToImageAlignment.fit(fit.rows(), fit.model().vocabularySize(), sketch(images, AlignmentSettings.DEFAULT), all,
                SEGMENTS, AlignmentSettings.DEFAULT);
        assertArrayEquals(a.map(0).data(), b.map(0).data());
        assertEquals(4, a.trainingProducts());
    }

    private static FloatMatrix sketch(FloatMatrix images, AlignmentSettings settings) {
        ImageSketcher sketcher = new ImageSketcher(SEGMENTS, settings);
        FloatMatrix out = FloatMatrix.zeros(images.rows(), sketcher.length());
        for (int i = 0; i < images.rows(); i++) {
            sketcher.sketch(images.row(i), out.data(), out.offset(i));
        }
        return out;
    }

    private static float[] align(TextToImageAlignment alignment, TfidfFit fit, String text) {
        float[] out = new float[alignment.settings().sketchDimension()];
        assertTrue(alignment.align(fit.model().transform(text), 0, out, 0), text);
        return out;
    }
}
