package org.qmlff.cli;

import org.qmlff.experiment.TrainConfig;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.qmlff.error.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The YAML run configuration, read and resolved as {@code qmlff train --config} does, fed 10 000
 * mutants of a full valid config: it resolves or fails with the input-error type (one line); no
 * other exception, no hang. Nothing is trained.
 */
class ConfigFuzzTest {
    /**
     * Fixed, so that a CI run is reproducible (a failure reappears on every run); change it to
     * explore other mutants.
     */
    static final String FUZZ_SEED = "-1841773176924094012";

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);
    private static final byte[] VALID = """
            # a full configuration
            data: [a.npz, b.npz]
            test: [a_test.npz]
            arch: revised
            n-train: 1000
            n-valid: 50
            epochs: 100
            batch: 32
            lr: 0.01
            w-energy: 1.0
            seed: 0
            ema: 0.99
            weight-decay: 0.001
            amsgrad: true
            clip: 10
            stage2-epochs: 5
            stage2-lr: 0.001
            plateau-patience: 3
            """.getBytes(StandardCharsets.UTF_8);

    @Property(tries = 10_000, seed = FUZZ_SEED)
    void mutatedConfigsResolveOrFailAsInputErrors(@ForAll long seed) throws IOException {
        Path dir = Files.createTempDirectory("qmlff-config-fuzz");
        try {
            Path f = Files.write(dir.resolve("run.yaml"), mutate(VALID, seed));
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    TrainConfig.resolve(TrainConfig.readYaml(f), f.toString(), dir, java.util.Map.of(), CLOCK, 2);
                } catch (InputException e) {
                    assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
                }
            });
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) Files.delete(p);
            }
            Files.delete(dir);
        }
    }

    /** Line- and byte-level mutations: YAML breaks on indentation, quotes and type changes. */
    static byte[] mutate(byte[] valid, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] b = valid.clone();
        String tokens = ":-[]{},'\"#&*!|> \t\n0123456789.eE-x";
        for (int m = 1 + rng.nextInt(6); m > 0 && b.length > 0; m--) {
            int at = rng.nextInt(b.length);
            switch (rng.nextInt(4)) {
                case 0 -> b[at] = (byte) tokens.charAt(rng.nextInt(tokens.length()));
                case 1 -> b[at] = (byte) rng.nextInt(256);
                case 2 -> b = Arrays.copyOf(b, at);
                default -> {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = (byte) tokens.charAt(rng.nextInt(tokens.length()));
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
            }
        }
        return b;
    }
}
