package org.gapdesk.intake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** DOM look-ups by local name, in any namespace, without recursion (deep files cannot exhaust the stack). */
final class XmlElements {
    private XmlElements() {
    }

    /** One attribute value or text inside an element, with its path relative to that element. */
    record Value(String path, String text) {
    }

    private record Located(Element element, String path) {
    }

    /**
     * Every attribute value (namespace declarations aside) and non-blank text (stripped) inside {@code scope},
     * in document order, with paths such as {@code /Sku/@Id} or {@code /Keys/Iid}.
     */
    static List<Value> values(Element scope) {
        List<Value> out = new ArrayList<>();
        Deque<Located> stack = new ArrayDeque<>();
        stack.push(new Located(scope, ""));
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
        return out;
    }

    /** Attribute or child element text named {@code name} (local name), stripped; "" when absent. */
    static String valueOf(Element e, String name) {
        String a = attr(e, name);
        if (!a.isEmpty()) {
            return a;
        }
        Element child = first(e, name);
        return child == null ? "" : child.getTextContent().strip();
    }

    /** The attribute with this local name, stripped; "" when absent. */
    static String attr(Element e, String localName) {
        for (Attr a : attributes(e)) {
            if (local(a).equals(localName)) {
                return a.getValue().strip();
            }
        }
        return "";
    }

    static List<Attr> attributes(Element e) {
        NamedNodeMap map = e.getAttributes();
        List<Attr> out = new ArrayList<>(map.getLength());
        for (int i = 0; i < map.getLength(); i++) {
            out.add((Attr) map.item(i));
        }
        return out;
    }

    static boolean isNamespaceDecl(Attr a) {
        return XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI());
    }

    /** True for text and CDATA nodes. */
    static boolean isText(Node n) {
        return n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE;
    }

    /** The first descendant element with this local name, or null. */
    static Element first(Element scope, String localName) {
        List<Element> found = outermost(scope, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Descendants of {@code scope} with this local name that have no such ancestor below {@code scope}, in
     * document order.
     */
    static List<Element> outermost(Element scope, String localName) {
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

    /** The local name, or the node name when the node has none. */
    static String local(Node n) {
        String l = n.getLocalName();
        return l != null ? l : n.getNodeName();
    }
}
