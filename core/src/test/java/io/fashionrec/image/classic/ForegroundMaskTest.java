package io.fashionrec.image.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ForegroundMaskTest {

    private static final int WHITE = 0xFFFFFF;
    private static final int DARK = 0x202020;

    /** Draws the mask as text, '#' for foreground, for readable failures. */
    private static String draw(boolean[] mask, int width) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < mask.length; i++) {
            s.append(mask[i] ? '#' : '.');
            if (i % width == width - 1) {
                s.append('\n');
            }
        }
        return s.toString();
    }

    /** Pixels from rows of text: 'W' white, 'd' dark, digits for a grey whose channels are all 23x (x = digit). */
    private static int[] pixels(String... rows) {
        int width = rows[0].length();
        int[] rgb = new int[width * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < width; x++) {
                char c = rows[y].charAt(x);
                rgb[y * width + x] = switch (c) {
                    case 'W' -> WHITE;
                    case 'd' -> DARK;
                    default -> {
                        int v = 230 + (c - '0');
                        yield v << 16 | v << 8 | v;
                    }
                };
            }
        }
        return rgb;
    }

    @Test
    void whiteEnclosedByTheProductStaysForegroundWhileTheBorderWhiteGoes() {
        int[] rgb = pixels(
                "WWWWWWW",
                "WdddddW",
                "WdWWWdW",
                "WdWWWdW",
                "WdddddW",
                "WWWWWWW");
        boolean[] mask = ForegroundMask.of(rgb, 7, 6);
        assertEquals("""
                .......
                .#####.
                .#####.
                .#####.
                .#####.
                .......
                """, draw(mask, 7));
    }

    /** The background reaches in along a winding path that turns right, up, right, down, left and up. */
    @Test
    void theFillFollowsWindingPaths() {
        int[] rgb = pixels(
                "dddddddd",
                "dWWWWWdd",
                "dWdddWdd",
                "dWdWdWdd",
                "WWdWWWdd",
                "dddddddd");
        assertEquals("""
                ########
                #.....##
                #.###.##
                #.#.#.##
                ..#...##
                ########
                """, draw(ForegroundMask.of(rgb, 8, 6), 8));
    }

    @Test
    void onlyFourConnectedWhiteReachesTheBorder() {
        int[] rgb = pixels(
                "Wdddd",
                "dWddd",
                "ddWWd",
                "ddddd");
        assertEquals("""
                .####
                #####
                #####
                #####
                """, draw(ForegroundMask.of(rgb, 5, 4), 5));
    }

    /** Near-white means every channel at least 235: 234 anywhere keeps the pixel (and what lies behind it). */
    @Test
    void nearWhiteStartsAtTwoHundredThirtyFive() {
        int[] rgb = pixels(
                "5554",
                "4W44",
                "5555");
        assertEquals("""
                ...#
                #.##
                ....
                """, draw(ForegroundMask.of(rgb, 4, 3), 4));
        assertTrue(ForegroundMask.nearWhite(0xEBEBEB));
        assertFalse(ForegroundMask.nearWhite(0xEBEAEB));
        assertFalse(ForegroundMask.nearWhite(0xFFFFEA));
    }

    @Test
    void anAllWhiteImageHasNoForegroundAndADarkOneIsAllForeground() {
        for (boolean b : ForegroundMask.of(pixels("WWW", "WWW"), 3, 2)) {
            assertFalse(b);
        }
        for (boolean b : ForegroundMask.of(pixels("ddd", "dWd", "ddd"), 3, 3)) {
            assertTrue(b);
        }
    }

    @Test
    void rejectsAPixelCountThatIsNotTheSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ForegroundMask.of(new int[5], 2, 3));
        assertTrue(e.getMessage().contains("2x3") && e.getMessage().contains("5"), e.getMessage());
    }
}
