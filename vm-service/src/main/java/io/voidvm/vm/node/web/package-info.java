/** The admin API under {@code /api/v1/nodes}: nodes, their state and capacity, cordon, drain and overcommit. */
package io.voidvm.vm.node.web;
