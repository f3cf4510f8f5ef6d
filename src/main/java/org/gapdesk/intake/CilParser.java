package org.gapdesk.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.gapdesk.activation.ConfirmationId;
import org.gapdesk.activation.IdFormatException;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

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
 * <p>The XML parser reads no DTD, expands no entity and fetches nothing: a DOCTYPE rejects the file.
 */
public final class CilParser implements FileParser {
    /** The format name. */
    public static final String FORMAT = "vamt-cil";
    /** Deepest element nesting accepted. */
    static final int MAX_ELEMENT_DEPTH = 256;

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
        Document doc = read(name, file.bytes());
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

    private static Document read(String name, byte[] bytes) throws FileRejectedException {
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not read");
            });
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (SAXParseException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            String where = e.getLineNumber() > 0 ? " at line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    : "";
            if (msg.toUpperCase(Locale.ROOT).contains("DOCTYPE")) {
                throw new FileRejectedException(name + ": has a DOCTYPE" + where + "; Gapdesk reads no DTD and no"
                        + " entities in XML", e);
            }
            if (msg.contains("maxElementDepth")) {
                throw new FileRejectedException(name + ": nested deeper than " + MAX_ELEMENT_DEPTH + " elements"
                        + where, e);
            }
            throw new FileRejectedException(name + ": not well-formed XML" + where + ": "
                    + ParsedFileBuilder.shorten(msg.replace('\n', ' ')), e);
        } catch (SAXException e) {
            throw new FileRejectedException(name + ": not readable XML: " + ParsedFileBuilder.shorten(
                    String.valueOf(e.getMessage())), e);
        } catch (IOException e) {
            throw new FileRejectedException(name + ": could not be read: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser does not support secure processing", e);
        }
    }

    /**
     * A namespace-aware factory that refuses DOCTYPEs, external entities, external DTDs and XInclude.
     *
     * @throws ParserConfigurationException when the platform parser lacks one of these switches
     */
    static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try {
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth",
                    String.valueOf(MAX_ELEMENT_DEPTH));
        } catch (IllegalArgumentException e) {
            // Not the JDK's parser: the other limits still hold.
        }
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setValidating(false);
        return f;
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
        for (Value v : values(product)) {
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
        Set<Element> inside = new java.util.HashSet<>(computers);
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

    /** One attribute value or text inside a product, with its path relative to the product. */
    private record Value(String path, String text) {
    }

    /** Every attribute value and non-blank text inside {@code product}, in document order. */
    private static List<Value> values(Element product) {
        List<Value> out = new ArrayList<>();
        collect(product, "", out);
        return out;
    }

    private record Located(Element element, String path) {
    }

    private static void collect(Element e, String path, List<Value> out) {
        Deque<Located> stack = new ArrayDeque<>();
        stack.push(new Located(e, path));
        List<Located> children = new ArrayList<>();
        while (!stack.isEmpty()) {
            Located top = stack.pop();
            String p = top.path();
            for (Attr a : attributes(top.element())) {
                if (!isNamespaceDecl(a)) {
                    out.add(new Value(p + "/@" + local(a), a.getValue()));
                }
            }
            children.clear();
            for (Node n = top.element().getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element child) {
                    children.add(new Located(child, p + "/" + local(child)));
                } else if (isText(n) && !n.getNodeValue().isBlank()) {
                    out.add(new Value(p, n.getNodeValue().strip()));
                }
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
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

    /** The IID whose digits {@code text} holds (spaces and hyphens allowed), or null. */
    static InstallationId asInstallationId(String text) {
        if (!digitsAndSeparators(text)) {
            return null;
        }
        return InstallationId.tryParse(text);
    }

    private static boolean looksLikeConfirmationId(String text) {
        if (!digitsAndSeparators(text)) {
            return false;
        }
        try {
            ConfirmationId.parse(text);
            return true;
        } catch (IdFormatException e) {
            return false;
        }
    }

    private static boolean digitsAndSeparators(String text) {
        if (text == null || text.length() > 200) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c != ' ' && c != '-') {
                return false;
            }
        }
        return digits >= 42;
    }

    /** Attribute or child element text named {@code name} (local name), stripped; "" when absent. */
    private static String valueOf(Element e, String name) {
        String a = attr(e, name);
        if (!a.isEmpty()) {
            return a;
        }
        Element child = first(e, name);
        return child == null ? "" : child.getTextContent().strip();
    }

    private static String attr(Element e, String localName) {
        for (Attr a : attributes(e)) {
            if (local(a).equals(localName)) {
                return a.getValue().strip();
            }
        }
        return "";
    }

    private static List<Attr> attributes(Element e) {
        NamedNodeMap map = e.getAttributes();
        List<Attr> out = new ArrayList<>(map.getLength());
        for (int i = 0; i < map.getLength(); i++) {
            out.add((Attr) map.item(i));
        }
        return out;
    }

    private static boolean isNamespaceDecl(Attr a) {
        return XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI());
    }

    private static boolean isText(Node n) {
        return n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE;
    }

    /** The first descendant element with this local name, or null. */
    private static Element first(Element scope, String localName) {
        List<Element> found = outermost(scope, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Descendants of {@code scope} with this local name that have no such ancestor below {@code scope}, in
     * document order.
     */
    private static List<Element> outermost(Element scope, String localName) {
        List<Element> out = new ArrayList<>();
        Deque<Element> stack = new ArrayDeque<>();
        pushChildren(stack, scope);
        while (!stack.isEmpty()) {
            Element e = stack.pop();
            if (local(e).equals(localName)) {
                out.add(e);
            } else {
                pushChildren(stack, e);
            }
        }
        return out;
    }

    private static void pushChildren(Deque<Element> stack, Element e) {
        List<Element> children = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                children.add(child);
            }
        }
        for (int i = children.size() - 1; i >= 0; i--) {
            stack.push(children.get(i));
        }
    }

    private static String local(Node n) {
        String l = n.getLocalName();
        return l != null ? l : n.getNodeName();
    }
}
