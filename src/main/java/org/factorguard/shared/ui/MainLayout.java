package org.factorguard.shared.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.SvgIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every signed-in page: a side menu built from the views' {@code @Menu}
 * annotations (entries the user may not open are left out by Vaadin's access checker) and a user
 * menu with sign-out.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);

        H1 brand = new H1();
        brand.addClassName("fg-brand");
        Span mark = new Span("Factor");
        mark.addClassName("fg-brand-mark");
        brand.add(mark, new Span("Guard"));
        Div header = new Div(brand);
        header.getStyle().set("padding", "var(--lumo-space-m) var(--lumo-space-l)");

        SideNav nav = new SideNav();
        nav.setId("main-menu");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null && !entry.icon().isBlank()) {
                item.setPrefixComponent(icon(entry.icon()));
            }
            nav.addItem(item);
        }
        addToDrawer(header, new Scroller(nav));

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");
        HorizontalLayout navbar = new HorizontalLayout(toggle);
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        Div spacer = new Div();
        navbar.addAndExpand(spacer);

        authentication.getPrincipalName().ifPresent(name -> {
            MenuBar userMenu = new MenuBar();
            userMenu.setId("user-menu");
            userMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
            Avatar avatar = new Avatar(name);
            avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
            HorizontalLayout who = new HorizontalLayout(avatar, new Span(name));
            who.setAlignItems(FlexComponent.Alignment.CENTER);
            who.setSpacing(true);
            MenuItem top = userMenu.addItem(who);
            top.getSubMenu().addItem("Sign out", click -> authentication.logout()).setId("sign-out");
            navbar.add(userMenu);
            navbar.getStyle().set("padding-right", "var(--lumo-space-m)");
        });
        addToNavbar(navbar);
    }

    private static com.vaadin.flow.component.Component icon(String name) {
        // "vaadin:home" style names are icon-set icons; anything else is the URL of an SVG file
        return name.contains(":") && !name.contains("/") ? new Icon(name) : new SvgIcon(name);
    }

    /** Icon names for {@code @Menu(icon = ...)}, kept in one place. */
    public static final class Icons {
        public static final String HOME = "vaadin:home";
        public static final String USERS = "vaadin:users";
        public static final String DATABASE = "vaadin:database";
        public static final String PORTFOLIO = "vaadin:briefcase";
        public static final String RUNS = "vaadin:cogs";
        public static final String REPORT = "vaadin:chart";

        private Icons() {
        }
    }
}
