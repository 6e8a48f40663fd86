/** Rules for what a user may put in their own profile, as plain Java (the avatar URL's shape and length). */
package io.voidvm.auth.profile.domain;
