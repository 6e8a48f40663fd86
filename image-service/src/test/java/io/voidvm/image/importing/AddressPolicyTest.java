package io.voidvm.image.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.image.importing.domain.AddressPolicy;
import io.voidvm.image.importing.domain.SourceUrl;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses an import may reach; resolution is faked so no test touches DNS or the network. */
class AddressPolicyTest {

    private final AddressPolicy defaults = new AddressPolicy(List.of());

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, loopback", "10.0.0.1, private", "172.16.5.4, private", "192.168.1.1, private",
            "169.254.169.254, metadata", "169.254.1.1, link-local", "0.0.0.0, unspecified", "224.0.0.1, multicast",
            "100.64.0.1, carrier-grade", "::1, loopback", "::, unspecified", "fe80::1, link-local",
            "fd00::1, private", "ff02::1, multicast", "::ffff:10.0.0.1, private"})
    void refusesInternalAddresses(String address, String what) throws Exception {
        assertThat(defaults.refusal(InetAddress.getByName(address))).hasValueSatisfying(reason ->
                assertThat(reason).contains(what));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "8.8.8.8"})
    void allowsPublicAddresses(String address) throws Exception {
        assertThat(defaults.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void anAllowedRangeOpensOnlyThatRange() throws Exception {
        AddressPolicy policy = new AddressPolicy(List.of("10.20.0.0/16", "127.0.0.1/32"));
        assertThat(policy.refusal(InetAddress.getByName("10.20.3.4"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("10.21.0.1"))).isPresent();
        assertThat(policy.refusal(InetAddress.getByName("127.0.0.2"))).isPresent();
        assertThat(policy.refusal(InetAddress.getByName("169.254.169.254"))).isPresent();
    }

    @Test
    void aBadRangeIsRefusedWithoutALookup() {
        assertThatThrownBy(() -> new AddressPolicy(List.of("example.com/8")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("example.com/8");
    }

    @Test
    void everyResolvedAddressIsChecked() {
        List<String> lookedUp = new ArrayList<>();
        assertThatThrownBy(() -> SourceUrl.check("https://mirror.example/disk.qcow2", defaults, host -> {
            lookedUp.add(host);
            return List.of(InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.1.2.3"));
        }))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("sourceUrl");
                    assertThat(e.reason()).contains("10.1.2.3").contains("private");
                });
        assertThat(lookedUp).containsExactly("mirror.example");
    }

    @Test
    void aPublicHostPassesWithItsAddresses() throws Exception {
        InetAddress address = InetAddress.getByName("93.184.215.14");
        SourceUrl url = SourceUrl.check("https://mirror.example/disk.qcow2", defaults, host -> List.of(address));
        assertThat(url.addresses()).containsExactly(address);
        assertThat(url.port()).isEqualTo(443);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://mirror.example/disk.qcow2", "gopher://x/", "/relative",
            "http://user:pw@mirror.example/", "http:///nohost"})
    void refusesOtherSchemesAndShapesBeforeAnyLookup(String url) {
        assertThatThrownBy(() -> SourceUrl.check(url, defaults, host -> {
            throw new AssertionError("no lookup expected for " + url);
        })).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("sourceUrl"));
    }
}
