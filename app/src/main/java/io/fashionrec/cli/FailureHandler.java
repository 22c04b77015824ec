package io.fashionrec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns an exception from a command into one sentence on stderr and exit code 1. Exceptions the
 * project throws for bad input already carry a sentence meant for users; anything else is a bug
 * or an environment failure and says so. {@code --verbose} adds the stack trace.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) throws Exception {
        if (e instanceof BadOptionException bad) {
            CommandLine.ParameterException pe = new CommandLine.ParameterException(cmd, bad.getMessage());
            return cmd.getParameterExceptionHandler().handleParseException(pe, parseResult.originalArgs().toArray(new String[0]));
        }
        PrintWriter err = cmd.getErr();
        err.println("fashionrec: " + sentence(e));
        if (FashionRec.verbose(cmd)) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILURE;
    }

    static String sentence(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof NoSuchFileException f) {
            return "no such file or directory: " + f.getFile();
        }
        if (t instanceof AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (t instanceof IOException || UserFacing.is(t)) {
            return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        }
        return "internal error: " + t + " (run again with --verbose for the stack trace, and please report it)";
    }
}
