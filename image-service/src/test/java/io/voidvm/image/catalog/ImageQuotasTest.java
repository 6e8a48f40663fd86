package io.voidvm.image.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.image.catalog.app.ImageQuotas;
import io.voidvm.image.catalog.domain.ImageRefusal;
import io.voidvm.image.catalog.domain.ImageUsage;
import io.voidvm.servicekit.problem.domain.QuotaExceededException;
import org.junit.jupiter.api.Test;

/** GiB arithmetic of the image quotas and what passing an upload limit answers. */
class ImageQuotasTest {

    private static final long GIB = ImageUsage.GIB;

    @Test
    void storageIsCountedInGibRoundedUp() {
        assertThat(new ImageUsage(0, 0).gb()).isZero();
        assertThat(new ImageUsage(1, 1).gb()).isEqualTo(1);
        assertThat(new ImageUsage(2, GIB).gb()).isEqualTo(1);
        assertThat(new ImageUsage(2, GIB + 1).gb()).isEqualTo(2);
    }

    @Test
    void moreBytesRequestOnlyTheGibTheyAddToTheRoundedTotal() {
        ImageUsage halfFull = new ImageUsage(1, GIB / 2);
        assertThat(halfFull.moreGb(GIB / 2)).as("fills the GiB already counted").isZero();
        assertThat(halfFull.moreGb(GIB / 2 + 1)).isEqualTo(1);
        assertThat(halfFull.moreGb(Long.MAX_VALUE)).as("no overflow").isPositive();
    }

    @Test
    void roomIsWhatTheLimitLeavesAndNeverNegative() {
        assertThat(new ImageUsage(1, GIB / 2).roomBytes(1)).isEqualTo(GIB / 2);
        assertThat(new ImageUsage(1, 3 * GIB).roomBytes(1)).as("a lowered quota").isZero();
        assertThat(new ImageUsage(0, 0).roomBytes(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void passingTheQuotaIsAQuotaRefusalAndPassingTheGlobalLimitIsTooLarge() {
        ImageQuotas.UploadLimit byQuota = new ImageQuotas.UploadLimit(GIB / 2, true, new ImageUsage(1, GIB / 2), 1);
        assertThat(byQuota.refusal()).isInstanceOfSatisfying(QuotaExceededException.class, refusal -> {
            assertThat(refusal.quota()).isEqualTo("imageGb");
            assertThat(refusal.limit()).isEqualTo(1);
            assertThat(refusal.used()).isEqualTo(1);
            assertThat(refusal.requested()).isEqualTo(1);
        });
        ImageQuotas.UploadLimit global = new ImageQuotas.UploadLimit(100, false, new ImageUsage(0, 0), 0);
        assertThat(global.refusal()).isInstanceOf(ImageRefusal.TooLarge.class);
    }
}
