/**
 * The error types every layer of qmlff shares, so that the command line (or any other shell) can
 * tell a mistake in the user's input from a numerical failure and from a bug.
 *
 * <ul>
 *   <li>{@link org.qmlff.error.InputException}: the input is wrong (data, model file, options,
 *       paths, the file system refusing a write). Its message is one line in plain words naming what
 *       and where, fit to show as is; an optional hint says what to do.</li>
 *   <li>{@link org.qmlff.error.NumericalFailureException}: the inputs were acceptable but the
 *       computation failed (training diverged, a NaN in MD).</li>
 *   <li>Anything else is a bug and keeps its stack trace.</li>
 * </ul>
 *
 * {@link org.qmlff.error.FileSystemErrors} is the one place that turns Java's file-system exceptions
 * into such plain words; no Java class name reaches a user through it.
 */
package org.qmlff.error;
