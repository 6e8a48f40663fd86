package io.voidvm.auth.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantHoldingsTest {

    @Test
    void aTenantWithoutUsageMembersOrTokensHoldsNothing() {
        TenantHoldings holdings = new TenantHoldings(ResourceAmounts.of(0, 0, 0, 0, 0, 0), 0, 0);
        assertThat(holdings.isEmpty()).isTrue();
    }

    @Test
    void theDescriptionNamesEveryResourceInUseAndTheMembersAndTokens() {
        TenantHoldings holdings = new TenantHoldings(new ResourceAmounts(Map.of(QuotaResource.VMS, 2L,
                QuotaResource.DISK_GB, 40L, QuotaResource.IMAGES, 0L)), 1, 3);
        assertThat(holdings.isEmpty()).isFalse();
        assertThat(holdings.describe()).isEqualTo("vms=2, diskGb=40, 1 member, 3 live API tokens");
    }

    @Test
    void membersAloneAreEnoughToHoldOn() {
        TenantHoldings holdings = new TenantHoldings(ResourceAmounts.none(), 2, 0);
        assertThat(holdings.isEmpty()).isFalse();
        assertThat(holdings.describe()).isEqualTo("2 members");
    }
}
