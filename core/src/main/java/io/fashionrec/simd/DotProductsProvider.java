package io.fashionrec.simd;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.Supplier;

/**
 * The one place that chooses a {@link DotProducts} (and with it a {@link QuantizedDotProducts})
 * for this JVM, once, at first use: the Vector API implementation when the JVM can run it well,
 * otherwise the plain one. The choice is logged
 * once through {@link System.Logger}: at DEBUG when the Vector API is used or the plain one was
 * asked for, at WARNING with the remedy when the module is missing, at INFO when the hardware or
 * JVM mode rules the Vector API out.
 *
 * <p>The system property {@value #PROPERTY}{@code =false} forces the plain implementation (for
 * comparisons, or on a CPU whose vector units are slow).
 */
public final class DotProductsProvider {

    /** The system property that, set to {@code false}, forces the plain implementation. */
    public static final String PROPERTY = "fashionrec.simd";

    /** The incubator module of the Vector API, which a JVM resolves only when told to. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** Below 128-bit vectors, the Vector API's fixed costs outweigh its width. */
    static final int MIN_FLOAT_LANES = 4;

    private static final Choice CHOICE = load();
    private static final DotProducts INSTANCE = CHOICE.vector() ? PanamaDotProducts.INSTANCE : PlainDotProducts.INSTANCE;
    // The int8 kernel needs byte vectors as wide as the float ones in lanes; 4-lane (128-bit) floats have none.
    private static final QuantizedDotProducts QUANTIZED = CHOICE.vector()
            && PanamaQuantizedDotProducts.supports(PanamaDotProducts.preferredFloatLanes())
            ? PanamaQuantizedDotProducts.INSTANCE : PlainQuantizedDotProducts.INSTANCE;

    private DotProductsProvider() {
    }

    /** The implementation this JVM uses; the same instance on every call. */
    public static DotProducts get() {
        return INSTANCE;
    }

    /** The int8 scan and float32 re-scoring kernels, chosen with {@link #get()}; the same instance on every call. */
    public static QuantizedDotProducts quantized() {
        return QUANTIZED;
    }

    /** What {@link #choose} needs to know about the machine once the Vector API is loadable. */
    record Platform(int floatLanes, boolean interpreted) {
    }

    /** Whether to use the Vector API, why (the sentence logged), and how loudly to say so. */
    record Choice(boolean vector, String reason, Level level) {
    }

    /**
     * The choice, from its inputs alone so that tests can try every case in one JVM.
     *
     * @param property      the value of {@value #PROPERTY}, or null when unset
     * @param moduleLoaded  whether {@value #VECTOR_MODULE} is in the boot layer
     * @param platform      asked only when the module is loaded (it loads the Vector API)
     */
    static Choice choose(String property, boolean moduleLoaded, Supplier<Platform> platform) {
        if ("false".equalsIgnoreCase(property)) {
            return new Choice(false, "plain Java dot products: -D" + PROPERTY + "=false", Level.DEBUG);
        }
        if (!moduleLoaded) {
            return new Choice(false, "plain Java dot products, several times slower than SIMD: the module "
                    + VECTOR_MODULE + " is not loaded; start java with --add-modules " + VECTOR_MODULE,
                    Level.WARNING);
        }
        Platform p = platform.get();
        if (p.interpreted()) {
            return new Choice(false, "plain Java dot products: the JVM runs interpreted (-Xint), where the"
                    + " Vector API is far slower than plain loops", Level.INFO);
        }
        if (p.floatLanes() < MIN_FLOAT_LANES) {
            return new Choice(false, "plain Java dot products: the CPU's preferred vectors hold "
                    + p.floatLanes() + " floats, fewer than " + MIN_FLOAT_LANES, Level.INFO);
        }
        return new Choice(true, "SIMD dot products (" + VECTOR_MODULE + ", " + p.floatLanes()
                + " floats per vector)", Level.DEBUG);
    }

    private static Choice load() {
        Choice choice = choose(System.getProperty(PROPERTY),
                ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent(),
                () -> new Platform(PanamaDotProducts.preferredFloatLanes(),
                        System.getProperty("java.vm.info", "").contains("interpreted")));
        Logger log = System.getLogger(DotProductsProvider.class.getName());
        log.log(choice.level(), choice.reason());
        // The Panama classes are touched only once the module is known to be there, and the JVM
        // loads classes at first use: a JVM without the module never loads them.
        return choice;
    }
}
