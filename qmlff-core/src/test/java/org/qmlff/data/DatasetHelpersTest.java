package org.qmlff.data;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DatasetHelpersTest {

    @Test
    void benchmarkSplitOfAThousandIs950Plus50() throws Exception {
        Dataset d = Rmd17.read(TestFiles.root().resolve("data/rmd17/rmd17_ethanol_train_01.npz"));
        TrainValidSplit s = d.benchmarkSplit(1000);
        assertThat(s.train().frames()).isEqualTo(950);
        assertThat(s.valid().frames()).isEqualTo(50);
        assertThat(s.train().energies()[0]).isEqualTo(d.energies()[0]);
        assertThat(s.train().energies()[949]).isEqualTo(d.energies()[949]);
        assertThat(s.valid().energies()[0]).isEqualTo(d.energies()[950]);
        assertThat(s.valid().energies()[49]).isEqualTo(d.energies()[999]);
        double[] a = new double[27];
        double[] b = new double[27];
        s.valid().copyForces(3, a);
        d.copyForces(953, b);
        assertThat(a).containsExactly(b);

        TrainValidSplit small = d.benchmarkSplit(100);
        assertThat(small.train().frames()).isEqualTo(95);
        assertThat(small.valid().energies()).containsExactly(java.util.Arrays.copyOfRange(d.energies(), 95, 100));
    }

    @Test
    void trainValidSplitTakesTheFirstFrames() {
        Dataset w = TestFiles.water(10);
        TrainValidSplit s = w.trainValidSplit(6, 3);
        assertThat(s.train().energies()).containsExactly(java.util.Arrays.copyOfRange(w.energies(), 0, 6));
        assertThat(s.valid().energies()).containsExactly(java.util.Arrays.copyOfRange(w.energies(), 6, 9));
        assertThat(s.train().name()).isEqualTo("water");
        assertThatThrownBy(() -> w.trainValidSplit(8, 3))
                .hasMessage("water: asked for 8 training + 3 validation frames but the file has only 10");
        assertThatThrownBy(() -> w.trainValidSplit(-1, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validationSizes() {
        assertThat(Dataset.validationSize(1000)).isEqualTo(50);
        assertThat(Dataset.validationSize(950)).isEqualTo(48);
        assertThat(Dataset.validationSize(100)).isEqualTo(5);
        assertThat(Dataset.validationSize(50)).isEqualTo(3);
        assertThat(Dataset.validationSize(10)).isEqualTo(1);
        assertThat(Dataset.validationSize(2)).isEqualTo(1);
        assertThat(Dataset.validationSize(1)).isZero();
    }

    @Test
    void statisticsMatchExactArithmeticAndNumpy() throws Exception {
        Dataset d = Rmd17.read(TestFiles.root().resolve("data/rmd17/rmd17_ethanol_train_01.npz"));
        DatasetStats s = d.stats();
        assertThat(s.frames()).isEqualTo(1000);
        assertThat(s.atoms()).isEqualTo(9);
        // Exact mean and population variance in BigDecimal as the oracle.
        double[] e = d.energies();
        assertThat(s.energyMean()).isCloseTo(exactMean(e).doubleValue(), within(1e-10));
        assertThat(s.energyStd()).isCloseTo(Math.sqrt(exactVariance(e).doubleValue()), within(1e-10));
        assertThat(s.forceComponentStd()).isCloseTo(Math.sqrt(exactVariance(d.forces()).doubleValue()), within(1e-10));
        // numpy: e.mean(), e.std(), e.min(), e.max(), forces.std()
        assertThat(s.energyMean()).isCloseTo(-97076.26335677099, within(1e-9));
        assertThat(s.energyStd()).isCloseTo(4.11053431987643, within(1e-9));
        assertThat(s.energyMin()).isEqualTo(-97085.86325424352);
        assertThat(s.energyMax()).isEqualTo(-97061.69942775187);
        assertThat(s.forceComponentStd()).isCloseTo(27.56653481888788, within(1e-9));
        assertThat(s.forceMean()).isCloseTo(0, within(1e-6));
    }

    private static BigDecimal exactMean(double[] v) {
        BigDecimal s = BigDecimal.ZERO;
        for (double x : v) s = s.add(new BigDecimal(x));
        return s.divide(BigDecimal.valueOf(v.length), MathContext.DECIMAL128);
    }

    private static BigDecimal exactVariance(double[] v) {
        BigDecimal m = exactMean(v);
        BigDecimal s = BigDecimal.ZERO;
        for (double x : v) {
            BigDecimal dx = new BigDecimal(x).subtract(m);
            s = s.add(dx.multiply(dx));
        }
        return s.divide(BigDecimal.valueOf(v.length), MathContext.DECIMAL128);
    }

    @Test
    void formulaOfAnExistingDataset() {
        assertThat(TestFiles.water(1).formula()).isEqualTo("H2O");
    }
}
