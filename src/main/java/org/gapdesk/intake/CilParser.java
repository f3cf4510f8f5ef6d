package org.gapdesk.intake;

import static org.gapdesk.intake.IdLikeText.asInstallationId;
import static org.gapdesk.intake.IdLikeText.looksLikeConfirmationId;
import static org.gapdesk.intake.XmlElements.attr;
import static org.gapdesk.intake.XmlElements.attributes;
import static org.gapdesk.intake.XmlElements.first;
import static org.gapdesk.intake.XmlElements.isNamespaceDecl;
import static org.gapdesk.intake.XmlElements.isText;
import static org.gapdesk.intake.XmlElements.local;
import static org.gapdesk.intake.XmlElements.outermost;
import static org.gapdesk.intake.XmlElements.valueOf;
import static org.gapdesk.intake.XmlElements.values;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A tolerant reader of VAMT Computer Information Lists ({@code .cil}, {@code .cilx}).
 *
 * <p>What is documented (VAMT 2.0 {@code .cil}): root {@code SoftwareLicensingData} &gt; {@code Computers} &gt;
 * {@code Computer} (attributes {@code Name}, {@code OSVersion}, {@code OSEdition}, {@code NetworkType},
 * {@code NetworkName}, {@code Id}) with {@code MacAddresses/MacAddress} and {@code Products/Product}, each
 * product with a {@code Sku} ({@code Id} = Activation ID, {@code Name}, {@code ApplicationId}). Elements are
 * matched by local name, in any namespace. Where the Installation ID sits is not documented: inside each
 * product, every attribute value and element text whose digits form a valid Installation ID (check digits
 * pass) is taken as its IID. Two different ones make the product an entry problem; none is a note. Values
 * that look like Confirmation IDs, and everything else the reader does not use, are listed in the notes.
 * MAC addresses are never kept.
 *
 * <p>The XML is read by {@link SecureXml}: no DTD, no entity expanded, nothing fetched; a DOCTYPE rejects the file.
 */
public final class CilParser implements FileParser {
    /** The format name. */
    public static final String FORMAT = "vamt-cil";
    /** Deepest element nesting accepted. */
    static final int MAX_ELEMENT_DEPTH = SecureXml.MAX_ELEMENT_DEPTH;

    private static final Set<String> COMPUTER_CHILDREN = Set.of("MacAddresses", "Products", "Product");
    private static final int MAX_UNMAPPED = 50;
    private static final Set<String> SKU_ATTRS = Set.of("Id", "Name", "ApplicationId");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognizes(UploadedFile file) {
        String lower = file.name().toLowerCase(Locale.ROOT);
        return lower.endsWith(".cil") || lower.endsWith(".cilx") || TextDecoder.firstNonBlank(file.bytes()) == '<';
    }

    @Override
    public ParsedFile parse(UploadedFile file, IntakeDefaults defaults, IntakeLimits limits)
            throws FileRejectedException {
        String name = file.name();
        if (file.bytes().length > limits.maxFileBytes()) {
            throw new FileRejectedException(name + ": " + file.bytes().length + " bytes is over the limit of "
                    + limits.maxFileBytes() + " bytes");
        }
        Document doc = SecureXml.read(name, file.bytes());
        ParsedFileBuilder out = new ParsedFileBuilder(name, FORMAT, limits);
        Element root = doc.getDocumentElement();
        if (!local(root).equals("SoftwareLicensingData")) {
            out.note("root element is '" + ParsedFileBuilder.shorten(local(root))
                    + "', not SoftwareLicensingData as documented; read anyway");
        }
        List<Element> computers = outermost(root, "Computer");
        if (computers.isEmpty()) {
            throw new FileRejectedException(name + ": the documented VAMT structure (SoftwareLicensingData >"
                    + " Computers > Computer) was not found");
        }
        Set<String> unmapped = new LinkedHashSet<>();
        Map<String, Integer> iidPlaces = new LinkedHashMap<>();
        boolean macs = false;
        for (int i = 0; i < computers.size(); i++) {
            Element computer = computers.get(i);
            macs |= !outermost(computer, "MacAddress").isEmpty();
            readComputer(out, defaults, computer, i + 1, unmapped, iidPlaces);
        }
        reportOutside(out, root, computers);
        if (!iidPlaces.isEmpty()) {
            out.note("Installation IDs recognised by their check digits at: " + String.join(", ", iidPlaces.keySet()));
        }
        if (!unmapped.isEmpty()) {
            out.note("not mapped (seen, not used): " + String.join(", ", unmapped));
        }
        if (macs) {
            out.note("MAC addresses present in the file were not kept");
        }
        out.note("lab " + defaults.lab() + " as chosen for this import (the file names none)");
        return out.build();
    }

    private static void readComputer(ParsedFileBuilder out, IntakeDefaults defaults, Element computer, int index,
            Set<String> unmapped, Map<String, Integer> iidPlaces) throws FileRejectedException {
        String machineName = attr(computer, "Name");
        String label = "Computer[" + index + "]" + (machineName.isEmpty() ? "" : " '"
                + ParsedFileBuilder.shorten(machineName) + "'");
        for (Attr a : attributes(computer)) {
            if (!local(a).equals("Name") && !isNamespaceDecl(a)) {
                unmapped(unmapped, "Computer/@" + local(a));
            }
        }
        for (Node n = computer.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && !COMPUTER_CHILDREN.contains(local(child))) {
                unmapped(unmapped, "Computer/" + local(child));
            }
        }
        List<Element> products = outermost(computer, "Product");
        if (products.isEmpty()) {
            out.note(label + ": no Product elements");
            return;
        }
        Machine machine = new Machine(defaults.lab(), machineName, false);
        for (int j = 0; j < products.size(); j++) {
            readProduct(out, machine, label, products.get(j), j + 1, unmapped, iidPlaces);
        }
    }

    private static void readProduct(ParsedFileBuilder out, Machine machine, String computerLabel, Element product,
            int index, Set<String> unmapped, Map<String, Integer> iidPlaces) throws FileRejectedException {
        String where = computerLabel + " / Product[" + index + "]";
        Element sku = first(product, "Sku");
        String activationId = sku == null ? "" : valueOf(sku, "Id");
        String skuName = sku == null ? "" : valueOf(sku, "Name");
        String applicationId = sku == null ? "" : valueOf(sku, "ApplicationId");
        String productLabel = where + (skuName.isEmpty() ? "" : " '" + ParsedFileBuilder.shorten(skuName) + "'");
        Map<String, String> iids = new LinkedHashMap<>();
        for (XmlElements.Value v : values(product)) {
            String relative = "Product" + v.path();
            InstallationId iid = asInstallationId(v.text());
            if (iid != null) {
                if (!iids.containsKey(iid.digits())) {
                    iids.put(iid.digits(), relative);
                }
                iidPlaces.merge(relative, 1, Integer::sum);
                continue;
            }
            if (looksLikeConfirmationId(v.text())) {
                out.tally("Confirmation ID-like values not used (Gapdesk takes CIDs only as keyed in)", where + " "
                        + relative);
                continue;
            }
            if (!isSkuField(v.path())) {
                unmapped(unmapped, relative);
            }
        }
        if (machine.name().isEmpty()) {
            out.problem(where, "", where + ": the Computer has no Name attribute");
            return;
        }
        if (iids.isEmpty()) {
            out.note("Computer '" + ParsedFileBuilder.shorten(machine.name()) + "' product '"
                    + ParsedFileBuilder.shorten(skuName.isEmpty() ? "Product[" + index + "]" : skuName)
                    + "': no Installation ID found");
            return;
        }
        if (iids.size() > 1) {
            out.problem(where, machine.name(), productLabel + ": " + iids.size() + " different Installation IDs ("
                    + String.join(", ", iids.values()) + "); cannot tell which one is current");
            return;
        }
        String iid = iids.keySet().iterator().next();
        out.entry(where, machine, new Product(activationId, applicationId, skuName, null, null, null), iid);
    }

    /** Notes IIDs found outside every Computer element: no machine can be tied to them. */
    private static void reportOutside(ParsedFileBuilder out, Element root, List<Element> computers) {
        Set<Element> inside = new HashSet<>(computers);
        int count = 0;
        String firstPath = null;
        Deque<Element> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Element e = stack.pop();
            if (inside.contains(e)) {
                continue;
            }
            for (Attr a : attributes(e)) {
                if (asInstallationId(a.getValue()) != null) {
                    count++;
                    firstPath = firstPath == null ? local(e) + "/@" + local(a) : firstPath;
                }
            }
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element child) {
                    stack.push(child);
                } else if (isText(n) && asInstallationId(n.getNodeValue()) != null) {
                    count++;
                    firstPath = firstPath == null ? local(e) : firstPath;
                }
            }
        }
        if (count > 0) {
            out.note(count + " Installation ID(s) outside any Computer element (first in " + firstPath
                    + ") not imported: no machine can be tied to them");
        }
    }

    private static void unmapped(Set<String> unmapped, String path) {
        if (unmapped.size() < MAX_UNMAPPED) {
            unmapped.add(ParsedFileBuilder.shorten(path));
        }
    }

    private static boolean isSkuField(String path) {
        if (!path.startsWith("/Sku/@")) {
            return false;
        }
        return SKU_ATTRS.contains(path.substring("/Sku/@".length()));
    }
}
