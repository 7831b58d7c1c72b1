package org.qmlff.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report document model: escaping, alignment, embedded images. */
class ReportDocTest {
    @Test
    void textIsEscapedNotInterpreted(@TempDir Path dir) throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Files.write(dir.resolve("a b.png"), png);
        Doc d = new Doc().heading(1, "#1 <run>").paragraph("a*b* & `x` gates_per_energy _x_")
                .table(List.of("name", "value"), List.of(List.of("a|b", "1.5 ± 0.2"), List.of("c", "–")))
                .image("a b.png", "plot \"1\"").code("./qmlff train --config 'x y'/config.yaml");
        String md = d.markdown();
        assertThat(md).contains("# \\#1 \\<run\\>").contains("a\\*b\\* & \\`x\\` gates_per_energy \\_x\\_")
                .contains("| a\\|b | 1.5 ± 0.2 |").contains("|---|---:|").contains("![plot \"1\"](a%20b.png)")
                .contains("```\n./qmlff train --config 'x y'/config.yaml\n```");
        String html = d.html("t <1>", dir);
        assertThat(html).contains("<title>t &lt;1&gt;</title>").contains("<h1>#1 &lt;run&gt;</h1>")
                .contains("<td>a|b</td><td class=\"num\">1.5 ± 0.2</td>").contains("alt=\"plot &quot;1&quot;\"")
                .contains("src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\"")
                .doesNotContain("<script");
    }

    @Test
    void raggedTablesAndMissingImagesAreErrors(@TempDir Path dir) {
        assertThatThrownBy(() -> new Doc().table(List.of("a", "b"), List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row of 1 cells under 2 columns");
        Doc d = new Doc().image("nope.png", "x");
        assertThatThrownBy(() -> d.html("t", dir)).hasMessageContaining("cannot embed").hasMessageContaining("nope.png");
    }
}
