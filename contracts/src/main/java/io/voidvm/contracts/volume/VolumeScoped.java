package io.voidvm.contracts.volume;

import java.util.UUID;

/** A volume message; its volumeId is the partition key, so all messages about one volume stay in order. */
public interface VolumeScoped {

    UUID volumeId();
}
