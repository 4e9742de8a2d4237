package org.factorguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.factorguard.datasets.service.DatasetAdministrationService;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.identity.service.UserAdministrationService;
import org.factorguard.jobs.service.JobService;
import org.factorguard.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every public method of the administrators' services, found by reflection (so a new method without a role
 * check fails here), called as a manager with dummy arguments: each is refused with AccessDeniedException
 * before it touches anything.
 */
@SpringBootTest
@ActiveProfiles("test")
class AdminServicesRefuseManagersIT {

    /** Whole services for administrators only. */
    static final List<Class<?>> ADMIN_SERVICES = List.of(UserAdministrationService.class,
            DatasetAdministrationService.class);
    /** Admin-only methods of services that managers otherwise use. */
    static final List<String> ADMIN_METHODS_ELSEWHERE = List.of("JobService.listAll");

    @Autowired ApplicationContext context;
    @Autowired UserRepository users;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    static Stream<Arguments> adminMethods() {
        List<Arguments> methods = new ArrayList<>();
        for (Class<?> service : ADMIN_SERVICES) {
            for (Method m : service.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())) {
                    methods.add(Arguments.of(service.getSimpleName() + "." + m.getName(), service, m));
                }
            }
        }
        for (String name : ADMIN_METHODS_ELSEWHERE) {
            Method m = Arrays.stream(JobService.class.getMethods()).filter(x -> name.endsWith("." + x.getName()))
                    .findFirst().orElseThrow();
            methods.add(Arguments.of(name, JobService.class, m));
        }
        return methods.stream();
    }

    @Test
    void the_reflection_finds_the_admin_methods_we_know_of() {
        Set<String> names = adminMethods().map(a -> (String) a.get()[0]).collect(java.util.stream.Collectors.toSet());
        assertThat(names).contains("UserAdministrationService.listUsers", "UserAdministrationService.createUser",
                "UserAdministrationService.setEnabled", "UserAdministrationService.changeRole",
                "UserAdministrationService.resetPassword", "UserAdministrationService.unlock",
                "DatasetAdministrationService.listAll", "DatasetAdministrationService.importLongCsv",
                "DatasetAdministrationService.importIndexCsv", "DatasetAdministrationService.retire",
                "DatasetAdministrationService.reactivate", "DatasetAdministrationService.maxUploadBytes",
                "JobService.listAll");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminMethods")
    void a_manager_is_refused(String name, Class<?> service, Method method) throws Exception {
        TestUsers.ensure(users, "mia-admin-refusal", Role.MANAGER);
        TestUsers.signIn("mia-admin-refusal", Role.MANAGER);
        Object bean = context.getBean(service);
        assertThat(AopUtils.isAopProxy(bean)).as("method security needs a proxy").isTrue();
        Object[] arguments = Arrays.stream(method.getParameterTypes()).map(
                AdminServicesRefuseManagersIT::dummy).toArray();
        assertThatThrownBy(() -> invoke(bean, method, arguments)).as(name).isInstanceOf(AccessDeniedException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminMethods")
    void an_anonymous_caller_is_refused(String name, Class<?> service, Method method) {
        Object bean = context.getBean(service);
        Object[] arguments = Arrays.stream(method.getParameterTypes()).map(
                AdminServicesRefuseManagersIT::dummy).toArray();
        assertThatThrownBy(() -> invoke(bean, method, arguments)).as(name).isInstanceOfAny(AccessDeniedException.class,
                org.springframework.security.core.AuthenticationException.class);
    }

    private static Object invoke(Object bean, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(bean, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A harmless value of each parameter type: what an attacker might pass. */
    private static Object dummy(Class<?> type) {
        if (type == long.class) {
            return 1L;
        }
        if (type == int.class) {
            return 1;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == double.class) {
            return 0.0;
        }
        if (type == String.class) {
            return "x";
        }
        if (type == java.io.InputStream.class) {
            return new ByteArrayInputStream(new byte[0]);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        return null;
    }
}
