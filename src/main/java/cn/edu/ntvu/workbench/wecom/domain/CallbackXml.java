package cn.edu.ntvu.workbench.wecom.domain;

import java.io.IOException;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads WeCom's flat {@code <xml>…</xml>} documents into a map of the root's child elements and
 * their text. A DOCTYPE is refused outright, so no entity (external or billion-laughs) and no
 * XInclude can ever be expanded.
 */
public final class CallbackXml {
  static final int MAX_LENGTH = 64 * 1024;

  private CallbackXml() {}

  /**
   * The root's child elements by name, their text trimmed (CDATA included); a nested element such
   * as {@code SelectedItems} gives the text of its whole subtree, and each of its own child
   * elements is there too as {@code Parent.Child} (e.g. {@code BatchJob.JobId} of
   * batch_job_result). The first occurrence of a repeated name wins.
   *
   * @throws CallbackRejectedException {@code BAD_XML} for anything that is not such a document
   */
  public static Map<String, String> fields(String xml) {
    if (xml == null || xml.isBlank() || xml.length() > MAX_LENGTH) {
      throw new CallbackRejectedException(CallbackRejectedException.Reason.BAD_XML);
    }
    Document doc;
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setErrorHandler(null);
      doc = builder.parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new CallbackRejectedException(CallbackRejectedException.Reason.BAD_XML);
    }
    Element root = doc.getDocumentElement();
    if (!"xml".equals(root.getTagName())) {
      throw new CallbackRejectedException(CallbackRejectedException.Reason.BAD_XML);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    NodeList children = root.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element element) {
        fields.putIfAbsent(element.getTagName(), element.getTextContent().strip());
        NodeList nested = element.getChildNodes();
        for (int j = 0; j < nested.getLength(); j++) {
          if (nested.item(j) instanceof Element inner) {
            fields.putIfAbsent(
                element.getTagName() + "." + inner.getTagName(), inner.getTextContent().strip());
          }
        }
      }
    }
    return Collections.unmodifiableMap(fields);
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setNamespaceAware(false);
    return f;
  }
}
