package org.factorguard.reports.service;

/** A new share link with its token: the only time the token exists outside the creator's clipboard. */
public record CreatedShareLink(ShareLinkSummary link, String token) {

    /** The portal route that opens it, e.g. {@code "shared/Xy…"}. */
    public String route() {
        return "shared/" + token;
    }
}
