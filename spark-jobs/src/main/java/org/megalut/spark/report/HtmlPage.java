package org.megalut.spark.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A self-contained HTML page (inline CSS, no script) built from headings, paragraphs, tables, links and
 * images. Every text given is escaped, since much of it comes from data and configuration (predcodes,
 * file names, error messages); links and image sources are escaped as attribute values and must be
 * relative paths.
 */
final class HtmlPage {
    private static final String CSS = String.join("\n",
            "body{font-family:sans-serif;margin:1.5em auto;max-width:1150px;color:#222;line-height:1.4}",
            "h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.8em}",
            "table{border-collapse:collapse;margin:.6em 0;font-size:.92em}",
            "th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}",
            "th{background:#f2f2f2}td:first-child,th:first-child{text-align:left}",
            "img{max-width:100%;border:1px solid #eee;margin:.4em 0}",
            ".note{color:#555;font-size:.92em}.warn{color:#a40}",
            "code{background:#f6f6f6;padding:0 .2em}");

    private final String title;
    private final StringBuilder body = new StringBuilder();
    private final List<String> images = new ArrayList<>();

    HtmlPage(String title) {
        this.title = title;
    }

    /** HTML text with {@code & < > " '} replaced by entities (null → empty). */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A section heading with an anchor id (letters, digits and '-' only, made by the caller). */
    HtmlPage section(String id, String text) {
        body.append("<h2 id=\"").append(escape(id)).append("\">").append(escape(text)).append("</h2>\n");
        return this;
    }

    HtmlPage paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A smaller, grey paragraph (how a figure was made, caveats). */
    HtmlPage note(String text) {
        body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A highlighted paragraph (missing inputs, e.g. "no truth"). */
    HtmlPage warning(String text) {
        body.append("<p class=\"warn\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A paragraph of links, given as alternating text and relative href. */
    HtmlPage links(String... textAndHref) {
        body.append("<p>");
        for (int i = 0; i + 1 < textAndHref.length; i += 2) {
            if (i > 0) {
                body.append(" · ");
            }
            body.append("<a href=\"").append(escape(textAndHref[i + 1])).append("\">").append(escape(textAndHref[i]))
                    .append("</a>");
        }
        body.append("</p>\n");
        return this;
    }

    /** A table; every cell is text. */
    HtmlPage table(List<String> header, List<List<String>> rows) {
        body.append("<table>\n<tr>");
        header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<String> r : rows) {
            body.append("<tr>");
            r.forEach(c -> body.append("<td>").append(escape(c)).append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** An image linked to itself (full size on click). */
    HtmlPage image(String src, String alt) {
        images.add(src);
        String s = escape(src);
        body.append("<a href=\"").append(s).append("\"><img src=\"").append(s).append("\" alt=\"").append(escape(alt))
                .append("\"></a>\n");
        return this;
    }

    /** The image sources added, in order (for checks that each file exists). */
    List<String> images() {
        return List.copyOf(images);
    }

    String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n" + CSS + "\n</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body
                + "</body>\n</html>\n";
    }
}
