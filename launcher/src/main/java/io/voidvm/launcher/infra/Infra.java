package io.voidvm.launcher.infra;

import io.voidvm.launcher.ports.PortClaim;

import java.util.List;

/** The three servers every service leans on, with the fixed local ports the services' defaults expect. */
public enum Infra {
    POSTGRES("postgres", List.of(new PortClaim("postgres", "", 15432))),
    KAFKA("kafka", List.of(new PortClaim("kafka", "broker", 19092), new PortClaim("kafka", "controller", 19093))),
    KEYCLOAK("keycloak", List.of(new PortClaim("keycloak", "http", 18080),
            new PortClaim("keycloak", "management", 18081)));

    public static final String DATABASE = "voidvm";
    public static final String REALM = "voidvm";

    private final String component;
    private final List<PortClaim> ports;

    Infra(String component, List<PortClaim> ports) {
        this.component = component;
        this.ports = ports;
    }

    public String component() {
        return component;
    }

    public List<PortClaim> ports() {
        return ports;
    }

    public int port() {
        return ports.getFirst().port();
    }

    public int secondPort() {
        return ports.getLast().port();
    }
}
