package org.qmlff.model;

import org.junit.jupiter.api.Test;
import org.qmlff.data.DataFormatException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry and what the built-in architectures declare through the {@link Architecture} contract. */
class ArchitecturesTest {

    @Test
    void theBuiltInArchitecturesAreRegisteredInOrder() {
        assertThat(Architectures.names()).containsExactly("le", "revised", "rich", "hybrid");
        assertThat(Architectures.get("hybrid").modelType()).isEqualTo(HybridModel.class);
        assertThat(Architectures.get("le")).isInstanceOf(LeArchitecture.class);
        assertThat(Architectures.get("revised").optionsType()).isEqualTo(RevisedOptions.class);
        assertThat(Architectures.get("rich").modelType()).isEqualTo(RichModel.class);
        assertThatThrownBy(() -> Architectures.get("mace")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown architecture 'mace' (expected le, revised, rich or hybrid)");
    }

    /** The option names configs and model files may use: the list TrainConfig spelled out before the registry. */
    @Test
    void theOptionNamesAreTheUnionInTheirOldOrder() {
        assertThat(Architectures.optionNames()).containsExactly("D", "rep", "centre", "observable", "nq", "K", "rc",
                "species", "parity", "readout", "threebody", "lmax", "channels", "graph", "coupling", "tensor",
                "head", "hidden", "baseline", "baseK", "baseLmax", "ridge", "ridgeWF", "repulsion", "repEps", "repR0", "repRc", "circuit");
    }

    @Test
    void hyperParametersKeepTheirModelFileOrder() {
        assertThat(ModelOptions.defaults("le").toHyper().keySet()).containsExactly("D", "rep", "centre", "observable", "parity");
        assertThat(ModelOptions.defaults("revised").toHyper().keySet())
                .containsExactly("D", "nq", "K", "rc", "species", "observable", "parity");
        assertThat(ModelOptions.defaults("rich").toHyper().keySet()).containsExactly("D", "nq", "K", "rc", "species",
                "readout", "threebody", "lmax", "channels", "graph", "coupling", "observable", "parity");
        // tensor is written only when on, after the other rich options (tensor=off files stay as they were)
        java.util.Map<String, Object> on = ModelOptions.defaults("rich").with("tensor", "on").toHyper();
        assertThat(on).containsEntry("tensor", "on");
        assertThat(on.keySet()).containsExactly("D", "nq", "K", "rc", "species",
                "readout", "threebody", "lmax", "channels", "graph", "coupling", "tensor", "observable", "parity");
        assertThat(ModelOptions.defaults("revised").toHyper()).containsEntry("observable", "pair01").containsEntry("parity", "none")
                .containsEntry("species", List.of(1, 6, 7, 8));
        assertThat(ModelOptions.defaults("le").toString()).isEqualTo("le(d=6, rep=1, centre=0, observable=pair01, parity=none)");
    }

    @Test
    void optionsRoundTripThroughTheirTextForm() {
        for (String arch : Architectures.names()) {
            ModelOptions changed = ModelOptions.defaults(arch).with("D", "2").with("parity", "sym").with("observable", "ring");
            ModelOptions back = ModelOptions.defaults(arch);
            for (Map.Entry<String, Object> e : changed.toHyper().entrySet())
                back = back.with(e.getKey(), String.valueOf(e.getValue()));
            assertThat(back).as(arch).isEqualTo(changed).isNotEqualTo(ModelOptions.defaults(arch));
            assertThat(back.parity()).isEqualTo(Parity.SYM);
        }
    }

    /** le and revised check and ignore each other's options; rich's own are refused on both. */
    @Test
    void circuitArchitecturesShareOptionNames() {
        assertThat(ModelOptions.defaults("le").with("nq", "6").with("species", "H,O")).isEqualTo(LeOptions.defaults());
        assertThat(ModelOptions.defaults("revised").with("rep", "2").with("centre", "3")).isEqualTo(RevisedOptions.defaults());
        assertThatThrownBy(() -> ModelOptions.defaults("le").with("nq", "3")).hasMessage("nq must be even and >= 2, got 3");
        assertThatThrownBy(() -> ModelOptions.defaults("revised").with("centre", "-1"))
                .hasMessage("centre must be an atom index >= 0, got -1");
        assertThatThrownBy(() -> ModelOptions.defaults("le").with("threebody", "2"))
                .hasMessage("model option threebody applies to --arch rich or hybrid only");
        assertThatThrownBy(() -> ModelOptions.defaults("rich").with("depth", "2")).hasMessage("unknown model option 'depth' "
                + "(known: D, rep, centre, observable, nq, K, rc, species, parity, readout, threebody, lmax, channels, graph, coupling, tensor, "
                + "head, hidden, baseline, baseK, baseLmax, ridge, ridgeWF, repulsion, repEps, repR0, repRc, circuit)");
        assertThatThrownBy(() -> ModelOptions.defaults("revised").with("parity", "odd"))
                .hasMessage("unknown parity 'odd' (expected none or sym)");
        assertThatThrownBy(() -> ModelOptions.defaults("le").with("observable", " pairs "))
                .hasMessage("unknown observable 'pairs' (expected pair01 or ring)");
        assertThatThrownBy(() -> ModelOptions.defaults("revised").with("species", "H,x1"))
                .hasMessage("unknown element 'x1' in species");
        assertThatThrownBy(() -> ModelOptions.defaults("revised").with("species", "1,6x"))
                .hasMessage("model option species: not a number: '1,6x'");
    }

    @Test
    void symmetryPromisesFollowTheArchitectureAndParity() {
        for (String arch : Architectures.names())
            for (Parity parity : Parity.values()) {
                Map<Symmetry, Symmetry.Promise> p = promises(Architectures.get(arch), ModelOptions.defaults(arch).with("parity", parity.text()));
                assertThat(p.keySet()).as(arch).containsExactly(Symmetry.values());
                assertThat(p.get(Symmetry.ROTATION_TRANSLATION).promised()).isTrue();
                assertThat(p.get(Symmetry.PERMUTATION).promised()).as(arch).isEqualTo(!arch.equals("le"));
                assertThat(p.get(Symmetry.INVERSION).promised()).as(arch + " " + parity).isEqualTo(parity == Parity.SYM);
                for (Symmetry.Promise promise : p.values()) assertThat(promise.reason()).isNotBlank();
            }
        assertThat(Symmetry.ofLabel("rotation+translation")).isEqualTo(Symmetry.ROTATION_TRANSLATION);
        assertThat(Symmetry.INVERSION.label()).isEqualTo("inversion");
    }

    private static <O extends ModelOptions> Map<Symmetry, Symmetry.Promise> promises(Architecture<O> a, ModelOptions o) {
        return a.symmetries(a.optionsType().cast(o));
    }

    @Test
    void layoutVersionAndTiedMolecule() {
        ForceField le = Models.create(ModelOptions.defaults("le").with("D", "1"), List.of(ModelTestSupport.syntheticEthanol(3, 1)), 1);
        ForceField revised = Models.create(ModelOptions.defaults("revised").with("D", "1"), List.of(ModelTestSupport.syntheticEthanol(3, 1)), 1);
        assertThat(Architectures.of(le).circuitLayout()).isEqualTo(Architecture.CircuitLayout.PER_CONFIGURATION);
        assertThat(Architectures.of(revised).circuitLayout()).isEqualTo(Architecture.CircuitLayout.PER_ATOM);
        assertThat(Architectures.get("rich").circuitLayout()).isEqualTo(Architecture.CircuitLayout.PER_ATOM);
        assertThat(Architectures.of(le).molecule(le)).containsExactly(ModelTestSupport.ETHANOL);
        assertThat(Architectures.of(revised).molecule(revised)).isNull();
        assertThat(List.of(Architectures.get("le").modelFileVersion(), Architectures.get("revised").modelFileVersion(),
                Architectures.get("rich").modelFileVersion())).containsExactly(1, 1, 2);
        assertThat(Models.toJson(le, Map.of()).get("version").asInt()).isEqualTo(1);
        assertThat(Architectures.of(le).parameterTensors(le).stream().map(ParameterSet.Tensor::name))
                .containsExactly("alpha", "J", "scale", "shift");
    }

    @Test
    void aModelOfAnUnregisteredClassIsNotWritten() {
        ForceField revised = Models.create(ModelOptions.defaults("revised").with("D", "1"), List.of(ModelTestSupport.syntheticEthanol(3, 1)), 1);
        ForceField impostor = new org.qmlff.hardware.HardwareForceField(revised, org.qmlff.hardware.HardwareOptions.exact());
        assertThatThrownBy(() -> Models.toJson(impostor, Map.of())).hasMessageStartingWith("cannot write a model of class");
        com.fasterxml.jackson.databind.node.ObjectNode file = Models.toJson(revised, Map.of());
        file.put("architecture", "rich");
        assertThatThrownBy(() -> Models.fromJson(file, "f.json")).isInstanceOf(DataFormatException.class)
                .hasMessage("f.json: a rich model file must have version 2, found 1");
    }
}
