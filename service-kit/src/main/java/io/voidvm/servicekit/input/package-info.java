/**
 * The one input rule set of every service (ADR 0016): strict JSON request bodies (no scalar coercion, no duplicate
 * keys, UTF-8 only, storable strings) and storable query and path parameters, each refusal a problem naming its field.
 */
package io.voidvm.servicekit.input;
