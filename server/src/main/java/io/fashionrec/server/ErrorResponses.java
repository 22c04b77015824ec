package io.fashionrec.server;

import io.fashionrec.recommend.NoSuchProductException;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;

/**
 * Every failure becomes a JSON error with a sentence for the client and never a stack trace:
 * refused requests ({@link ApiException}) keep their status, an unknown product is a 404, a
 * request the framework refuses (too large, bad multipart) keeps its status, and anything else
 * is a 500 whose details go to the server log only.
 */
final class ErrorResponses {

    private static final System.Logger LOG = System.getLogger(ErrorResponses.class.getName());

    private ErrorResponses() {
    }

    static void install(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> Json.sendError(ctx, e.status(), e.getMessage()));
        app.exception(NoSuchProductException.class, (e, ctx) -> Json.sendError(ctx, 404, e.getMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> Json.sendError(ctx, 400, e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> Json.sendError(ctx, e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            if (isOversizedMultipart(e)) {
                Json.sendError(ctx, 413, "the upload is over the limit; send a smaller photo");
                return;
            }
            LOG.log(System.Logger.Level.ERROR, "failed: " + ctx.method() + " " + ctx.path(), e);
            Json.sendError(ctx, 500, "the server failed on this request; the details are in its log");
        });
        // Unmatched paths and methods: a JSON body unless a handler already wrote one.
        app.error(404, ctx -> {
            if (ctx.resultInputStream() == null) {
                Json.sendError(ctx, 404, "nothing at " + ctx.path());
            }
        });
        app.error(405, ctx -> {
            if (ctx.resultInputStream() == null) {
                Json.sendError(ctx, 405, ctx.method() + " is not allowed on " + ctx.path());
            }
        });
    }

    /** Jetty reports a multipart part over its size limit as an IllegalStateException naming the limit. */
    private static boolean isOversizedMultipart(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().contains("exceeds max")) {
                return true;
            }
        }
        return false;
    }
}
