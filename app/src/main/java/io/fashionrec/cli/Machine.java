package io.fashionrec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A one-line description of the machine, for benchmark records. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB max heap, Java " + System.getProperty("java.version");
    }

    /**
     * The machine's theoretical single-precision peak: cores x clock x FLOP per cycle.
     *
     * @param cores          the cores the work may use
     * @param clockMhz       their clock, as {@link ClockProbe} measures it under load
     * @param flopsPerCycle  per core: 64 with AVX-512 (two 512-bit FMA pipes, as the AMD Zen 5 this
     *                       was measured on; a core with one pipe or 256-bit halves does 32), 32
     *                       with AVX2, else 8
     */
    record FlopPeak(int cores, double clockMhz, int flopsPerCycle) {

        /** The peak on all available cores at their measured clock. */
        static FlopPeak measure() throws InterruptedException {
            int cores = Runtime.getRuntime().availableProcessors();
            return new FlopPeak(cores, ClockProbe.measureMhz(cores), Machine.flopsPerCycle());
        }

        double gflops() {
            return cores * clockMhz / 1000 * flopsPerCycle;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d cores x %.0f MHz (measured under load; /proc/cpuinfo says %s) x %d FLOP/cycle", cores, clockMhz,
                    nominalClock(), flopsPerCycle);
        }
    }

    private static int flopsPerCycle() {
        String flags = cpuInfo("flags");
        return flags.contains("avx512f") ? 64 : flags.contains("avx2") ? 32 : 8;
    }

    private static String nominalClock() {
        String mhz = cpuInfo("cpu MHz");
        return mhz.isEmpty() ? "nothing" : Math.round(Double.parseDouble(mhz)) + " MHz";
    }

    private static String cpuInfo(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith(field)) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return "";
    }

    private static String cpuModel() {
        String model = cpuInfo("model name");
        return model.isEmpty() ? System.getProperty("os.arch") : model;
    }
}
