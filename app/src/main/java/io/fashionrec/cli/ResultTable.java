package io.fashionrec.cli;

import io.fashionrec.recommend.Recommendation;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The human table of recommendations: rank, id, fused score, per-modality scores, name (and a note). */
final class ResultTable {

    private ResultTable() {
    }

    static void print(PrintWriter out, List<Recommendation> results) {
        print(out, results, null);
    }

    /** As {@link #print(PrintWriter, List)}, with a note in brackets after each name (null: none). */
    static void print(PrintWriter out, List<Recommendation> results, List<String> notes) {
        int idWidth = Math.max(2, results.stream().mapToInt(r -> r.id().length()).max().orElse(2));
        out.printf(Locale.ROOT, "%4s  %-" + idWidth + "s  %6s  %6s  %6s  %6s  %s%n", "rank", "id", "score", "image", "text", "align", "name");
        for (int i = 0; i < results.size(); i++) {
            Recommendation r = results.get(i);
            out.printf(Locale.ROOT, "%4d  %-" + idWidth + "s  %6s  %6s  %6s  %6s  %s%s%n", i + 1, r.id(), fmt(r.score()), fmt(r.image()),
                    fmt(r.text()), fmt(r.alignment()), r.name(), notes == null ? "" : "  (" + notes.get(i) + ")");
        }
        if (results.isEmpty()) {
            out.println("(no product matches)");
        }
        out.flush();
    }

    static String fmt(double score) {
        return Double.isNaN(score) ? "-" : String.format(Locale.ROOT, "%.3f", score);
    }
}
