package org.factorguard.identity;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import org.jsoup.nodes.Element;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Puts Spring Security's CSRF token into every page as {@code <meta name="_csrf">}, {@code _csrf_parameter} and
 * {@code _csrf_header}: Vaadin's login form reads them and posts the token with the credentials, so the login
 * POST stays under CSRF protection (see {@link SecurityConfiguration}).
 */
@Component
class CsrfMetaTags implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(CsrfMetaTags::addTokenTo);
    }

    private static void addTokenTo(IndexHtmlResponse response) {
        VaadinRequest request = response.getVaadinRequest();
        if (!(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token)) {
            return;
        }
        Element head = response.getDocument().head();
        head.appendElement("meta").attr("name", "_csrf").attr("content", token.getToken());
        head.appendElement("meta").attr("name", "_csrf_parameter").attr("content", token.getParameterName());
        head.appendElement("meta").attr("name", "_csrf_header").attr("content", token.getHeaderName());
    }
}
