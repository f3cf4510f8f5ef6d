package org.gapdesk.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;

/**
 * Reads the Gapdesk request file (JSON, {@code "format": "gapdesk-request"}, version 1) that the lab toolkit
 * writes. Anything wrong at the top level (not JSON, wrong format or version, no lab, no machines array)
 * rejects the file; anything wrong inside one machine or product becomes an {@link EntryProblem} naming the
 * element, e.g. {@code machines[3].products[0].installationId}, and the rest of the file is still read.
 * Products without an Installation ID (no key installed) are skipped with a note; fields this version does
 * not know are ignored and listed once in the notes. Nesting depth, string and document length are bounded.
 */
public final class RequestFileParser implements FileParser {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "gapdesk-request";
    /** The only version this kiosk reads. */
    public static final int VERSION = 1;
    /** Deepest nesting accepted; a valid file needs 5. */
    static final int MAX_DEPTH = 64;

    private static final Set<String> ROOT_FIELDS = Set.of("format", "version", "lab", "collectedAt", "collector",
            "machines");
    private static final Set<String> MACHINE_FIELDS = Set.of("name", "alias", "products");
    private static final Set<String> PRODUCT_FIELDS = Set.of("activationId", "applicationId", "name", "description",
            "channel", "partialKey", "licenseStatus", "installationId");
    /** Older builds name the channel only in the description, e.g. "... VOLUME_MAK channel". */
    private static final Pattern DESCRIPTION_CHANNEL = Pattern.compile("([A-Za-z0-9_:]+) channel\\b");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognizes(UploadedFile file) {
        return TextDecoder.firstNonBlank(file.bytes()) == '{'
                || file.name().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    @Override
    public ParsedFile parse(UploadedFile file, IntakeDefaults defaults, IntakeLimits limits)
            throws FileRejectedException {
        String name = file.name();
        JsonNode root = read(name, TextDecoder.decodeDocument(file, limits).text(), limits);
        if (!root.isObject()) {
            throw new FileRejectedException(name + ": the top level is " + kind(root) + ", not a JSON object");
        }
        checkFormat(name, root);
        String lab = readLab(name, root);
        JsonNode machines = root.get("machines");
        if (machines == null || machines.isNull()) {
            throw new FileRejectedException(name + ": \"machines\" is missing");
        }
        if (!machines.isArray()) {
            throw new FileRejectedException(name + ": \"machines\" is " + kind(machines) + ", expected an array");
        }
        ParsedFileBuilder out = new ParsedFileBuilder(name, FORMAT, limits);
        Set<String> unknown = new LinkedHashSet<>();
        collectUnknown(root, ROOT_FIELDS, "", unknown);
        for (String info : new String[] {"collectedAt", "collector"}) {
            JsonNode n = root.get(info);
            if (n != null && !n.isNull() && !n.isTextual()) {
                out.note("\"" + info + "\" is " + kind(n) + ", not a string; ignored");
            }
        }
        for (int i = 0; i < machines.size(); i++) {
            readMachine(out, lab, machines.get(i), "machines[" + i + "]", unknown);
        }
        if (machines.isEmpty()) {
            out.note("the file lists no machines");
        }
        if (!unknown.isEmpty()) {
            out.note("fields this kiosk does not read were ignored: " + String.join(", ", unknown));
        }
        return out.build();
    }

    private static JsonNode read(String name, String text, IntakeLimits limits) throws FileRejectedException {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxStringLength(limits.maxLineChars())
                .maxNameLength(1000)
                .maxNumberLength(100)
                .maxDocumentLength(limits.maxFileBytes())
                .build();
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        ObjectMapper mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        JsonParser parser = null;
        try {
            parser = mapper.createParser(text);
            JsonNode root = mapper.readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw new FileRejectedException(name + ": not JSON: the file holds no JSON value");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new FileRejectedException(name + ": not accepted" + at(e.getLocation(), parser) + ": "
                    + constraintMessage(e.getOriginalMessage(), limits), e);
        } catch (JsonProcessingException e) {
            throw new FileRejectedException(name + ": not valid JSON" + at(e.getLocation(), parser) + ": "
                    + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new FileRejectedException(name + ": could not be read: " + e.getMessage(), e);
        }
    }

    /** Where the problem is: from the exception, else where the parser stopped. */
    private static String at(JsonLocation loc, JsonParser parser) {
        if ((loc == null || loc.getLineNr() < 1) && parser != null) {
            loc = parser.currentLocation();
        }
        return at(loc);
    }

    private static String at(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return "";
        }
        return " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static String constraintMessage(String original, IntakeLimits limits) {
        String m = original == null ? "" : original.toLowerCase(Locale.ROOT);
        if (m.contains("nesting depth")) {
            return "nested deeper than " + MAX_DEPTH + " levels";
        }
        if (m.contains("string value length")) {
            return "a string is longer than " + limits.maxLineChars() + " characters";
        }
        if (m.contains("document length")) {
            return "the document is longer than " + limits.maxFileBytes() + " characters";
        }
        if (m.contains("name length")) {
            return "a field name is longer than 1000 characters";
        }
        if (m.contains("number value length")) {
            return "a number is longer than 100 digits";
        }
        return firstLine(original);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void checkFormat(String name, JsonNode root) throws FileRejectedException {
        JsonNode format = root.get("format");
        if (format == null || format.isNull()) {
            throw new FileRejectedException(name + ": \"format\" is missing; a Gapdesk request file says \"format\": \""
                    + FORMAT + "\"");
        }
        if (!format.isTextual() || !format.asText().equals(FORMAT)) {
            throw new FileRejectedException(name + ": \"format\" is " + show(format) + ", not \"" + FORMAT + "\"");
        }
        JsonNode version = root.get("version");
        if (version == null || version.isNull()) {
            throw new FileRejectedException(name + ": \"version\" is missing; this kiosk reads version " + VERSION);
        }
        if (!version.isIntegralNumber()) {
            throw new FileRejectedException(name + ": \"version\" is " + show(version) + ", expected the number "
                    + VERSION);
        }
        if (!version.canConvertToInt() || version.intValue() != VERSION) {
            throw new FileRejectedException(name + ": version " + ParsedFileBuilder.shorten(version.asText())
                    + " is not supported; this kiosk reads version " + VERSION
                    + " (a newer lab toolkit needs a newer kiosk)");
        }
    }

    private static String readLab(String name, JsonNode root) throws FileRejectedException {
        JsonNode lab = root.get("lab");
        if (lab == null || lab.isNull()) {
            throw new FileRejectedException(name + ": \"lab\" is missing");
        }
        if (!lab.isTextual()) {
            throw new FileRejectedException(name + ": \"lab\" is " + kind(lab) + ", expected a string");
        }
        String value = lab.asText().strip();
        if (value.isEmpty()) {
            throw new FileRejectedException(name + ": \"lab\" is empty");
        }
        if (value.length() > ParsedFileBuilder.MAX_LAB) {
            throw new FileRejectedException(name + ": \"lab\" is longer than " + ParsedFileBuilder.MAX_LAB
                    + " characters");
        }
        return value;
    }

    private static void readMachine(ParsedFileBuilder out, String lab, JsonNode m, String path, Set<String> unknown)
            throws FileRejectedException {
        if (!m.isObject()) {
            out.problem(path, "", path + " is " + kind(m) + ", expected an object");
            return;
        }
        collectUnknown(m, MACHINE_FIELDS, "machines[].", unknown);
        JsonNode nameNode = m.get("name");
        if (nameNode == null || nameNode.isNull()) {
            out.problem(path, "", path + ".name is missing");
            return;
        }
        if (!nameNode.isTextual()) {
            out.problem(path, "", path + ".name is " + kind(nameNode) + ", expected a string");
            return;
        }
        String machineName = nameNode.asText().strip();
        if (machineName.isEmpty()) {
            out.problem(path, "", path + ".name is empty");
            return;
        }
        JsonNode aliasNode = m.get("alias");
        boolean alias = false;
        if (aliasNode != null && !aliasNode.isNull()) {
            if (!aliasNode.isBoolean()) {
                out.problem(path, machineName, path + ".alias is " + kind(aliasNode) + ", expected true or false");
                return;
            }
            alias = aliasNode.booleanValue();
        }
        JsonNode products = m.get("products");
        if (products == null || products.isNull()) {
            out.problem(path, machineName, path + ".products is missing");
            return;
        }
        if (!products.isArray()) {
            out.problem(path, machineName, path + ".products is " + kind(products) + ", expected an array");
            return;
        }
        if (products.isEmpty()) {
            out.tally("machines without products", path);
        }
        Machine machine = new Machine(lab, machineName, alias);
        for (int j = 0; j < products.size(); j++) {
            readProduct(out, machine, products.get(j), path + ".products[" + j + "]", unknown);
        }
    }

    private static void readProduct(ParsedFileBuilder out, Machine machine, JsonNode p, String path,
            Set<String> unknown) throws FileRejectedException {
        if (!p.isObject()) {
            out.problem(path, machine.name(), path + " is " + kind(p) + ", expected an object");
            return;
        }
        collectUnknown(p, PRODUCT_FIELDS, "machines[].products[].", unknown);
        String[] text = new String[7];
        String[] fields = {"activationId", "applicationId", "name", "description", "channel", "partialKey",
            "installationId"};
        for (int k = 0; k < fields.length; k++) {
            JsonNode n = p.get(fields[k]);
            if (n == null || n.isNull()) {
                continue;
            }
            if (!n.isTextual()) {
                String hint = fields[k].equals("installationId") && n.isNumber()
                        ? "; write the IID as a string" : "";
                out.problem(path, machine.name(), path + "." + fields[k] + " is " + kind(n) + ", expected a string"
                        + hint);
                return;
            }
            text[k] = n.asText();
        }
        Integer status = null;
        JsonNode st = p.get("licenseStatus");
        if (st != null && !st.isNull()) {
            if (!st.isIntegralNumber() || !st.canConvertToInt()) {
                out.problem(path, machine.name(), path + ".licenseStatus is " + show(st) + ", expected a whole number"
                        + " (0 to 6)");
                return;
            }
            status = st.intValue();
        }
        String iid = text[6];
        if (iid == null || iid.isBlank()) {
            out.tally("products without an Installation ID skipped (no key installed)", path);
            return;
        }
        String channel = text[4];
        if ((channel == null || channel.isBlank()) && text[3] != null) {
            Matcher cm = DESCRIPTION_CHANNEL.matcher(text[3]);
            if (cm.find()) {
                channel = cm.group(1);
            }
        }
        Product product = new Product(text[0], text[1], text[2], channel, text[5], status);
        out.entry(path, machine, product, iid);
    }

    private static void collectUnknown(JsonNode obj, Set<String> known, String prefix, Set<String> unknown) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!known.contains(f) && unknown.size() < 50) {
                unknown.add(prefix + ParsedFileBuilder.shorten(f));
            }
        }
    }

    /** What kind of JSON value {@code n} is, for messages: "a string", "a number", ... */
    static String kind(JsonNode n) {
        if (n.isTextual()) {
            return "a string";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "true/false";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isObject()) {
            return "an object";
        }
        return "null";
    }

    private static String show(JsonNode n) {
        if (n.isTextual()) {
            return "\"" + ParsedFileBuilder.shorten(n.asText()) + "\"";
        }
        if (n.isValueNode()) {
            return ParsedFileBuilder.shorten(n.asText());
        }
        return kind(n);
    }
}
