package io.fashionrec.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Running a peer's script (or another process) for a benchmark, and reading its figures. */
final class Peers {

    private Peers() {
    }

    /** Runs a process to completion; returns its stdout, or fails with its stderr (kept in {@code log}). */
    static String run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        if (code != 0) {
            throw new IOException("'" + String.join(" ", command.subList(0, Math.min(3, command.size()))) + " ...' exited with " + code
                    + ": " + Files.readString(log).strip());
        }
        return out;
    }

    /** The first group of {@code pattern} in the peer's output, as a number, or a failure quoting the output. */
    static double number(String output, Pattern pattern, String what) throws IOException {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IOException("the peer printed no " + what + "; its output: " + output.strip());
        }
        return Double.parseDouble(m.group(1));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The command line users run: the {@code fashionrec} launcher that started this process (it
     * exports its path), so the timing includes the launcher and the JVM options it picks. Run
     * without the launcher (from an IDE), a new JVM with this class path.
     */
    static List<String> fashionrec(String... args) {
        String launcher = System.getenv("FASHIONREC_LAUNCHER");
        List<String> command = launcher != null ? new ArrayList<>(List.of(launcher))
                : new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                        System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(Arrays.asList(args));
        return command;
    }
}
