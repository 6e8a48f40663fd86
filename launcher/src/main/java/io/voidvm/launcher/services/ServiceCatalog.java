package io.voidvm.launcher.services;

import io.voidvm.launcher.home.DataHome;
import io.voidvm.launcher.infra.Infra;
import io.voidvm.testsupport.qemu.TestGuests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The services of the local stack. Database, broker and issuer addresses are the services' own defaults
 * (their application.yaml targets this local stack); only data paths and the bind address are set here.
 */
public final class ServiceCatalog {

    public static final String GATEWAY = "gateway-service";
    public static final String NODE_AGENT = "node-agent";
    public static final String IMAGE_SERVICE = "image-service";
    /** The public image local mode seeds: test-support's marker boot disk as qcow2. */
    public static final String SEED_IMAGE = "voidvm-marker-test";
    public static final String NODE_NAME = "local";
    public static final String AUTH_SERVICE = "auth-service";
    public static final int AUTH_SERVICE_PORT = 8082;

    private static final Set<Infra> DOMAIN = Set.of(Infra.POSTGRES, Infra.KAFKA);

    private ServiceCatalog() {
    }

    public static List<ServiceSpec> local(DataHome home) {
        return List.of(
                // the gateway is an OAuth2 client: it reads Keycloak's discovery document while it starts
                service(home, GATEWAY, 8080, Set.of(Infra.KEYCLOAK), Map.of()),
                // vm-service asks auth-service about quotas with a platform token from Keycloak (ADR 0006); the
                // client id and local secret are its defaults, the address is set here from auth-service's port
                service(home, "vm-service", 8081, Set.of(Infra.POSTGRES, Infra.KAFKA, Infra.KEYCLOAK), Map.of(
                        "VOIDVM_VM_QUOTA_AUTHSERVICEURL", "http://127.0.0.1:" + AUTH_SERVICE_PORT)),
                service(home, AUTH_SERVICE, AUTH_SERVICE_PORT, Set.of(Infra.POSTGRES, Infra.KAFKA, Infra.KEYCLOAK),
                        Map.of()),
                // seeds the marker test disk as a public qcow2 image, so a newcomer can start a VM from an image;
                // checks the tenant image quotas with auth-service (platform token from Keycloak, like vm-service)
                service(home, IMAGE_SERVICE, 8083, DOMAIN, Map.of(
                        "VOIDVM_IMAGE_SEEDDIR", imageSeeds(home).toString(),
                        "VOIDVM_IMAGE_QUOTA_URL", "http://127.0.0.1:" + AUTH_SERVICE_PORT)),
                service(home, "network-service", 8084, DOMAIN, Map.of()),
                // the default pool lives on the local node-agent, so its volume commands reach that agent's topic
                service(home, "storage-service", 8085, DOMAIN, Map.of(
                        "VOIDVM_STORAGE_DEFAULTPOOL_NODENAME", NODE_NAME)),
                service(home, "monitoring-service", 8086, DOMAIN, Map.of()),
                service(home, NODE_AGENT, 8087, Set.of(Infra.KAFKA), Map.of(
                        "VOIDVM_NODEAGENT_NODENAME", NODE_NAME,
                        "VOIDVM_NODEAGENT_STATEDIR", home.serviceData(NODE_AGENT).toString(),
                        // until images land, local VMs boot the marker test guest, so a newcomer's first VM runs
                        "VOIDVM_NODEAGENT_TESTDISKPATH", localTestDisk(home).toString())));
    }

    /** A 1 MiB disk whose boot sector prints a line on the serial console (see test-support's TestGuests). */
    private static Path localTestDisk(DataHome home) {
        return TestGuests.markerDisk(home.serviceData(NODE_AGENT).resolve("test-disks"), "local");
    }

    /**
     * image-service's seed directory, holding {@value #SEED_IMAGE}.qcow2 (made once with qemu-img; image-service
     * registers each file there as a public image at start-up unless one of that name exists).
     */
    private static Path imageSeeds(DataHome home) {
        Path seeds = home.serviceData(IMAGE_SERVICE).resolve("seed");
        Path seed = seeds.resolve(SEED_IMAGE + ".qcow2");
        if (Files.isRegularFile(seed)) {
            return seeds;
        }
        try {
            Path work = Files.createDirectories(home.serviceData(IMAGE_SERVICE).resolve("seed-work"));
            Path qcow2 = TestGuests.markerDiskQcow2(work, SEED_IMAGE);
            Files.createDirectories(seeds);
            Files.move(qcow2, seed, StandardCopyOption.REPLACE_EXISTING);
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the seed image under " + seeds, e);
        }
    }

    private static ServiceSpec service(DataHome home, String name, int port, Set<Infra> needs,
                                       Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(extra);
        // defaults written as ${VOIDVM_HOME:...} in the services' yaml land under this data dir
        environment.put("VOIDVM_HOME", home.root().toString());
        // local mode serves loopback only; Kubernetes sets its own address
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        return new ServiceSpec(name, port, needs, environment);
    }
}
