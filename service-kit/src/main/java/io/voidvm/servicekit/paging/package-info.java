/**
 * Web glue for pagination: controllers declare a {@link io.voidvm.servicekit.paging.domain.PageRequest}
 * parameter and get it parsed and validated from {@code ?limit=&cursor=}.
 */
package io.voidvm.servicekit.paging;
