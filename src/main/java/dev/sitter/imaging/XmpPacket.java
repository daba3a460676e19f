package dev.sitter.imaging;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal XMP packet of simple (text) properties: writing it, and reading the simple
 * properties back from any packet, ours or another tool's. Only the namespaces below are
 * written; unknown ones read back keyed by their namespace URI.
 */
public final class XmpPacket {
    public static final String NS_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static final String NS_IPTC_EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
    public static final String NS_XMP = "http://ns.adobe.com/xap/1.0/";
    public static final String NS_SITTER = "https://sitter.dev/ns/provenance/1.0/";
    /** IPTC digital source type for images a trained model generated. */
    public static final String TRAINED_ALGORITHMIC_MEDIA =
            "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";
    /** IPTC digital source type for edits that mix a generated part into an image (inpainting). */
    public static final String COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA =
            "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia";

    private static final Map<String, String> PREFIXES = Map.of(
            "Iptc4xmpExt", NS_IPTC_EXT, "xmp", NS_XMP, "sitter", NS_SITTER);

    private XmpPacket() {}

    /**
     * Builds a packet from {@code prefix:Name -> value} pairs, in the given order. Null values are
     * skipped. Prefixes must be one of Iptc4xmpExt, xmp, sitter.
     */
    public static String build(Map<String, String> properties) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        sb.append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
        sb.append(" <rdf:RDF xmlns:rdf=\"").append(NS_RDF).append("\">\n");
        sb.append("  <rdf:Description rdf:about=\"\"");
        for (Map.Entry<String, String> ns : new java.util.TreeMap<>(PREFIXES).entrySet()) {
            sb.append("\n    xmlns:").append(ns.getKey()).append("=\"").append(ns.getValue()).append('"');
        }
        sb.append(">\n");
        for (Map.Entry<String, String> p : properties.entrySet()) {
            if (p.getValue() == null) continue;
            String name = p.getKey();
            int colon = name.indexOf(':');
            if (colon < 0 || !PREFIXES.containsKey(name.substring(0, colon))) {
                throw new IllegalArgumentException("unknown XMP property prefix: " + name);
            }
            sb.append("   <").append(name).append('>').append(escape(p.getValue())).append("</").append(name).append(">\n");
        }
        sb.append("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        return sb.toString();
    }

    /**
     * Reads every simple property of every rdf:Description, as {@code prefix:Name} for the
     * namespaces Sitter knows and {@code {uri}Name} otherwise. DTDs are refused, so a hostile
     * file cannot pull in entities.
     */
    public static Map<String, String> parse(String xml) throws ImageFormatException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new ImageFormatException("the XMP packet is not well-formed XML: " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        NodeList descs = doc.getElementsByTagNameNS(NS_RDF, "Description");
        for (int i = 0; i < descs.getLength(); i++) {
            Element d = (Element) descs.item(i);
            NamedNodeMap attrs = d.getAttributes();
            for (int a = 0; a < attrs.getLength(); a++) {
                Attr at = (Attr) attrs.item(a);
                String ns = at.getNamespaceURI();
                if (ns == null || ns.equals(NS_RDF) || ns.equals(XMLConstants.XMLNS_ATTRIBUTE_NS_URI)) continue;
                out.put(key(ns, at.getLocalName()), at.getValue());
            }
            for (Node n = d.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getElementsByTagName("*").getLength() == 0) {
                    out.put(key(e.getNamespaceURI(), e.getLocalName()), e.getTextContent());
                }
            }
        }
        return out;
    }

    private static String key(String ns, String local) {
        for (Map.Entry<String, String> p : PREFIXES.entrySet()) {
            if (p.getValue().equals(ns)) return p.getKey() + ":" + local;
        }
        return "{" + ns + "}" + local;
    }

    /** XML text escaping; characters XML 1.0 cannot carry at all are dropped. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n') continue;
                    if (c == 0xFFFE || c == 0xFFFF) continue;
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
