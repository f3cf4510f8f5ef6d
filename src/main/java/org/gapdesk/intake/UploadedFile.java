package org.gapdesk.intake;

import java.util.Locale;

/**
 * A file offered for import: its name as the technician saw it (no path) and its bytes.
 *
 * @param name display name, used in every message about the file
 * @param bytes the content
 */
public record UploadedFile(String name, byte[] bytes) {
    public UploadedFile {
        name = name == null || name.isBlank() ? "(unnamed)" : baseName(name);
    }

    /** True when the name ends like a structured format ({@code .csv .json .cil .cilx}), in any case. */
    boolean namedAsStructured() {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".json") || lower.endsWith(".cil") || lower.endsWith(".cilx");
    }

    private static String baseName(String name) {
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        StringBuilder sb = new StringBuilder();
        for (char ch : n.toCharArray()) {
            sb.append(Character.isISOControl(ch) ? '?' : ch);
        }
        return sb.length() > 200 ? sb.substring(0, 200) : sb.toString();
    }
}
