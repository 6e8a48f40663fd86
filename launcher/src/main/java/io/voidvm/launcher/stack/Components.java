package io.voidvm.launcher.stack;

import io.voidvm.launcher.infra.Infra;
import io.voidvm.launcher.ports.PortClaim;
import io.voidvm.launcher.services.ServiceSpec;

import java.util.ArrayList;
import java.util.List;

/** The stack as a list: its ports for the up-front check, and its component names in stop order. */
final class Components {

    private Components() {
    }

    static List<PortClaim> ports(List<ServiceSpec> services) {
        List<PortClaim> claims = new ArrayList<>();
        for (Infra infra : Infra.values()) {
            claims.addAll(infra.ports());
        }
        services.forEach(service -> claims.add(service.portClaim()));
        return claims;
    }

    /** Services first (they use the rest), then Keycloak, Kafka and PostgreSQL. */
    static List<String> stopOrder(List<ServiceSpec> services) {
        List<String> order = new ArrayList<>(services.stream().map(ServiceSpec::name).toList());
        order.addAll(List.of(Infra.KEYCLOAK.component(), Infra.KAFKA.component(), Infra.POSTGRES.component()));
        return order;
    }
}
