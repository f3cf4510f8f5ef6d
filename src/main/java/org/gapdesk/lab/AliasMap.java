package org.gapdesk.lab;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The lab's own names for its machines, so no host name leaves the lab. Read from a CSV file kept in the
 * lab, header {@code host,alias}, one machine a line (the same file {@code Import-Csv} reads in the toolkit):
 * <pre>
 * host,alias
 * ENG-WS01,ALIAS-1
 * </pre>
 * Host names are matched ignoring case; aliases are 1-64 of {@code A-Z a-z 0-9 . _ -} and unique.
 */
public final class AliasMap {
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Map<String, String> aliasByHost = new LinkedHashMap<>();
    private final Map<String, String> hostByAlias = new LinkedHashMap<>();

    private AliasMap() {
    }

    /** A map with one entry: this machine's alias (the toolkit's {@code -Alias NAME}). */
    public static AliasMap single(String host, String alias) {
        AliasMap m = new AliasMap();
        m.add(host, alias, "-Alias");
        return m;
    }

    /** Reads the CSV text of an alias map file. */
    public static AliasMap parseCsv(String text) {
        AliasMap m = new AliasMap();
        String[] lines = text.replace("\uFEFF", "").split("\r?\n");
        if (lines.length == 0 || !lines[0].replace("\"", "").strip().equalsIgnoreCase("host,alias")) {
            throw new IllegalArgumentException("alias map: the first line must be the header host,alias");
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.replace("\"", "").split(",", -1);
            if (cells.length != 2) {
                throw new IllegalArgumentException("alias map line " + (i + 1) + ": expected host,alias");
            }
            m.add(cells[0].strip(), cells[1].strip(), "alias map line " + (i + 1));
        }
        return m;
    }

    private void add(String host, String alias, String where) {
        if (host.isEmpty() || !ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException(where + ": a host name and an alias of 1-64 letters, digits,"
                    + " '.', '_' or '-' are needed");
        }
        if (aliasByHost.putIfAbsent(key(host), alias) != null || hostByAlias.putIfAbsent(key(alias), host) != null) {
            throw new IllegalArgumentException(where + ": host " + host + " or alias " + alias + " is there twice");
        }
    }

    /** The alias of {@code host}, if the map has one. */
    public Optional<String> aliasOf(String host) {
        return Optional.ofNullable(aliasByHost.get(key(host)));
    }

    /** The host behind {@code alias}, if the map has it. */
    public Optional<String> hostOf(String alias) {
        return Optional.ofNullable(hostByAlias.get(key(alias)));
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
