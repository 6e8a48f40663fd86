package io.voidvm.network.ipam.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Ipv4CidrTest {

    @Test
    void parsesAndPrintsTheSameBlock() {
        Ipv4Cidr cidr = Ipv4Cidr.parse("10.10.0.0/24");
        assertThat(cidr).hasToString("10.10.0.0/24");
        assertThat(cidr.size()).isEqualTo(256);
        assertThat(Ipv4Cidr.parse("192.168.128.0/17").size()).isEqualTo(32_768);
        assertThat(Ipv4Cidr.parse("255.255.255.252/30")).hasToString("255.255.255.252/30");
    }

    @Test
    void containsOnlyAddressesOfTheBlock() {
        Ipv4Cidr cidr = Ipv4Cidr.parse("10.10.0.0/24");
        assertThat(cidr.contains(Ipv4Cidr.parse("10.10.0.0/30").address() | 0xFF)).isTrue();
        assertThat(cidr.contains(Ipv4Cidr.parse("10.10.1.0/24").address())).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.10.0.1/24      | host bits set",
            "10.10.0.0/31      | prefix length",
            "10.0.0.0/7        | prefix length",
            "10.10.256.0/24    | above 255",
            "10.10.0.0         | not an IPv4 CIDR",
            "fd00::/64         | not an IPv4 CIDR"})
    void rejectsWithAReason(String text, String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> Ipv4Cidr.parse(text)).withMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "10.10.0.0/24/1", "a.b.c.d/24"})
    void rejectsGarbage(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Ipv4Cidr.parse(text));
    }
}
