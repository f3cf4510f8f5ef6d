package org.gapdesk.reports;

import static org.gapdesk.licensing.LicensingLab.CLIENT_GROUP;
import static org.gapdesk.licensing.LicensingLab.CLIENT_MAK;
import static org.gapdesk.reports.SvgXml.byClass;
import static org.gapdesk.reports.SvgXml.titleOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.gapdesk.activation.RequestState;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.licensing.LicensingDesk;
import org.gapdesk.licensing.LicensingLab;
import org.gapdesk.licensing.LicensingLab.Box;
import org.gapdesk.licensing.MakLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class DashboardTest {
    @TempDir
    Path dir;
    LicensingLab lab;
    LicensingDesk desk;
    Dashboard dashboard;

    @BeforeEach
    void open() {
        lab = new LicensingLab(dir, "2026-11-02T08:00:00Z");
        desk = lab.desk();
        dashboard = new Dashboard(lab.db, desk, lab.config.site(), lab.clock, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        lab.close();
    }

    /**
     * LAB-A: 10 clients on a phone batch, 6 keyed in the week of 2 November, one re-keyed after a mistype the week
     * after, one re-imaged and confirmed from the store. LAB-B: 6 clients on a portal batch, 4 keyed in the week of
     * 9 November, plus one keyed without a batch and one KMS client.
     */
    void fill() {
        desk.pool().record(CLIENT_MAK, CLIENT_GROUP, "100", "2026-11-01", "admin");
        Map<String, Long> a = lab.importLab("LAB-A", LicensingLab.clients("LAB-A-PC", 10, CLIENT_MAK));
        lab.batch("LAB-A", ActivationChannel.PHONE);
        lab.at("2026-11-03T10:00:00Z");
        for (int i = 1; i <= 6; i++) {
            lab.key(a.get(String.format("LAB-A-PC-%03d", i)));
        }
        lab.at("2026-11-09T08:00:00Z");
        desk.pool().record(CLIENT_MAK, "", "90", "2026-11-09", "admin");
        Map<String, Long> b = lab.importLab("LAB-B", LicensingLab.clients("LAB-B-PC", 6, CLIENT_MAK));
        lab.batch("LAB-B", ActivationChannel.PORTAL);
        Map<String, Long> late = lab.importLab("LAB-B", List.of(Box.client("LAB-B-PC-007", CLIENT_MAK),
                Box.kmsClient("LAB-B-PC-008")));
        lab.at("2026-11-10T10:00:00Z");
        for (int i = 1; i <= 4; i++) {
            lab.key(b.get(String.format("LAB-B-PC-%03d", i)));
        }
        lab.key(late.get("LAB-B-PC-007"));
        lab.rekey(a.get("LAB-A-PC-002"));
        lab.applied(a.get("LAB-A-PC-001"));
        lab.at("2026-11-11T10:00:00Z");
        lab.importLab("LAB-A", List.of(Box.client("LAB-A-PC-001", CLIENT_MAK)), true);
        lab.at("2026-11-12T10:00:00Z");
    }

    @Test
    void activationsPerWeekByChannelCountEachIidOnceAndNoReuse() throws Exception {
        fill();
        WeeklyActivations w = dashboard.activationsPerWeek(4);
        assertEquals(List.of(LocalDate.parse("2026-10-19"), LocalDate.parse("2026-10-26"),
                LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-09")),
                w.weeks().stream().map(WeekCount::weekStart).toList());
        assertEquals(new WeekCount(LocalDate.parse("2026-11-02"), 6, 0, 0), w.weeks().get(2));
        assertEquals(new WeekCount(LocalDate.parse("2026-11-09"), 0, 4, 1), w.weeks().get(3));
        assertEquals(11, w.total());

        String svg = dashboard.activationsSvg(w);
        Document doc = SvgXml.accessible(svg, "Activations per week by channel");
        String desc = SvgXml.first(doc.getDocumentElement(), "desc").getTextContent();
        assertTrue(desc.contains("11 in all; 6 by telephone, 4 by portal, 1 of unknown channel"), desc);
        assertTrue(desc.contains("Week of 2026-11-09: 5 (telephone 0, portal 4, unknown 1)."), desc);
        List<Element> bars = byClass(doc, "g", "bar");
        assertEquals(4, bars.size());
        assertEquals("week of 2026-11-02", bars.get(2).getAttribute("data-category"));
        assertEquals("6", bars.get(2).getAttribute("data-total"));
        List<Element> segments = byClass(doc, "rect", "segment");
        assertEquals(List.of("week of 2026-11-02, Telephone: 6", "week of 2026-11-09, Portal: 4",
                "week of 2026-11-09, Unknown (no batch): 1"), segments.stream().map(SvgXml::titleOf).toList());
        assertEquals(List.of("phone", "portal", "unknown"),
                segments.stream().map(e -> e.getAttribute("data-series")).toList());
        assertTrue(segments.get(1).getAttribute("fill").startsWith("url(#activations-fill-portal)"),
                "portal is patterned, not only coloured");
        assertEquals(List.of("6", "5"), byClass(doc, "text", "total").stream().map(Element::getTextContent).toList());
        assertEquals(List.of("Telephone", "Portal", "Unknown (no batch)"),
                byClass(doc, "text", "legend-label").stream().map(Element::getTextContent).toList());
        assertTrue(byClass(doc, "text", "category").get(2).getTextContent().endsWith("11-02"));
    }

    @Test
    void requestsByLabAndStateAreStackedBarsWithEveryCountReadable() throws Exception {
        fill();
        List<LabStates> labs = dashboard.requestsByLabAndState();
        assertEquals(List.of("LAB-A", "LAB-B"), labs.stream().map(LabStates::lab).toList());
        LabStates a = labs.get(0);
        assertEquals(4, a.count(RequestState.ON_WORKSHEET));
        assertEquals(6, a.count(RequestState.CONFIRMED), "5 keyed and still confirmed, 1 confirmed from the store");
        assertEquals(1, a.count(RequestState.APPLIED));
        assertEquals(11, a.total());
        assertEquals(1, labs.get(1).count(RequestState.KMS_CLIENT));
        assertEquals(8, labs.get(1).total());

        Document doc = SvgXml.accessible(dashboard.requestsSvg(labs), "Requests by lab and state");
        List<Element> bars = byClass(doc, "g", "bar");
        assertEquals(List.of("LAB-A (Materials lab (isolated))", "LAB-B (Control systems lab)"),
                bars.stream().map(e -> e.getAttribute("data-category")).toList());
        assertEquals(List.of("11", "8"), bars.stream().map(e -> e.getAttribute("data-total")).toList());
        List<String> titles = byClass(doc, "rect", "segment").stream().map(SvgXml::titleOf).toList();
        assertTrue(titles.contains("LAB-A (Materials lab (isolated)), confirmed: 6"), titles.toString());
        assertTrue(titles.contains("LAB-B (Control systems lab), KMS client: 1"), titles.toString());
        assertEquals(8, byClass(doc, "text", "legend-label").size(), "every state in the legend");
        String desc = SvgXml.first(doc.getDocumentElement(), "desc").getTextContent();
        assertTrue(desc.startsWith("19 requests in 2 labs, by state. LAB-A: 11 (on worksheet 4, confirmed 6, applied"
                + " 1)."), desc);
    }

    @Test
    void makRemainingOverTimeShowsReadingsTheCountDownAndNow() throws Exception {
        fill();
        DashboardView view = dashboard.view();
        assertEquals(1, view.makCharts().size());
        assertEquals(85, view.maks().get(0).remainingNow(), "90 read on the 9th minus 5 keyed on the 10th");
        Document doc = SvgXml.accessible(view.makCharts().get(0).svg(),
                "MAK ending 3V66T (Windows 10/11 Enterprise): remaining activations over time");
        assertEquals(List.of("100", "90"), byClass(doc, "rect", "reading").stream()
                .map(e -> e.getAttribute("data-value")).toList());
        assertEquals(List.of("2026-11-03: 6 activations keyed, 94 remaining",
                "2026-11-10: 5 activations keyed, 85 remaining"),
                byClass(doc, "circle", "step").stream().map(SvgXml::titleOf).toList());
        assertEquals("now 85", byClass(doc, "text", "now-label").get(0).getTextContent());
        assertEquals(1, byClass(doc, "path", "countdown").size());
        assertTrue(view.makCharts().get(0).svg().contains("warning at 10"));
        String desc = SvgXml.first(doc.getDocumentElement(), "desc").getTextContent();
        assertEquals("2 readings from 2026-11-01 to 2026-11-09. Latest: 90 on 2026-11-09; 5 activations keyed since;"
                + " 85 remaining now by the local count. Warning at 10 or fewer. Status: ok.", desc);

        SvgXml.accessible(view.activationsSvg(), "Activations per week by channel");
        SvgXml.accessible(view.requestsSvg(), "Requests by lab and state");
        assertEquals(12, view.activations().weeks().size());
        assertEquals(List.of("LAB-A", "LAB-B"), view.advice().stream().map(a -> a.lab()).toList());
    }

    @Test
    void readingTheDashboardRaisesNoAlert() {
        desk.pool().record(CLIENT_MAK, CLIENT_GROUP, "12", "2026-11-01", "admin");
        Map<String, Long> a = lab.importLab("LAB-A", LicensingLab.clients("PC", 3, CLIENT_MAK));
        lab.at("2026-11-03T10:00:00Z");
        a.values().forEach(lab::key);
        DashboardView view = dashboard.view();
        assertEquals(MakLevel.LOW, view.maks().get(0).level());
        assertEquals(List.of(), view.alerts(), "the check belongs to actions, not to reading");
        assertEquals(1, desk.alerts().check("tech").size());
        assertEquals(1, dashboard.view().alerts().size());
    }

    @Test
    void anEmptyRecordGivesValidChartsSayingSo() throws Exception {
        DashboardView view = dashboard.view(1);
        Document a = SvgXml.accessible(view.activationsSvg(), "Activations per week by channel");
        assertEquals("No activations keyed in these weeks", byClass(a, "text", "empty").get(0).getTextContent());
        Document r = SvgXml.accessible(view.requestsSvg(), "Requests by lab and state");
        assertEquals("No requests in the record yet", byClass(r, "text", "empty").get(0).getTextContent());
        assertEquals(List.of(), view.makCharts());
    }

    @Test
    void hostileLabNamesAndKeyGroupsAreEscaped() throws Exception {
        String hostile = "<script>alert('x')</script> & \"LAB\"";
        lab.importLab(hostile, LicensingLab.clients("PC", 2, CLIENT_MAK));
        desk.pool().record("7TTTT", "Group <b>&amp; \"quoted\" 'single'", "50", "2026-11-01", "admin");
        DashboardView view = dashboard.view();
        Document doc = SvgXml.accessible(view.requestsSvg(), "Requests by lab and state");
        assertEquals(hostile, byClass(doc, "g", "bar").get(0).getAttribute("data-category"));
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertTrue(!view.requestsSvg().contains("<script>"));
        SvgXml.accessible(view.makCharts().get(0).svg(),
                "MAK ending 7TTTT (Group <b>&amp; \"quoted\" 'single'): remaining activations over time");
    }

    @Test
    void weeksAreBounded() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> dashboard.view(0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> dashboard.view(Dashboard.MAX_WEEKS + 1));
    }
}
