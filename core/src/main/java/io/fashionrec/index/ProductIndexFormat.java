package io.fashionrec.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.align.AlignmentSettings;
import io.fashionrec.align.TextToImageAlignment;
import io.fashionrec.feature.DenseRows;
import io.fashionrec.feature.EncoderDescriptor;
import io.fashionrec.feature.FloatMatrix;
import io.fashionrec.feature.SparseMatrix;
import io.fashionrec.feature.VectorSegment;
import io.fashionrec.fusion.FusedSegment;
import io.fashionrec.fusion.FusionLayout;
import io.fashionrec.fusion.FusionWeights;
import io.fashionrec.fusion.Kernel;
import io.fashionrec.fusion.Modality;
import io.fashionrec.index.store.Bits;
import io.fashionrec.index.store.DenseEncoding;
import io.fashionrec.index.store.DenseMatrix;
import io.fashionrec.index.store.DenseMatrixWriter;
import io.fashionrec.index.store.IndexFormatException;
import io.fashionrec.index.store.IndexReader;
import io.fashionrec.index.store.IndexWriter;
import io.fashionrec.index.store.StoredGraph;
import io.fashionrec.index.store.StringColumn;
import io.fashionrec.progress.Progress;
import io.fashionrec.text.TfidfModel;
import io.fashionrec.text.TfidfSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@link ProductIndex} is laid out in an index directory, version 3. The storage layer
 * ({@code io.fashionrec.index.store}) owns the bytes of each part and the atomic commit; this
 * class owns which parts exist and the {@code content} document of the manifest.
 *
 * <p>Parts (n products, V terms, r the alignment sketch dimension):
 * <ul>
 *   <li>{@code ids}, {@code names}, {@code descriptions}, {@code images} — string columns of n
 *       (an empty image means the product has no usable photo path);</li>
 *   <li>{@code attr_<a>} — the string column of the a-th attribute of {@code content.attributes};</li>
 *   <li>{@code fingerprints} — strings of n, each product's {@link ProductFingerprint} of the
 *       version {@code content.fingerprintVersion} (64 hex digits), with which the next build
 *       over this index tells added, changed and removed products apart; absent when the
 *       fingerprints are not known (an index of layout 1 read and written again);</li>
 *   <li>{@code photos} — strings of n, each product's {@link PhotoRecord} (its photo's SHA-256,
 *       size and modification time; empty when it has no readable photo), with which the next
 *       build skips reading unchanged photo files; absent when not known;</li>
 *   <li>{@code text_rows} — sparse n x V, the L2-normalised TF-IDF rows; {@code text_vocabulary}
 *       (strings, V, sorted) and {@code text_idf} (dense V x 1, float64);</li>
 *   <li>{@code segment_<s>} — dense n x d float32 for each dense fused segment s >= 1 (rows
 *       L2-normalised, zero when absent) and {@code segment_<s>_present} — bits of n;</li>
 *   <li>image segments in layers (layout 3, {@code content.imageLayers} = L >= 1, see
 *       {@link LayeredRows}): for each image segment s, layer 0 is the part {@code segment_<s>}
 *       and layer j >= 1 the part {@code segment_<s>_layer_<j>}, each dense float32 with the
 *       segment's width and any number of rows; {@code image_rows} — dense n x 1 float64 of
 *       integers, product i's row among the layers' rows stacked in order (the same for every
 *       image segment). An update writes only the layer of the photos it embedded and carries the
 *       other layers' files over from the generation before; a segment is written again as one
 *       layer once it would have more than {@link LayeredRows#MAX_LAYERS} layers or products
 *       would read less than {@link LayeredRows#MIN_LIVE_SHARE} of its rows;</li>
 *   <li>{@code image_sketches} — dense n x (r times the image segments) float32, each product's
 *       {@link ImageSketches} row (zero without a photo), made with {@code content.imageSketches}
 *       (sketch dimension, rho, seed): the next build copies those of unchanged photos instead of
 *       sketching them again; absent when not known;</li>
 *   <li>{@code alignment_map_<a>} — dense V x r float32 and {@code alignment_mean_<a>} — dense
 *       1 x r float32 for each image segment a, when an alignment was fitted;</li>
 *   <li>{@code graph} — the approximate-search graph over the n products ({@link ProductGraph},
 *       graph part), when the build made one; {@code content.graph} then records what it was built
 *       for: its products, maxConnections, beamWidth, the fusion weights and the dense segments
 *       (key, share, dimension) it scored with.</li>
 * </ul>
 * Image paths are stored relative to the catalog root that the content records, so only that
 * one path names the machine the index was built on. The {@code content} document records the layout version, the catalog root,
 * the product count, the attribute
 * names, the image encoder's descriptor and segments, how to get that encoder again ({@code imageModel},
 * a string map, absent when unknown), the TF-IDF descriptor and settings, the
 * alignment settings and the fusion defaults.
 *
 * <p>Versions: 3 added image segments in layers and {@code content.imageLayers}; an index whose
 * image segments are one layer each, product i at row i, is written as layout 2, byte for byte
 * as before (its image files may still be carried over from the generation before: see the
 * storage manifest's version 2). 2 added {@code fingerprints}, {@code photos}, {@code image_sketches},
 * {@code content.fingerprintVersion} and {@code content.imageSketches}. The optional {@code graph}
 * part and {@code content.graph} came later within layout 2, without a bump: an index without a
 * graph is written byte for byte as before, and a fashionrec that predates the graph codec refuses
 * the part by name with a sentence asking for a rebuild. Layout 1 is
 * still read (its products have no fingerprints: the next build counts added and removed
 * products but not changed ones); any other version fails with one sentence asking for a rebuild.
 */
public final class ProductIndexFormat {

    /** The version of the content layout described above. */
    public static final int LAYOUT_VERSION = 3;
    /** The layout written when no image segment is in layers: version 2, which older versions read. */
    static final int LAYOUT_VERSION_ONE_LAYER = 2;
    private static final String IMAGE_ROWS = "image_rows";
    /** The oldest layout this version still reads. */
    static final int OLDEST_READABLE_LAYOUT = 1;
    static final String KIND = "fashionrec-product-index";
    private static final String GRAPH = "graph";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProductIndexFormat() {
    }

    /** Writes {@code index} to {@code dir} as a new generation, committed atomically. */
    public static void write(ProductIndex index, Path dir, Progress progress) {
        ProductTable products = index.products();
        FusedVectors vectors = index.vectors();
        FusionLayout layout = vectors.layout();
        int n = products.size();
        progress.start("writing index", layout.size() + 4L);
        try (IndexWriter writer = IndexWriter.open(dir)) {
            writer.addStrings("ids", column(products.ids()));
            writer.addStrings("names", column(products.names()));
            writer.addStrings("descriptions", column(products.descriptions()));
            writer.addStrings("images", column(products.images()));
            for (int a = 0; a < products.attributeNames().size(); a++) {
                writer.addStrings("attr_" + a, column(products.attributeColumn(products.attributeNames().get(a))));
            }
            if (products.hasFingerprints()) {
                writer.addStrings("fingerprints", column(products.fingerprints()));
            }
            if (products.hasPhotoRecords()) {
                writer.addStrings("photos", column(products.photoRecords()));
            }
            progress.advance(4);
            TfidfModel text = index.textModel();
            writer.addSparse("text_rows", text.vocabularySize(), vectors.textRows());
            writer.addStrings("text_vocabulary", text.vocabulary());
            try (DenseMatrixWriter idf = writer.addDense("text_idf", text.vocabularySize(), 1, DenseEncoding.FLOAT64)) {
                for (double v : text.idf()) {
                    idf.addRow(new double[] {v});
                }
            }
            progress.advance(1);
            int imageSegments = imageSegments(index).size();
            LayeredRows[] layered = keptLayers(vectors, imageSegments, writer);
            // A single layer read in order needs no row map: that index is layout 2.
            int mappedLayers = layered == null || layered[0].isSingleMatrix() ? 0 : layered[0].layers().size();
            if (mappedLayers > 0) {
                try (DenseMatrixWriter part = writer.addDense(IMAGE_ROWS, n, 1, DenseEncoding.FLOAT64)) {
                    for (int i = 0; i < n; i++) {
                        part.addRow(new double[] {layered[0].stackedRow(i)});
                    }
                }
            }
            for (int s = 1; s < layout.size(); s++) {
                if (layered != null && s <= imageSegments) {
                    List<LayeredRows.Layer> layers = layered[s - 1].layers();
                    for (int j = 0; j < layers.size(); j++) {
                        LayeredRows.Layer layer = layers.get(j);
                        if (layer.stored() != null) {
                            writer.carryOver(layer.stored());
                        } else {
                            writeRows(writer, layerPart(s, j), layer.rows());
                        }
                    }
                } else {
                    writeRows(writer, "segment_" + s, vectors.dense(s));
                }
                BitSet present = new BitSet(n);
                for (int i = 0; i < n; i++) {
                    present.set(i, (vectors.mask(i) & (1 << s)) != 0);
                }
                writer.addBits("segment_" + s + "_present", present, n);
                progress.advance(1);
            }
            ImageSketches sketches = index.imageSketches();
            if (sketches != null) {
                FloatMatrix m = sketches.rows();
                try (DenseMatrixWriter part = writer.addDense("image_sketches", n, m.cols(), DenseEncoding.FLOAT32)) {
                    for (int i = 0; i < n; i++) {
                        part.addRow(m.data(), m.offset(i));
                    }
                }
            }
            TextToImageAlignment alignment = index.alignment();
            if (alignment != null) {
                for (int a = 0; a < alignment.imageSegments().size(); a++) {
                    FloatMatrix map = alignment.map(a);
                    try (DenseMatrixWriter part = writer.addDense("alignment_map_" + a, map.rows(), map.cols(), DenseEncoding.FLOAT32)) {
                        for (int c = 0; c < map.rows(); c++) {
                            part.addRow(map.data(), map.offset(c));
                        }
                    }
                    try (DenseMatrixWriter part = writer.addDense("alignment_mean_" + a, 1, map.cols(), DenseEncoding.FLOAT32)) {
                        part.addRow(alignment.sketchMean(a));
                    }
                }
            }
            if (index.graph() != null) {
                writer.addGraph(GRAPH, index.graph().graph(), index.graph().basis().maxConnections());
            }
            writer.commit(content(index, mappedLayers));
        } finally {
            progress.finish();
        }
    }

    /** The name of layer {@code j} of fused segment {@code s}. */
    private static String layerPart(int s, int j) {
        return j == 0 ? "segment_" + s : "segment_" + s + "_layer_" + j;
    }

    /**
     * The image segments to write as their layers, carrying the stored ones over; null to write
     * each as one matrix. Layers are kept only when every image segment is in layers with the
     * same rows, {@link LayeredRows#worthKeeping} holds, and each stored layer is a file of the
     * directory being written under its layer's name.
     */
    private static LayeredRows[] keptLayers(FusedVectors vectors, int imageSegments, IndexWriter writer) {
        if (imageSegments == 0 || !(vectors.dense(1) instanceof LayeredRows first) || !first.worthKeeping()) {
            return null;
        }
        LayeredRows[] out = new LayeredRows[imageSegments];
        for (int k = 0; k < imageSegments; k++) {
            if (!(vectors.dense(k + 1) instanceof LayeredRows rows) || rows.layers().size() != first.layers().size()
                    || rows.stackedRows() != first.stackedRows()) {
                return null;
            }
            for (int i = 0; i < rows.rows(); i++) {
                if (rows.stackedRow(i) != first.stackedRow(i)) {
                    return null;
                }
            }
            for (int j = 0; j < rows.layers().size(); j++) {
                LayeredRows.Layer layer = rows.layers().get(j);
                if (layer.stored() != null && !(layer.stored().part().equals(layerPart(k + 1, j)) && writer.canCarryOver(layer.stored()))) {
                    return null;
                }
            }
            out[k] = rows;
        }
        return out;
    }

    /** Writes {@code rows} as dense float32 part {@code part}. */
    private static void writeRows(IndexWriter writer, String part, DenseRows rows) {
        float[] row = new float[rows.cols()];
        try (DenseMatrixWriter out = writer.addDense(part, rows.rows(), rows.cols(), DenseEncoding.FLOAT32)) {
            for (int i = 0; i < rows.rows(); i++) {
                rows.copyRows(i, 1, row, 0);
                out.addRow(row);
            }
        }
    }

    /**
     * The image segments of the index {@code reader} opened, each as its layers with the stored
     * parts they come from; null when the index stores each as one matrix, product i at row i
     * (no {@code content.imageLayers}: layout 2), which readers then take as it is.
     */
    private static LayeredRows[] imageLayers(Path dir, IndexReader reader, ObjectNode content, int imageSegments) {
        int layers = content.path("imageLayers").asInt(0);
        if (layers == 0) {
            return null;
        }
        int n = content.path("products").asInt(-1);
        if (layers < 0) {
            throw damaged(dir, "it records " + layers + " image layers");
        }
        DenseMatrix part = reader.dense(IMAGE_ROWS);
        if (part.rows() != n || part.cols() != 1) {
            throw damaged(dir, "its image rows are " + part.rows() + " x " + part.cols() + " where " + n + " x 1 belong");
        }
        int[] rowMap = new int[n];
        for (int i = 0; i < n; i++) {
            double v = part.getDouble(i, 0);
            rowMap[i] = (int) v;
            if (rowMap[i] != v) {
                throw damaged(dir, "product " + i + "'s image row is " + v + ", not a row number");
            }
        }
        LayeredRows[] out = new LayeredRows[imageSegments];
        for (int k = 0; k < imageSegments; k++) {
            // fused segment 0 is the text; image segment k is fused segment k + 1
            List<LayeredRows.Layer> stack = new ArrayList<>();
            for (int j = 0; j < layers; j++) {
                String name = layerPart(k + 1, j);
                stack.add(new LayeredRows.Layer(reader.dense(name), reader.stored(name)));
            }
            out[k] = new LayeredRows(stack, rowMap);
        }
        return out;
    }

    /**
     * Reads the index committed in {@code dir}.
     *
     * @throws IndexFormatException (one sentence) when there is no index, or it is damaged or of
     *                              another version
     */
    public static ProductIndex read(Path dir) {
        // Closing the reader only drops its table of parts: the string columns the product
        // table keeps stay memory-mapped for as long as the index is referenced.
        try (IndexReader reader = IndexReader.open(dir)) {
            ObjectNode content = checkedContent(dir, reader);
            return readContent(dir, reader, content);
        } catch (IndexFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged(dir, "its parts do not fit together (" + e.getMessage() + ")");
        }
    }

    /**
     * Reads only the products of the index committed in {@code dir} (memory-mapped columns; no
     * vector is read): what a new build over the same directory compares its catalog with.
     *
     * @throws IndexFormatException (one sentence) as {@link #read} does
     */
    public static ProductTable readProducts(Path dir) {
        try (IndexReader reader = IndexReader.open(dir)) {
            return products(dir, reader, checkedContent(dir, reader));
        } catch (IndexFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged(dir, "its parts do not fit together (" + e.getMessage() + ")");
        }
    }

    /** The index committed in {@code dir} as {@link PreviousIndex#open} gives it. */
    static PreviousIndex readPrevious(Path dir) {
        // The reader's parts stay mapped after it closes, for as long as they are referenced.
        try (IndexReader reader = IndexReader.open(dir)) {
            ObjectNode content = checkedContent(dir, reader);
            ProductTable products = products(dir, reader, content);
            List<VectorSegment> segments = imageSegments(content.path("imageSegments"));
            LayeredRows[] layered = imageLayers(dir, reader, content, segments.size());
            LayeredRows[] images = new LayeredRows[segments.size()];
            Bits[] present = new Bits[segments.size()];
            for (int k = 0; k < segments.size(); k++) {
                String segment = "segment_" + (k + 1);
                // An update stacks its photos on these layers, so one matrix becomes a layer of its own.
                images[k] = layered != null ? layered[k] : LayeredRows.of(reader.dense(segment), reader.stored(segment));
                present[k] = reader.bits(segment + "_present");
            }
            AlignmentSettings sketchSettings = sketchSettings(reader, content);
            return new PreviousIndex(products, Path.of(content.path("catalog").asText("")), descriptor(content.path("imageEncoder")),
                    segments, images, present, sketchSettings, sketchSettings == null ? null : reader.dense("image_sketches"),
                    graph(dir, reader, content));
        } catch (IndexFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged(dir, "its parts do not fit together (" + e.getMessage() + ")");
        }
    }

    private static List<VectorSegment> imageSegments(JsonNode array) {
        List<VectorSegment> segments = new ArrayList<>();
        for (JsonNode s : array) {
            segments.add(new VectorSegment(s.path("name").asText(), s.path("offset").asInt(), s.path("length").asInt(),
                    s.path("weight").asDouble()));
        }
        return segments;
    }

    private static ObjectNode checkedContent(Path dir, IndexReader reader) {
        ObjectNode content = reader.content();
        String kind = content.path("kind").asText("");
        int version = content.path("layoutVersion").asInt(-1);
        if (!KIND.equals(kind)) {
            throw damaged(dir, "its manifest does not describe a product index");
        }
        if (version < OLDEST_READABLE_LAYOUT || version > LAYOUT_VERSION) {
            throw new IndexFormatException(dir + " holds a product index of layout version " + version
                    + "; this fashionrec reads versions " + OLDEST_READABLE_LAYOUT + " to " + LAYOUT_VERSION
                    + ": rebuild it with `fashionrec index`");
        }
        return content;
    }

    private static ProductTable products(Path dir, IndexReader reader, ObjectNode content) {
        int n = content.path("products").asInt(-1);
        List<String> attributeNames = strings(content.path("attributes"));
        // Fingerprints of another version digest other fields: comparing them would call every product changed.
        boolean fingerprinted = reader.has("fingerprints") && content.path("fingerprintVersion").asInt(-1) == ProductFingerprint.VERSION;
        ProductTable products = new ProductTable(column(reader.strings("ids")), column(reader.strings("names")),
                column(reader.strings("descriptions")), column(reader.strings("images")), attributeNames,
                a -> column(reader.strings("attr_" + a)), fingerprinted ? column(reader.strings("fingerprints")) : null,
                reader.has("photos") ? column(reader.strings("photos")) : null);
        if (products.size() != n) {
            throw damaged(dir, "it lists " + n + " products but holds " + products.size());
        }
        return products;
    }

    private static ProductIndex readContent(Path dir, IndexReader reader, ObjectNode content) {
        int n = content.path("products").asInt(-1);
        loadInBackground(dir, reader);
        ProductTable products = products(dir, reader, content);
        EncoderDescriptor imageEncoder = descriptor(content.path("imageEncoder"));
        List<VectorSegment> imageSegments = imageSegments(content.path("imageSegments"));
        VectorSegment.checkTiling(imageSegments, imageEncoder.dimension());

        JsonNode textNode = content.path("textModel");
        Map<String, String> settings = new LinkedHashMap<>();
        textNode.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        List<String> vocabulary = list(reader.strings("text_vocabulary"));
        DenseMatrix idfPart = reader.dense("text_idf");
        double[] idf = new double[idfPart.rows()];
        for (int c = 0; c < idf.length; c++) {
            idf[c] = idfPart.getDouble(c, 0);
        }
        TfidfModel textModel = TfidfModel.restore(vocabulary, idf, TfidfSettings.fromMap(settings));
        if (!textModel.descriptor().equals(descriptor(textNode.path("descriptor")))) {
            throw new IndexFormatException(dir + " was built with the text model " + descriptor(textNode.path("descriptor")).preprocessing()
                    + ", which this fashionrec describes differently (" + textModel.descriptor().preprocessing() + "): rebuild it with `fashionrec index`");
        }

        TextToImageAlignment alignment = null;
        JsonNode alignmentNode = content.path("alignment");
        if (!alignmentNode.isNull() && !alignmentNode.isMissingNode()) {
            if (alignmentNode.path("version").asInt(-1) != TextToImageAlignment.VERSION) {
                throw new IndexFormatException(dir + " holds an alignment of version " + alignmentNode.path("version").asInt(-1)
                        + "; this fashionrec reads version " + TextToImageAlignment.VERSION + ": rebuild it with `fashionrec index`");
            }
            AlignmentSettings as = new AlignmentSettings(alignmentNode.path("sketchDimension").asInt(), alignmentNode.path("rho").asDouble(),
                    alignmentNode.path("seed").asLong());
            List<FloatMatrix> maps = new ArrayList<>();
            List<float[]> means = new ArrayList<>();
            for (int a = 0; a < imageSegments.size(); a++) {
                maps.add(matrix(reader.dense("alignment_map_" + a)));
                means.add(matrix(reader.dense("alignment_mean_" + a)).data());
            }
            alignment = new TextToImageAlignment(as, imageSegments, vocabulary.size(), maps, means,
                    alignmentNode.path("trainingProducts").asInt());
        }

        FusionLayout layout = FusionLayout.of(imageSegments, alignment == null ? 0 : alignment.settings().sketchDimension());
        if (layout.size() != content.path("segments").size()) {
            throw damaged(dir, "its segments do not match its encoders");
        }
        SparseMatrix textRows = reader.sparse("text_rows").readAll();
        if (textRows.rows() != n || textRows.cols() != vocabulary.size()) {
            throw damaged(dir, "its text rows are " + textRows.rows() + " x " + textRows.cols() + " where " + n + " products x "
                    + vocabulary.size() + " terms belong");
        }
        int[] masks = new int[n];
        for (int i = 0; i < n; i++) {
            masks[i] = textRows.isEmpty(i) ? 0 : 1;
        }
        DenseRows[] dense = new DenseRows[layout.size()];
        LayeredRows[] images = imageLayers(dir, reader, content, imageSegments.size());
        for (int s = 1; s < layout.size(); s++) {
            // Served from the map, not copied: a million-product index opens in the time its ids take.
            dense[s] = images != null && s <= images.length ? images[s - 1] : reader.dense("segment_" + s);
            Bits present = reader.bits("segment_" + s + "_present");
            for (int i = 0; i < n; i++) {
                if (present.get(i)) {
                    masks[i] |= 1 << s;
                }
            }
        }
        FusedVectors vectors = new FusedVectors(layout, textRows, dense, masks);
        JsonNode fusion = content.path("fusion");
        FusionWeights weights = new FusionWeights(fusion.path("weights").path("text").asDouble(), fusion.path("weights").path("image").asDouble(),
                fusion.path("weights").path("alignment").asDouble());
        Kernel kernel = Kernel.fromJsonName(fusion.path("kernel").asText());
        Path catalog = Path.of(content.path("catalog").asText(""));
        Map<String, String> imageModel = new LinkedHashMap<>();
        content.path("imageModel").fields().forEachRemaining(e -> imageModel.put(e.getKey(), e.getValue().asText()));
        AlignmentSettings sketchSettings = sketchSettings(reader, content);
        ImageSketches sketches = sketchSettings == null ? null : new ImageSketches(sketchSettings, matrix(reader.dense("image_sketches")));
        return new ProductIndex(catalog, products, vectors, textModel, imageEncoder, imageModel, alignment, weights, kernel, sketches,
                graph(dir, reader, content));
    }

    /** The index's graph (mapped) with what it was built for, or null when it has none. */
    private static ProductGraph graph(Path dir, IndexReader reader, ObjectNode content) {
        JsonNode node = content.path(GRAPH);
        if (!reader.has(GRAPH) || !node.isObject()) {
            return null;
        }
        List<FusedSegment> segments = new ArrayList<>();
        for (JsonNode s : node.path("segments")) {
            String[] key = s.path("key").asText().split("\\.", 2);
            segments.add(new FusedSegment(Modality.fromJsonName(key[0]), key.length > 1 ? key[1] : "", s.path("share").asDouble(),
                    s.path("dimension").asInt()));
        }
        JsonNode w = node.path("weights");
        ProductGraph.Basis basis = new ProductGraph.Basis(node.path("products").asInt(-1), segments,
                new FusionWeights(w.path("text").asDouble(), w.path("image").asDouble(), w.path("alignment").asDouble()),
                node.path("maxConnections").asInt(), node.path("beamWidth").asInt());
        StoredGraph graph = reader.graph(GRAPH);
        if (graph.size() != basis.products() || graph.maxConnections() != basis.maxConnections()) {
            throw damaged(dir, "its graph has " + graph.size() + " nodes and M " + graph.maxConnections() + " where its manifest records "
                    + basis.products() + " and " + basis.maxConnections());
        }
        return new ProductGraph(graph, basis);
    }

    /**
     * Pages the dense segments in on a daemon thread while this one reads the products and the
     * text: the first scan would otherwise fault them in itself (about a second per 2 GB, on a
     * million products of 512 floats), so a server answers its first request sooner. A segment
     * the layout does not hold is left to {@link #readContent} to report.
     */
    private static void loadInBackground(Path dir, IndexReader reader) {
        List<DenseMatrix> parts = new ArrayList<>();
        for (String name : reader.manifest().parts().keySet()) {
            if (name.startsWith("segment_") && !name.endsWith("_present") && reader.has(name)) {
                parts.add(reader.dense(name));
            }
        }
        Thread loader = new Thread(() -> parts.forEach(DenseMatrix::load), "fashionrec-page-in " + dir.getFileName());
        loader.setDaemon(true);
        loader.start();
    }

    /** The settings the stored image sketches were made with, or null when the index holds none. */
    private static AlignmentSettings sketchSettings(IndexReader reader, ObjectNode content) {
        JsonNode node = content.path("imageSketches");
        if (!reader.has("image_sketches") || !node.isObject()) {
            return null;
        }
        return new AlignmentSettings(node.path("sketchDimension").asInt(), node.path("rho").asDouble(), node.path("seed").asLong());
    }

    private static ObjectNode content(ProductIndex index, int imageLayers) {
        ObjectNode c = JSON.createObjectNode();
        c.put("kind", KIND);
        c.put("layoutVersion", imageLayers > 0 ? LAYOUT_VERSION : LAYOUT_VERSION_ONE_LAYER);
        c.put("products", index.size());
        c.put("catalog", index.catalog().toString());
        ArrayNode attributes = c.putArray("attributes");
        index.products().attributeNames().forEach(attributes::add);
        if (index.products().hasFingerprints()) {
            c.put("fingerprintVersion", ProductFingerprint.VERSION);
        }
        c.set("imageEncoder", json(index.imageEncoder()));
        if (imageLayers > 0) {
            c.put("imageLayers", imageLayers);
        }
        if (!index.imageModel().isEmpty()) {
            ObjectNode model = c.putObject("imageModel");
            new java.util.TreeMap<>(index.imageModel()).forEach(model::put);
        }
        ArrayNode segments = c.putArray("imageSegments");
        List<VectorSegment> imageSegments = imageSegments(index);
        for (VectorSegment s : imageSegments) {
            segments.addObject().put("name", s.name()).put("offset", s.offset()).put("length", s.length()).put("weight", s.weight());
        }
        ObjectNode text = c.putObject("textModel");
        text.set("descriptor", json(index.textModel().descriptor()));
        ObjectNode settings = text.putObject("settings");
        index.textModel().settings().toMap().forEach(settings::put);
        TextToImageAlignment alignment = index.alignment();
        if (alignment == null) {
            c.putNull("alignment");
        } else {
            c.putObject("alignment").put("version", TextToImageAlignment.VERSION)
                    .put("sketchDimension", alignment.settings().sketchDimension()).put("rho", alignment.settings().rho())
                    .put("seed", alignment.settings().seed()).put("trainingProducts", alignment.trainingProducts());
        }
        if (index.imageSketches() != null) {
            AlignmentSettings made = index.imageSketches().settings();
            c.putObject("imageSketches").put("sketchDimension", made.sketchDimension()).put("rho", made.rho()).put("seed", made.seed());
        }
        ArrayNode layout = c.putArray("segments");
        index.vectors().layout().segments().forEach(s -> layout.addObject().put("key", s.key()).put("share", s.share())
                .put("dimension", s.dimension()));
        ObjectNode fusion = c.putObject("fusion");
        fusion.putObject("weights").put("text", index.defaultWeights().text()).put("image", index.defaultWeights().image())
                .put("alignment", index.defaultWeights().alignment());
        fusion.put("kernel", index.defaultKernel().jsonName());
        if (index.graph() != null) {
            ProductGraph.Basis basis = index.graph().basis();
            ObjectNode graph = c.putObject(GRAPH);
            graph.put("products", basis.products()).put("maxConnections", basis.maxConnections()).put("beamWidth", basis.beamWidth());
            graph.putObject("weights").put("text", basis.weights().text()).put("image", basis.weights().image())
                    .put("alignment", basis.weights().alignment());
            ArrayNode graphSegments = graph.putArray("segments");
            basis.segments().forEach(s -> graphSegments.addObject().put("key", s.key()).put("share", s.share()).put("dimension", s.dimension()));
        }
        return c;
    }

    /** The image segments, recovered from the layout (image segments carry the encoder's shares). */
    private static List<VectorSegment> imageSegments(ProductIndex index) {
        List<VectorSegment> out = new ArrayList<>();
        int offset = 0;
        for (var s : index.vectors().layout().segments()) {
            if (s.modality() == io.fashionrec.fusion.Modality.IMAGE) {
                out.add(new VectorSegment(s.name(), offset, s.dimension(), s.share()));
                offset += s.dimension();
            }
        }
        return out;
    }

    private static ObjectNode json(EncoderDescriptor d) {
        return JSON.createObjectNode().put("name", d.name()).put("version", d.version()).put("dimension", d.dimension())
                .put("preprocessing", d.preprocessing()).put("modelSha256", d.modelSha256());
    }

    private static EncoderDescriptor descriptor(JsonNode d) {
        return new EncoderDescriptor(d.path("name").asText(), d.path("version").asInt(), d.path("dimension").asInt(),
                d.path("preprocessing").asText(), d.path("modelSha256").asText(""));
    }

    private static FloatMatrix matrix(DenseMatrix part) {
        FloatMatrix m = FloatMatrix.zeros(part.rows(), part.cols());
        for (int r = 0; r < part.rows(); r++) {
            part.copyRow(r, m.data(), m.offset(r));
        }
        return m;
    }

    private static ProductTable.Column column(StringColumn c) {
        return new ProductTable.Column() {
            @Override
            public int size() {
                return c.size();
            }

            @Override
            public String get(int ordinal) {
                return c.get(ordinal);
            }

            @Override
            public void forEachUtf8(StringColumn.Utf8Visitor visitor) {
                c.forEachUtf8(visitor);
            }
        };
    }

    private static Iterable<String> column(ProductTable.Column c) {
        return () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < c.size();
            }

            @Override
            public String next() {
                return c.get(i++);
            }
        };
    }

    private static List<String> list(StringColumn c) {
        List<String> out = new ArrayList<>(c.size());
        for (int i = 0; i < c.size(); i++) {
            out.add(c.get(i));
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static IndexFormatException damaged(Path dir, String why) {
        return new IndexFormatException("the index at " + dir + " is damaged: " + why + "; rebuild it with `fashionrec index`");
    }
}
