package io.fashionrec.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "fashionrec",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Recommends fashion products that look and read alike: image features, TF-IDF text and their fusion.")
final class FashionRec implements Runnable {

    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(DemoCommand.class, IndexCommand.class, SimilarCommand.class, EmbedCommand.class,
            SearchCommand.class, RecommendCommand.class, ServeCommand.class, EvaluateCommand.class, ModelsCommand.class, GenerateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class);

    /**
     * The command line for {@code args}. Building picocli's model of a command costs reflection
     * over its options and mixins (about 0.15 s for all of them on a small machine), so when the
     * first argument names a subcommand only that one is registered; help, version and errors
     * get them all (and so list them all).
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new FashionRec());
        for (Class<?> sub : SUBCOMMANDS) {
            // `help COMMAND` needs every command registered, so it never takes the short path.
            if (args.length > 0 && sub != CommandLine.HelpCommand.class
                    && args[0].equals(sub.getAnnotation(CommandLine.Command.class).name())) {
                return cli.addSubcommand(sub);
            }
        }
        SUBCOMMANDS.forEach(cli::addSubcommand);
        return cli;
    }

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
