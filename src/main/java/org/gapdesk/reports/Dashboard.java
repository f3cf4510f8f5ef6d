package org.gapdesk.reports;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gapdesk.activation.RequestState;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.config.Lab;
import org.gapdesk.config.SiteSettings;
import org.gapdesk.licensing.KeyedActivation;
import org.gapdesk.licensing.KeyedActivations;
import org.gapdesk.licensing.LicensingDesk;
import org.gapdesk.licensing.MakPoolSnapshot;
import org.gapdesk.licensing.MakTimeline;
import org.gapdesk.store.Database;
import org.gapdesk.store.RequestRepository;
import org.gapdesk.store.StateCount;

/**
 * The reports dashboard: activations per week by channel, requests by lab and state, each MAK's remaining count
 * over time, recent alerts and per-lab advice, as data with server-drawn SVG charts. Reading it changes nothing
 * (it raises no alert).
 *
 * <p>An activation is counted as {@link KeyedActivations} defines it (once per IID, at its first keyed CID;
 * stored-CID reuse is not an activation). Its channel is that of the latest worksheet batch holding its request
 * that was made no later than the CID; {@code unknown} when there was none.
 */
public final class Dashboard {
    /** Weeks shown when none are asked for. */
    public static final int DEFAULT_WEEKS = 12;
    /** Most weeks one chart shows. */
    public static final int MAX_WEEKS = 104;
    private static final DateTimeFormatter WEEK_LABEL = DateTimeFormatter.ofPattern("MM-dd");

    static final List<StackedBarChart.Series> CHANNEL_SERIES = List.of(
            new StackedBarChart.Series("phone", "Telephone", new Fill(Fill.BLUE, Fill.Pattern.SOLID, Fill.LIGHT)),
            new StackedBarChart.Series("portal", "Portal", new Fill(Fill.ORANGE, Fill.Pattern.DIAGONAL, Fill.LIGHT)),
            new StackedBarChart.Series("unknown", "Unknown (no batch)",
                    new Fill(Fill.GREY, Fill.Pattern.DOTS, Fill.LIGHT)));

    private static final Map<RequestState, Fill> STATE_FILLS = stateFills();

    private final Database db;
    private final LicensingDesk licensing;
    private final SiteSettings site;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param zone the kiosk's time zone: weeks start on Monday there
     */
    public Dashboard(Database db, LicensingDesk licensing, SiteSettings site, Clock clock, ZoneId zone) {
        this.db = db;
        this.licensing = licensing;
        this.site = site;
        this.clock = clock;
        this.zone = zone;
    }

    /** The dashboard with the last {@value #DEFAULT_WEEKS} weeks of activations. */
    public DashboardView view() {
        return view(DEFAULT_WEEKS);
    }

    /** The dashboard with the last {@code weeks} weeks (1 to {@value #MAX_WEEKS}) of activations. */
    public DashboardView view(int weeks) {
        WeeklyActivations activations = activationsPerWeek(weeks);
        List<LabStates> requests = requestsByLabAndState();
        MakPoolSnapshot pool = licensing.pool().snapshot();
        List<MakChart> charts = new ArrayList<>();
        for (MakTimeline t : pool.timelines()) {
            charts.add(new MakChart(t, MakRemainingChart.render(t, zone)));
        }
        return new DashboardView(clock.instant(), activations, activationsSvg(activations), requests,
                requestsSvg(requests), pool.statuses(), charts, licensing.alerts().recent(10),
                licensing.advisor().advice());
    }

    /** Activations in each of the last {@code weeks} weeks up to and including the current one. */
    public WeeklyActivations activationsPerWeek(int weeks) {
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new IllegalArgumentException("weeks must be between 1 and " + MAX_WEEKS);
        }
        LocalDate thisWeek = LocalDate.ofInstant(clock.instant(), zone)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = thisWeek.minusWeeks(weeks - 1L);
        int[][] counts = new int[weeks][3];
        db.read(c -> {
            BatchChannels batches = BatchChannels.load(c);
            for (KeyedActivation a : KeyedActivations.load(c)) {
                LocalDate week = LocalDate.ofInstant(a.at(), zone).with(TemporalAdjusters.previousOrSame(
                        DayOfWeek.MONDAY));
                int index = (int) java.time.temporal.ChronoUnit.WEEKS.between(first, week);
                if (index < 0 || index >= weeks) {
                    continue;
                }
                BatchChannels.Membership m = batches.batchOf(a.requestId(), a.at());
                int channel = m == null ? 2 : m.channel() == ActivationChannel.PHONE ? 0 : 1;
                counts[index][channel]++;
            }
            return null;
        });
        List<WeekCount> out = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            out.add(new WeekCount(first.plusWeeks(i), counts[i][0], counts[i][1], counts[i][2]));
        }
        return new WeeklyActivations(out);
    }

    /** Requests by lab and state: labs of the site settings that have requests, in their order, then others. */
    public List<LabStates> requestsByLabAndState() {
        List<StateCount> counts = db.read(c -> new RequestRepository().countByLabAndState(c));
        Map<String, Map<RequestState, Long>> byLab = new LinkedHashMap<>();
        Set<String> order = new LinkedHashSet<>();
        Set<String> present = new TreeSet<>();
        counts.forEach(sc -> present.add(sc.lab()));
        for (Lab l : site.labs()) {
            if (present.contains(l.code())) {
                order.add(l.code());
            }
        }
        order.addAll(present);
        for (String lab : order) {
            Map<RequestState, Long> m = new EnumMap<>(RequestState.class);
            for (RequestState s : RequestState.values()) {
                m.put(s, 0L);
            }
            byLab.put(lab, m);
        }
        for (StateCount sc : counts) {
            byLab.get(sc.lab()).merge(sc.state(), sc.count(), Long::sum);
        }
        List<LabStates> out = new ArrayList<>();
        byLab.forEach((lab, m) -> out.add(new LabStates(lab, m)));
        return out;
    }

    /** The activations chart. */
    public String activationsSvg(WeeklyActivations a) {
        List<StackedBarChart.Category> cats = new ArrayList<>();
        for (WeekCount w : a.weeks()) {
            cats.add(new StackedBarChart.Category(WEEK_LABEL.format(w.weekStart()), "week of " + w.weekStart(),
                    new long[] {w.phone(), w.portal(), w.unknown()}));
        }
        LocalDate from = a.weeks().get(0).weekStart();
        LocalDate to = a.weeks().get(a.weeks().size() - 1).weekStart().plusDays(6);
        String desc = "Activations keyed in the " + a.weeks().size() + " weeks from " + from + " to " + to
                + " (weeks start on Monday), by the channel of their worksheet batch: " + a.total() + " in all; "
                + a.phone() + " by telephone, " + a.portal() + " by portal, " + a.unknown()
                + " of unknown channel (keyed without a batch). Each Installation ID counts once; CIDs reused from"
                + " the store are not activations and are not counted."
                + weekDetail(a);
        return StackedBarChart.vertical("activations", "Activations per week by channel", desc, CHANNEL_SERIES,
                cats, "No activations keyed in these weeks");
    }

    /** The requests chart. */
    public String requestsSvg(List<LabStates> labs) {
        List<StackedBarChart.Series> series = new ArrayList<>();
        for (RequestState s : RequestState.values()) {
            series.add(new StackedBarChart.Series(s.name().toLowerCase(java.util.Locale.ROOT), s.label(),
                    STATE_FILLS.get(s)));
        }
        List<StackedBarChart.Category> cats = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        long total = 0;
        for (LabStates l : labs) {
            long[] values = new long[RequestState.values().length];
            StringBuilder parts = new StringBuilder();
            for (RequestState s : RequestState.values()) {
                values[s.ordinal()] = l.count(s);
                if (l.count(s) > 0) {
                    parts.append(parts.length() == 0 ? "" : ", ").append(s.label()).append(' ').append(l.count(s));
                }
            }
            total += l.total();
            Lab configured = site.lab(l.lab());
            String full = configured == null ? l.lab() : l.lab() + " (" + configured.name() + ")";
            cats.add(new StackedBarChart.Category(l.lab(), full, values));
            detail.append(' ').append(l.lab()).append(": ").append(l.total()).append(" (").append(parts).append(").");
        }
        String desc = total + (total == 1 ? " request" : " requests") + " in " + labs.size()
                + (labs.size() == 1 ? " lab" : " labs") + ", by state." + detail;
        return StackedBarChart.horizontal("requests", "Requests by lab and state", desc, series, cats,
                "No requests in the record yet");
    }

    private static String weekDetail(WeeklyActivations a) {
        StringBuilder sb = new StringBuilder();
        for (WeekCount w : a.weeks()) {
            if (w.total() > 0) {
                sb.append(" Week of ").append(w.weekStart()).append(": ").append(w.total()).append(" (telephone ")
                        .append(w.phone()).append(", portal ").append(w.portal()).append(", unknown ")
                        .append(w.unknown()).append(").");
            }
        }
        return sb.toString();
    }

    private static Map<RequestState, Fill> stateFills() {
        Map<RequestState, Fill> m = new EnumMap<>(RequestState.class);
        m.put(RequestState.RECEIVED, new Fill(Fill.SKY, Fill.Pattern.SOLID, Fill.LIGHT));
        m.put(RequestState.ON_WORKSHEET, new Fill(Fill.ORANGE, Fill.Pattern.DIAGONAL, Fill.LIGHT));
        m.put(RequestState.CONFIRMED, new Fill(Fill.YELLOW, Fill.Pattern.DOTS, Fill.DARK));
        m.put(RequestState.EXPORTED, new Fill(Fill.BLUE, Fill.Pattern.HORIZONTAL, Fill.LIGHT));
        m.put(RequestState.APPLIED, new Fill(Fill.GREEN, Fill.Pattern.GRID, Fill.LIGHT));
        m.put(RequestState.FAILED, new Fill(Fill.VERMILION, Fill.Pattern.CROSSHATCH, Fill.LIGHT));
        m.put(RequestState.SUPERSEDED, new Fill(Fill.GREY, Fill.Pattern.VERTICAL, Fill.LIGHT));
        m.put(RequestState.KMS_CLIENT, new Fill(Fill.PURPLE, Fill.Pattern.BACK_DIAGONAL, Fill.LIGHT));
        return m;
    }
}
