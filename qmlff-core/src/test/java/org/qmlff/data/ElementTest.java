package org.qmlff.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElementTest {

    @Test
    void table() {
        assertThat(Element.values()).hasSize(18);
        for (int z = 1; z <= 18; z++) {
            Element e = Element.of(z);
            assertThat(e.number()).isEqualTo(z);
            assertThat(Element.bySymbol(e.symbol())).contains(e);
            if (z > 1) assertThat(e.mass()).as("masses increase from %s", e).isGreaterThan(Element.of(z - 1).mass());
        }
        assertThat(Element.of(1).symbol()).isEqualTo("H");
        assertThat(Element.of(6)).isEqualTo(Element.C);
        assertThat(Element.of(17).symbol()).isEqualTo("Cl");
        assertThat(Element.of(18).symbol()).isEqualTo("Ar");
        assertThat(Element.O.mass()).isEqualTo(15.999);
        assertThat(Element.bySymbol("CL")).isEmpty();
        assertThat(Element.bySymbol("K")).isEmpty();
        assertThat(Element.isKnown(0)).isFalse();
        assertThat(Element.isKnown(19)).isFalse();
        assertThatThrownBy(() -> Element.of(99)).hasMessage("unknown element Z=99 (qmlff knows H..Ar, Z=1..18)");
    }

    @Test
    void hillFormulas() {
        assertThat(Element.hillFormula(new int[]{6, 6, 8, 1, 1, 1, 1, 1, 1})).isEqualTo("C2H6O");
        assertThat(Element.hillFormula(new int[]{1, 8, 1})).isEqualTo("H2O");
        assertThat(Element.hillFormula(new int[]{7, 1, 1, 1})).isEqualTo("H3N");
        assertThat(Element.hillFormula(new int[]{6, 8, 8})).isEqualTo("CO2");
        assertThat(Element.hillFormula(new int[]{17, 6, 1, 1, 1})).isEqualTo("CH3Cl");
        assertThat(Element.hillFormula(new int[]{11, 17})).isEqualTo("ClNa");
        assertThat(Element.hillFormula(new int[]{6, 6, 7, 6, 7, 6, 8, 8, 1, 1, 1, 1})).isEqualTo("C4H4N2O2");
        assertThat(Element.hillFormula(new int[]{18})).isEqualTo("Ar");
    }
}
