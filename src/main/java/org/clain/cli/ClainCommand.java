package org.clain.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `clain` command line: every engine feature, headless, scriptable. */
@Command(name = "clain", mixinStandardHelpOptions = true, version = "Clain 0.1.0",
        description = "DICOM viewer engine: inspect, decode, reformat, render, measure, plan.")
public final class ClainCommand implements Runnable {
    /** The subcommands, in the order of the usage help. */
    private static final List<String> COMMANDS =
            List.of("info", "pixels", "volume", "export", "mpr", "render", "roi", "phantom");

    /**
     * Only the subcommand invoked is given to picocli: building the model of all of them by
     * reflection costs about 0.4 s of a command's start. A switch rather than a map of
     * constructor references, which would load and verify every command class (and Jackson,
     * AWT...) at each start.
     */
    private static Object command(String name) {
        return switch (name) {
            case "info" -> new InfoCommand();
            case "pixels" -> new PixelsCommand();
            case "volume" -> new VolumeCommand();
            case "export" -> new ExportCommand();
            case "mpr" -> new MprCommand();
            case "render" -> new RenderCommand();
            case "roi" -> new RoiCommand();
            case "phantom" -> new PhantomCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    @Override
    public void run() {
        commandLine(null).usage(System.out);
    }

    private static CommandLine commandLine(String only) {
        CommandLine cl = new CommandLine(new ClainCommand());
        if ("--version".equals(only)) {
            return cl;
        }
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        for (String name : COMMANDS) {
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, command(name));
            }
        }
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("clain: " + ex.getMessage());
            return 1;
        });
        return cl;
    }

    /** Exit codes: 0 done, 1 a named input could not be read, 2 usage. */
    public static int execute(String... args) {
        // no option takes a date or an SQL type: registering picocli's converters for them loaded
        // about 80 classes, 15 ms of every command's start
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
        }
        String first = args.length == 0 ? null
                : COMMANDS.contains(args[0]) ? args[0]
                : args[0].equals("--version") || args[0].equals("-V") ? "--version" : null;
        return commandLine(first).execute(args);
    }

    public static boolean isCommand(String name) {
        return COMMANDS.contains(name) || name.equals("help") || name.equals("--help") || name.equals("-h")
                || name.equals("--version") || name.equals("-V");
    }
}
