/** How quota failures look to API clients: an unreachable quota owner is a 503 problem naming it. */
package io.voidvm.vm.quota.web;
