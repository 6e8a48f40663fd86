package io.voidvm.vm.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.vm.spec.OsType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VmSpecValidatorTest {

    private static final long MAX_MEMORY = 16_384;
    private final VmSpecValidator validator = VmSpecValidator.withMaxMemoryMb(MAX_MEMORY);

    private static NewVm valid() {
        return new NewVm("web-1", "text", 2, 2048L, 10, UUID.randomUUID(), List.of(), OsType.LINUX);
    }

    @Test
    void aValidSpecHasNoViolations() {
        assertThat(validator.validate(valid())).isEmpty();
    }

    @ParameterizedTest(name = "name \"{0}\" → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "NULL", textBlock = """
            a                        | OK
            web-1                    | OK
            0day                     | OK
            a-b-c-9                  | OK
            NULL                     | is required
            ""                       | must not be empty
            Web                      | may contain only lowercase letters a-z, digits and '-'
            WEB-1                    | may contain only lowercase letters a-z, digits and '-'
            web_1                    | may contain only lowercase letters a-z, digits and '-'
            web.1                    | may contain only lowercase letters a-z, digits and '-'
            ../etc                   | may contain only lowercase letters a-z, digits and '-'
            web/1                    | may contain only lowercase letters a-z, digits and '-'
            " web"                   | may contain only lowercase letters a-z, digits and '-'
            wéb                      | may contain only lowercase letters a-z, digits and '-'
            -web                     | must not start or end with '-'
            web-                     | must not start or end with '-'
            -                        | must not start or end with '-'
            """)
    void name(String name, String expected) {
        assertOnly("name", withName(name), expected);
    }

    @Test
    void nameOf63CharactersIsTheLongestAllowed() {
        assertOnly("name", withName("a".repeat(63)), "OK");
        assertOnly("name", withName("a".repeat(64)), "must be at most 63 characters, got 64");
    }

    @ParameterizedTest(name = "cpuCores {0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            -1    | must be between 1 and 64, got -1
            0     | must be between 1 and 64, got 0
            1     | OK
            64    | OK
            65    | must be between 1 and 64, got 65
            NULL  | is required
            """)
    void cpuCores(Integer cpuCores, String expected) {
        NewVm v = valid();
        assertOnly("cpuCores", new NewVm(v.name(), v.description(), cpuCores, v.memoryMb(), v.diskSizeGb(),
                v.imageId(), v.networkIds(), v.osType()), expected);
    }

    @ParameterizedTest(name = "memoryMb {0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            0      | must be between 64 and 16384 MB, got 0
            63     | must be between 64 and 16384 MB, got 63
            64     | OK
            16384  | OK
            16385  | must be between 64 and 16384 MB, got 16385
            NULL   | is required
            """)
    void memoryUpToTheNodeMaximum(Long memoryMb, String expected) {
        NewVm v = valid();
        assertOnly("memoryMb", new NewVm(v.name(), v.description(), v.cpuCores(), memoryMb, v.diskSizeGb(),
                v.imageId(), v.networkIds(), v.osType()), expected);
    }

    @ParameterizedTest(name = "diskSizeGb {0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            0     | must be between 1 and 2048 GB, got 0
            1     | OK
            2048  | OK
            2049  | must be between 1 and 2048 GB, got 2049
            NULL  | is required
            """)
    void diskSize(Integer diskSizeGb, String expected) {
        NewVm v = valid();
        assertOnly("diskSizeGb", new NewVm(v.name(), v.description(), v.cpuCores(), v.memoryMb(), diskSizeGb,
                v.imageId(), v.networkIds(), v.osType()), expected);
    }

    @ParameterizedTest(name = "description of {0} characters → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0     | OK
            1024  | OK
            1025  | must be at most 1024 characters, got 1025
            """)
    void descriptionLength(int length, String expected) {
        NewVm v = valid();
        assertOnly("description", new NewVm(v.name(), "d".repeat(length), v.cpuCores(), v.memoryMb(),
                v.diskSizeGb(), v.imageId(), v.networkIds(), v.osType()), expected);
    }

    @Test
    void descriptionCountsCharactersNotUtf16Units() {
        NewVm v = valid();
        String emoji = "\uD83D\uDE80".repeat(1024);
        assertThat(validator.validate(new NewVm(v.name(), emoji, v.cpuCores(), v.memoryMb(), v.diskSizeGb(),
                v.imageId(), v.networkIds(), v.osType()))).isEmpty();
    }

    @Test
    void networksAreRefusedUntilNetworkServiceHasThemAndMustBeDistinctAndPresent() {
        UUID net = UUID.randomUUID();
        NewVm v = valid();
        List<UUID> networks = new ArrayList<>(Arrays.asList(net, null, net));

        assertThat(validator.validate(new NewVm(v.name(), v.description(), v.cpuCores(), v.memoryMb(),
                v.diskSizeGb(), v.imageId(), networks, v.osType()))).containsExactly(
                new SpecViolation("networkIds", VmSpecValidator.NETWORKS_UNAVAILABLE),
                new SpecViolation("networkIds[1]", "is required"),
                new SpecViolation("networkIds[2]", "repeats network " + net));
        assertThat(validator.validate(new NewVm(v.name(), v.description(), v.cpuCores(), v.memoryMb(),
                v.diskSizeGb(), v.imageId(), List.of(net), v.osType())))
                .containsExactly(new SpecViolation("networkIds", VmSpecValidator.NETWORKS_UNAVAILABLE));
        assertThat(VmSpecValidator.NETWORKS_UNAVAILABLE).contains("networks are not available yet");
    }

    @Test
    void withoutAnImageTheDiskSizeIsOptionalAndSoAreNetworksAndOsType() {
        assertThat(validator.validate(new NewVm("a", null, 1, 64L, null, null, null, null))).isEmpty();
        assertThat(validator.validate(new NewVm("a", null, 1, 64L, 1, null, List.of(), null))).isEmpty();
        assertThat(validator.validate(new NewVm("a", null, 1, 64L, 0, null, null, null)))
                .containsExactly(new SpecViolation("diskSizeGb", "must be between 1 and 2048 GB, got 0"));
        assertThat(validator.validate(new NewVm("a", null, 1, 64L, null, UUID.randomUUID(), null, null)))
                .containsExactly(new SpecViolation("diskSizeGb", "is required"));
    }

    @Test
    void everyViolationIsReportedAtOnceEachNamingItsField() {
        NewVm allWrong = new NewVm("../etc", "x".repeat(1025), 0, 63L, 0, null, null, null);

        assertThatThrownBy(() -> validator.requireValid(allWrong))
                .isInstanceOfSatisfying(InvalidVmSpec.class, e -> assertThat(e.violations())
                        .extracting(SpecViolation::field)
                        .containsExactly("name", "description", "cpuCores", "memoryMb", "diskSizeGb"))
                .hasMessageStartingWith("name may contain only");
    }

    @Test
    void anUpdateIsCheckedOnlyForTheFieldsItSets() {
        assertThat(validator.validate(new VmUpdate(null, null, null, null))).isEmpty();
        assertThat(validator.validate(new VmUpdate("", null, 65, 63L))).extracting(SpecViolation::field)
                .containsExactly("name", "cpuCores", "memoryMb");
    }

    @Test
    void anOperatorMayLowerTheCpuLimitButNotRaiseItPast64() {
        VmSpecValidator small = new VmSpecValidator(8, 4096);
        NewVm v = valid();

        assertThat(small.validate(new NewVm(v.name(), null, 9, 4096L, 1, null, null, OsType.LINUX)))
                .containsExactly(new SpecViolation("cpuCores", "must be between 1 and 8, got 9"));
        assertThatThrownBy(() -> new VmSpecValidator(65, 4096)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VmSpecValidator.withMaxMemoryMb(63)).isInstanceOf(IllegalArgumentException.class);
    }

    private static NewVm withName(String name) {
        NewVm v = valid();
        return new NewVm(name, v.description(), v.cpuCores(), v.memoryMb(), v.diskSizeGb(), v.imageId(),
                v.networkIds(), v.osType());
    }

    private void assertOnly(String field, NewVm spec, String expected) {
        List<SpecViolation> violations = validator.validate(spec);
        if (expected.equals("OK")) {
            assertThat(violations).isEmpty();
        } else {
            assertThat(violations).containsExactly(new SpecViolation(field, expected));
        }
    }
}
