package io.fashionrec.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.catalog.Catalogs;
import io.fashionrec.catalog.ProblemReport;
import io.fashionrec.catalog.Product;
import io.fashionrec.image.ImageDecoder;
import io.fashionrec.image.ImageLimits;
import io.fashionrec.onnx.OnnxImageEncoder;
import io.fashionrec.onnx.Preset;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "cnn", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"CNN throughput beside PyTorch: runs ../shared/tools/reference_cnn.py on the first N photos of a catalog",
            "(it exports DenseNet121 and VGG16 and times PyTorch's forward passes), then times fashionrec's ONNX Runtime encoder",
            "on the same models and photos, model runs only as PyTorch times itself, in batches of 16."})
final class CnnBenchCommand implements Callable<Integer> {

    /** Forward-pass cost per 224x224 image, multiply-adds counted as two operations. */
    private static final double DENSENET121_GFLOP = 5.7;
    private static final double VGG16_GFLOP = 30.7;

    @Mixin
    Streams streams;

    @Mixin
    PeerOptions peer;

    @Option(names = "--images", paramLabel = "N", defaultValue = "256", description = "How many photos (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (images < 16) {
            throw new BadOptionException("--images must be at least 16, got " + images);
        }
        Path script = peer.script("reference_cnn.py");
        Path work = Files.createTempDirectory("fashionrec-bench-cnn");
        streams.err().println("running PyTorch (" + script.getFileName() + ", " + images + " photos; exporting VGG16 takes a while) ...");
        streams.err().flush();
        String peerOut = Peers.run(peer.command(script, work.toString(), peer.catalog.toString(), Integer.toString(images)),
                work.resolve("peer.log"));
        List<BufferedImage> photos = photos();
        int threads = Runtime.getRuntime().availableProcessors();
        Machine.FlopPeak flopPeak = Machine.FlopPeak.measure();
        double peak = flopPeak.gflops();
        ArrayNode results = Json.MAPPER.createArrayNode();
        StringBuilder table = new StringBuilder();
        Matcher build = Pattern.compile("\\((PyTorch [^,]+, \\d+ threads?)\\)").matcher(peerOut);
        String peerBuild = build.find() ? build.group(1) : "PyTorch";
        for (String arch : new String[] {"densenet121", "vgg16"}) {
            double torch = Peers.number(peerOut, Pattern.compile(arch + ": \\d+ images, batch \\d+, ([0-9.]+) images/s"), arch + " timing");
            double ours;
            try (OnnxImageEncoder encoder = OnnxImageEncoder.load(work.resolve(arch + "-gmp.onnx"), arch, Preset.TORCH, null, threads)) {
                encoder.encodeBatch(photos.subList(0, 2));
                long start = System.nanoTime();
                encoder.encodeBatch(photos);
                ours = photos.size() / ((System.nanoTime() - start) / 1e9);
            }
            double gflop = arch.equals("vgg16") ? VGG16_GFLOP : DENSENET121_GFLOP;
            ObjectNode r = results.addObject();
            r.put("arch", arch);
            r.put("fashionrecImagesPerSecond", round(ours));
            r.put("pytorchImagesPerSecond", round(torch));
            r.put("ratio", round(ours / torch));
            r.put("gflopPerImage", gflop);
            r.put("gflopsPerSecond", round(ours * gflop));
            r.put("peakShare", round(ours * gflop / peak));
            table.append(String.format(Locale.ROOT, "%-12s fashionrec %6.1f images/s, PyTorch %6.1f images/s, ratio %.2f; %.0f GFLOP/s = %.0f%% of peak%n",
                    arch, ours, torch, ours / torch, ours * gflop, 100 * ours * gflop / peak));
        }
        PeerOptions.deleteScratch(work);
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("benchmark", "cnn");
            doc.put("date", LocalDate.now().toString());
            doc.put("machine", Machine.describe());
            doc.put("images", photos.size());
            doc.put("threads", threads);
            doc.put("peakGflops", round(peak));
            doc.put("peakAssumption", flopPeak.toString());
            doc.put("peer", peerBuild);
            doc.set("results", results);
            Json.print(streams.out(), doc);
        } else {
            streams.out().print(table);
            streams.out().printf(Locale.ROOT, "[%d photos, batch 16, %d threads, %s; peak %.0f GFLOP/s = %s; %s, %s]%n", photos.size(), threads,
                    peerBuild, peak, flopPeak, Machine.describe(), LocalDate.now());
            streams.out().flush();
        }
        return ExitCodes.OK;
    }

    /** The first {@link #images} photos of the catalog in its order, as the peer reads them, decoded at full resolution. */
    private List<BufferedImage> photos() throws Exception {
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        List<BufferedImage> out = new ArrayList<>();
        for (Product p : Catalogs.read(peer.catalog, new ProblemReport()).products()) {
            if (out.size() == images) {
                break;
            }
            if (p.image() != null) {
                out.add(decoder.decode(p.image()));
            }
        }
        return out;
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
