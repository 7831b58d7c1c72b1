/**
 * The {@code qmlff} command line: one picocli command per subcommand ({@link org.qmlff.cli.Main}
 * lists them), each a thin shell that parses options, calls the core library and prints or writes
 * what it returns; plus the renderers of reports (Markdown, HTML, plots).
 *
 * <p>Errors ({@link org.qmlff.cli.UserErrors}): the core's input-error type, and the CLI's own
 * {@link org.qmlff.cli.UserError}, become one line on stderr (two with a hint) and exit code 2; a
 * numerical failure one line and exit code 3; anything else is a bug and prints its stack trace
 * (exit code 1). Every output path is checked before work starts and every file is written through
 * a temporary file and a rename, so a failed command leaves nothing half-written.
 *
 * <p>Units on the console and in reports: energies in meV and kcal/mol, forces in meV/Å and
 * kcal/mol/Å, side by side; data, model and prediction files stay in kcal/mol and Å.
 */
package org.qmlff.cli;
