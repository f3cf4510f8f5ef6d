package org.gapdesk.store;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Tells whether a database already has every migration this build carries and nothing else, so a restart need
 * not load Flyway (most of a restart's class loading) only to find nothing to do.
 *
 * <p>The answer is yes only when Flyway's history lists exactly the versioned scripts found beside this class
 * (same versions, same file names), all successful, besides the rows Flyway writes for the history table
 * itself. Anything else (a new database, a new script in this build, a failed or unknown row, scripts that
 * cannot be listed) is a no, and Flyway then migrates and validates as usual; so a wrong no costs time, never
 * correctness. Opening the connection fails as Flyway's would (a file in
 * use by another process).
 */
final class AppliedMigrations {
    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+)__[A-Za-z0-9_]+\\.sql");
    /** History rows Flyway writes for itself (the history table or schema it created), not migrations. */
    private static final Set<String> MARKERS = Set.of("TABLE", "SCHEMA");

    private AppliedMigrations() {
    }

    /** True when {@code dataSource} has exactly the scripts of {@code locations} ({@code classpath:...}) applied. */
    static boolean allApplied(DataSource dataSource, String... locations) throws SQLException {
        Optional<Set<String>> carried = carried(locations);
        if (carried.isEmpty() || carried.get().isEmpty()) {
            return false;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!historyExists(c)) {
                return false;
            }
            Set<String> applied = new HashSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT \"version\", \"script\","
                    + " \"success\", \"type\" FROM \"flyway_schema_history\"")) {
                while (rs.next()) {
                    String version = rs.getString(1);
                    boolean success = rs.getBoolean(3);
                    if (version == null && success && MARKERS.contains(rs.getString(4))) {
                        continue;
                    }
                    if (version == null || !success || !applied.add(version + " " + rs.getString(2))) {
                        return false;
                    }
                }
            }
            return applied.equals(carried.get());
        }
    }

    private static boolean historyExists(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
            return rs.next();
        }
    }

    /** "version script" of every versioned script under the locations, or empty when they cannot be listed. */
    static Optional<Set<String>> carried(String... locations) {
        CodeSource source = AppliedMigrations.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        Set<String> out = new HashSet<>();
        try {
            Path where = Path.of(source.getLocation().toURI());
            for (String location : locations) {
                String folder = location.replaceFirst("^classpath:", "");
                for (String name : names(where, folder)) {
                    var m = VERSIONED.matcher(name);
                    if (m.matches()) {
                        out.add(Integer.parseInt(m.group(1)) + " " + name);
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    private static Set<String> names(Path where, String folder) throws IOException {
        Set<String> names = new HashSet<>();
        if (Files.isDirectory(where)) {
            Path dir = where.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.forEach(f -> names.add(f.getFileName().toString()));
                }
            }
            return names;
        }
        try (JarFile jar = new JarFile(where.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(folder + "/") && name.indexOf('/', folder.length() + 1) < 0) {
                    names.add(name.substring(folder.length() + 1));
                }
            }
        }
        return names;
    }
}
