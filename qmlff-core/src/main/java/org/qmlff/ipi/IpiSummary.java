package org.qmlff.ipi;

/**
 * How an i-PI session ended.
 *
 * @param forceEvaluations force requests answered
 * @param exitReceived     true if the server sent EXIT, false if it just closed the connection
 *                         (ASE's server does that)
 */
public record IpiSummary(long forceEvaluations, boolean exitReceived) {

    /** One line for the user. */
    public String describe() {
        return "served " + forceEvaluations + " force evaluation" + (forceEvaluations == 1 ? "" : "s") + "; "
                + (exitReceived ? "the server sent EXIT" : "the server closed the connection");
    }
}
