package org.gapdesk.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Gapdesk request file (JSON, {@code "format": "gapdesk-request"}, version 1) as the lab toolkit's
 * collect step does: one lab, its machines, and per machine the products with their Installation IDs.
 */
public final class RequestFileBuilder {
    /**
     * One product on a machine, with the fields of {@code SoftwareLicensingProduct} the file carries.
     *
     * @param activationId Activation ID (SKU GUID)
     * @param applicationId Application ID
     * @param name product name
     * @param description product description
     * @param channel {@code ProductKeyChannel}, e.g. {@code Volume:MAK}
     * @param partialKey last five characters of the key
     * @param licenseStatus {@code LicenseStatus}
     * @param installationId the IID, any grouping
     */
    public record ProductEntry(String activationId, String applicationId, String name, String description,
            String channel, String partialKey, int licenseStatus, String installationId) {
    }

    /**
     * A machine and its products.
     *
     * @param name host name or alias
     * @param alias true when {@code name} is an alias
     * @param products its products
     */
    public record MachineEntry(String name, boolean alias, List<ProductEntry> products) {
        public MachineEntry {
            products = List.copyOf(products);
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final String lab;
    private String collectedAt;
    private String collector;
    private final List<MachineEntry> machines = new ArrayList<>();

    /** A file for {@code lab}. */
    public RequestFileBuilder(String lab) {
        this.lab = lab;
    }

    /** Sets the informational {@code collectedAt} timestamp (ISO-8601 text). */
    public RequestFileBuilder collectedAt(String isoInstant) {
        this.collectedAt = isoInstant;
        return this;
    }

    /** Sets the informational {@code collector} name. */
    public RequestFileBuilder collector(String name) {
        this.collector = name;
        return this;
    }

    /** Adds a machine. */
    public RequestFileBuilder machine(MachineEntry machine) {
        machines.add(machine);
        return this;
    }

    /** Number of machines added. */
    public int machineCount() {
        return machines.size();
    }

    /** The file as UTF-8 JSON bytes, indented for reading when {@code pretty}. */
    public byte[] toBytes(boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + machines.size() * 512);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            g.writeStartObject();
            g.writeStringField("format", "gapdesk-request");
            g.writeNumberField("version", 1);
            g.writeStringField("lab", lab);
            if (collectedAt != null) {
                g.writeStringField("collectedAt", collectedAt);
            }
            if (collector != null) {
                g.writeStringField("collector", collector);
            }
            g.writeArrayFieldStart("machines");
            for (MachineEntry m : machines) {
                g.writeStartObject();
                g.writeStringField("name", m.name());
                g.writeBooleanField("alias", m.alias());
                g.writeArrayFieldStart("products");
                for (ProductEntry p : m.products()) {
                    g.writeStartObject();
                    g.writeStringField("activationId", p.activationId());
                    g.writeStringField("applicationId", p.applicationId());
                    g.writeStringField("name", p.name());
                    g.writeStringField("description", p.description());
                    g.writeStringField("channel", p.channel());
                    g.writeStringField("partialKey", p.partialKey());
                    g.writeNumberField("licenseStatus", p.licenseStatus());
                    g.writeStringField("installationId", p.installationId());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
