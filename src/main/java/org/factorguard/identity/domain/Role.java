package org.factorguard.identity.domain;

/** What a user may do: managers research their own portfolios; admins also manage users and datasets. */
public enum Role {
    ADMIN, MANAGER;

    /** The Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }

    public String label() {
        return this == ADMIN ? "Administrator" : "Portfolio manager";
    }
}
