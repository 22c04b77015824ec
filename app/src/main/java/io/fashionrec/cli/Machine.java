package io.fashionrec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A one-line description of the machine, for benchmark records. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB max heap, Java " + System.getProperty("java.version");
    }

    /**
     * The machine's theoretical single-precision peak in GFLOP/s: cores x clock x FLOP per cycle,
     * where a core with AVX-512 (as the AMD Zen 5 this was measured on: two 512-bit FMA pipes)
     * does 64, with AVX2 32, else 8. The clock is the one /proc/cpuinfo reports (in a VM, the
     * nominal one; a boosting CPU may run faster, so shares near or above 1 mean that).
     */
    static double peakGflops() {
        return Runtime.getRuntime().availableProcessors() * clockMhz() / 1000 * flopsPerCycle();
    }

    static String peakAssumption() {
        return Runtime.getRuntime().availableProcessors() + " cores x " + Math.round(clockMhz()) + " MHz x " + flopsPerCycle()
                + " FLOP/cycle";
    }

    private static int flopsPerCycle() {
        String flags = cpuInfo("flags");
        return flags.contains("avx512f") ? 64 : flags.contains("avx2") ? 32 : 8;
    }

    private static double clockMhz() {
        String mhz = cpuInfo("cpu MHz");
        return mhz.isEmpty() ? 2000 : Double.parseDouble(mhz);
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
