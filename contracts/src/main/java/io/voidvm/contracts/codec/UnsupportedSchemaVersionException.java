package io.voidvm.contracts.codec;

/** The producer speaks a newer, incompatible schema; upgrade this reader before replaying the record. */
public final class UnsupportedSchemaVersionException extends ContractException {

    private final int schemaVersion;
    private final int supportedVersion;

    public UnsupportedSchemaVersionException(int schemaVersion, int supportedVersion) {
        super(Reason.UNSUPPORTED_SCHEMA_VERSION, "schemaVersion " + schemaVersion
                + " is newer than the supported " + supportedVersion, null);
        this.schemaVersion = schemaVersion;
        this.supportedVersion = supportedVersion;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public int supportedVersion() {
        return supportedVersion;
    }
}
