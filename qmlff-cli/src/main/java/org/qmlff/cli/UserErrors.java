package org.qmlff.cli;

import org.qmlff.error.FileSystemErrors;
import org.qmlff.error.InputException;
import org.qmlff.error.NumericalFailureException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * How the command line answers a failure: input errors ({@link InputException}, file-system
 * failures) and command-line mistakes become one line on stderr (two with a hint) and exit code 2,
 * numerical failures one line and exit code 3; anything else is a bug and keeps its stack trace
 * (exit code 1).
 *
 * <p>The core's checks of values a user can give (options records, units, elements, data and
 * model files) throw {@link InputException}; a plain {@link IllegalArgumentException} is a broken
 * precondition inside the program and, like every other unexpected exception, a bug.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int USER_ERROR = 2;
    static final int NUMERICAL_FAILURE = 3;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof NumericalFailureException) {
            err.println("qmlff: error: " + ex.getMessage());
            err.flush();
            return NUMERICAL_FAILURE;
        }
        String line = userMessage(ex);
        if (line == null) {
            ex.printStackTrace(err);
            return 1;
        }
        err.println("qmlff: error: " + line);
        String hint = ex instanceof InputException ie ? ie.hint() : null;
        if (hint != null) err.println("hint: " + hint);
        err.flush();
        return USER_ERROR;
    }

    /**
     * A mistake on the command line itself (unknown option, bad or missing value): one line naming
     * it and a hint pointing at the command's help, instead of the whole usage text.
     */
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String message = ex.getMessage() == null ? "bad command line" : ex.getMessage();
        java.util.regex.Matcher unknown = UNKNOWN_OPTION.matcher(message);
        String typo = firstUnknownOption(cl.getCommandSpec(), args);
        if (typo != null && !unknown.find()) unknown = UNKNOWN_OPTION.matcher("Unknown option: '" + typo + "'");
        else unknown.reset();
        if (unknown.find()) {
            // picocli appends "Expected parameter for option '--data' but found '--epoch'": the unknown
            // option is what the user needs to hear about.
            String option = unknown.group(1);
            message = "unknown option '" + option + "'";
            List<String> close = closeOptions(cl.getCommandSpec(), option);
            if (!close.isEmpty()) message += " (did you mean " + String.join(" or ", close) + "?)";
        } else if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty())
                message += " (did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?)";
        }
        err.println("qmlff: error: " + plain(message));
        err.println("hint: see '" + cl.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return USER_ERROR;
    }

    private static final java.util.regex.Pattern UNKNOWN_OPTION = java.util.regex.Pattern.compile("^Unknown options?: '(-[^']*)'");

    /**
     * The first argument that looks like a long option but is none of this command's, or null:
     * picocli may complain first about a missing required option that the typo was meant to be.
     */
    static String firstUnknownOption(CommandLine.Model.CommandSpec spec, String[] args) {
        for (String a : args) {
            if (!a.startsWith("--") || a.equals("--")) continue;
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (spec.findOption(name) == null && !spec.subcommands().containsKey(name)) return name;
        }
        return null;
    }

    /** The command's options within two edits of {@code typed}, or of which it is a prefix, at most three. */
    static List<String> closeOptions(CommandLine.Model.CommandSpec spec, String typed) {
        List<String> out = new java.util.ArrayList<>();
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            for (String name : o.names()) {
                if (!name.startsWith("--")) continue;
                if (name.startsWith(typed) || editDistance(name, typed) <= 2) {
                    out.add(name);
                    break;
                }
            }
            if (out.size() == 3) break;
        }
        return out;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++)
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The one-line message for a user error, or null if {@code ex} is a bug. */
    static String userMessage(Throwable ex) {
        if (ex instanceof InputException) return ex.getMessage();
        IOException io = FileSystemErrors.ioCause(ex);
        if (io != null) return FileSystemErrors.describe(io);
        return null;
    }

    /** picocli's messages start with a capital and name options as '--x=<x>': keep them as they are but lower the first letter. */
    private static String plain(String message) {
        if (message == null || message.isEmpty()) return "bad command line";
        String m = message.strip();
        if (m.length() > 1 && Character.isUpperCase(m.charAt(0)) && Character.isLowerCase(m.charAt(1)))
            m = Character.toLowerCase(m.charAt(0)) + m.substring(1);
        return m.lines().findFirst().orElse(m);
    }
}
