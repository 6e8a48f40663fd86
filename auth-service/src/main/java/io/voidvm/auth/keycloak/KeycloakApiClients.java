package io.voidvm.auth.keycloak;

import io.voidvm.auth.tokens.app.ApiClientRegistry;
import io.voidvm.auth.tokens.app.ApiClientSpec;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * API tokens as Keycloak confidential clients (ADR 0005). Each client can only do the client-credentials grant;
 * its tokens carry a hardcoded {@code tenant}, the {@code user} role of its service account, the API audience
 * and the token id. Keycloak refuses the secret after {@code client.secret.expiration.time}, so an expired
 * token stops working even before auth-service's sweep deletes the client.
 */
@Component
class KeycloakApiClients implements ApiClientRegistry {

    /** Keycloak's own attribute: seconds since the epoch after which the secret is refused. */
    static final String SECRET_EXPIRATION = "client.secret.expiration.time";
    static final String API_AUDIENCE = "voidvm-api";
    private static final String CLIENT = "API token client";

    private final RealmResource realm;

    KeycloakApiClients(RealmResource realm) {
        this.realm = Objects.requireNonNull(realm, "realm");
    }

    @Override
    public Mono<String> register(ApiClientSpec spec) {
        return KeycloakCalls.call(CLIENT, spec.clientId(), () -> {
            String id;
            try (Response response = realm.clients().create(representation(spec))) {
                if (response.getStatus() != 201) {
                    throw (RuntimeException) KeycloakCalls.translate(new WebApplicationException(response), CLIENT,
                            spec.clientId());
                }
                id = CreatedResponseUtil.getCreatedId(response);
            }
            try {
                UserRepresentation serviceAccount = realm.clients().get(id).getServiceAccountUser();
                realm.users().get(serviceAccount.getId()).roles().realmLevel()
                        .add(List.of(realm.roles().get("user").toRepresentation()));
            } catch (RuntimeException failed) {
                realm.clients().get(id).remove();
                throw failed;
            }
            return id;
        });
    }

    @Override
    public Mono<Void> remove(String internalClientId) {
        return KeycloakCalls.run(CLIENT, internalClientId, () -> {
            try {
                realm.clients().get(internalClientId).remove();
            } catch (NotFoundException alreadyGone) {
                // revoking twice, or a sweep after a manual delete in the console: the goal is reached
            }
        });
    }

    static ClientRepresentation representation(ApiClientSpec spec) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(spec.clientId());
        client.setName("voidVM API token: " + spec.name());
        client.setDescription("API token " + spec.tokenId() + " of user " + spec.ownerId() + " in tenant "
                + spec.tenantId() + ". Managed by auth-service: revoke it through /api/v1/tokens.");
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        client.setSecret(spec.secret());
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setFrontchannelLogout(false);
        client.setFullScopeAllowed(true);
        client.setAttributes(Map.of(
                SECRET_EXPIRATION, String.valueOf(spec.expiresAt().getEpochSecond()),
                "voidvm.token.id", spec.tokenId().toString(),
                "voidvm.token.tenant", spec.tenantId(),
                "voidvm.token.owner", spec.ownerId()));
        client.setProtocolMappers(List.of(
                hardcodedClaim("tenant (fixed)", "tenant", spec.tenantId()),
                hardcodedClaim("token id (fixed)", TOKEN_ID_CLAIM, spec.tokenId().toString()),
                mapper("realm roles (flat)", "oidc-usermodel-realm-role-mapper", Map.of(
                        "claim.name", "roles", "jsonType.label", "String", "multivalued", "true",
                        "access.token.claim", "true", "id.token.claim", "false",
                        "introspection.token.claim", "true")),
                mapper("audience " + API_AUDIENCE, "oidc-audience-mapper", Map.of(
                        "included.custom.audience", API_AUDIENCE, "access.token.claim", "true",
                        "id.token.claim", "false", "introspection.token.claim", "true"))));
        return client;
    }

    private static ProtocolMapperRepresentation hardcodedClaim(String name, String claim, String value) {
        return mapper(name, "oidc-hardcoded-claim-mapper", Map.of("claim.name", claim, "claim.value", value,
                "jsonType.label", "String", "access.token.claim", "true", "id.token.claim", "false",
                "introspection.token.claim", "true"));
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        mapper.setConfig(config);
        return mapper;
    }
}
