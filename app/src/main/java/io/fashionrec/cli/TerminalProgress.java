package io.fashionrec.cli;

import io.fashionrec.progress.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on stderr: {@code embedding images [########------]  57%  1140/2000  412/s  eta 2s}.
 * Redrawn at most ten times a second and erased when the task finishes, so only the commands'
 * own summaries remain. Drawn only when stderr is a terminal: the launcher passes
 * {@code -Dfashionrec.stderr.tty=true} after testing {@code [ -t 2 ]}, which Java cannot test itself.
 */
final class TerminalProgress implements Progress {

    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private String task = "";
    private long total;
    private long done;
    private long started;
    private long lastDraw;
    private int lastLength;

    private TerminalProgress(PrintStream err) {
        this.err = err;
    }

    /** A bar on stderr if it is a terminal, otherwise {@link Progress#NONE}. */
    static Progress forStderr() {
        return Boolean.getBoolean("fashionrec.stderr.tty") ? new TerminalProgress(System.err) : Progress.NONE;
    }

    @Override
    public synchronized void start(String name, long units) {
        task = name;
        total = units;
        done = 0;
        started = System.nanoTime();
        lastDraw = 0;
        draw(started);
    }

    @Override
    public synchronized void advance(long units) {
        done += units;
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            draw(now);
        }
    }

    @Override
    public synchronized void finish() {
        err.print("\r" + " ".repeat(lastLength) + "\r");
        err.flush();
        lastLength = 0;
    }

    private void draw(long now) {
        lastDraw = now;
        double seconds = (now - started) / 1e9;
        StringBuilder line = new StringBuilder(task);
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            line.append(" [").append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%  %d/%d", 100 * done / total, done, total));
            if (seconds > 0.5 && done > 0) {
                double rate = done / seconds;
                line.append(String.format(Locale.ROOT, "  %.0f/s  eta %.0fs", rate, (total - done) / rate));
            }
        } else {
            line.append(" ...");
        }
        String s = line.toString();
        err.print("\r" + s + " ".repeat(Math.max(0, lastLength - s.length())));
        err.flush();
        lastLength = s.length();
    }
}
