package io.fashionrec.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "fashionrec",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Recommends fashion products that look and read alike: image features, TF-IDF text and their fusion.",
        subcommands = {
            DemoCommand.class,
            IndexCommand.class,
            SimilarCommand.class,
            SearchCommand.class,
            EvaluateCommand.class,
            GenerateCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
final class FashionRec implements Runnable {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces on failure.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** Whether --verbose was given anywhere on the command line. */
    static boolean verbose(CommandLine cmd) {
        CommandLine root = cmd;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof FashionRec f && f.verbose;
    }
}
