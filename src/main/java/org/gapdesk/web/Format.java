package org.gapdesk.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting for pages: sizes, times, digests, license status words. */
public final class Format {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final String[] LICENSE_STATUS = {"unlicensed", "licensed", "initial grace period",
        "additional grace period (hardware out of tolerance)", "non-genuine grace period", "notification",
        "extended grace period"};

    private Format() {
    }

    /** {@code 512 B}, {@code 12.5 KB}, {@code 3.0 MB}. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024.0));
    }

    /** Local time to the minute, or empty for null. */
    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** The first 12 hex digits of a SHA-256, enough to compare by eye. */
    public static String shortDigest(String sha256) {
        return sha256 == null ? "" : sha256.substring(0, Math.min(12, sha256.length()));
    }

    /** {@code LicenseStatus} in words, e.g. {@code 1 (licensed)}; empty when unknown. */
    public static String licenseStatus(Integer status) {
        if (status == null) {
            return "";
        }
        return status >= 0 && status < LICENSE_STATUS.length ? status + " (" + LICENSE_STATUS[status] + ")"
                : status + " (unknown)";
    }

    /** The value, or a dash when null or blank. */
    public static String orDash(String s) {
        return s == null || s.isBlank() ? "\u2014" : s;
    }

    /** {@code s} encoded for a URL query value. */
    public static String url(String s) {
        return java.net.URLEncoder.encode(s == null ? "" : s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** An enum constant as a query value: {@code ON_WORKSHEET} becomes {@code on_worksheet}. */
    public static String param(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** A CSS class name for an enum constant: {@code REUSED_FROM_STORE} becomes {@code reused-from-store}. */
    public static String cssName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
