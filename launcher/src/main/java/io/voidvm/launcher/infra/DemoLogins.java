package io.voidvm.launcher.infra;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The demo accounts seeded into the local realm, read from the same file Keycloak imports so they never drift. */
public final class DemoLogins {

    /** One seeded account as the banner shows it. */
    public record Login(String username, String password, String tenant, List<String> roles) {
    }

    private DemoLogins() {
    }

    public static List<Login> read(Path demoUsersJson) {
        JsonNode users;
        try {
            users = JsonMapper.builder().build().readTree(Files.readString(demoUsersJson, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + demoUsersJson, e);
        }
        List<Login> logins = new ArrayList<>();
        for (JsonNode user : users) {
            String password = "";
            for (JsonNode credential : user.path("credentials")) {
                if ("password".equals(credential.path("type").asString(""))) {
                    password = credential.path("value").asString("");
                }
            }
            List<String> roles = new ArrayList<>();
            user.path("realmRoles").forEach(role -> roles.add(role.asString("")));
            String tenant = user.path("attributes").path("tenant").path(0).asString("");
            logins.add(new Login(user.path("username").asString(""), password, tenant, List.copyOf(roles)));
        }
        return List.copyOf(logins);
    }
}
