/** Time for tests: a {@link java.time.Clock} that only moves when the test moves it. */
package io.voidvm.testsupport.time;
