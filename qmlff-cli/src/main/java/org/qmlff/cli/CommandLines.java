package org.qmlff.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.util.List;

/** Command lines written into output files so that a reader can rerun what produced them. */
final class CommandLines {
    private CommandLines() {
    }

    /**
     * {@code ./qmlff <subcommand> <its arguments as given>}, shell-quoted; the subcommand alone when the command
     * was not parsed from a command line (called directly in tests).
     */
    static String reproducing(CommandSpec spec) {
        List<String> args = spec.commandLine().getParseResult() == null ? List.of()
                : spec.commandLine().getParseResult().originalArgs();
        // Run through Main, the original arguments start with the subcommand's own name.
        int first = args.indexOf(spec.name()) == 0 ? 1 : 0;
        StringBuilder sb = new StringBuilder("./qmlff ").append(spec.name());
        for (String a : args.subList(first, args.size())) sb.append(' ').append(shellQuote(a));
        return sb.toString();
    }

    /** s as one POSIX shell word: unchanged when it has only safe characters, else single-quoted. */
    static String shellQuote(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_@%+=:,./-]+")) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
