package io.fashionrec.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the problems met while reading a catalog and decoding its images, and summarises
 * them once at the end. Thread-safe: image decoding reports from worker threads.
 *
 * <p>Every problem is counted; only the first {@link #EXAMPLES_KEPT} per kind are kept verbatim so
 * that a catalog with a million broken rows does not hold a million messages.
 */
public final class ProblemReport {

    /** How many problems of each kind are kept verbatim as examples. */
    public static final int EXAMPLES_KEPT = 20;

    private final Map<ProblemKind, Integer> counts = new EnumMap<>(ProblemKind.class);
    private final Map<ProblemKind, List<Problem>> examples = new EnumMap<>(ProblemKind.class);
    private final List<Problem> firstProblems = new ArrayList<>();

    public synchronized void add(Problem problem) {
        counts.merge(problem.kind(), 1, Integer::sum);
        List<Problem> kept = examples.computeIfAbsent(problem.kind(), k -> new ArrayList<>());
        if (kept.size() < EXAMPLES_KEPT) {
            kept.add(problem);
        }
        if (firstProblems.size() < EXAMPLES_KEPT) {
            firstProblems.add(problem);
        }
    }

    public void add(ProblemKind kind, SourceLocation where, String productId, String reason) {
        add(new Problem(kind, where, productId, reason));
    }

    /** How many problems of this kind were reported. */
    public synchronized int count(ProblemKind kind) {
        return counts.getOrDefault(kind, 0);
    }

    /** How many problems were reported in all. */
    public synchronized int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Counts by kind, in the enum's order, kinds with no problem left out. */
    public synchronized Map<ProblemKind, Integer> counts() {
        return Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    /** The first problems kept verbatim for one kind. */
    public synchronized List<Problem> examples(ProblemKind kind) {
        return List.copyOf(examples.getOrDefault(kind, List.of()));
    }

    /** The first problems reported, of any kind, in the order they were reported. */
    public synchronized List<Problem> first(int n) {
        return List.copyOf(firstProblems.subList(0, Math.min(n, firstProblems.size())));
    }

    /**
     * A human summary: one line per kind with its count, then up to {@code maxExamples} examples
     * with file:line and reason. Empty string when there were no problems.
     */
    public synchronized String summary(int maxExamples) {
        if (counts.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append(total()).append(total() == 1 ? " problem:" : " problems:");
        counts.forEach((kind, n) -> out.append(' ').append(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .append('=').append(n));
        out.append('\n');
        for (Problem p : first(maxExamples)) {
            out.append("  ").append(p).append('\n');
        }
        if (total() > Math.min(maxExamples, firstProblems.size())) {
            out.append("  ...\n");
        }
        return out.toString();
    }
}
