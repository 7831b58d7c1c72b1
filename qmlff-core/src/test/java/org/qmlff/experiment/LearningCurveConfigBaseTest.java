package org.qmlff.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qmlff.error.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link LearningCurvePlan.ConfigBase}: a training file's settings as the base of every run of a grid, the
 * same settings {@code qmlff train --config} resolves from it, less the keys the grid sets.
 */
class LearningCurveConfigBaseTest {
    @Test
    void aConfigFileGivesItsResolvedSettingsLessTheGridKeys(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectories(dir.resolve("examples"));
        Path file = sub.resolve("c.yaml");
        Files.writeString(file, """
                data: [../data/a_train.npz]
                test: [../data/a_test.npz]
                arch: rich
                n-train: 300
                epochs: 7
                seed: 5
                threads: 3
                n-fit: 10
                out: somewhere
                tensor: on
                clip: 1
                """);
        LearningCurvePlan.ConfigBase base = LearningCurvePlan.ConfigBase.read(file, null);
        assertThat(base.arch()).isEqualTo("rich");
        assertThat(base.data()).containsExactly(dir.resolve("data/a_train.npz").normalize());
        assertThat(base.test()).containsExactly(dir.resolve("data/a_test.npz").normalize());
        for (String k : LearningCurvePlan.ConfigBase.GRID_KEYS) assertThat(base.settings()).doesNotContainKey(k);
        assertThat(base.settings()).containsEntry("n-train", 300).containsEntry("epochs", 7).containsEntry("tensor", "on")
                .containsEntry("clip", 1.0).containsEntry("n-valid", TrainConfig.DEFAULT_N_VALID);

        // a run planned from the base resolves to the file's own settings, but for the grid's keys
        Map<String, Object> flags = new LinkedHashMap<>(base.settings());
        flags.put("data", List.of("x.npz"));
        flags.put("arch", base.arch());
        flags.put("seed", 5L);
        flags.put("n-fit", 10);
        flags.put("threads", 3);
        flags.put("out", "somewhere");
        TrainConfig viaBase = TrainConfig.resolve(Map.of(), "", null, flags, Clock.systemUTC(), 1);
        Map<String, Object> direct = new LinkedHashMap<>(TrainConfig.readYaml(file));
        direct.put("data", List.of("x.npz"));
        direct.remove("test");
        TrainConfig viaFile = TrainConfig.resolve(direct, file.toString(), null, Map.of(), Clock.systemUTC(), 1);
        assertThat(viaBase.toMap()).isEqualTo(viaFile.toMap());

        // --data stands for the file's data: a file without any still reads
        Path noData = sub.resolve("n.yaml");
        Files.writeString(noData, "arch: le\nepochs: 2\n");
        assertThat(LearningCurvePlan.ConfigBase.read(noData, List.of(Path.of("d.npz"))).data()).containsExactly(Path.of("d.npz"));
        Files.writeString(noData, "arch: le\nepochs: 2\nclip: -1\n");
        assertThatThrownBy(() -> LearningCurvePlan.ConfigBase.read(noData, List.of(Path.of("d.npz"))))
                .isInstanceOf(InputException.class).hasMessageContaining("clip");
    }
}
