package io.voidvm.servicekit.security;

import io.voidvm.servicekit.tenancy.domain.CallerClaims;
import java.util.Collection;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Realm roles ({@code roles} or {@code realm_access.roles}) become {@code ROLE_user}, {@code ROLE_admin}, ... */
final class RealmRoleAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        return CallerClaims.roles(jwt.getClaims()).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
