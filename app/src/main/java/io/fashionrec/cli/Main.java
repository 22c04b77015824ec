package io.fashionrec.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the {@code fashionrec} command.
 *
 * <p>Exit codes: 0 success; 2 bad usage (the error and the command's usage line on stderr);
 * 1 failure (one sentence on stderr; the stack trace only with {@code --verbose}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Logging.install();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given streams; returns the exit code. Tests call this. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = FashionRec.commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(Main::badUsage);
        cli.setExecutionExceptionHandler(new FailureHandler());
        return cli.execute(args);
    }

    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("fashionrec: " + e.getMessage());
        err.print(cmd.getHelp().synopsis(0));
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }
}
