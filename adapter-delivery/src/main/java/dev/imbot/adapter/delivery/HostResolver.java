package dev.imbot.adapter.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks a handler's host name up; the system resolver in production, a fixed table in tests. */
@FunctionalInterface
public interface HostResolver {
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /** The JVM's resolver ({@link InetAddress#getAllByName}). */
  static HostResolver system() {
    return host -> List.of(InetAddress.getAllByName(host));
  }
}
