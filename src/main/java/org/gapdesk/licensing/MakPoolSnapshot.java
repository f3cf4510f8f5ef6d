package org.gapdesk.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The MAK pool as it stands at one moment: every MAK with its readings, the activations counted against it and
 * its status. Built from one read of the record, so a list of flags or a dashboard is consistent.
 */
public final class MakPoolSnapshot {
    private static final Comparator<MakReading> READING_ORDER = Comparator.comparing(MakReading::readAt)
            .thenComparingLong(MakReading::id);

    private final Map<String, MakTimeline> byKey = new LinkedHashMap<>();
    private final Map<String, List<MakStatus>> byGroup = new HashMap<>();
    private final int threshold;

    MakPoolSnapshot(List<Mak> maks, List<MakReading> readings, List<KeyedActivation> activations, int threshold,
            Instant now, ZoneId zone) {
        this.threshold = threshold;
        Map<String, List<KeyedActivation>> spent = new HashMap<>();
        for (KeyedActivation a : activations) {
            if (a.partialKey() != null) {
                spent.computeIfAbsent(a.partialKey(), k -> new ArrayList<>()).add(a);
            }
        }
        Map<String, List<MakReading>> readingsOf = new HashMap<>();
        for (MakReading r : readings) {
            readingsOf.computeIfAbsent(r.last5(), k -> new ArrayList<>()).add(r);
        }
        List<Mak> sorted = new ArrayList<>(maks);
        sorted.sort(Comparator.comparing((Mak m) -> m.keyGroup().toLowerCase(Locale.ROOT)).thenComparing(Mak::last5));
        for (Mak mak : sorted) {
            List<MakReading> rs = new ArrayList<>(readingsOf.getOrDefault(mak.last5(), List.of()));
            if (rs.isEmpty()) {
                continue;
            }
            rs.sort(READING_ORDER);
            MakTimeline t = timeline(mak, rs, spent.getOrDefault(mak.last5(), List.of()), now, zone);
            byKey.put(mak.last5(), t);
            byGroup.computeIfAbsent(normalGroup(mak.keyGroup()), g -> new ArrayList<>()).add(t.status());
        }
    }

    private MakTimeline timeline(Mak mak, List<MakReading> rs, List<KeyedActivation> spent, Instant now,
            ZoneId zone) {
        List<MakPoint> points = new ArrayList<>();
        for (int i = 0; i < rs.size(); i++) {
            MakReading r = rs.get(i);
            Instant until = i + 1 < rs.size() ? rs.get(i + 1).readAt() : null;
            points.add(new MakPoint(r.readAt(), r.remaining(), MakPoint.Kind.READING, 0));
            long remaining = r.remaining();
            LocalDate day = null;
            int onDay = 0;
            Instant last = null;
            for (KeyedActivation a : spent) {
                if (a.at().isBefore(r.readAt()) || (until != null && !a.at().isBefore(until))) {
                    continue;
                }
                LocalDate d = LocalDate.ofInstant(a.at(), zone);
                if (day != null && !d.equals(day)) {
                    remaining -= onDay;
                    points.add(new MakPoint(last, remaining, MakPoint.Kind.COUNTDOWN, onDay));
                    onDay = 0;
                }
                day = d;
                onDay++;
                last = a.at();
            }
            if (onDay > 0) {
                remaining -= onDay;
                points.add(new MakPoint(last, remaining, MakPoint.Kind.COUNTDOWN, onDay));
            }
        }
        MakReading latest = rs.get(rs.size() - 1);
        int since = (int) spent.stream().filter(a -> !a.at().isBefore(latest.readAt())).count();
        long remainingNow = (long) latest.remaining() - since;
        MakLevel level = remainingNow <= 0 ? MakLevel.USED_UP
                : remainingNow <= threshold ? MakLevel.LOW : MakLevel.OK;
        MakStatus status = new MakStatus(mak, latest, since, remainingNow, threshold, level);
        Instant end = points.get(points.size() - 1).at();
        points.add(new MakPoint(now.isAfter(end) ? now : end, remainingNow, MakPoint.Kind.NOW, 0));
        return new MakTimeline(status, rs, points);
    }

    /** The warning threshold the statuses were computed with. */
    public int threshold() {
        return threshold;
    }

    /** True when the pool holds no MAK. */
    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** Every MAK's status, by key group then last five characters. */
    public List<MakStatus> statuses() {
        return byKey.values().stream().map(MakTimeline::status).toList();
    }

    /** Every MAK's timeline, in the order of {@link #statuses()}. */
    public List<MakTimeline> timelines() {
        return List.copyOf(byKey.values());
    }

    /** The status of the MAK whose last five characters are {@code partialKey} (any case), if in the pool. */
    public Optional<MakStatus> status(String partialKey) {
        String k = normalKey(partialKey);
        return k == null ? Optional.empty() : Optional.ofNullable(byKey.get(k)).map(MakTimeline::status);
    }

    /** The timeline of one MAK, if in the pool. */
    public Optional<MakTimeline> timeline(String partialKey) {
        String k = normalKey(partialKey);
        return k == null ? Optional.empty() : Optional.ofNullable(byKey.get(k));
    }

    /** The MAKs recorded for a key group (compared ignoring case and runs of white space). */
    public List<MakStatus> inGroup(String keyGroup) {
        return keyGroup == null ? List.of() : byGroup.getOrDefault(normalGroup(keyGroup), List.of());
    }

    /** True when two key group names are the same group: equal ignoring case and runs of white space. */
    public static boolean sameGroup(String a, String b) {
        return a != null && b != null && normalGroup(a).equals(normalGroup(b));
    }

    static String normalGroup(String group) {
        return group.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String normalKey(String partialKey) {
        if (partialKey == null || partialKey.isBlank()) {
            return null;
        }
        return partialKey.strip().toUpperCase(Locale.ROOT);
    }
}
