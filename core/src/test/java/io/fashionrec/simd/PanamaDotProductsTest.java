package io.fashionrec.simd;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Vector API implementation. The build starts test JVMs with {@code --add-modules
 * jdk.incubator.vector}; without it these tests fail rather than skip, so that SIMD code cannot go
 * untested unnoticed.
 */
class PanamaDotProductsTest extends DotProductsTestCase {

    @Override
    DotProducts dotProducts() {
        return PanamaDotProducts.INSTANCE;
    }

    @Test
    void theProviderChoosesTheVectorApiInTheTestJvm() {
        assertTrue(ModuleLayer.boot().findModule(DotProductsProvider.VECTOR_MODULE).isPresent(),
                "the test JVM lacks " + DotProductsProvider.VECTOR_MODULE + ": surefire's argLine must add it");
        assertSame(PanamaDotProducts.INSTANCE, DotProductsProvider.get(), () -> "the provider chose "
                + DotProductsProvider.get().name() + " (-D" + DotProductsProvider.PROPERTY + "="
                + System.getProperty(DotProductsProvider.PROPERTY) + ")");
    }
}
