package org.gapdesk.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gapdesk.intake.ImportResult;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.UploadedFile;

/**
 * Files between preview and commit, held in memory under a random token. Bounded: a held import expires
 * after {@link #ttl}, and the bytes held in all add up to at most {@link #maxTotalBytes}; making room drops
 * expired imports first, then the oldest. Once committed, an import's bytes are dropped and its result is
 * kept (as long as a held import) so the result page can be shown again.
 */
final class PendingImports {
    /** Held files and the lab chosen for files that carry none. */
    record Pending(String token, List<UploadedFile> files, IntakeDefaults defaults, Instant heldAt, long bytes) {
        Pending {
            files = List.copyOf(files);
        }
    }

    private record Done(ImportResult result, Instant at) {
    }

    private static final int MAX_RESULTS = 50;

    private final long maxTotalBytes;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Map<String, Done> done = new LinkedHashMap<>();
    private long heldBytes;

    PendingImports(long maxTotalBytes, Duration ttl, Clock clock) {
        this.maxTotalBytes = maxTotalBytes;
        this.ttl = ttl;
        this.clock = clock;
    }

    long maxTotalBytes() {
        return maxTotalBytes;
    }

    /**
     * Holds the files and returns their token.
     *
     * @throws IllegalArgumentException when the files alone are over the total bound
     */
    synchronized String hold(List<UploadedFile> files, IntakeDefaults defaults) {
        long bytes = files.stream().mapToLong(f -> f.bytes().length).sum();
        if (bytes > maxTotalBytes) {
            throw new IllegalArgumentException("the files add up to " + bytes + " bytes, over the limit of "
                    + maxTotalBytes + " bytes for one import; import them in smaller batches");
        }
        expire();
        Iterator<Pending> oldest = pending.values().iterator();
        while (heldBytes + bytes > maxTotalBytes && oldest.hasNext()) {
            heldBytes -= oldest.next().bytes();
            oldest.remove();
        }
        String token = newToken();
        pending.put(token, new Pending(token, files, defaults, clock.instant(), bytes));
        heldBytes += bytes;
        return token;
    }

    /** The import held under {@code token}, unless it expired, was dropped or was committed. */
    synchronized Optional<Pending> get(String token) {
        expire();
        return Optional.ofNullable(pending.get(token));
    }

    /** Removes and returns the import held under {@code token}, so only one commit can act on it. */
    synchronized Optional<Pending> take(String token) {
        expire();
        Pending p = pending.remove(token);
        if (p != null) {
            heldBytes -= p.bytes();
        }
        return Optional.ofNullable(p);
    }

    /** Puts back an import whose commit failed, so the operator can try again. */
    synchronized void putBack(Pending p) {
        if (!pending.containsKey(p.token()) && heldBytes + p.bytes() <= maxTotalBytes) {
            pending.put(p.token(), p);
            heldBytes += p.bytes();
        }
    }

    /** Records what committing {@code token} stored. */
    synchronized void committed(String token, ImportResult result) {
        done.put(token, new Done(result, clock.instant()));
        Iterator<String> oldest = done.keySet().iterator();
        while (done.size() > MAX_RESULTS && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    /** What committing {@code token} stored, while it is remembered. */
    synchronized Optional<ImportResult> result(String token) {
        expire();
        Done d = done.get(token);
        return d == null ? Optional.empty() : Optional.of(d.result());
    }

    /** Bytes held now (for tests and limits). */
    synchronized long heldBytes() {
        return heldBytes;
    }

    private void expire() {
        Instant cutoff = clock.instant().minus(ttl);
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (p.heldAt().isBefore(cutoff)) {
                heldBytes -= p.bytes();
                it.remove();
            }
        }
        done.values().removeIf(d -> d.at().isBefore(cutoff));
    }

    private String newToken() {
        byte[] b = new byte[18];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** True when {@code token} has the shape of a token this holder makes. */
    static boolean wellFormed(String token) {
        return token != null && token.length() == 24 && token.chars().allMatch(ch -> Character.isLetterOrDigit(ch)
                && ch < 128 || ch == '-' || ch == '_');
    }
}
