package org.qmlff.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every user error is one line (two with a hint), names what and where, and carries no Java class
 * name or stack trace; a bug still shows its trace.
 */
class UserErrorMessagesTest {
    private static final String TRAIN = "../data/rmd17/rmd17_ethanol_train_01.npz";
    /** A Java-looking name: FooException, java.io..., org.qmlff... */
    private static final Pattern JAVA = Pattern.compile("[A-Z][A-Za-z]+(Exception|Error)\\b|\\bjava\\.|\\borg\\.qmlff\\.|\\bat [a-z]+\\.");
    @TempDir
    Path dir;

    private static void assertOneLineUserError(CliRun r, String... fragments) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        String[] lines = r.err().strip().split("\n");
        assertThat(lines.length).as(r.err()).isBetween(1, 2);
        assertThat(lines[0]).startsWith("qmlff: error: ");
        if (lines.length == 2) assertThat(lines[1]).startsWith("hint: ");
        assertThat(JAVA.matcher(r.err()).find()).as("no Java names in: %s", r.err()).isFalse();
        for (String f : fragments) assertThat(r.err()).contains(f);
    }

    @Test
    void badOptionValuesAreOneLineWithAHint() {
        assertOneLineUserError(CliRun.main("train", "--data", TRAIN, "--epochs", "many"),
                "--epochs", "many", "hint: see 'qmlff train --help'");
        assertOneLineUserError(CliRun.main("md", "--model", "m.json"), "missing required option", "qmlff md --help");
        assertOneLineUserError(CliRun.main("evaluate", "--threads", "two", "--model", "m.json", "--data", TRAIN),
                "--threads", "two");
    }

    @Test
    void aMistypedOptionAfterADataFileIsAnUnknownOption() {
        CliRun r = CliRun.main("train", "--data", TRAIN, "--epoch", "5");
        assertOneLineUserError(r, "--epoch", "did you mean");
        assertThat(r.err()).doesNotContain("data file type");
        assertOneLineUserError(CliRun.main("predict", "--data", TRAIN, "--modle", "m.json", "--out", "x.extxyz"), "--modle");
    }

    @Test
    void outputPathsAreCheckedBeforeAnyWork() throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        // bench would run for minutes before writing its JSON: it must fail at once.
        long t0 = System.nanoTime();
        assertOneLineUserError(CliRun.main("bench", "--json", file.resolve("x.json").toString()), "afile", "is a file, not a directory");
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds before the error").isLessThan(10);
        assertOneLineUserError(CliRun.main("train", "--data", TRAIN, "--out", file.toString()),
                "--out " + file + " is a file, expected a directory");
        assertOneLineUserError(CliRun.main("predict", "--model", "m.json", "--data", TRAIN, "--out", dir.toString()),
                "--out " + dir + " is a directory, expected a file");
    }

    @Test
    void fileSystemFailuresAreInPlainWords() {
        java.nio.file.FileSystemException readOnly = new java.nio.file.FileSystemException(dir.resolve(".x.tmp").toString(), null, "Read-only file system");
        assertThat(UserErrors.userMessage(new java.io.UncheckedIOException(readOnly))).isEqualTo(dir.resolve(".x.tmp") + ": read-only file system");
        assertThat(org.qmlff.error.FileSystemErrors.cannotWrite(Path.of("RUN/checkpoint.json"),
                new java.nio.file.FileSystemException("RUN/.checkpoint.json.123.tmp", null, "No space left on device")).getMessage())
                .isEqualTo("cannot write RUN/checkpoint.json: no space left on device");
        assertThat(UserErrors.userMessage(new java.nio.file.FileAlreadyExistsException("DIR"))).isEqualTo("DIR already exists");
        assertThat(UserErrors.userMessage(new java.nio.file.AccessDeniedException("/root/x"))).isEqualTo("/root/x: permission denied");
        assertThat(UserErrors.userMessage(new java.nio.file.NoSuchFileException("nope.npz"))).isEqualTo("no such file: nope.npz");
    }

    @Test
    void aBugStillShowsItsStackTrace() {
        assertThat(UserErrors.userMessage(new NullPointerException("boom"))).isNull();
        assertThat(UserErrors.userMessage(new IllegalStateException("boom"))).isNull();
        // a broken precondition inside the program is a bug; only the input-error type is the user's
        assertThat(UserErrors.userMessage(new IllegalArgumentException("row of 3 cells under 4 headers"))).isNull();
        assertThat(UserErrors.userMessage(new org.qmlff.error.InputException("--lr must be > 0"))).isEqualTo("--lr must be > 0");
    }

    @Test
    void anIllegalArgumentDuringTrainingPrintsItsTraceAndExitsWithOne() {
        TestBackend b = LearningCurveCommandTest.backend().wrapping(ff -> TrainPipelineTest.crashingAfter(ff, 5,
                () -> new IllegalArgumentException("simulated broken precondition")));
        CliRun r = CliRun.of(b, new TrainCommand(), "--arch", "le", "--data", "ethanol_train.npz", "--n-train", "60",
                "--n-valid", "10", "--epochs", "1", "--threads", "1", "--out", dir.resolve("run").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("IllegalArgumentException: simulated broken precondition")
                .contains("\tat org.qmlff.");
        assertThat(r.err()).doesNotContain("qmlff: error: simulated");
    }

    @Test
    void badModelFilesSayWhatIsWrongInPlainWords() throws Exception {
        org.qmlff.data.Dataset ethanol = org.qmlff.data.DataFiles.read(Path.of(TRAIN)).first(2);
        Path good = dir.resolve("good.json");
        org.qmlff.model.Models.write(org.qmlff.model.Models.create(org.qmlff.model.ModelOptions.defaults("revised"),
                java.util.List.of(ethanol), 1), java.util.Map.of(), good);
        String text = Files.readString(good);
        String version = "\"version\"\\s*:\\s*1";
        assertThat(java.util.regex.Pattern.compile(version).matcher(text).find()).isTrue();
        Path word = Files.writeString(dir.resolve("word.json"), text.replaceFirst(version, "\"version\": \"one\""));
        assertOneLineUserError(CliRun.main("predict", "--model", word.toString(), "--data", TRAIN, "--out", dir.resolve("p.json").toString()),
                "model file version 'one' is not a whole number");
        Path missing = Files.writeString(dir.resolve("noversion.json"), text.replaceFirst(version + "\\s*,", ""));
        assertOneLineUserError(CliRun.main("predict", "--model", missing.toString(), "--data", TRAIN, "--out", dir.resolve("p.json").toString()),
                "model file version is missing");
        // A NaN parameter: Jackson's own message names one of its options.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\"data\"\\s*:\\s*\\[\\s*)(-?[0-9.eE+-]+)").matcher(text);
        assertThat(m.find()).as("a parameter list in the model file").isTrue();
        Path nan = Files.writeString(dir.resolve("nan.json"), m.replaceFirst("$1NaN"));
        CliRun r = CliRun.main("predict", "--model", nan.toString(), "--data", TRAIN, "--out", dir.resolve("p.json").toString());
        assertOneLineUserError(r, "nan.json", "NaN or infinite", "line ");
        assertThat(r.err()).doesNotContain("ALLOW_NON_NUMERIC").doesNotContain("JsonReadFeature");
        assertThat(dir.resolve("p.json")).doesNotExist();
    }
}
