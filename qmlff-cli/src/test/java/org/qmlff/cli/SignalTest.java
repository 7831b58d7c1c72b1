package org.qmlff.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM to a real {@code qmlff train} process (a JVM of its own, as the launcher starts it): it
 * says where the last checkpoint is and how to resume,.
 */
@EnabledOnOs(OS.LINUX)
class SignalTest {
    @TempDir
    Path dir;

    @Test
    void sigtermDuringTrainingNamesTheCheckpointAndTheResumeCommand() throws Exception {
        Path run = dir.resolve("run");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), "org.qmlff.cli.Main", "train",
                "--data", "../data/rmd17/rmd17_ethanol_train_01.npz", "--n-train", "40", "--n-valid", "10",
                "--epochs", "100000", "--threads", "1", "--out", run.toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(run.resolve("checkpoint.json")) && System.nanoTime() < deadline && p.isAlive())
                Thread.sleep(100);
            assertThat(run.resolve("checkpoint.json")).as(Files.exists(dir.resolve("stderr.txt"))
                    ? Files.readString(dir.resolve("stderr.txt")) : "").exists();
        } finally {
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertThat(err).contains("qmlff: interrupted; the last checkpoint is " + run.resolve("checkpoint.json"))
                .contains("continue with: qmlff train --resume " + run);
        assertThat(err).doesNotContain("Exception");
    }
}
