/**
 * The node agent application, one per KVM host. Feature packages below: {@code host} (what this machine
 * offers), {@code heartbeat} (telling vm-service about it) and {@code config} (typed settings).
 */
package io.voidvm.nodeagent;
