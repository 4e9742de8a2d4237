package org.factorguard.identity;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.factorguard.identity.ui.LoginView;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.session.SimpleRedirectSessionInformationExpiredStrategy;

/**
 * Spring Security for the portal: Vaadin's configurer (login view, CSRF for Vaadin's own requests,
 * view access annotations), method security on services, database users with BCrypt hashes, and a
 * session registry so that disabled users lose their sessions.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
public class SecurityConfiguration {

    /**
     * Content-Security-Policy for a Vaadin Flow application: Vaadin's client engine needs inline scripts and
     * eval, Lumo inline styles; everything else comes from this origin only ('self' also allows the same-origin
     * web socket of server push); no framing, no plugins, no foreign base URLs.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessionRegistry,
            RequestUtil vaadinRequests)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("ADMIN")
                .requestMatchers("/webjars/**", "/styles/**", "/js/**", "/icons/**").permitAll());
        http.sessionManagement(sessions -> sessions
                .sessionFixation(fixation -> fixation.changeSessionId())
                .maximumSessions(-1).sessionRegistry(sessionRegistry)
                // A session ended by SessionTerminator (user disabled or role changed) is logged out on its next
                // request; Vaadin's own requests (UIDL) get a redirect the Vaadin client follows, so the user
                // lands on the login page instead of a plain-text "session expired" body the client ignores.
                .expiredSessionStrategy(new SimpleRedirectSessionInformationExpiredStrategy("/login",
                        new UidlRedirectStrategy())));
        http.headers(headers -> headers
                // Written before the request is handled: Vaadin's page responses otherwise went out without them.
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .frameOptions(frame -> frame.deny())
                .contentTypeOptions(org.springframework.security.config.Customizer.withDefaults())
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy
                                .SAME_ORIGIN)));
        // CSRF: Vaadin's configurer exempts the login form's POST; we keep it protected (no login CSRF) and exempt
        // only Vaadin's own requests, which carry Vaadin's CSRF token. The login form sends the Spring token from
        // the meta tags that CsrfMetaTags adds to every page.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .enableCsrfConfiguration(false));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // BCrypt by default, with an {id} prefix so the hash algorithm can be upgraded later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
