/**
 * Request body limits: declared sizes over the limit are refused with a 413 problem before anything else runs,
 * and bodies of unknown length are counted while they stream. Image uploads get a larger limit.
 */
package io.voidvm.gateway.requestsize;
