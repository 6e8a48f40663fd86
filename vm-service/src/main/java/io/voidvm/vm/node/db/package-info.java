/** The {@code nodes} table: every node vm-service has heard of, its state and what an admin set. */
package io.voidvm.vm.node.db;
