package io.voidvm.vm.lifecycle.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VmQueryTest {

    @Test
    void defaultsToEverythingNewestFirst() {
        assertThat(VmQuery.parse(null, null, null)).isEqualTo(VmQuery.all());
        assertThat(VmQuery.all().sort()).isEqualTo(VmSort.CREATED_AT_DESC);
    }

    @Test
    void readsStatusesNamePrefixAndSort() {
        VmQuery query = VmQuery.parse("RUNNING,PAUSED", "web", "name");
        assertThat(query.statuses()).containsExactlyInAnyOrder(VmStatus.RUNNING, VmStatus.PAUSED);
        assertThat(query.namePrefix()).isEqualTo("web");
        assertThat(query.sort()).isEqualTo(VmSort.NAME);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "BOGUS    | -                | -          | status",
            "DELETED  | -                | -          | status",
            "RUNNING, | -                | -          | status",
            "-        | ../../etc/passwd | -          | name",
            "-        | web%             | -          | name",
            "-        | -                | created_at | sort",
            "-        | -                | -name;--   | sort"})
    void refusesAnythingElseNamingTheParameter(String status, String name, String sort, String parameter) {
        assertThatThrownBy(() -> VmQuery.parse(status, name, sort))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(parameter));
    }
}
