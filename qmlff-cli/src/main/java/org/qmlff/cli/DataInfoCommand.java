package org.qmlff.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qmlff.data.DataFiles;
import org.qmlff.data.Dataset;
import org.qmlff.data.DatasetStats;
import org.qmlff.data.Element;
import org.qmlff.data.EnergyUnit;
import org.qmlff.data.LengthUnit;
import org.qmlff.data.UnitSystem;
import org.qmlff.data.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code qmlff data info FILE...}: per file the formula, frame and atom counts, energy statistics
 * (kcal/mol and meV) and the standard deviation of the force components (kcal/mol/Å and meV/Å).
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Summarise data files (rMD17 .npz, extended .xyz/.extxyz): formula, frames, atoms, "
                + "energy mean/std/min/max and force component std, in kcal/mol and meV. "
                + "Standard deviations are population values (divide by n).")
final class DataInfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Data files to summarise.")
    List<Path> files;

    @Option(names = "--json", description = "Print a JSON list, one object per file.")
    boolean json;

    @Option(names = "--xyz-energy-unit", paramLabel = "UNIT", defaultValue = "kcal/mol",
            description = "Energy unit of extended XYZ input: kcal/mol (default), eV (ASE's convention), meV or Ha. "
                    + "Forces are read in this unit per length unit. npz files are always kcal/mol.")
    String xyzEnergyUnit;

    @Option(names = "--xyz-length-unit", paramLabel = "UNIT", defaultValue = "angstrom",
            description = "Length unit of extended XYZ input: angstrom (default) or bohr.")
    String xyzLengthUnit;

    @Override
    public Integer call() throws Exception {
        UnitSystem xyzUnits = new UnitSystem(EnergyUnit.parse(xyzEnergyUnit), LengthUnit.parse(xyzLengthUnit));
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode list = mapper.createArrayNode();
        for (Path p : files) {
            DataFiles.Format format = DataFiles.Format.of(p);
            Dataset d = DataFiles.read(p, xyzUnits);
            UnitSystem fileUnits = format == DataFiles.Format.NPZ ? UnitSystem.KCAL_MOL_ANGSTROM : xyzUnits;
            if (json) list.add(toJson(mapper, p, format, d, fileUnits));
            else printText(out, p, format, d, fileUnits);
            out.flush();
        }
        if (json) {
            out.println(mapper.writeValueAsString(list));
            out.flush();
        }
        return 0;
    }

    private static double meV(double kcalMol) {
        return EnergyUnit.MEV.fromKcalPerMol(kcalMol);
    }

    private static String formatName(DataFiles.Format f) {
        return f == DataFiles.Format.NPZ ? "npz" : "extxyz";
    }

    private static void printText(PrintWriter out, Path p, DataFiles.Format format, Dataset d, UnitSystem fileUnits) {
        DatasetStats s = d.stats();
        out.println(p);
        out.printf(Locale.ROOT, "  format     %s (file units: %s)%n", formatName(format), fileUnits.describe());
        out.printf(Locale.ROOT, "  molecule   %s, %d atoms (%s)%n", d.formula(), d.atoms(), String.join(" ", Element.symbols(d.numbers())));
        out.printf(Locale.ROOT, "  frames     %d%n", d.frames());
        out.printf(Locale.ROOT, "  %-24s %20s %20s%n", "", "kcal/mol", "meV");
        row(out, "energy mean", s.energyMean());
        row(out, "energy std", s.energyStd());
        row(out, "energy min", s.energyMin());
        row(out, "energy max", s.energyMax());
        out.printf(Locale.ROOT, "  %-24s %20s %20s%n", "", "kcal/mol/Å", "meV/Å");
        row(out, "force component std", s.forceComponentStd());
        out.printf(Locale.ROOT, "  (population std over all frames; 1 kcal/mol = %.6f meV)%n", 1.0 / Units.KCAL_MOL_PER_MEV);
    }

    private static void row(PrintWriter out, String label, double kcal) {
        out.printf(Locale.ROOT, "  %-24s %20.8f %20.6f%n", label, kcal, meV(kcal));
    }

    private static ObjectNode toJson(ObjectMapper m, Path p, DataFiles.Format format, Dataset d, UnitSystem fileUnits) {
        DatasetStats s = d.stats();
        ObjectNode o = m.createObjectNode();
        o.put("file", p.toString());
        o.put("name", d.name());
        o.put("format", formatName(format));
        o.put("formula", d.formula());
        o.put("frames", d.frames());
        o.put("atoms", d.atoms());
        ArrayNode sym = o.putArray("symbols");
        Element.symbols(d.numbers()).forEach(sym::add);
        ObjectNode ek = o.putObject("energy_kcal_mol");
        ObjectNode em = o.putObject("energy_meV");
        double[] v = {s.energyMean(), s.energyStd(), s.energyMin(), s.energyMax()};
        String[] k = {"mean", "std", "min", "max"};
        for (int i = 0; i < k.length; i++) {
            ek.put(k[i], v[i]);
            em.put(k[i], meV(v[i]));
        }
        o.put("force_component_std_kcal_mol_A", s.forceComponentStd());
        o.put("force_component_std_meV_A", meV(s.forceComponentStd()));
        ObjectNode u = o.putObject("units");
        u.put("energy", "kcal/mol");
        u.put("length", "Å");
        u.put("force", "kcal/mol/Å");
        u.put("file_energy", fileUnits.energy().symbol());
        u.put("file_length", fileUnits.length().symbol());
        return o;
    }
}
