package io.voidvm.launcher.home;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DataHomeCheckTest {

    @TempDir
    Path dir;

    @Test
    void aFreshDataDirIsFine() {
        assertThat(DataHomeCheck.problems(new DataHome(dir.resolve("absent")))).isEmpty();
        assertThat(DataHomeCheck.problems(new DataHome(dir))).isEmpty();
    }

    @Test
    void aHealthyLookingDataDirIsFine() throws IOException {
        DataHome home = new DataHome(dir);
        postgresCluster(home, "17");
        write(home.kafkaMetaProperties(), "version=1\ncluster.id=Vt0cTE2gTl-LXZr0Cg1QJw\nnode.id=1\n");

        assertThat(DataHomeCheck.problems(home)).isEmpty();
    }

    @Test
    void aFileWhereTheDataDirShouldBe() throws IOException {
        Path file = Files.writeString(dir.resolve("voidvm"), "not a dir");

        assertThat(DataHomeCheck.problems(new DataHome(file)))
                .singleElement().asString().contains(file.toString()).contains("not a directory");
    }

    @Test
    void postgresDirWithoutPgVersion() throws IOException {
        DataHome home = new DataHome(dir);
        write(home.postgres().resolve("base/1/1234"), "x");

        assertThat(DataHomeCheck.problems(home))
                .singleElement().asString().contains(home.postgres().toString()).contains("PG_VERSION");
    }

    @Test
    void postgresDirWithGarbageVersionAndNoControlFile() throws IOException {
        DataHome home = new DataHome(dir);
        write(home.postgres().resolve("PG_VERSION"), "\u0000\u0001garbage");

        assertThat(DataHomeCheck.problems(home)).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("PG_VERSION").contains("does not hold a PostgreSQL version"))
                .anySatisfy(p -> assertThat(p).contains("global/pg_control"));
    }

    @Test
    void onlyZonkysLockFileMeansNotInitialisedYet() throws IOException {
        DataHome home = new DataHome(dir);
        write(home.postgres().resolve("epg-lock"), "");

        assertThat(DataHomeCheck.problems(home)).isEmpty();
    }

    @Test
    void garbageInKafkaMetaProperties() throws IOException {
        DataHome home = new DataHome(dir);
        write(home.kafkaMetaProperties(), "\u00ff\u00fe random bytes ::: \n=\n");

        assertThat(DataHomeCheck.problems(home))
                .singleElement().asString().contains(home.kafkaMetaProperties().toString()).contains("cluster.id");
    }

    @Test
    void malformedEscapeInKafkaMetaProperties() throws IOException {
        DataHome home = new DataHome(dir);
        write(home.kafkaMetaProperties(), "cluster.id=\\uZZZZ\n");

        assertThat(DataHomeCheck.problems(home))
                .singleElement().asString().contains("cannot be read as Kafka metadata");
    }

    @Test
    void kafkaDataWithoutMetaProperties() throws IOException {
        DataHome home = new DataHome(dir);
        write(home.kafkaMetaProperties().resolveSibling("voidvm.vm.events-0/00000000000000000000.log"), "x");

        assertThat(DataHomeCheck.problems(home))
                .singleElement().asString().contains("no meta.properties");
    }

    @Test
    void aFileWhereAComponentDirShouldBe() throws IOException {
        DataHome home = new DataHome(dir);
        write(home.keycloak(), "oops");

        assertThat(DataHomeCheck.problems(home))
                .singleElement().asString().contains(home.keycloak().toString()).contains("is a file");
    }

    @Test
    void theCheckNeverChangesAnything() throws IOException {
        DataHome home = new DataHome(dir);
        write(home.postgres().resolve("stray"), "keep me");
        write(home.kafkaMetaProperties(), "garbage");

        DataHomeCheck.problems(home);

        assertThat(home.postgres().resolve("stray")).hasContent("keep me");
        assertThat(home.kafkaMetaProperties()).hasContent("garbage");
    }

    private static void postgresCluster(DataHome home, String version) throws IOException {
        write(home.postgres().resolve("PG_VERSION"), version + "\n");
        write(home.postgres().resolve("global/pg_control"), "control");
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
