package cn.edu.ntvu.workbench.identity.domain;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The SAML {@code LogoutRequest} a CAS server posts for single logout (统一身份认证 back channel): only
 * its {@code SessionIndex}, the service ticket of the sign-in that ended, matters. The message is
 * not signed and anyone can post one, so it is read defensively: bounded length, no DOCTYPE (no
 * entity of any kind, no external fetch), one root element named {@code LogoutRequest}, exactly one
 * {@code SessionIndex} that looks like a CAS ticket.
 */
public final class CasLogoutMessage {
  /** Far above CAS's ~400 characters; the endpoint refuses larger bodies before reading them. */
  public static final int MAX_LENGTH = 8 * 1024;

  /**
   * CAS service tickets ({@code ST-…}, proxy tickets {@code PT-…}): letters, digits and {@code - _
   * . :}.
   */
  private static final Pattern TICKET = Pattern.compile("(ST|PT)-[A-Za-z0-9._:-]{1,250}");

  private CasLogoutMessage() {}

  /**
   * The ticket named by {@code xml}, or empty when it is not a well-formed logout request of CAS
   * (malformed, with a DOCTYPE, too long, without or with several session indexes, or an index that
   * is no ticket).
   */
  public static Optional<String> sessionIndex(String xml) {
    if (xml == null || xml.isBlank() || xml.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    Document doc;
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setErrorHandler(null);
      doc = builder.parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      return Optional.empty();
    }
    Element root = doc.getDocumentElement();
    if (!"LogoutRequest".equals(root.getLocalName())) {
      return Optional.empty();
    }
    NodeList indexes = root.getElementsByTagNameNS("*", "SessionIndex");
    if (indexes.getLength() != 1) {
      return Optional.empty();
    }
    String ticket = indexes.item(0).getTextContent().strip();
    return TICKET.matcher(ticket).matches() ? Optional.of(ticket) : Optional.empty();
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
    f.setNamespaceAware(true);
    return f;
  }
}
