package io.fashionrec.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.image.ImageDecoder;
import io.fashionrec.image.ImageEncoder;
import io.fashionrec.image.ImageLimits;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "embed", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print the raw pooled image vectors (before L2 normalisation) of photos, as an index would compute them.")
final class EmbedCommand implements Callable<Integer> {

    @Mixin
    Streams streams;

    @Mixin
    ImageModelOptions imageModel;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Photos (JPEG, PNG, WebP, GIF, BMP).")
    List<Path> images;

    @Option(names = "--json", description = "Print {\"model\", \"dimension\", \"embeddings\": {file stem: [...]}}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ImageModels.Opened opened = ImageModels.open(imageModel.spec());
        try (ImageEncoder encoder = opened.encoder()) {
            ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
            List<BufferedImage> photos = new ArrayList<>();
            for (Path image : images) {
                photos.add(decoder.decode(image, encoder.minimumInputSide()));
            }
            List<float[]> vectors = encoder.encodeBatch(photos);
            if (json) {
                ObjectNode doc = Json.object();
                doc.put("model", encoder.descriptor().name());
                doc.put("dimension", encoder.descriptor().dimension());
                ObjectNode embeddings = doc.putObject("embeddings");
                for (int i = 0; i < images.size(); i++) {
                    ArrayNode values = embeddings.putArray(stem(images.get(i)));
                    for (float v : vectors.get(i)) {
                        values.add(v);
                    }
                }
                Json.print(streams.out(), doc);
            } else {
                streams.out().println(encoder.descriptor().label());
                for (int i = 0; i < images.size(); i++) {
                    float[] v = vectors.get(i);
                    double norm = 0;
                    for (float x : v) {
                        norm += (double) x * x;
                    }
                    streams.out().printf(Locale.ROOT, "%-20s norm %10.4f  first values %s%n", stem(images.get(i)), Math.sqrt(norm),
                            java.util.Arrays.toString(java.util.Arrays.copyOf(v, Math.min(4, v.length))));
                }
                streams.out().flush();
            }
        }
        return ExitCodes.OK;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
