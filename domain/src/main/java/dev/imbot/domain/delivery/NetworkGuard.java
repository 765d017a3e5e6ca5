package dev.imbot.domain.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Refuses handler addresses inside the operator's own network (no server-side request forgery):
 * loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10,
 * where cloud metadata lives), shared (100.64/10), unspecified, multicast and broadcast, unless an
 * allowed network contains the address. IPv4-mapped IPv6 addresses are judged as IPv4.
 */
public final class NetworkGuard {
  private record Range(Cidr cidr, String kind) {}

  private static final List<Range> REFUSED =
      List.of(
          new Range(Cidr.parse("0.0.0.0/8"), "an unspecified"),
          new Range(Cidr.parse("127.0.0.0/8"), "a loopback"),
          new Range(Cidr.parse("10.0.0.0/8"), "a private"),
          new Range(Cidr.parse("172.16.0.0/12"), "a private"),
          new Range(Cidr.parse("192.168.0.0/16"), "a private"),
          new Range(Cidr.parse("100.64.0.0/10"), "a shared"),
          new Range(Cidr.parse("169.254.0.0/16"), "a link-local"),
          new Range(Cidr.parse("224.0.0.0/4"), "a multicast"),
          new Range(Cidr.parse("255.255.255.255/32"), "a broadcast"),
          new Range(Cidr.parse("::/128"), "an unspecified"),
          new Range(Cidr.parse("::1/128"), "a loopback"),
          new Range(Cidr.parse("fc00::/7"), "a private"),
          new Range(Cidr.parse("fe80::/10"), "a link-local"),
          new Range(Cidr.parse("ff00::/8"), "a multicast"));

  private final List<Cidr> allowed;

  public NetworkGuard(List<Cidr> allowed) {
    this.allowed = List.copyOf(Objects.requireNonNull(allowed, "allowed"));
  }

  /** A guard that allows nothing of the refused ranges. */
  public static NetworkGuard strict() {
    return new NetworkGuard(List.of());
  }

  public List<Cidr> allowed() {
    return allowed;
  }

  /**
   * Why {@code address} is refused ({@code blocked: 10.0.0.5 is a private address}), or empty when
   * it may be connected to.
   */
  public Optional<String> refusal(InetAddress address) {
    InetAddress judged = unmapped(address);
    if (allowed.stream().anyMatch(cidr -> cidr.contains(judged))) {
      return Optional.empty();
    }
    for (Range range : REFUSED) {
      if (range.cidr().contains(judged)) {
        return Optional.of(
            "blocked: " + judged.getHostAddress() + " is " + range.kind() + " address");
      }
    }
    return Optional.empty();
  }

  /** The first refusal among {@code addresses}: one bad address refuses the host. */
  public Optional<String> refusal(List<InetAddress> addresses) {
    for (InetAddress address : addresses) {
      Optional<String> refusal = refusal(address);
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    return Optional.empty();
  }

  private static InetAddress unmapped(InetAddress address) {
    if (address instanceof Inet6Address) {
      byte[] bytes = address.getAddress();
      boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
      for (int i = 0; i < 10 && mapped; i++) {
        mapped = bytes[i] == 0;
      }
      if (mapped) {
        try {
          return Inet4Address.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16));
        } catch (java.net.UnknownHostException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return address;
  }
}
