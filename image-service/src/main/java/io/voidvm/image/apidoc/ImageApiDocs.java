package io.voidvm.image.apidoc;

import io.voidvm.servicekit.openapi.ApiDescription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** image-service's {@link ApiDescription}: the image API's title, its tags in display order, example bodies. */
@Configuration(proxyBeanMethods = false)
public class ImageApiDocs {

    public static final String IMAGES = "Images";

    private static final String IMAGE_ID = "0190c7d1-2e3f-7a4b-8c5d-6e7f8a9b0c1d";
    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Bean
    ApiDescription imageApiDescription() {
        return ApiDescription.of("voidVM image API (image-service)", """
                        Disk images VMs boot from: the caller's tenant's own and the public ones. Register an \
                        image, then upload its bytes (or register and upload in one multipart request, or give a \
                        `sourceUrl` for the service to import); it is checked and becomes READY, or FAILED with \
                        its reason.

                        Another tenant's private image is a 404; only admins publish (visibility PUBLIC).""",
                        ApiDescription.tag(IMAGES, "Disk images of the caller's tenant and the public ones:"
                                + " register, upload, read, delete."))
                .withExample("POST /api/v1/images", """
                        {"name":"debian","description":"Debian 12 cloud image","osType":"LINUX","version":"12",
                         "visibility":"PRIVATE","sha256":null,"sourceUrl":null}
                        """, """
                        {"id":"%s","tenantId":"acme","name":"debian","description":"Debian 12 cloud image",
                         "osType":"LINUX","version":"12","format":null,"fileSizeBytes":null,"virtualSizeBytes":null,
                         "sha256":null,"visibility":"PRIVATE","createdBy":"alice","status":"UPLOADING",
                         "statusReason":null,"sourceUrl":null,"progress":{"bytesDone":0,"bytesTotal":null},
                         "createdAt":"2026-12-07T10:15:30Z","updatedAt":"2026-12-07T10:15:30Z"}
                        """.formatted(IMAGE_ID))
                .withExample("GET /api/v1/images/{id}", null, """
                        {"id":"%s","tenantId":"acme","name":"debian","description":"Debian 12 cloud image",
                         "osType":"LINUX","version":"12","format":"qcow2","fileSizeBytes":354418688,
                         "virtualSizeBytes":2147483648,"sha256":"%s","visibility":"PRIVATE","createdBy":"alice",
                         "status":"READY","statusReason":null,"sourceUrl":null,
                         "progress":{"bytesDone":354418688,"bytesTotal":354418688},
                         "createdAt":"2026-12-07T10:15:30Z","updatedAt":"2026-12-07T10:16:02Z"}
                        """.formatted(IMAGE_ID, SHA256));
    }
}
