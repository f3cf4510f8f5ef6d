package org.gapdesk.reports;

import java.util.Locale;

/**
 * Writes one SVG document as a string: well-formed XML, every text and attribute value escaped, characters XML
 * cannot hold dropped. The root carries {@code role="img"}, an {@code aria-label}, and {@code <title>} and
 * {@code <desc>} referenced by {@code aria-labelledby}. Styling is by presentation attributes only (no
 * {@code style} attribute or element), so a strict Content-Security-Policy does not strip it; no script, no
 * external reference.
 */
final class Svg {
    /** Font for every text: whatever sans-serif the browser has; nothing is fetched. */
    static final String FONT = "sans-serif";

    private final StringBuilder sb = new StringBuilder(4096);
    private final String id;

    /**
     * Starts a document.
     *
     * @param id prefix for every id in the document (made a valid XML name), so several charts can share a page
     */
    Svg(String id, int width, int height, String title, String desc) {
        this.id = name(id);
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
                .append(" viewBox=\"0 0 ").append(width).append(' ').append(height).append('"')
                .append(" width=\"").append(width).append("\" height=\"").append(height).append('"')
                .append(" role=\"img\" aria-label=\"").append(escape(title)).append('"')
                .append(" aria-labelledby=\"").append(this.id).append("-title ").append(this.id).append("-desc\"")
                .append(" font-family=\"").append(FONT).append("\" font-size=\"12\">\n");
        sb.append("<title id=\"").append(this.id).append("-title\">").append(escape(title)).append("</title>\n");
        sb.append("<desc id=\"").append(this.id).append("-desc\">").append(escape(desc)).append("</desc>\n");
    }

    /** An id unique to this document: {@code <prefix>-<local>}. */
    String id(String local) {
        return id + "-" + name(local);
    }

    /** Appends markup built by the caller from escaped parts. */
    Svg raw(String markup) {
        sb.append(markup);
        return this;
    }

    /** Opens an element with attributes given as name, value pairs (values escaped), e.g. {@code open("g", "class", "bars")}. */
    Svg open(String element, Object... attributes) {
        sb.append('<').append(element);
        attributes(attributes);
        sb.append(">");
        return this;
    }

    /** Closes an element. */
    Svg close(String element) {
        sb.append("</").append(element).append(">\n");
        return this;
    }

    /** An empty element with attributes. */
    Svg empty(String element, Object... attributes) {
        sb.append('<').append(element);
        attributes(attributes);
        sb.append("/>\n");
        return this;
    }

    /** An element holding only text (escaped). */
    Svg text(String element, String text, Object... attributes) {
        open(element, attributes);
        sb.append(escape(text));
        return close(element);
    }

    /** A {@code <title>} child: the tooltip and accessible name of the element it is in. */
    Svg title(String text) {
        return text("title", text);
    }

    /** Closes the document and returns it. */
    String finish() {
        sb.append("</svg>\n");
        return sb.toString();
    }

    private void attributes(Object[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            Object v = attributes[i + 1];
            if (v == null) {
                continue;
            }
            sb.append(' ').append(attributes[i]).append("=\"").append(escape(value(v))).append('"');
        }
    }

    /** Numbers with at most two decimals and a dot, whatever the default locale. */
    static String value(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d)) {
                return Long.toString((long) d);
            }
            return String.format(Locale.ROOT, "%.2f", d);
        }
        return String.valueOf(v);
    }

    /**
     * {@code text} safe inside an XML element or a double- or single-quoted attribute: {@code & < > " '} escaped,
     * characters XML 1.0 does not allow (most control characters, lone surrogates, U+FFFE, U+FFFF) dropped.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(ch).append(text.charAt(++i));
                continue;
            }
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean allowed = ch == '\t' || ch == '\n' || ch == '\r' || (ch >= 0x20 && ch < 0xD800)
                            || (ch > 0xDFFF && ch < 0xFFFE);
                    if (allowed) {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }

    /** {@code text} as an XML name fragment: letters, digits, hyphen, underscore; starts with a letter. */
    static String name(String text) {
        String n = text == null ? "" : text.replaceAll("[^A-Za-z0-9_-]", "_");
        return n.isEmpty() || !Character.isLetter(n.charAt(0)) ? "c" + n : n;
    }

    /** {@code text} cut to {@code max} characters with an ellipsis, for labels (the full text goes in a title). */
    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int cut = Math.max(1, max - 1);
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "…";
    }
}
