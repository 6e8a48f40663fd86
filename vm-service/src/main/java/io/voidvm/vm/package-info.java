/**
 * vm-service: holds what every VM should be (desired state), records operations, and tells node agents to
 * converge. Feature packages (lifecycle, placement, snapshots) live below this one.
 */
package io.voidvm.vm;
