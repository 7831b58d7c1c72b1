package org.qmlff.error;

/**
 * A computation on acceptable input failed numerically: training diverged (a non-finite loss), an
 * MD run produced non-finite positions or energies. The message is one line saying what failed,
 * where (epoch, step) and, where known, what to try (a smaller learning rate or time step).
 *
 * <p>Front ends show it without a stack trace and exit with status 3.
 */
public class NumericalFailureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NumericalFailureException(String message) {
        super(message);
    }
}
