package org.factorguard.identity.service;

import java.time.Clock;
import java.util.List;
import org.factorguard.identity.domain.AppUser;
import org.factorguard.identity.domain.UserRepository;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads users for Spring Security's form login from the database. */
@Service
public class DatabaseUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final Clock clock;

    public DatabaseUserDetailsService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsernameIgnoreCase(CredentialRules.normalizeUsername(username))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return User.withUsername(user.getUsername())
                .password(user.getPasswordHash())
                .authorities(List.of(new SimpleGrantedAuthority(user.getRole().authority())))
                .disabled(!user.isEnabled())
                .accountLocked(user.isLockedAt(clock.instant()))
                .build();
    }
}
