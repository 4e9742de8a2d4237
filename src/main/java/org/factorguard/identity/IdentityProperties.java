package org.factorguard.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in and password settings ({@code factorguard.security.*}).
 *
 * @param maxFailedLogins   consecutive failed sign-ins that lock an account
 * @param lockDuration      how long a locked account stays locked
 * @param passwordMinLength minimum password length
 */
@ConfigurationProperties(prefix = "factorguard.security")
public record IdentityProperties(Integer maxFailedLogins, Duration lockDuration, Integer passwordMinLength) {

    public IdentityProperties {
        maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        passwordMinLength = passwordMinLength == null ? 10 : passwordMinLength;
        if (maxFailedLogins < 1) {
            throw new IllegalArgumentException("factorguard.security.max-failed-logins must be at least 1");
        }
        if (passwordMinLength < 8) {
            throw new IllegalArgumentException("factorguard.security.password-min-length must be at least 8");
        }
    }
}
