package io.fashionrec.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Measures the clock the cores actually run at while all of them are busy, which is what a
 * FLOP peak must use: in a VM /proc/cpuinfo reports the nominal (base) clock, and a boosting CPU
 * runs well above it.
 *
 * <p>Each core runs a chain of dependent rotate and xor steps; both take one cycle on the x86-64
 * and AArch64 cores of the last decade and the chain cannot be overlapped, so steps per second is
 * cycles per second. It matches a C loop of dependent adds on the machine of BENCHMARKS.md to 1%.
 */
final class ClockProbe {

    private static final long STEPS = 200_000_000L;
    private static final int ROUNDS = 5;
    /** Where each chain's result goes, so that the JIT cannot drop the chain. */
    private static volatile long sink;

    private ClockProbe() {
    }

    /** The median over a few rounds of the slowest core's clock in MHz, with {@code cores} threads busy at once. */
    static double measureMhz(int cores) throws InterruptedException {
        sink = chain(STEPS / 10, 1); // compiled before timing
        double[] rounds = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            rounds[r] = slowestCoreMhz(cores, r);
        }
        Arrays.sort(rounds);
        return rounds[ROUNDS / 2];
    }

    private static double slowestCoreMhz(int cores, int seed) throws InterruptedException {
        double[] mhz = new double[cores];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < cores; c++) {
            int core = c;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long begin = System.nanoTime();
                sink = chain(STEPS, seed + core);
                mhz[core] = 2.0 * STEPS / ((System.nanoTime() - begin) / 1e9) / 1e6;
            }, "clock-probe-" + c);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        return Arrays.stream(mhz).min().orElseThrow();
    }

    /** {@code steps} pairs of dependent one-cycle operations: two cycles per step. */
    private static long chain(long steps, long x) {
        for (long i = 0; i < steps; i++) {
            x = Long.rotateLeft(x, 1) ^ i;
        }
        return x;
    }
}
