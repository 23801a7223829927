package org.clain.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `clain` command line: every engine feature, headless, scriptable. */
@Command(name = "clain", mixinStandardHelpOptions = true, version = "Clain 0.1.0",
        description = "DICOM viewer engine: inspect, decode, reformat, render, measure, plan.")
public final class ClainCommand implements Runnable {
    /**
     * The subcommands. Only the one invoked is given to picocli: building the model of all of them
     * by reflection costs about 0.4 s of a command's start.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("info", InfoCommand::new);
        COMMANDS.put("pixels", PixelsCommand::new);
        COMMANDS.put("volume", VolumeCommand::new);
        COMMANDS.put("export", ExportCommand::new);
        COMMANDS.put("mpr", MprCommand::new);
        COMMANDS.put("render", RenderCommand::new);
        COMMANDS.put("roi", RoiCommand::new);
        COMMANDS.put("phantom", PhantomCommand::new);
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
        COMMANDS.forEach((name, make) -> {
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, make.get());
            }
        });
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
                : COMMANDS.containsKey(args[0]) ? args[0]
                : args[0].equals("--version") || args[0].equals("-V") ? "--version" : null;
        return commandLine(first).execute(args);
    }

    public static boolean isCommand(String name) {
        return COMMANDS.containsKey(name) || name.equals("help") || name.equals("--help") || name.equals("-h")
                || name.equals("--version") || name.equals("-V");
    }
}
