package io.fashionrec.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A serving command ({@code serve}, {@code demo}) run on its own thread as the terminal would run
 * it, until {@link #close()} interrupts it; {@link #url()} is the address it printed.
 */
final class BackgroundCommand implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+)/");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private final String url;

    /** Starts {@code args} and waits (up to {@code seconds}) until it prints the URL it serves. */
    BackgroundCommand(int seconds, String... args) throws InterruptedException {
        thread = new Thread(() -> Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true)), "fashionrec " + args[0]);
        thread.start();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Matcher m;
        while (!(m = URL.matcher(out.toString())).find()) {
            if (!thread.isAlive() || System.nanoTime() > deadline) {
                fail("'fashionrec " + String.join(" ", args) + "' printed no URL; out: " + out + " err: " + err);
            }
            Thread.sleep(50);
        }
        url = m.group(1);
    }

    String url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(10_000);
        assertFalse(thread.isAlive(), "the command did not stop when interrupted");
    }
}
