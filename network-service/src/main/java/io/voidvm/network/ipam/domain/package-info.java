/**
 * IP address management: CIDR blocks and, later, the leases handed out in them. Pure Java, no framework, so
 * that allocation rules can be tested exhaustively.
 */
package io.voidvm.network.ipam.domain;
