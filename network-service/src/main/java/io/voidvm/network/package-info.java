/**
 * network-service: tenants' virtual networks, the addresses handed out in them (IPAM) and their
 * security rules. Feature packages live below this one.
 */
package io.voidvm.network;
