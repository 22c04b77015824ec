package io.fashionrec.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * Logging for the command line: java.util.logging (where SLF4J's Jetty and Javalin logs go too)
 * on stderr, one line per record, and the web server's start-up chatter kept to warnings, because
 * stdout and stderr are for the person at the terminal.
 *
 * <p>java.util.logging reads this configuration when the first logger is made, not when the
 * command starts: a command that logs nothing (indexing, a query) never pays the tens of
 * milliseconds that setting up logging costs. {@link #install} names this class as the
 * configuration class; the JDK then makes one instance, whose constructor loads the settings.
 */
public final class Logging {

    /** The JDK's defaults (a console handler on stderr, INFO and above), with one line per record and quiet web server libraries. */
    static final String SETTINGS = """
            handlers = java.util.logging.ConsoleHandler
            .level = INFO
            java.util.logging.ConsoleHandler.level = INFO
            java.util.logging.ConsoleHandler.formatter = java.util.logging.SimpleFormatter
            java.util.logging.SimpleFormatter.format = fashionrec: %4$s: %5$s%6$s%n
            org.eclipse.jetty.level = WARNING
            io.javalin.level = WARNING
            """;

    /** Called by java.util.logging's LogManager, once, when it configures itself. */
    public Logging() throws IOException {
        LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(SETTINGS.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /**
     * Makes this class the logging configuration, unless the user gave one
     * ({@code -Djava.util.logging.config.class} or {@code -Djava.util.logging.config.file});
     * a {@code -Djava.util.logging.SimpleFormatter.format} of theirs still wins over the line format.
     */
    static void install() {
        if (System.getProperty("java.util.logging.config.class") == null && System.getProperty("java.util.logging.config.file") == null) {
            System.setProperty("java.util.logging.config.class", Logging.class.getName());
        }
    }
}
