package io.voidvm.storage.apidoc;

import io.voidvm.servicekit.openapi.ApiDescription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** storage-service's {@link ApiDescription}: the storage API's title, its tags in display order, example bodies. */
@Configuration(proxyBeanMethods = false)
public class StorageApiDocs {

    public static final String POOLS = "Storage pools";
    public static final String VOLUMES = "Volumes";

    /** Said on every volume change a node carries out. */
    public static final String ASYNC = "Asynchronous: answers 202 with the volume in its transitional state"
            + " (Location names it); read it until the node finished.";

    private static final String POOL_ID = "0190c7a0-1111-7222-8333-444455556666";
    private static final String VOLUME_ID = "0190c7b0-aaaa-7bbb-8ccc-ddddeeeeffff";
    private static final String VM_ID = "0190c7e0-4b1a-7c3e-9d2f-5a6b7c8d9e0f";

    @Bean
    ApiDescription storageApiDescription() {
        return ApiDescription.of("voidVM storage API (storage-service)", """
                        Storage pools on the nodes (admins create them) and the volumes tenants keep in them: \
                        blank or made from an image, resized, attached to a VM as a disk and detached.

                        A tenant sees only its own volumes: another tenant's is a 404. Volume changes run on a \
                        node and answer 202.""",
                        ApiDescription.tag(POOLS, "Where volumes live: a directory on one node, with a capacity"
                                + " and an overcommit ratio. Everyone reads them; admins create them."),
                        ApiDescription.tag(VOLUMES, "The caller's tenant's volumes in a pool: create (blank or from"
                                + " an image), resize, attach to a VM, detach, delete."))
                .withExample("POST /api/v1/storage", """
                        {"name":"fast-ssd","description":"NVMe on node-1","type":"DIR","path":"fast-ssd",
                         "nodeName":"node-1","capacityGb":500,"overcommitRatio":1.5}
                        """, """
                        {"id":"%s","name":"fast-ssd","description":"NVMe on node-1","type":"DIR","path":"fast-ssd",
                         "nodeName":"node-1","capacityGb":500,"overcommitRatio":1.5,"provisionableGb":750,
                         "usedGb":0,"freeGb":750,"createdAt":"2026-12-07T10:15:30Z",
                         "updatedAt":"2026-12-07T10:15:30Z"}
                        """.formatted(POOL_ID))
                .withExample("POST /api/v1/storage/{poolId}/volumes", """
                        {"name":"data-1","description":"Database files","sizeGb":50,"imageId":null}
                        """, volume("PENDING", null, null))
                .withExample("PATCH /api/v1/storage/{poolId}/volumes/{id}", """
                        {"sizeGb":100}
                        """, null)
                .withExample("POST /api/v1/storage/{poolId}/volumes/{id}/attach", """
                        {"vmId":"%s","diskId":"data"}
                        """.formatted(VM_ID), volume("ATTACHING", "\"" + VM_ID + "\"", "\"data\""))
                .withExample("POST /internal/v1/volumes", """
                        {"tenantId":"acme","poolId":null,"name":"web-1-boot","description":null,"sizeGb":20,
                         "imageId":"0190c7d1-2e3f-7a4b-8c5d-6e7f8a9b0c1d","vmId":"%s"}
                        """.formatted(VM_ID), null);
    }

    private static String volume(String status, String attachedVmId, String diskId) {
        return """
                {"id":"%s","poolId":"%s","tenantId":"acme","name":"data-1","description":"Database files",
                 "sizeGb":50,"status":"%s","statusReason":null,"imageId":null,"ownerVmId":null,
                 "attachedVmId":%s,"diskId":%s,"virtualSizeBytes":null,"allocatedBytes":null,
                 "createdAt":"2026-12-07T10:15:30Z","updatedAt":"2026-12-07T10:15:30Z"}
                """.formatted(VOLUME_ID, POOL_ID, status, attachedVmId, diskId);
    }
}
