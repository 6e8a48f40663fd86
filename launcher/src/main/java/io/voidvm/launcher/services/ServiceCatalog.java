package io.voidvm.launcher.services;

import io.voidvm.launcher.home.DataHome;
import io.voidvm.launcher.infra.Infra;
import io.voidvm.testsupport.qemu.TestGuests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The services of the local stack. Database, broker and issuer addresses are the services' own defaults
 * (their application.yaml targets this local stack); only data paths and the bind address are set here.
 * Building the list only computes; {@link #prepare} writes the files the settings point at.
 *
 * <p>Node agent {@code n} (from 1) is component {@code node-agent} (n = 1) or {@code node-agent-<n>}, node
 * {@code local} or {@code local-<n>}, on port 8086 + n, with its own state dir; all run the same jar.
 */
public final class ServiceCatalog {

    public static final String GATEWAY = "gateway-service";
    public static final String NODE_AGENT = "node-agent";
    public static final String IMAGE_SERVICE = "image-service";
    /** The public image local mode seeds: test-support's marker boot disk as qcow2. */
    public static final String SEED_IMAGE = "voidvm-marker-test";
    /** The first node; it holds the default storage pool, so VMs booting from an image volume run there. */
    public static final String NODE_NAME = "local";
    public static final int NODE_AGENT_PORT = 8087;
    public static final String AUTH_SERVICE = "auth-service";
    public static final int AUTH_SERVICE_PORT = 8082;

    private static final Set<Infra> DOMAIN = Set.of(Infra.POSTGRES, Infra.KAFKA);

    private ServiceCatalog() {
    }

    /** The stack with {@code nodes} node agents, the services first. */
    public static List<ServiceSpec> local(DataHome home, int nodes) {
        if (nodes < 1) {
            throw new IllegalArgumentException("a stack needs at least one node agent, got " + nodes);
        }
        List<ServiceSpec> specs = new ArrayList<>(List.of(
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
                // the default pool lives on the first node, so its volume commands reach that agent's topic
                service(home, "storage-service", 8085, DOMAIN, Map.of(
                        "VOIDVM_STORAGE_DEFAULTPOOL_NODENAME", NODE_NAME)),
                service(home, "monitoring-service", 8086, DOMAIN, Map.of())));
        for (int node = 1; node <= nodes; node++) {
            specs.add(nodeAgent(home, node));
        }
        return List.copyOf(specs);
    }

    /** The component name of node agent {@code node} (from 1): its log, pid file and data dir. */
    public static String agentComponent(int node) {
        return node == 1 ? NODE_AGENT : NODE_AGENT + "-" + node;
    }

    /** The node name agent {@code node} reports (a DNS label; its command topic carries it). */
    public static String nodeName(int node) {
        return node == 1 ? NODE_NAME : NODE_NAME + "-" + node;
    }

    /**
     * Writes what the settings of {@link #local(DataHome, int)} point at: each agent's marker test disk and
     * image-service's seed image. Rewrites the test disks (they are tiny), keeps an existing seed.
     */
    public static void prepare(DataHome home, int nodes) {
        for (int node = 1; node <= nodes; node++) {
            Path disk = testDisk(home, node);
            Path written = TestGuests.markerDisk(disk.getParent(), nodeName(node));
            if (!written.equals(disk)) {
                throw new IllegalStateException("test-support wrote the marker disk to " + written + ", not " + disk);
            }
        }
        writeSeedImage(home);
    }

    private static ServiceSpec nodeAgent(DataHome home, int node) {
        String component = agentComponent(node);
        return service(home, component, NODE_AGENT, NODE_AGENT_PORT + node - 1, Set.of(Infra.KAFKA), Map.of(
                "VOIDVM_NODEAGENT_NODENAME", nodeName(node),
                "VOIDVM_NODEAGENT_STATEDIR", home.serviceData(component).toString(),
                // until images land, local VMs boot the marker test guest, so a newcomer's first VM runs
                "VOIDVM_NODEAGENT_TESTDISKPATH", testDisk(home, node).toString()));
    }

    /** A 1 MiB disk whose boot sector prints a line on the serial console (see test-support's TestGuests). */
    static Path testDisk(DataHome home, int node) {
        return home.serviceData(agentComponent(node)).resolve("test-disks").resolve(nodeName(node) + ".raw");
    }

    /**
     * image-service's seed directory, which {@link #prepare} fills with {@value #SEED_IMAGE}.qcow2 (image-service
     * registers each file there as a public image at start-up unless one of that name exists).
     */
    private static Path imageSeeds(DataHome home) {
        return home.serviceData(IMAGE_SERVICE).resolve("seed");
    }

    /** Made once with qemu-img. */
    private static void writeSeedImage(DataHome home) {
        Path seeds = imageSeeds(home);
        Path seed = seeds.resolve(SEED_IMAGE + ".qcow2");
        if (Files.isRegularFile(seed)) {
            return;
        }
        try {
            Path work = Files.createDirectories(home.serviceData(IMAGE_SERVICE).resolve("seed-work"));
            Path qcow2 = TestGuests.markerDiskQcow2(work, SEED_IMAGE);
            Files.createDirectories(seeds);
            Files.move(qcow2, seed, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the seed image under " + seeds, e);
        }
    }

    private static ServiceSpec service(DataHome home, String name, int port, Set<Infra> needs,
                                       Map<String, String> extra) {
        return service(home, name, name, port, needs, extra);
    }

    private static ServiceSpec service(DataHome home, String name, String module, int port, Set<Infra> needs,
                                       Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(extra);
        // defaults written as ${VOIDVM_HOME:...} in the services' yaml land under this data dir
        environment.put("VOIDVM_HOME", home.root().toString());
        // local mode serves loopback only; Kubernetes sets its own address
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        return new ServiceSpec(name, module, port, needs, environment);
    }
}
