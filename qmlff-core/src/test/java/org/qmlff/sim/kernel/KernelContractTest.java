package org.qmlff.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every kernel set against the scalar reference ({@link KernelContract}): the scalar set against itself
 * (the harness compares what it claims to), the vector set at this JVM's width in process, and the vector
 * set at every narrower width the machine offers (2, 4, … lanes, each in a JVM started with
 * {@code -XX:MaxVectorSize}), so that the lane-permuting kernels of every width run. Each run must
 * report the number of cases the contract has, so that none can pass by checking nothing.
 */
class KernelContractTest {

    @Test
    void scalarMeetsItsOwnContract() {
        assertThat(new KernelContract(new ScalarKernels()).checkAll()).isEqualTo(KernelContract.expectedCases());
    }

    @Test
    void vectorKernelsMatchTheReferenceAtThisWidth() {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "no vector module");
        assertThat(new KernelContract(new VectorKernels()).checkAll()).isEqualTo(KernelContract.expectedCases());
    }

    @Test
    void vectorKernelsMatchTheReferenceAtEveryWidth() throws IOException, InterruptedException {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "no vector module");
        int widest = VectorKernels.lanes();
        List<Integer> seen = new ArrayList<>();
        for (int lanes = 2; lanes <= widest; lanes *= 2) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector",
                    "-XX:MaxVectorSize=" + 8 * lanes, "-cp", System.getProperty("java.class.path"),
                    KernelContract.class.getName()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the %d-lane run finished", lanes).isTrue();
            assertThat(output).as("the %d-lane run", lanes)
                    .contains("lanes=" + lanes + " cases=" + KernelContract.expectedCases());
            assertThat(p.exitValue()).as("exit status of the %d-lane run: %s", lanes, output).isZero();
            seen.add(lanes);
        }
        assertThat(seen).as("widths checked").contains(widest);
        if (widest >= 4) {
            assertThat(seen).contains(2, 4);
        }
    }
}
