/**
 * Pure rules of volume work: where a volume's file lives under the pools root, which cached images may be
 * evicted, and the stable error codes a failed volume command reports.
 */
package io.voidvm.nodeagent.volume.domain;
