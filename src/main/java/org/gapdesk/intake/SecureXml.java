package org.gapdesk.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads uploaded XML into a DOM with no DTD, no entity expansion, no XInclude and nothing fetched; a DOCTYPE,
 * nesting deeper than {@link #MAX_ELEMENT_DEPTH} or XML that is not well-formed rejects the file.
 */
final class SecureXml {
    /** Deepest element nesting accepted. */
    static final int MAX_ELEMENT_DEPTH = 256;

    private SecureXml() {
    }

    /**
     * The document in {@code bytes}.
     *
     * @param name the file name, for messages
     * @throws FileRejectedException naming the file, and the line and column when the parser knows them
     */
    static Document read(String name, byte[] bytes) throws FileRejectedException {
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
}
