package org.clain.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `clain` command line: every engine feature, headless, scriptable. */
@Command(name = "clain", mixinStandardHelpOptions = true, version = "Clain 0.1.0",
        description = "DICOM viewer engine: inspect, decode, reformat, render, measure, plan.",
        subcommands = {InfoCommand.class, PixelsCommand.class, VolumeCommand.class, ExportCommand.class,
                MprCommand.class, RenderCommand.class, RoiCommand.class, PhantomCommand.class})
public final class ClainCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Exit codes: 0 done, 1 a named input could not be read, 2 usage. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new ClainCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("clain: " + ex.getMessage());
            return 1;
        });
        return cl.execute(args);
    }

    public static boolean isCommand(String name) {
        return new CommandLine(new ClainCommand()).getSubcommands().containsKey(name)
                || name.equals("--help") || name.equals("-h") || name.equals("--version") || name.equals("-V");
    }
}
