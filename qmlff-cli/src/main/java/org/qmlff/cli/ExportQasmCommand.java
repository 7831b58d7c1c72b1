package org.qmlff.cli;

import org.qmlff.data.AtomicFiles;
import org.qmlff.data.Dataset;
import org.qmlff.hardware.QasmExport;
import org.qmlff.model.Architecture;
import org.qmlff.model.Architectures;
import org.qmlff.model.ForceField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code qmlff export-qasm}: one configuration's circuits as OpenQASM 2.0 and 3. */
@Command(name = "export-qasm", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the circuits of one configuration, with encoded angles and couplings bound, as OpenQASM 2.0 "
                + "(qelib1.inc) and OpenQASM 3 (stdgates.inc): singlet preparation, Enc as u3/U, Ex as 3 CNOTs, and the "
                + "Bell-basis measurement of the observable's pair. One pair of files per circuit (revised: per atom).")
final class ExportQasmCommand extends ModelFileCommand {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Data file.")
    Path data;
    @Option(names = "--frame", defaultValue = "0", paramLabel = "K", description = "Frame (default: ${DEFAULT-VALUE}).")
    int frame;
    @Option(names = "--atom", paramLabel = "I", description = "revised: only the circuit of atom I (default: every atom).")
    Integer atom;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the .qasm and .qasm3 files.")
    Path out;

    @Override
    public Integer call() {
        ForceField ff = backend.read(model);
        Dataset d = backend.loadFor(ff, data);
        if (frame < 0 || frame >= d.frames())
            throw new UserError("--frame " + frame + ": " + data + " has " + d.frames() + " frames (0.." + (d.frames() - 1) + ")");
        if (atom != null && Architectures.of(ff).circuitLayout() != Architecture.CircuitLayout.PER_ATOM)
            throw new UserError("--atom: an " + ff.architecture() + " model runs one circuit per configuration, not one per atom");
        if (atom != null && (atom < 0 || atom >= d.atoms()))
            throw new UserError("--atom " + atom + ": the molecule has " + d.atoms() + " atoms (0.." + (d.atoms() - 1) + ")");
        double[] pos = new double[3 * d.atoms()];
        d.copyPositions(frame, pos);
        String header = String.format(Locale.ROOT, "qmlff export-qasm: model %s (%s), data %s, frame %d", model.getFileName(),
                ff.architecture(), data.getFileName(), frame);
        List<QasmExport.Program> programs = QasmExport.programs(ff, d.numbers(), pos, atom == null ? -1 : atom, header);
        PrintWriter w = spec.commandLine().getOut();
        for (QasmExport.Program p : programs) {
            AtomicFiles.writeString(out.resolve(p.name() + ".qasm"), p.qasm2());
            AtomicFiles.writeString(out.resolve(p.name() + ".qasm3"), p.qasm3());
            w.println(String.format(Locale.ROOT, "%s.qasm, %s.qasm3: <s_%d.s_%d> = %.12f", p.name(), p.name(), p.pair()[0],
                    p.pair()[1], p.expected()));
        }
        w.println("wrote " + programs.size() + " circuit(s) to " + out);
        w.flush();
        return 0;
    }
}
