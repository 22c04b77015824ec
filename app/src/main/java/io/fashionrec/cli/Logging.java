package io.fashionrec.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logging for the command line: java.util.logging (where SLF4J's Jetty and Javalin logs go too)
 * on stderr, one line per record, and the web server's start-up chatter kept to warnings, because
 * stdout and stderr are for the person at the terminal.
 */
final class Logging {

    /** Held so the level settings are not garbage-collected with their loggers. */
    private static final Logger[] QUIET = {Logger.getLogger("org.eclipse.jetty"), Logger.getLogger("io.javalin")};

    private Logging() {
    }

    static void configure() {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "fashionrec: %4$s: %5$s%6$s%n");
        }
        for (Logger logger : QUIET) {
            logger.setLevel(Level.WARNING);
        }
    }
}
