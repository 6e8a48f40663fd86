/**
 * Typed, validated settings of the node agent ({@code voidvm.nodeagent.*}); a bad value stops start-up
 * with the property's name.
 */
package io.voidvm.nodeagent.config;
