package org.factorguard.identity.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.factorguard.identity.domain.AppUser;
import org.factorguard.identity.domain.UserRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The names of users by id, for other features that show who owns or created something (runs,
 * datasets). Names only: callers have already decided that the asker may see the object they label.
 */
@Component
public class UserNames {

    private final UserRepository users;

    public UserNames(UserRepository users) {
        this.users = users;
    }

    /** Sign-in names by user id; ids of users that do not exist are left out. */
    @Transactional(readOnly = true)
    public Map<Long, String> usernames(Collection<Long> ids) {
        return names(ids, AppUser::getUsername);
    }

    /** Display names by user id; ids of users that do not exist are left out. */
    @Transactional(readOnly = true)
    public Map<Long, String> displayNames(Collection<Long> ids) {
        return names(ids, AppUser::getDisplayName);
    }

    private Map<Long, String> names(Collection<Long> ids, Function<AppUser, String> name) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            users.findAllById(ids.stream().distinct().toList()).forEach(u -> names.put(u.getId(), name.apply(u)));
        }
        return names;
    }
}
