/**
 * What makes an uploaded file an acceptable VM image, as plain Java: the facts {@code qemu-img} reports (behind
 * the narrow {@link io.voidvm.image.validation.domain.QemuImg} port) and the rules that turn them into a verdict.
 */
package io.voidvm.image.validation.domain;
