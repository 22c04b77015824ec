package io.fashionrec.server;

import io.fashionrec.image.ImageDecodeException;
import io.fashionrec.image.ImageDecoder;
import io.fashionrec.index.ProductIndex;
import io.javalin.http.Context;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * {@code GET /images/{id}} and {@code GET /images/{id}?size=thumb}. The path segment is only ever
 * a product id looked up in the index, never a file name: the file served is the one the catalog
 * names for that product, and only if it lies inside the catalog directory (symbolic links
 * resolved), so no request can reach another file.
 */
final class ImageRoutes {

    /** The longest side of a thumbnail, in pixels: sharp on a 2x screen in a 120 px card. */
    static final int THUMBNAIL_SIDE = 240;
    private static final Map<String, String> TYPES = Map.of("jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png",
            "webp", "image/webp", "gif", "image/gif", "bmp", "image/bmp");

    private final LiveIndex live;
    private final ImageDecoder decoder;

    ImageRoutes(LiveIndex live, ImageDecoder decoder) {
        this.live = live;
        this.decoder = decoder;
    }

    void image(Context ctx) throws IOException {
        ServedIndex served = live.current();
        int ordinal = served.recommender.ordinalOf(ctx.pathParam("id"));
        Path file = photo(served.index, ordinal);
        String size = ctx.queryParam("size");
        ctx.header("Cache-Control", "public, max-age=86400");
        if (size == null || size.isBlank() || size.equals("full")) {
            String extension = file.getFileName().toString().replaceFirst(".*\\.", "").toLowerCase(Locale.ROOT);
            ctx.contentType(TYPES.getOrDefault(extension, "application/octet-stream")).result(Files.readAllBytes(file));
        } else if (size.equals("thumb")) {
            ctx.contentType("image/jpeg").result(thumbnail(served.thumbnails, ordinal, file));
        } else {
            throw ApiException.badRequest("size must be 'thumb' or 'full', got '" + size + "'");
        }
    }

    /** The product's photo file, or a 404 when it has none, it is gone, or it lies outside the catalog. */
    private static Path photo(ProductIndex index, int ordinal) throws IOException {
        Path file = index.imagePath(ordinal);
        String id = index.products().id(ordinal);
        if (file == null || !Files.isRegularFile(file)) {
            throw new ApiException(404, "product " + id + " has no photo");
        }
        if (!file.toRealPath().startsWith(index.catalog().toRealPath())) {
            throw new ApiException(404, "product " + id + " has no photo in the catalog directory");
        }
        return file;
    }

    private byte[] thumbnail(Map<Integer, byte[]> thumbnails, int ordinal, Path file) {
        synchronized (thumbnails) {
            byte[] cached = thumbnails.get(ordinal);
            if (cached != null) {
                return cached;
            }
        }
        byte[] made = makeThumbnail(file);
        synchronized (thumbnails) {
            thumbnails.put(ordinal, made);
        }
        return made;
    }

    private byte[] makeThumbnail(Path file) {
        BufferedImage photo;
        try {
            photo = decoder.decode(file, THUMBNAIL_SIDE);
        } catch (ImageDecodeException e) {
            throw new ApiException(404, e.getMessage());
        }
        double scale = Math.min(1.0, (double) THUMBNAIL_SIDE / Math.max(photo.getWidth(), photo.getHeight()));
        int w = Math.max(1, (int) Math.round(photo.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(photo.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(photo, 0, 0, w, h, null);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(small, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a thumbnail of " + file, e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
