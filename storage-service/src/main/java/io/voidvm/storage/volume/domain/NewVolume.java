package io.voidvm.storage.volume.domain;

import io.voidvm.contracts.DnsLabel;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.util.UUID;

/**
 * A volume as a request describes it, before sizes are settled against an image.
 *
 * @param sizeGb     null: the image's size (from an image), else required
 * @param imageId    null for a blank volume
 * @param ownerVmId  the VM a boot volume is made for (internal calls), else null
 */
public record NewVolume(String name, String description, Long sizeGb, UUID imageId, UUID ownerVmId) {

    static final int MAX_DESCRIPTION = 1024;

    public NewVolume {
        if (!DnsLabel.isValid(name)) {
            throw new InvalidRequestException("name",
                    "must be a DNS label (1-63 of a-z, 0-9, '-', not starting or ending with '-')");
        }
        description = description == null ? "" : description;
        if (description.length() > MAX_DESCRIPTION || description.indexOf('\0') >= 0) {
            throw new InvalidRequestException("description", "at most " + MAX_DESCRIPTION + " characters, no NUL");
        }
    }
}
