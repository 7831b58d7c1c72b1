package org.qmlff.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A small structured document (headings, paragraphs, lists, tables, images, code) rendered both as
 * Markdown and as one self-contained HTML page whose images are embedded as base64 data URIs. Text
 * is plain: renderers escape it, so file names and numbers never turn into markup.
 */
final class Doc {
    /** A piece of the document. */
    sealed interface Block permits Heading, Paragraph, Bullets, Table, Image, Code {
    }

    /** A heading; level 1 is the title. */
    record Heading(int level, String text) implements Block {
    }

    /** A paragraph of plain text. */
    record Paragraph(String text) implements Block {
    }

    /** A bulleted list of plain-text items. */
    record Bullets(List<String> items) implements Block {
        Bullets {
            items = List.copyOf(items);
        }
    }

    /**
     * A table; columns whose cells are all numbers (or "–") are right-aligned.
     *
     * @param header column titles
     * @param rows   cells, each row as long as the header
     */
    record Table(List<String> header, List<List<String>> rows) implements Block {
        Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> r : rows)
                if (r.size() != header.size())
                    throw new IllegalArgumentException("table row of " + r.size() + " cells under " + header.size()
                            + " columns: " + r);
        }

        /** Whether column {@code c} holds numbers only (then it is right-aligned). */
        boolean numeric(int c) {
            if (rows.isEmpty()) return false;
            for (List<String> r : rows)
                if (!r.get(c).matches("–|[-+]?[0-9.]+([eE][-+]?[0-9]+)?( ± .*)?|\\[.*\\]")) return false;
            return true;
        }
    }

    /**
     * An image file.
     *
     * @param file    path relative to the document's directory
     * @param caption alt text and caption
     */
    record Image(String file, String caption) implements Block {
    }

    /** A block of verbatim text, e.g. commands. */
    record Code(String text) implements Block {
    }

    private final List<Block> blocks = new ArrayList<>();

    Doc add(Block b) {
        blocks.add(b);
        return this;
    }

    Doc addAll(Doc other) {
        blocks.addAll(other.blocks);
        return this;
    }

    Doc heading(int level, String text) {
        return add(new Heading(level, text));
    }

    Doc paragraph(String text) {
        return add(new Paragraph(text));
    }

    Doc bullets(List<String> items) {
        return items.isEmpty() ? this : add(new Bullets(items));
    }

    Doc table(List<String> header, List<List<String>> rows) {
        return add(new Table(header, rows));
    }

    Doc image(String file, String caption) {
        return add(new Image(file, caption));
    }

    Doc code(String text) {
        return add(new Code(text));
    }

    List<Block> blocks() {
        return List.copyOf(blocks);
    }

    /** The document as GitHub-flavoured Markdown; images are links relative to the document. */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                sb.append("#".repeat(h.level())).append(' ').append(mdText(h.text())).append("\n\n");
            } else if (b instanceof Paragraph p) {
                sb.append(mdText(p.text())).append("\n\n");
            } else if (b instanceof Bullets l) {
                wrapEach(sb, "", l.items(), "- ", Doc::mdText, "\n", "\n");
            } else if (b instanceof Table t) {
                wrapEach(sb, "|", t.header(), " ", Doc::cell, " |", "\n|");
                for (int c = 0; c < t.header().size(); c++) sb.append(t.numeric(c) ? "---:|" : "---|");
                sb.append('\n');
                for (List<String> r : t.rows()) wrapEach(sb, "|", r, " ", Doc::cell, " |", "\n");
                sb.append('\n');
            } else if (b instanceof Image i) {
                sb.append("![").append(mdText(i.caption())).append("](").append(i.file().replace(" ", "%20"))
                        .append(")\n\n");
            } else if (b instanceof Code c) {
                String fence = c.text().contains("```") ? "~~~" : "```";
                sb.append(fence).append('\n').append(c.text().stripTrailing()).append('\n').append(fence).append("\n\n");
            }
        }
        return sb.toString();
    }

    /**
     * The document as one HTML page; images are read from {@code baseDir} and embedded as base64
     * {@code data:} URIs, so the page needs no other file.
     */
    String html(String title, Path baseDir) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                sb.append("<h").append(h.level()).append('>').append(esc(h.text())).append("</h").append(h.level())
                        .append(">\n");
            } else if (b instanceof Paragraph p) {
                sb.append("<p>").append(esc(p.text())).append("</p>\n");
            } else if (b instanceof Bullets l) {
                wrapEach(sb, "<ul>\n", l.items(), "<li>", Doc::esc, "</li>\n", "</ul>\n");
            } else if (b instanceof Table t) {
                wrapEach(sb, "<table>\n<thead><tr>", t.header(), "<th>", Doc::esc, "</th>", "</tr></thead>\n<tbody>\n");
                for (List<String> r : t.rows()) {
                    sb.append("<tr>");
                    for (int c = 0; c < r.size(); c++)
                        sb.append(t.numeric(c) ? "<td class=\"num\">" : "<td>").append(esc(r.get(c))).append("</td>");
                    sb.append("</tr>\n");
                }
                sb.append("</tbody>\n</table>\n");
            } else if (b instanceof Image i) {
                sb.append("<figure><img alt=\"").append(esc(i.caption())).append("\" src=\"")
                        .append(dataUri(baseDir.resolve(i.file()))).append("\"><figcaption>").append(esc(i.caption()))
                        .append("</figcaption></figure>\n");
            } else if (b instanceof Code c) {
                sb.append("<pre><code>").append(esc(c.text().stripTrailing())).append("</code></pre>\n");
            }
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    /** Appends {@code open}, each of {@code texts} escaped between {@code before} and {@code after}, then {@code close}. */
    private static void wrapEach(StringBuilder sb, String open, List<String> texts, String before,
                                 UnaryOperator<String> escape, String after, String close) {
        sb.append(open);
        for (String text : texts) sb.append(before).append(escape.apply(text)).append(after);
        sb.append(close);
    }

    private static final String CSS = """
            body { font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }
            table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; }
            th { background: #f0f0f0; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            img { max-width: 100%; }
            figure { margin: 1em 0; }
            figcaption { font-size: 0.85em; color: #555; }
            pre { background: #f6f6f6; padding: 0.6em; overflow-x: auto; font-size: 0.85em; }
            """;

    private static String dataUri(Path file) {
        try {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot embed " + file + ": " + e.getMessage(), e));
        }
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /**
     * Plain text made safe for Markdown: characters that could start markup are backslash-escaped,
     * except an underscore inside a word (GFM never reads that as emphasis; names like
     * {@code gates_per_energy} stay readable) and {@code #} after the start.
     */
    static String mdText(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean intraword = ch == '_' && i > 0 && i + 1 < s.length()
                    && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1));
            if (("\\`*_<>|".indexOf(ch) >= 0 && !intraword) || (ch == '#' && i == 0)) sb.append('\\');
            sb.append(ch);
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return mdText(s.replace('\n', ' '));
    }
}
