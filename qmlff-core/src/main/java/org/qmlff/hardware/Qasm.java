package org.qmlff.hardware;

import java.util.List;
import java.util.Locale;

/**
 * OpenQASM text of a decomposed circuit ({@link Decomposition}) with its Bell-basis measurement of one pair:
 * version 2.0 (qelib1.inc: u3, rz, ry, x, h, cx) and version 3 (stdgates.inc; u3 written as the built-in
 * U, which equals it up to a global phase).
 */
public final class Qasm {
    private Qasm() {
    }

    /** The header comment lines (without comment markers) shared by both versions. */
    public static String convention() {
        return "Qubit order: qmlff's qubit k is q[k]. qmlff's basis index has qubit 0 as its most significant bit;\n"
                + "OpenQASM (and most simulators) put q[0] in the least significant bit, so state vectors are bit-reversed\n"
                + "relative to qmlff's; expectation values are unaffected. Gates equal qmlff's up to global phases.\n"
                + "Measurement: Bell basis of the pair (cx, h); outcome c = 11 is the singlet, <s_p.s_q> = 1 - 4 P(11).";
    }

    /** OpenQASM 2.0 (qelib1.inc). */
    public static String qasm2(int qubits, List<NativeGate> gates, int p, int q, String header) {
        return program(qubits, gates, p, q, header, false);
    }

    /** OpenQASM 3 (stdgates.inc). */
    public static String qasm3(int qubits, List<NativeGate> gates, int p, int q, String header) {
        return program(qubits, gates, p, q, header, true);
    }

    /** The program in either version: they differ only in the declarations, u3's name and the measure syntax. */
    private static String program(int qubits, List<NativeGate> gates, int p, int q, String header, boolean v3) {
        StringBuilder b = new StringBuilder(v3 ? "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n"
                : "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n");
        comment(b, header);
        if (v3) b.append("qubit[").append(qubits).append("] q;\nbit[2] c;\n");
        else b.append("qreg q[").append(qubits).append("];\ncreg c[2];\n");
        for (NativeGate g : gates) b.append(line(g, v3)).append('\n');
        b.append("// measurement\n");
        for (NativeGate g : Decomposition.bellChange(p, q)) b.append(line(g, v3)).append('\n');
        if (v3) b.append("c[0] = measure q[").append(p).append("];\nc[1] = measure q[").append(q).append("];\n");
        else b.append("measure q[").append(p).append("] -> c[0];\nmeasure q[").append(q).append("] -> c[1];\n");
        return b.toString();
    }

    private static void comment(StringBuilder b, String header) {
        for (String l : (header + "\n" + convention()).split("\n")) b.append("// ").append(l).append('\n');
    }

    private static String line(NativeGate g, boolean v3) {
        StringBuilder b = new StringBuilder(v3 && g.name().equals("u3") ? "U" : g.name());
        if (g.params().length > 0) {
            b.append('(');
            for (int i = 0; i < g.params().length; i++) {
                if (i > 0) b.append(", ");
                b.append(String.format(Locale.ROOT, "%.17g", g.params()[i]));
            }
            b.append(')');
        }
        b.append(' ');
        for (int i = 0; i < g.qubits().length; i++) {
            if (i > 0) b.append(", ");
            b.append("q[").append(g.qubits()[i]).append(']');
        }
        return b.append(';').toString();
    }
}
