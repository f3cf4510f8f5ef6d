package org.gapdesk.worksheet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.gapdesk.batch.ActivationChannel;

/**
 * What the worksheet tells the operator about a channel, from the site's {@code channels.json}
 * ({@code phone.title/number/instructions}, {@code portal.title/address/instructions}). Gapdesk invents no
 * telephone number: with none configured the worksheet says where to find it.
 *
 * @param channel the channel
 * @param title heading, e.g. {@code Telephone activation}
 * @param contactLabel {@code Number} or {@code Address}
 * @param contact the configured number or portal address, or a pointer to where to find it
 * @param steps the instructions, in order
 */
public record ChannelInstructions(ActivationChannel channel, String title, String contactLabel, String contact,
        List<String> steps) {
    /** Printed when the site has configured no telephone number. */
    public static final String NO_NUMBER = "see your site's activation centre number";
    /** Printed when the site has configured no portal address. */
    public static final String NO_ADDRESS = "see your site's Product Activation Portal address";

    public ChannelInstructions {
        steps = List.copyOf(steps);
    }

    /** Reads the channel's section of {@code channels.json}; missing fields get neutral defaults. */
    public static ChannelInstructions from(JsonNode channels, ActivationChannel channel) {
        JsonNode node = channels == null ? null : channels.get(channel.key());
        boolean phone = channel == ActivationChannel.PHONE;
        String title = text(node, "title", phone ? "Telephone activation" : "Product Activation Portal");
        String contact = text(node, phone ? "number" : "address", "");
        if (contact.isEmpty()) {
            contact = phone ? NO_NUMBER : NO_ADDRESS;
        }
        List<String> steps = new ArrayList<>();
        JsonNode list = node == null ? null : node.get("instructions");
        if (list != null && list.isArray()) {
            for (JsonNode step : list) {
                if (step.isTextual() && !step.asText().isBlank()) {
                    steps.add(step.asText().strip());
                }
            }
        }
        return new ChannelInstructions(channel, title, phone ? "Number" : "Address", contact, steps);
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : fallback;
    }
}
