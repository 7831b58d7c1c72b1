package org.qmlff.experiment;

import org.junit.jupiter.api.Test;
import org.qmlff.data.Dataset;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MoleculesTest {
    private static Dataset mol(String name, int... z) {
        return new Dataset(name, z, new double[0], new double[0], new double[0]);
    }

    @Test
    void labels() {
        assertThat(Molecules.label("rmd17_ethanol_train_01")).isEqualTo("ethanol");
        assertThat(Molecules.label("rmd17_salicylic_test_05")).isEqualTo("salicylic");
        assertThat(Molecules.label("water")).isEqualTo("water");
        assertThat(Molecules.uniqueLabels(List.of(mol("a_train_01", 1), mol("a_train_02", 1), mol("b", 1))))
                .containsExactly("a", "a#2", "b");
    }

    @Test
    void testsMatchByMoleculeThenPosition() {
        Dataset eth = mol("eth", 6, 6, 8, 1), wat = mol("wat", 8, 1, 1), eth2 = mol("eth2", 6, 6, 8, 1);
        // swapped order: matched by atoms
        assertThat(Molecules.match(List.of(eth, wat), List.of(mol("t", 8, 1, 1), mol("u", 6, 6, 8, 1))))
                .containsExactly(1, 0);
        // the same molecule twice: position decides
        assertThat(Molecules.match(List.of(eth, eth2), List.of(mol("t", 6, 6, 8, 1), mol("u", 6, 6, 8, 1))))
                .containsExactly(0, 1);
        // same formula, other atom order; and an unseen molecule
        assertThat(Molecules.match(List.of(eth), List.of(mol("t", 8, 6, 1, 6), mol("n", 7, 1))))
                .containsExactly(0, -1);
    }
}
