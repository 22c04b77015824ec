package io.fashionrec.cli;

import io.fashionrec.recommend.Recommendation;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The human table of recommendations: rank, id, fused score, per-modality scores, name. */
final class ResultTable {

    private ResultTable() {
    }

    static void print(PrintWriter out, List<Recommendation> results) {
        int idWidth = Math.max(2, results.stream().mapToInt(r -> r.id().length()).max().orElse(2));
        out.printf(Locale.ROOT, "%4s  %-" + idWidth + "s  %6s  %6s  %6s  %6s  %s%n", "rank", "id", "score", "image", "text", "align", "name");
        int rank = 1;
        for (Recommendation r : results) {
            out.printf(Locale.ROOT, "%4d  %-" + idWidth + "s  %6s  %6s  %6s  %6s  %s%n", rank++, r.id(), fmt(r.score()), fmt(r.image()),
                    fmt(r.text()), fmt(r.alignment()), r.name());
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
