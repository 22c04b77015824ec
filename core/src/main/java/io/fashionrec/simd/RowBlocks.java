package io.fashionrec.simd;

import io.fashionrec.feature.DenseRows;
import io.fashionrec.feature.FloatMatrix;

/**
 * Scans of rows that are not a heap array (memory-mapped index segments): each block of rows is
 * copied into a scratch array of its own and scanned there by the implementation's array kernel,
 * so every row's dot product is the same bits as from a heap copy (the kernels sum a row alone,
 * whatever rows surround it). The copy is a bulk move from the page cache; the block is small
 * enough that the kernel then reads it from the L2 cache, so the scan stays bound by memory as
 * the heap scan is. Scratch arrays belong to one call or one thread: thread-safe.
 */
final class RowBlocks {

    /** Floats per block (256 KiB): a few dozen rows of a few hundred floats, within a core's L2 cache. */
    static final int BLOCK_FLOATS = 64 * 1024;

    /** A row's worth of scratch per thread, for {@link #dot}; grown to the widest rows seen. */
    private static final ThreadLocal<float[]> ROW = ThreadLocal.withInitial(() -> new float[0]);

    private RowBlocks() {
    }

    static void all(DotProducts kernel, float[] query, DenseRows rows, float[] out) {
        DotArguments.checkAll(query, rows, out);
        Blocks blocks = new Blocks(rows, 1);
        for (int first = 0; first < rows.rows(); first += blocks.rows) {
            FloatMatrix block = blocks.load(first);
            kernel.all(query, block, blocks.out[0]);
            System.arraycopy(blocks.out[0], 0, out, first, block.rows());
        }
    }

    /**
     * One row copied into this thread's scratch array and scored there: a graph walk scores a few
     * thousand single rows per query, which would otherwise each be a new array.
     */
    static float dot(DotProducts kernel, float[] query, DenseRows rows, int row) {
        DotArguments.checkQuery(query, rows);
        float[] scratch = ROW.get();
        if (scratch.length < rows.cols()) {
            scratch = new float[rows.cols()];
            ROW.set(scratch);
        }
        rows.copyRows(row, 1, scratch, 0);
        return kernel.dot(query, scratch, 0);
    }

    static void batch(DotProducts kernel, float[][] queries, DenseRows rows, float[][] out) {
        DotArguments.checkBatch(queries, rows, out);
        Blocks blocks = new Blocks(rows, queries.length);
        for (int first = 0; first < rows.rows(); first += blocks.rows) {
            FloatMatrix block = blocks.load(first);
            kernel.batch(queries, block, blocks.out);
            for (int q = 0; q < queries.length; q++) {
                System.arraycopy(blocks.out[q], 0, out[q], first, block.rows());
            }
        }
    }

    /** One call's scratch: a full block, and one shorter block for the rows left at the end. */
    private static final class Blocks {
        final DenseRows source;
        final int rows;
        final float[][] out;
        private final FloatMatrix full;
        private FloatMatrix tail;

        Blocks(DenseRows source, int queries) {
            this.source = source;
            this.rows = Math.max(1, Math.min(source.rows(), BLOCK_FLOATS / Math.max(1, source.cols())));
            this.full = FloatMatrix.zeros(rows, source.cols());
            this.out = new float[queries][rows];
        }

        /** Rows {@code [first, first + rows)} (fewer at the end) copied into a scratch matrix. */
        FloatMatrix load(int first) {
            int count = Math.min(rows, source.rows() - first);
            FloatMatrix into = full;
            if (count < rows) {
                if (tail == null) {
                    tail = FloatMatrix.zeros(count, source.cols());
                }
                into = tail;
            }
            source.copyRows(first, count, into.data(), 0);
            return into;
        }
    }
}
