/**
 * Typed, validated settings of image-service ({@code voidvm.image.*}); a bad value stops start-up with the
 * property's name.
 */
package io.voidvm.image.config;
