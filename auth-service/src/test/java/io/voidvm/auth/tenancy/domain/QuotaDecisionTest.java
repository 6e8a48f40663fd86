package io.voidvm.auth.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaDecisionTest {

    private final ResourceAmounts limits = ResourceAmounts.of(3, 8, 8192, 100, 2, 50);

    @Test
    void allowsExactlyUpToTheLimit() {
        ResourceAmounts used = ResourceAmounts.of(2, 6, 4096, 40, 0, 50);
        assertThat(QuotaDecision.evaluate(limits, used, amounts(QuotaResource.VMS, 1, QuotaResource.VCPUS, 2)))
                .isInstanceOf(QuotaDecision.Allowed.class);
    }

    @Test
    void namesTheFirstResourceOverItsLimitWithItsNumbers() {
        ResourceAmounts used = ResourceAmounts.of(2, 6, 8000, 40, 0, 50);
        QuotaDecision decision = QuotaDecision.evaluate(limits, used,
                amounts(QuotaResource.VCPUS, 3, QuotaResource.MEMORY_MB, 1024));
        assertThat(decision).isEqualTo(new QuotaDecision.Exceeded(QuotaResource.VCPUS, 8, 6, 3));
        assertThat(((QuotaDecision.Exceeded) decision).toException().extensions())
                .containsEntry("quota", "vcpus").containsEntry("limit", 8L).containsEntry("used", 6L)
                .containsEntry("requested", 3L);
    }

    @Test
    void aResourceTheRequestDoesNotAddToNeverFailsEvenWhenAlreadyOver() {
        ResourceAmounts overUsed = ResourceAmounts.of(5, 8, 8192, 100, 2, 50);
        assertThat(QuotaDecision.evaluate(limits, overUsed, amounts(QuotaResource.IMAGES, 0)))
                .isInstanceOf(QuotaDecision.Allowed.class);
        assertThat(QuotaDecision.evaluate(limits, overUsed, ResourceAmounts.none()))
                .isInstanceOf(QuotaDecision.Allowed.class);
    }

    @Test
    void aZeroQuotaRefusesAnyAmount() {
        ResourceAmounts noImages = ResourceAmounts.of(3, 8, 8192, 100, 0, 50);
        assertThat(QuotaDecision.evaluate(noImages, ResourceAmounts.none(), amounts(QuotaResource.IMAGES, 1)))
                .isEqualTo(new QuotaDecision.Exceeded(QuotaResource.IMAGES, 0, 0, 1));
    }

    @Test
    void imageStorageIsAQuotaOfItsOwn() {
        ResourceAmounts used = ResourceAmounts.of(0, 0, 0, 0, 1, 49);
        assertThat(QuotaDecision.evaluate(limits, used, amounts(QuotaResource.IMAGE_GB, 1)))
                .isInstanceOf(QuotaDecision.Allowed.class);
        assertThat(QuotaDecision.evaluate(limits, used, amounts(QuotaResource.IMAGES, 1, QuotaResource.IMAGE_GB, 2)))
                .isEqualTo(new QuotaDecision.Exceeded(QuotaResource.IMAGE_GB, 50, 49, 2));
    }

    private static ResourceAmounts amounts(Object... pairs) {
        Map<QuotaResource, Long> map = new EnumMap<>(QuotaResource.class);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((QuotaResource) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return new ResourceAmounts(map);
    }
}
