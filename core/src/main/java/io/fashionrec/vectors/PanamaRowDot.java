package io.fashionrec.vectors;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowDot} with the Vector API: fused multiply-adds on the CPU's widest float vectors, two
 * accumulators so that consecutive multiply-adds do not wait on each other, a scalar loop for the
 * columns past the last whole vector. Loading this class needs the module
 * {@code jdk.incubator.vector}; only {@link RowDot#forThisJvm()} names it, after checking.
 */
final class PanamaRowDot implements RowDot {

    static final PanamaRowDot INSTANCE = new PanamaRowDot();

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private PanamaRowDot() {
    }

    @Override
    public float dot(float[] query, float[] data, int offset) {
        int d = query.length;
        int step = SPECIES.length();
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = FloatVector.zero(SPECIES);
        int i = 0;
        for (int bound = d - 2 * step; i <= bound; i += 2 * step) {
            a0 = FloatVector.fromArray(SPECIES, query, i).fma(FloatVector.fromArray(SPECIES, data, offset + i), a0);
            a1 = FloatVector.fromArray(SPECIES, query, i + step)
                    .fma(FloatVector.fromArray(SPECIES, data, offset + i + step), a1);
        }
        for (int bound = SPECIES.loopBound(d); i < bound; i += step) {
            a0 = FloatVector.fromArray(SPECIES, query, i).fma(FloatVector.fromArray(SPECIES, data, offset + i), a0);
        }
        float s = a0.add(a1).reduceLanes(VectorOperators.ADD);
        for (; i < d; i++) {
            s += query[i] * data[offset + i];
        }
        return s;
    }
}
