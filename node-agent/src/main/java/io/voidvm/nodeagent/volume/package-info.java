/**
 * Volume files of this node's storage pools and the image cache they are built from: volume commands
 * (create, resize, delete) run on one serial executor per volume, disk work goes through {@code qemu-img}.
 */
package io.voidvm.nodeagent.volume;
