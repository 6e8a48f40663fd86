package io.voidvm.launcher.ports;

/** A TCP port on 127.0.0.1 that one component of the stack listens on. */
public record PortClaim(String component, String purpose, int port) {

    public PortClaim {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(component + ": port must be 1..65535, was " + port);
        }
    }

    public String describe() {
        return "port " + port + " (" + component + (purpose.isBlank() ? "" : " " + purpose) + ")";
    }
}
