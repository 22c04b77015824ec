package io.fashionrec.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that measure fashionrec beside a peer in the same run.",
        subcommands = {IndexBenchCommand.class, CnnBenchCommand.class, ServeBenchCommand.class, SearchBenchCommand.class,
            StartBenchCommand.class, UpdateBenchCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a benchmark is required, e.g. 'fashionrec bench index'");
    }
}
