package org.factorguard.identity.service;

import org.factorguard.identity.domain.Role;

/** An admin's request to create a user with an initial password. */
public record NewUser(String username, String displayName, Role role, String initialPassword) {
}
