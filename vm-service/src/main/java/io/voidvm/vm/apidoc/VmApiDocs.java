package io.voidvm.vm.apidoc;

import io.voidvm.servicekit.openapi.ApiDescription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** vm-service's {@link ApiDescription}: the compute API's title, its tags in display order, example bodies. */
@Configuration(proxyBeanMethods = false)
public class VmApiDocs {

    public static final String VMS = "VMs";
    public static final String VM_LOG = "VM log";
    public static final String OPERATIONS = "Operations";
    public static final String NODES = "Nodes";

    /** Said on every VM change that reaches a node. */
    public static final String ASYNC = "Asynchronous: answers 202 with the operation (Location names it); poll"
            + " `GET /api/v1/operations/{id}` until it is SUCCEEDED or FAILED.";
    public static final String IDEMPOTENT = " With an `Idempotency-Key` header a retry answers the first"
            + " request's answer (`Idempotent-Replayed: true`); the same key with another request is a 422.";

    static final String VM_ID = "0190c7e0-4b1a-7c3e-9d2f-5a6b7c8d9e0f";
    static final String IMAGE_ID = "0190c7d1-2e3f-7a4b-8c5d-6e7f8a9b0c1d";
    static final String OPERATION_ID = "0190c7e0-4b1b-7d40-8e11-223344556677";

    static final String VM = """
            {"id":"%s","tenantId":"acme","name":"web-1","description":"Frontend","cpuCores":2,"memoryMb":2048,
             "diskSizeGb":20,"imageId":"%s","bootVolumeId":null,"networkIds":[],"osType":"LINUX",
             "status":"PENDING","statusReason":null,"nodeName":null,"desiredPowerState":"RUNNING","generation":1,
             "observedGeneration":0,"createdAt":"2026-12-07T10:15:30Z","updatedAt":"2026-12-07T10:15:30Z"}
            """.formatted(VM_ID, IMAGE_ID);
    static final String OPERATION = """
            {"id":"%s","vmId":"%s","tenantId":"acme","action":"STOP","status":"PENDING",
             "requestedBy":"alice","createdAt":"2026-12-07T10:20:00Z","updatedAt":"2026-12-07T10:20:00Z",
             "finishedAt":null,"deadline":"2026-12-07T10:25:00Z","problem":null}
            """.formatted(OPERATION_ID, VM_ID);

    @Bean
    ApiDescription vmApiDescription() {
        return ApiDescription.of("voidVM compute API (vm-service)", """
                        Virtual machines of the caller's tenant, their power actions, the operations that carry \
                        them out and each VM's log; for admins, the nodes VMs run on.

                        A tenant sees only its own resources: another tenant's VM is a 404. Changes that reach a \
                        node are asynchronous (202 with an operation to poll).""",
                        ApiDescription.tag(VMS, "Virtual machines of the caller's tenant: list, create, read, change,"
                                + " delete, and the power actions start, stop, pause, resume, reset and reboot."),
                        ApiDescription.tag(VM_LOG, "A VM's operations and events, newest first, one cursor over"
                                + " both; stays readable after the VM is deleted."),
                        ApiDescription.tag(OPERATIONS, "The asynchronous work a VM change starts (create, start,"
                                + " stop, delete...): poll one until it is SUCCEEDED or FAILED."),
                        ApiDescription.tag(NODES, "Admin only: the hypervisor nodes, their state and capacity,"
                                + " cordon, drain and per-node overcommit."))
                .withExample("POST /api/v1/vms", """
                        {"name":"web-1","description":"Frontend","cpuCores":2,"memoryMb":2048,"diskSizeGb":20,
                         "imageId":"%s","osType":"LINUX"}
                        """.formatted(IMAGE_ID), VM)
                .withExample("PUT /api/v1/vms/{id}", """
                        {"name":"web-1","description":"Frontend, resized","cpuCores":4,"memoryMb":4096}
                        """, null)
                .withExample("PATCH /api/v1/vms/{id}", """
                        {"cpuCores":4,"memoryMb":4096}
                        """, null)
                .withExample("POST /api/v1/vms/{id}/stop", null, OPERATION)
                .withExample("GET /api/v1/operations/{id}", null, OPERATION)
                .withExample("PATCH /api/v1/nodes/{name}", """
                        {"cpuOvercommit":4.0,"memoryOvercommit":null}
                        """, null);
    }
}
