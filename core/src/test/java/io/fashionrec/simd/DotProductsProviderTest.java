package io.fashionrec.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.simd.DotProductsProvider.Choice;
import io.fashionrec.simd.DotProductsProvider.Platform;
import java.lang.System.Logger.Level;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DotProductsProviderTest {

    private static final Supplier<Platform> AVX2 = () -> new Platform(8, false);
    private static final Supplier<Platform> NOT_ASKED = () -> {
        throw new AssertionError("the platform must not be probed (it loads the Vector API)");
    };

    @Test
    void vectorApiWhenTheModuleIsLoadedOnACapableJvm() {
        Choice choice = DotProductsProvider.choose(null, true, AVX2);
        assertTrue(choice.vector(), choice.reason());
        assertEquals(Level.DEBUG, choice.level());
        assertTrue(DotProductsProvider.choose("true", true, AVX2).vector());
    }

    @Test
    void thePropertyForcesPlainWithoutProbing() {
        for (String off : new String[] {"false", "FALSE"}) {
            Choice choice = DotProductsProvider.choose(off, true, NOT_ASKED);
            assertFalse(choice.vector(), off);
            assertTrue(choice.reason().contains("-Dfashionrec.simd=false"), choice.reason());
        }
    }

    @Test
    void aMissingModuleFallsBackWithTheRemedy() {
        Choice choice = DotProductsProvider.choose(null, false, NOT_ASKED);
        assertFalse(choice.vector());
        assertEquals(Level.WARNING, choice.level());
        assertTrue(choice.reason().contains("start java with --add-modules jdk.incubator.vector"), choice.reason());
    }

    @Test
    void narrowVectorsOrAnInterpretedJvmFallBack() {
        Choice narrow = DotProductsProvider.choose(null, true, () -> new Platform(2, false));
        assertFalse(narrow.vector());
        assertTrue(narrow.reason().contains("2 floats"), narrow.reason());
        assertTrue(DotProductsProvider.choose(null, true, () -> new Platform(4, false)).vector());
        assertFalse(DotProductsProvider.choose(null, true, () -> new Platform(16, true)).vector());
    }
}
