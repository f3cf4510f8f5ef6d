package org.gapdesk.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgTest {
    @Test
    void escapingCoversMarkupQuotesAndCharactersXmlCannotHold() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Svg.escape("<a href=\"x\">&'"));
        assertEquals("ab", Svg.escape("a\u0000\u001b\uFFFEb"));
        assertEquals("a\tb\nc", Svg.escape("a\tb\nc"));
        assertEquals("x", Svg.escape("x\uD800"), "a lone surrogate is dropped");
        assertEquals("\uD83D\uDE00", Svg.escape("\uD83D\uDE00"), "a surrogate pair is kept");
        assertEquals("", Svg.escape(null));
    }

    @Test
    void idsAreValidNamesAndLabelsAreShortenedWithoutSplittingACharacter() {
        assertEquals("c1-a_b", Svg.name("1-a b"));
        assertEquals("mak-3V66T", Svg.name("mak-3V66T"));
        assertEquals("abcd…", Svg.shorten("abcdefgh", 5));
        assertEquals("abc…", Svg.shorten("abc\uD83D\uDE00efgh", 5));
        assertEquals("abc", Svg.shorten("abc", 5));
    }

    @Test
    void numbersUseADotWhateverTheLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("1.25", Svg.value(1.25));
            assertEquals("3", Svg.value(3.0));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void hostileCategoryAndSeriesTextStaysText() throws Exception {
        StackedBarChart.Series s = new StackedBarChart.Series("x\"><script>", "<b>bold</b> & 'co'",
                new Fill(Fill.BLUE, Fill.Pattern.CROSSHATCH, Fill.LIGHT));
        String label = "]]><!-- \u0007 <svg onload=alert(1)>";
        String svg = StackedBarChart.horizontal("t\"x", "Title <&>", "Desc \"&\"", List.of(s),
                List.of(new StackedBarChart.Category(label, label, new long[] {3})), "none");
        Document doc = SvgXml.accessible(svg, "Title <&>");
        assertEquals(1, SvgXml.byClass(doc, "rect", "segment").size());
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertEquals(1, doc.getElementsByTagNameNS(SvgXml.SVG_NS, "svg").getLength(), "no nested svg injected");
        assertTrue(SvgXml.titleOf(SvgXml.byClass(doc, "rect", "segment").get(0))
                .startsWith("]]><!--  <svg onload=alert(1)>, <b>bold</b> & 'co': 3"));
    }

    @Test
    void ticksAreRound() {
        assertEquals(List.of(0L, 1L), toList(Scale.ticks(0)));
        assertEquals(List.of(0L, 2L, 4L, 6L, 8L), toList(Scale.ticks(7)));
        assertEquals(List.of(0L, 10L, 20L, 30L, 40L), toList(Scale.ticks(31)));
        assertEquals(List.of(0L, 50L, 100L, 150L), toList(Scale.ticks(120)));
    }

    private static List<Long> toList(long[] ticks) {
        return java.util.Arrays.stream(ticks).boxed().toList();
    }
}
