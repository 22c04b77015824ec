package io.fashionrec.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.catalog.ProblemKind;
import io.fashionrec.image.ImageDecodeException;
import io.fashionrec.image.ImageDecoder;
import io.fashionrec.image.ImageEncoder;
import io.fashionrec.recommend.SearchOptions;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code POST /api/search}: a multipart form with a {@code photo} file and/or a {@code text}
 * field. A photo over the upload limit is a 413, one that declares more pixels than the decoder
 * accepts (a decompression bomb) a 413, and a file that is not a readable image a 415; none of
 * them is decoded into memory beyond its header.
 */
final class SearchRoute {

    static final int DEFAULT_K = 12;

    private final LiveIndex live;
    private final PhotoEncoders encoders;
    private final ImageDecoder decoder;
    private final long maxUploadBytes;
    private final SearchQueue searches;

    SearchRoute(LiveIndex live, PhotoEncoders encoders, ImageDecoder decoder, long maxUploadBytes, SearchQueue searches) {
        this.live = live;
        this.encoders = encoders;
        this.decoder = decoder;
        this.maxUploadBytes = maxUploadBytes;
        this.searches = searches;
    }

    void search(Context ctx) {
        ServedIndex served = live.current();
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("multipart/form-data")) {
            throw new ApiException(415, "send multipart/form-data with a 'photo' file and/or a 'text' field, not '"
                    + (type.isEmpty() ? "no content type" : type) + "'");
        }
        // k may come in the query string or as a form field; the field wins.
        int k = Params.integer("k", ctx.formParam("k"), Params.integer(ctx, "k", DEFAULT_K, 1, ProductRoutes.MAX_K), 1, ProductRoutes.MAX_K);
        String field = ctx.formParam("text");
        String text = field == null || field.isBlank() ? null : field;
        UploadedFile upload = ctx.uploadedFile("photo");
        if (text == null && upload == null) {
            throw ApiException.badRequest("give a 'photo' file, a 'text' field or both");
        }
        float[] photo = upload == null ? null : embed(upload, served);
        ObjectNode doc = Json.object();
        ObjectNode query = doc.putObject("query");
        if (text != null) {
            query.put("text", text);
        }
        if (upload != null) {
            query.put("photo", upload.filename());
        }
        ArrayNode results = doc.putArray("results");
        searches.run(() -> served.recommender.search(text, photo, SearchOptions.top(k))).forEach(r -> results.add(served.json.result(r)));
        Json.send(ctx, doc);
    }

    private float[] embed(UploadedFile upload, ServedIndex served) {
        if (upload.size() > maxUploadBytes) {
            throw tooLarge(upload.size());
        }
        byte[] bytes;
        try (InputStream in = upload.content()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxUploadBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded photo", e);
        }
        if (bytes.length > maxUploadBytes) {
            throw tooLarge(bytes.length);
        }
        ImageEncoder encoder = encoders.get(served.index);
        BufferedImage image;
        try {
            image = decoder.decode(bytes, "the uploaded photo " + upload.filename(), encoder.minimumInputSide());
        } catch (ImageDecodeException e) {
            int status = e.kind() == ProblemKind.IMAGE_TOO_LARGE ? 413 : 415;
            throw new ApiException(status, e.getMessage() + "; upload a JPEG, PNG, WebP, GIF or BMP photo");
        }
        return searches.run(() -> encoder.encode(image));
    }

    private ApiException tooLarge(long bytes) {
        return new ApiException(413, "the photo has " + bytes + " bytes, over the limit of " + maxUploadBytes
                + "; upload a smaller photo (a product photo needs well under 1 MB)");
    }
}
