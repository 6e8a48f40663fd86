package io.voidvm.nodeagent.qmp;

/** QEMU's version as reported in the QMP greeting and by {@code query-version}. */
public record QemuVersion(int major, int minor, int micro, String packageName) {

    public QemuVersion {
        packageName = packageName == null ? "" : packageName;
    }

    public boolean atLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + micro + (packageName.isEmpty() ? "" : " (" + packageName + ")");
    }
}
