package org.gapdesk.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gapdesk.activation.Product;

/** Builds Gapdesk request files (JSON, version 1) for tests. */
final class RequestFileJson {
    /** A Windows Enterprise MAK Activation ID used in tests only (synthetic). */
    static final String WINDOWS_SKU = "11111111-2222-4333-8444-555555555555";
    /** A second synthetic Activation ID. */
    static final String OFFICE_SKU = "66666666-7777-4888-9999-aaaaaaaaaaaa";

    private final ObjectNode root = WebClient.JSON.createObjectNode();
    private final ArrayNode machines;

    RequestFileJson(String lab) {
        root.put("format", "gapdesk-request");
        root.put("version", 1);
        root.put("lab", lab);
        root.put("collectedAt", "2026-11-20T09:30:00Z");
        root.put("collector", "gapdesk-collect 1.0");
        machines = root.putArray("machines");
    }

    /** Adds a machine with one Windows MAK product. */
    RequestFileJson mak(String machine, String iid) {
        return machine(machine, WINDOWS_SKU, "Volume:MAK", iid);
    }

    /** Adds a machine with one product on {@code channel}. */
    RequestFileJson machine(String machine, String activationId, String channel, String iid) {
        ObjectNode m = machines.addObject();
        m.put("name", machine);
        m.put("alias", false);
        ObjectNode p = m.putArray("products").addObject();
        p.put("activationId", activationId);
        p.put("applicationId", Product.WINDOWS_APP_ID);
        p.put("name", "Windows(R), Enterprise edition");
        p.put("description", "Windows(R) Operating System, " + channel + " channel");
        p.put("channel", channel);
        p.put("partialKey", "3V66T");
        p.put("licenseStatus", 2);
        p.put("installationId", iid);
        return this;
    }

    @Override
    public String toString() {
        return root.toPrettyString();
    }
}
