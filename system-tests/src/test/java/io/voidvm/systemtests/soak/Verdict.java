package io.voidvm.systemtests.soak;

import io.voidvm.systemtests.harness.PlatformNode;
import io.voidvm.systemtests.harness.QemuProcesses;
import io.voidvm.systemtests.harness.SharedPlatform;
import io.voidvm.systemtests.harness.Tenant;
import io.voidvm.systemtests.harness.VoidvmApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Whether the platform tells the truth after the faults: every operation ended, every VM's API status matches
 * what its node really runs, no QEMU without a VM, no RUNNING VM without a QEMU. Read from the API (as each VM's
 * tenant) and from the nodes' process tables.
 *
 * @param operations        every operation of every VM the soak created, by status (from the VMs' logs)
 * @param failedByCode      the failed ones by problem code
 * @param open              operations still PENDING or RUNNING
 * @param vmsByStatus       the VMs the API lists, by status
 * @param statusMismatches  VMs whose status says a QEMU runs and none does, or the reverse, or that still move
 * @param qemuWithoutVm     QEMU processes of VMs the API does not list
 * @param runningWithoutQemu VMs the API shows RUNNING with no QEMU (also among the mismatches)
 */
record Verdict(Tally operations, Tally failedByCode, List<String> open, Tally vmsByStatus,
               List<String> statusMismatches, List<String> qemuWithoutVm, List<String> runningWithoutQemu) {

    /** Statuses that claim a live QEMU, and ones that claim none; anything else after settling is still moving. */
    private static final Set<String> WITH_QEMU = Set.of("RUNNING", "PAUSED");
    private static final Set<String> WITHOUT_QEMU = Set.of("STOPPED", "PENDING");
    private static final Pattern VM_DIR = Pattern.compile("/vms/([0-9a-f-]{36})/");

    boolean healed() {
        return open.isEmpty() && statusMismatches.isEmpty() && qemuWithoutVm.isEmpty() && runningWithoutQemu.isEmpty();
    }

    static Verdict take(SharedPlatform platform, List<Tenant> tenants, Map<UUID, Tenant> everCreated) {
        Tally operations = new Tally();
        Tally failedByCode = new Tally();
        List<String> open = new ArrayList<>();
        everCreated.forEach((vm, tenant) -> {
            for (JsonNode item : all(tenant.api(), "/api/v1/vms/" + vm + "/logs")) {
                if (!item.path("type").asString().equals("operation")) {
                    continue;
                }
                JsonNode operation = item.path("operation");
                String status = operation.path("status").asString();
                operations.add(status);
                if (status.equals("FAILED")) {
                    failedByCode.add(operation.path("problem").path("code").asString());
                } else if (!status.equals("SUCCEEDED")) {
                    open.add(operation.path("action").asString() + " " + status + " " + operation.path("id")
                            .asString() + " of VM " + vm);
                }
            }
        });

        Tally vmsByStatus = new Tally();
        List<String> mismatches = new ArrayList<>();
        List<String> runningWithoutQemu = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (Tenant tenant : tenants) {
            for (JsonNode vm : all(tenant.api(), "/api/v1/vms")) {
                UUID id = UUID.fromString(vm.path("id").asString());
                String status = vm.path("status").asString();
                listed.add(id.toString());
                vmsByStatus.add(status);
                List<String> runsOn = nodesRunning(platform, id);
                String node = vm.path("nodeName").isNull() ? null : vm.path("nodeName").asString(null);
                String claim = "VM " + id + " " + status + " on " + node + " (" + vm.path("statusReason").asString("")
                        + "), QEMU on " + runsOn;
                if (WITH_QEMU.contains(status)) {
                    if (runsOn.size() != 1 || !runsOn.getFirst().equals(node)) {
                        mismatches.add(claim);
                        if (status.equals("RUNNING") && runsOn.isEmpty()) {
                            runningWithoutQemu.add(claim);
                        }
                    }
                } else if (WITHOUT_QEMU.contains(status)) {
                    if (!runsOn.isEmpty()) {
                        mismatches.add(claim);
                    }
                } else if (!status.equals("ERROR")) {
                    mismatches.add(claim + ": still " + status);
                }
            }
        }

        List<String> qemuWithoutVm = new ArrayList<>();
        for (PlatformNode node : platform.nodes()) {
            for (long pid : node.qemuProcesses()) {
                Matcher dir = VM_DIR.matcher(QemuProcesses.commandLine(pid));
                String vm = dir.find() ? dir.group(1) : "?";
                if (!listed.contains(vm)) {
                    qemuWithoutVm.add("QEMU pid " + pid + " on " + node.name() + " for VM " + vm);
                }
            }
        }
        return new Verdict(operations, failedByCode, open, vmsByStatus, mismatches, qemuWithoutVm,
                runningWithoutQemu);
    }

    /** The nodes on which a QEMU of {@code vm} is alive. */
    private static List<String> nodesRunning(SharedPlatform platform, UUID vm) {
        List<String> nodes = new ArrayList<>();
        for (PlatformNode node : platform.nodes()) {
            if (!QemuProcesses.mentioning(node.vmDir(vm).toString() + "/").isEmpty()) {
                nodes.add(node.name());
            }
        }
        return nodes;
    }

    /** Every item of a cursor-paged list. */
    private static List<JsonNode> all(VoidvmApi api, String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String query = "?limit=200" + (cursor == null ? "" : "&cursor="
                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = api.call("GET", path + query, null).expect(200).body();
            page.path("items").forEach(items::add);
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString(null);
        } while (cursor != null);
        return items;
    }

    String report() {
        return String.join("\n",
                "  operations: " + operations.total() + " (SUCCEEDED " + operations.get("SUCCEEDED") + ", FAILED "
                        + operations.get("FAILED") + ", still open " + open.size() + ")",
                "  failed by code:", failedByCode.lines(),
                "  VMs listed by the API: " + vmsByStatus.total(), vmsByStatus.lines(),
                "  VMs whose API status differs from what their node runs: " + statusMismatches.size(),
                "  QEMU processes without a VM: " + qemuWithoutVm.size(),
                "  RUNNING VMs without a QEMU: " + runningWithoutQemu.size(),
                details("open operations", open), details("mismatches", statusMismatches),
                details("QEMU without a VM", qemuWithoutVm));
    }

    private static String details(String title, List<String> items) {
        return items.isEmpty() ? "" : "  " + title + ":\n    " + String.join("\n    ", items);
    }
}
