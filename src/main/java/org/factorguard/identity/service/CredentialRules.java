package org.factorguard.identity.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.factorguard.identity.IdentityProperties;
import org.factorguard.shared.FieldProblem;
import org.springframework.stereotype.Component;

/** Rules for usernames and passwords, with messages a person can act on. */
@Component
public class CredentialRules {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final IdentityProperties properties;

    public CredentialRules(IdentityProperties properties) {
        this.properties = properties;
    }

    /** Usernames are case-insensitive: they are stored lower-case. */
    public static String normalizeUsername(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    public List<FieldProblem> checkUsername(String username) {
        String normalized = normalizeUsername(username);
        if (!USERNAME.matcher(normalized).matches()) {
            return List.of(new FieldProblem("username",
                    "Use 3 to 64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        return List.of();
    }

    public List<FieldProblem> checkDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return List.of(new FieldProblem("displayName", "Enter a name"));
        }
        if (displayName.trim().length() > 120) {
            return List.of(new FieldProblem("displayName", "Use at most 120 characters"));
        }
        return List.of();
    }

    public List<FieldProblem> checkPassword(String password, String username) {
        List<FieldProblem> problems = new ArrayList<>();
        int min = properties.passwordMinLength();
        if (password == null || password.length() < min) {
            problems.add(new FieldProblem("password", "Use at least " + min + " characters"));
        } else if (password.length() > 128) {
            problems.add(new FieldProblem("password", "Use at most 128 characters"));
        } else if (password.toLowerCase(Locale.ROOT).contains(normalizeUsername(username))
                && !normalizeUsername(username).isEmpty()) {
            problems.add(new FieldProblem("password", "The password must not contain the username"));
        } else if (password.chars().distinct().count() < 5) {
            problems.add(new FieldProblem("password", "Use a less repetitive password"));
        }
        return problems;
    }
}
