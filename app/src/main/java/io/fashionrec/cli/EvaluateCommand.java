package io.fashionrec.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.eval.Configuration;
import io.fashionrec.eval.EvaluationReport;
import io.fashionrec.eval.Evaluator;
import io.fashionrec.eval.LabelResult;
import io.fashionrec.fusion.FusionWeights;
import io.fashionrec.fusion.Modality;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.recommend.Recommender;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Leave-one-out precision@k and nDCG@k per label: how often a product's k nearest other products share its label.",
            "Reports text alone, image alone and fused. Labels are attribute columns; the features never read them."})
final class EvaluateCommand implements Callable<Integer> {

    static final List<String> DEFAULT_LABELS = List.of("articleType", "subCategory", "baseColour");
    private static final double[] IMAGE_GRID = {0, 0.5, 1, 1.5, 2, 3};
    private static final double[] ALIGNMENT_GRID = {0, 0.5, 1, 1.5, 2, 3, 4, 6};

    @Mixin
    Streams streams;

    @Mixin
    IndexOption index;

    @Option(names = "--labels", paramLabel = "ATTR", split = ",",
            description = "Attributes to score against (default: articleType,subCategory,baseColour, those the index has).")
    List<String> labels;

    @Option(names = "-k", paramLabel = "K", defaultValue = "5", description = "The cut-off (default: ${DEFAULT-VALUE}).")
    int k;

    @Mixin
    WeightOptions weights;

    @Option(names = "--ablation", description = "Also report the alignment alone and text+image without the alignment.")
    boolean ablation;

    @Option(names = "--grid", description = "Also report fused precision for a grid of image and alignment weights (text weight 1).")
    boolean grid;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ProductIndex idx = index.open();
        List<String> chosen = labels != null ? labels : DEFAULT_LABELS.stream().filter(idx.products()::hasAttribute).toList();
        if (chosen.isEmpty()) {
            throw new BadOptionException("this index has none of the default labels " + DEFAULT_LABELS
                    + "; name some with --labels from: " + String.join(", ", idx.products().attributeNames()));
        }
        FusionWeights fused = weights.weights(idx.defaultWeights());
        fused = fused != null ? fused : idx.defaultWeights();
        List<Configuration> configurations = new ArrayList<>(List.of(Configuration.only(Modality.TEXT),
                Configuration.only(Modality.IMAGE), Configuration.fused(fused)));
        if (ablation) {
            configurations.add(Configuration.only(Modality.ALIGNMENT));
            if (fused.text() + fused.image() > 0) {
                configurations.add(new Configuration("text+image", fused.with(Modality.ALIGNMENT, 0)));
            }
        }
        if (grid) {
            for (double image : IMAGE_GRID) {
                for (double alignment : ALIGNMENT_GRID) {
                    configurations.add(new Configuration("grid", new FusionWeights(1, image, alignment)));
                }
            }
        }
        EvaluationReport report;
        try {
            report = new Evaluator(new Recommender(idx)).evaluate(chosen, k, configurations, weights.kernel(), TerminalProgress.forStderr());
        } catch (IllegalArgumentException e) {
            throw new BadOptionException(e.getMessage());
        }
        if (json) {
            Json.print(streams.out(), toJson(report));
        } else {
            printTable(streams.out(), report, chosen);
        }
        return ExitCodes.OK;
    }

    static ObjectNode toJson(EvaluationReport report) {
        ObjectNode doc = Json.object();
        doc.put("k", report.k());
        doc.put("products", report.products());
        doc.put("kernel", report.kernel());
        ArrayNode results = doc.putArray("results");
        for (LabelResult r : report.results()) {
            ObjectNode o = results.addObject();
            o.put("modality", r.modality());
            o.put("label", r.label());
            o.put("precision", Math.round(r.precision() * 1e4) / 1e4);
            o.put("ndcg", Math.round(r.ndcg() * 1e4) / 1e4);
            o.put("weights", r.weights());
        }
        return doc;
    }

    private static void printTable(PrintWriter out, EvaluationReport report, List<String> labels) {
        out.printf(Locale.ROOT, "leave-one-out precision@%d (nDCG@%d) over %d products, %s kernel%n", report.k(), report.k(),
                report.products(), report.kernel());
        Map<String, List<LabelResult>> rows = new LinkedHashMap<>();
        for (LabelResult r : report.results()) {
            rows.computeIfAbsent(r.modality() + "|" + r.weights(), x -> new ArrayList<>()).add(r);
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-11s %-34s", "modality", "weights"));
        for (String label : labels) {
            header.append(String.format(Locale.ROOT, " %18s", label));
        }
        List<List<LabelResult>> ordered = new ArrayList<>(rows.values());
        List<List<LabelResult>> gridRows = ordered.stream().filter(r -> r.get(0).modality().equals("grid")).toList();
        ordered.removeAll(gridRows);
        out.println(header);
        ordered.forEach(r -> out.println(row(r)));
        if (!gridRows.isEmpty()) {
            out.println();
            out.println("grid, best first by the smallest gain of fused over the better of text and image on any label:");
            out.println(header.append(String.format(Locale.ROOT, " %9s", "min gain")));
            gridRows.stream().sorted(Comparator.comparingDouble((List<LabelResult> r) -> -minGain(r, report)))
                    .forEach(r -> out.println(row(r) + String.format(Locale.ROOT, " %+9.3f", minGain(r, report))));
        }
        out.flush();
    }

    private static String row(List<LabelResult> results) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-11s %-34s", results.get(0).modality(), results.get(0).weights()));
        for (LabelResult r : results) {
            line.append(String.format(Locale.ROOT, " %10.3f (%.3f)", r.precision(), r.ndcg()));
        }
        return line.toString();
    }

    private static double minGain(List<LabelResult> results, EvaluationReport report) {
        double min = Double.POSITIVE_INFINITY;
        for (LabelResult r : results) {
            double single = Math.max(report.find("text", r.label()).precision(), report.find("image", r.label()).precision());
            min = Math.min(min, r.precision() - single);
        }
        return min;
    }
}
