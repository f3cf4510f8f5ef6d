package org.gapdesk.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Parses SVG strings with a DocumentBuilder that refuses DOCTYPEs and external entities, and checks them. */
final class SvgXml {
    static final String SVG_NS = "http://www.w3.org/2000/svg";

    private SvgXml() {
    }

    /** Parses {@code svg}; fails the test when it is not well-formed XML or declares a DOCTYPE. */
    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Checks what every chart must have: the SVG namespace, role img, an aria-label equal to the title, a title and
     * a desc referenced by aria-labelledby, unique ids, no script, no style, no external reference.
     */
    static Document accessible(String svg, String title) throws Exception {
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(SVG_NS, root.getNamespaceURI());
        assertEquals("img", root.getAttribute("role"));
        assertEquals(title, root.getAttribute("aria-label"));
        Element t = first(root, "title");
        Element d = first(root, "desc");
        assertEquals(title, t.getTextContent());
        assertFalse(d.getTextContent().isBlank());
        assertEquals(t.getAttribute("id") + " " + d.getAttribute("id"), root.getAttribute("aria-labelledby"));
        assertEquals(0, doc.getElementsByTagNameNS(SVG_NS, "script").getLength());
        assertEquals(0, doc.getElementsByTagNameNS(SVG_NS, "style").getLength());
        assertEquals(0, doc.getElementsByTagNameNS(SVG_NS, "image").getLength());
        assertFalse(svg.contains("style="), "presentation attributes only: a strict CSP drops style attributes");
        assertFalse(svg.contains("href"), "no links, no external references");
        assertFalse(svg.replace(SVG_NS, "").contains("http"), "no URL other than the namespace");
        Set<String> ids = new HashSet<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            String id = ((Element) all.item(i)).getAttribute("id");
            if (!id.isEmpty()) {
                assertTrue(ids.add(id), "duplicate id " + id);
            }
        }
        return doc;
    }

    /** The first direct child of {@code parent} named {@code name}. */
    static Element first(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
    }

    /** Elements of {@code name} whose class list holds {@code cls}. */
    static List<Element> byClass(Document doc, String name, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS(SVG_NS, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The text of the {@code <title>} child of {@code e}. */
    static String titleOf(Element e) {
        return first(e, "title").getTextContent();
    }
}
