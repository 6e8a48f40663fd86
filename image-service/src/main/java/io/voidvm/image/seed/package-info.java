/** Start-up seeding: files in {@code voidvm.image.seed-dir} become public images (local mode's test disk). */
package io.voidvm.image.seed;
