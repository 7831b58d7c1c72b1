package org.qmlff.spark;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qmlff.error.InputException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command line of {@code qmlff-spark}: mistakes are input errors with one line saying what is
 * wrong, found before Spark starts (no context is created by these cases).
 */
class QmlffSparkCommandLineTest {
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "''|give a command",
            "fit --data x.npz|unknown command 'fit'",
            "train --epoch 5 --data x.npz|unknown option '--epoch' for train",
            "predict --n-train 5 --model m.json|unknown option '--n-train' for predict",
            "train --data|expected --option value pairs, got '--data'",
            "train data.npz --epochs 5|expected --option value pairs, got 'data.npz'",
            "train --master local[2] --task-cores 0 --data x.npz|--task-cores 0: a task needs at least 1 core",
            "predict --master local[2] --task-cores 3 --model m.json|--task-cores 3 is more than the 2 cores of --master local[2]",
            "train --master local[2] --task-cores two --data x.npz|--task-cores: expected an integer",
            "job-latency --jobs 0|--jobs 0: at least 1",
            "predict --format csv --model m.json|--format csv: expected extxyz or npz",
            "train --format npz --data x.npz|unknown option '--format' for train",
    })
    void mistakesAreOneLineInputErrors(String line, String message) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertThatThrownBy(() -> QmlffSpark.run(args)).isInstanceOf(InputException.class)
                .hasMessageContaining(message).hasMessageNotContaining("\n");
    }
}
