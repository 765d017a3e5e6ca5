package dev.imbot.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkGuardTest {

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, loopback",
    "10.0.0.5, private",
    "172.16.3.4, private",
    "172.31.255.255, private",
    "192.168.1.1, private",
    "169.254.169.254, link-local",
    "100.64.0.1, shared",
    "0.0.0.0, unspecified",
    "224.0.0.1, multicast",
    "255.255.255.255, broadcast",
    "::1, loopback",
    "::, unspecified",
    "fd12::1, private",
    "fe80::1, link-local",
    "ff02::1, multicast",
    "::ffff:10.1.2.3, private"
  })
  void givenInternalAddress_refusal_namesItsKind(String address, String kind) throws Exception {
    Optional<String> refusal = NetworkGuard.strict().refusal(InetAddress.getByName(address));

    assertThat(refusal).isPresent();
    assertThat(refusal.get()).startsWith("blocked: ").contains(" " + kind + " address");
  }

  @ParameterizedTest
  @CsvSource({"93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "8.8.8.8"})
  void givenPublicAddress_refusal_isEmpty(String address) throws Exception {
    assertThat(NetworkGuard.strict().refusal(InetAddress.getByName(address))).isEmpty();
  }

  @Test
  void givenAllowedNetwork_refusal_letsItsAddressesThroughOnly() throws Exception {
    NetworkGuard guard = new NetworkGuard(List.of(Cidr.parse("127.0.0.0/8")));

    assertThat(guard.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
    assertThat(guard.refusal(InetAddress.getByName("127.1.2.3"))).isEmpty();
    assertThat(guard.refusal(InetAddress.getByName("10.0.0.1"))).isPresent();
  }

  @Test
  void givenOneBadAddressAmongMany_refusal_refusesTheHost() throws Exception {
    assertThat(
            NetworkGuard.strict()
                .refusal(
                    List.of(
                        InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5"))))
        .contains("blocked: 10.0.0.5 is a private address");
  }

  @Test
  void givenCidrText_parse_readsIpv4AndIpv6AndRefusesNames() throws Exception {
    assertThat(Cidr.parse("10.0.0.0/8").contains(InetAddress.getByName("10.200.1.1"))).isTrue();
    assertThat(Cidr.parse("fc00::/7").contains(InetAddress.getByName("fdff::1"))).isTrue();
    assertThat(Cidr.parse("172.16.0.0/12").contains(InetAddress.getByName("172.32.0.1"))).isFalse();
    assertThat(Cidr.parse("192.168.1.7").toString()).isEqualTo("192.168.1.7/32");
    assertThatThrownBy(() -> Cidr.parse("localhost/8"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
