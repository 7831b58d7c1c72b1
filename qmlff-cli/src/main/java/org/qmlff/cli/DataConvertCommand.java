package org.qmlff.cli;

import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;
import org.qmlff.data.EnergyUnit;
import org.qmlff.data.LengthUnit;
import org.qmlff.data.UnitSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code qmlff data convert IN OUT}: converts between rMD17 npz and extended XYZ (format by
 * extension), optionally keeping only the first frames. The output is written atomically.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a data file between rMD17 .npz and extended .xyz/.extxyz (format by extension).",
                "npz is always kcal/mol and Å; extended XYZ defaults to kcal/mol, Å and kcal/mol/Å."})
final class DataConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Input data file.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output data file (.npz, .xyz or .extxyz).")
    Path out;

    @Option(names = "--first", paramLabel = "N", description = "Keep only the first N frames.")
    Integer first;

    @Option(names = "--in-energy-unit", paramLabel = "UNIT", defaultValue = "kcal/mol",
            description = "Energy unit of extended XYZ input (kcal/mol, eV, meV, Ha); forces per Å.")
    String inEnergyUnit;

    @Option(names = "--out-energy-unit", paramLabel = "UNIT", defaultValue = "kcal/mol",
            description = "Energy unit of extended XYZ output (kcal/mol, eV, meV, Ha); forces per Å. "
                    + "Use eV to follow ASE's convention.")
    String outEnergyUnit;

    @Option(names = "--force", description = "Overwrite OUT if it exists.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        UnitSystem inUnits = new UnitSystem(EnergyUnit.parse(inEnergyUnit), LengthUnit.ANGSTROM);
        UnitSystem outUnits = new UnitSystem(EnergyUnit.parse(outEnergyUnit), LengthUnit.ANGSTROM);
        DataFiles.Format outFormat = DataFiles.Format.of(out);
        if (outFormat == DataFiles.Format.NPZ && !outUnits.isInternal())
            throw new UserError("--out-energy-unit applies to extended XYZ output only (npz is always kcal/mol)");
        if (DataFiles.Format.of(in) == DataFiles.Format.NPZ && !inUnits.isInternal())
            throw new UserError("--in-energy-unit applies to extended XYZ input only (npz is always kcal/mol)");
        if (Files.exists(out) && !overwrite)
            throw new UserError(out + " exists (use --force to overwrite)");
        Dataset d = DataFiles.read(in, inUnits);
        if (first != null) {
            if (first < 1) throw new UserError("--first must be at least 1, got " + first);
            d = d.first(first);
        }
        DataFiles.write(out, d, outUnits);
        spec.commandLine().getOut().printf("wrote %s: %s, %d frames x %d atoms%n", out, d.formula(), d.frames(), d.atoms());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
