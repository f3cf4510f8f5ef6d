package org.gapdesk.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab's memory of applied bundles, one JSON file per lab ({@code state-<LAB>.json}):
 * <pre>{@code {"format":"gapdesk-lab-state","version":1,"lab":"LAB-A","lastSequence":7,
 *  "history":[{"sequence":7,"manifestSha256":"...","appliedAt":"...","sequenceOverride":false}]}}</pre>
 * A sequence applied with the override never lowers {@code lastSequence}. Written through a temporary file
 * and a rename, so a crash leaves the old state or the new one, never half of one.
 *
 * @param lab the lab
 * @param lastSequence highest sequence applied (0 when none)
 * @param history every bundle applied, oldest first
 */
public record LabState(String lab, long lastSequence, List<Applied> history) {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "gapdesk-lab-state";

    /**
     * One applied bundle.
     *
     * @param sequence its sequence
     * @param manifestSha256 SHA-256 of its manifest
     * @param appliedAt when, as ISO-8601 text (informational)
     * @param sequenceOverride true when it was applied with the older-sequence override
     */
    public record Applied(long sequence, String manifestSha256, String appliedAt, boolean sequenceOverride) {
    }

    public LabState {
        history = List.copyOf(history);
    }

    /** The state of a lab that has applied nothing yet. */
    public static LabState empty(String lab) {
        return new LabState(lab, 0, List.of());
    }

    /**
     * Reads the state file, or the empty state when there is none.
     *
     * @throws IllegalStateException when the file is unreadable or belongs to another lab: the toolkit stops
     *     rather than forget what was applied
     */
    public static LabState load(Path file, String lab) {
        if (!Files.exists(file)) {
            return empty(lab);
        }
        try {
            JsonNode root = LabJson.object(Files.readAllBytes(file));
            if (!FORMAT.equals(LabJson.text(root, "format", "")) || !lab.equals(LabJson.text(root, "lab", ""))) {
                throw new IOException("not the " + FORMAT + " of lab " + lab);
            }
            long last = LabJson.integer(root, "lastSequence", 0, Long.MAX_VALUE, "");
            List<Applied> history = new ArrayList<>();
            JsonNode list = root.get("history");
            if (list != null && list.isArray()) {
                for (JsonNode h : list) {
                    history.add(new Applied(LabJson.integer(h, "sequence", 0, Long.MAX_VALUE, "history."),
                            LabJson.text(h, "manifestSha256", "history."),
                            LabJson.optionalText(h, "appliedAt", "history."),
                            h.path("sequenceOverride").asBoolean(false)));
                }
            }
            return new LabState(lab, last, history);
        } catch (IOException e) {
            throw new IllegalStateException("the lab state file " + file + " is unreadable (" + e.getMessage()
                    + "); fix or restore it before applying bundles", e);
        }
    }

    /** This state after applying {@code bundle} at {@code appliedAt}. */
    public LabState withApplied(VerifiedBundle bundle, String appliedAt) {
        List<Applied> h = new ArrayList<>(history);
        h.add(new Applied(bundle.sequence(), bundle.manifestSha256(), appliedAt, bundle.sequenceOverride()));
        return new LabState(lab, Math.max(lastSequence, bundle.sequence()), h);
    }

    /** Writes the state to {@code file} atomically (temporary file, flush, rename). */
    public void save(Path file) {
        ObjectNode root = LabJson.MAPPER.createObjectNode();
        root.put("format", FORMAT).put("version", 1).put("lab", lab).put("lastSequence", lastSequence);
        ArrayNode list = root.putArray("history");
        for (Applied a : history) {
            list.addObject().put("sequence", a.sequence()).put("manifestSha256", a.manifestSha256())
                    .put("appliedAt", a.appliedAt()).put("sequenceOverride", a.sequenceOverride());
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(tmp, LabJson.MAPPER.writeValueAsBytes(root));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the lab state file " + file + ": " + e.getMessage(), e);
        }
    }
}
