package cn.edu.ntvu.workbench.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which address a request came from, for limits per address. The socket's peer, unless that peer is
 * one of our own reverse proxies ({@code security.trusted-proxies}): then the proxy's {@code
 * X-Forwarded-For}, read from the right, skipping our proxies, names the client. Without the
 * setting the header is ignored entirely — anyone can send it, and trusting it would let a script
 * pick a new address for every guess.
 */
public final class ClientAddress {
  /**
   * One trusted proxy: an address, or a network in CIDR notation ({@code 10.0.0.0/8}, {@code
   * fd00::/8}).
   */
  record Network(byte[] address, int prefix) {
    boolean contains(byte[] other) {
      if (other.length != address.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != other[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xff << (8 - rest) & 0xff;
      return (address[full] & mask) == (other[full] & mask);
    }
  }

  private final List<Network> trusted;

  private ClientAddress(List<Network> trusted) {
    this.trusted = List.copyOf(trusted);
  }

  /** Nobody's header is believed: the socket's peer is the client. */
  public static ClientAddress direct() {
    return new ClientAddress(List.of());
  }

  /**
   * From the setting's text: addresses and CIDR networks separated by commas or spaces; literal IP
   * addresses only (no host names, which would need a lookup).
   *
   * @throws IllegalArgumentException naming the first entry that is not one
   */
  public static ClientAddress trusting(String setting) {
    List<Network> nets = new ArrayList<>();
    for (String entry : (setting == null ? "" : setting).split("[,\\s]+")) {
      if (entry.isBlank()) {
        continue;
      }
      int slash = entry.indexOf('/');
      byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
      if (address == null) {
        throw new IllegalArgumentException(entry);
      }
      int prefix = address.length * 8;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(entry);
        }
        if (prefix < 0 || prefix > address.length * 8) {
          throw new IllegalArgumentException(entry);
        }
      }
      nets.add(new Network(address, prefix));
    }
    return new ClientAddress(nets);
  }

  /**
   * The client of a request whose socket peer is {@code peer} and whose {@code X-Forwarded-For} is
   * {@code header}.
   */
  public String resolve(String peer, String forwardedFor) {
    if (trusted.isEmpty() || !isTrusted(peer) || forwardedFor == null || forwardedFor.isBlank()) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (literal(hop) == null) {
        // Garbage in the header: the last hop we could trust is the answer.
        return i == hops.length - 1 ? peer : hops[i + 1].strip();
      }
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return hops[0].strip();
  }

  private boolean isTrusted(String address) {
    byte[] bytes = literal(address);
    if (bytes == null) {
      return false;
    }
    for (Network n : trusted) {
      if (n.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  /** The bytes of a literal IPv4 or IPv6 address; null for anything else (never a DNS lookup). */
  static byte[] literal(String text) {
    if (text == null || text.isEmpty() || text.length() > 45) {
      return null;
    }
    String t =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = t.contains(":") && t.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?");
    if (!v4 && !v6) {
      return null;
    }
    if (v4) {
      for (String part : t.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return null;
        }
      }
    }
    try {
      return InetAddress.getByName(t).getAddress();
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
  }
}
