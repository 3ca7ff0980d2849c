package be.twe.webhooks.service;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.Text;

/**
 * Callback URLs must be https and reach only public addresses: otherwise a subscription would
 * make the API call into its own network (server-side request forgery). The development and test
 * profiles allow http and loopback receivers. Checked when subscribing and again before each
 * attempt, since a name can later resolve elsewhere.
 */
public final class CallbackUrls {
    private CallbackUrls() {
    }

    /** The URL, or a 400 naming {@code url}. */
    public static URI check(String text, boolean allowInsecure) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(text, Text.of("url.invalid"));
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(allowInsecure && scheme.equals("http"))) {
            throw invalid(text, Text.of("url.https"));
        }
        if (url.getHost() == null || url.getUserInfo() != null || url.getFragment() != null) {
            throw invalid(text, Text.of("url.host"));
        }
        if (!allowInsecure) {
            Text refused = refused(url.getHost());
            if (refused != null) {
                throw invalid(text, refused);
            }
        }
        return url;
    }

    /** Why the host may not be called (in English, for a delivery's record), or null when all its addresses are public. */
    public static String refusedAddress(String host) {
        Text refused = refused(host);
        return refused == null ? null : refused.english();
    }

    private static Text refused(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Text.of("url.unresolved");
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                return Text.of("url.private");
            }
        }
        return null;
    }

    static boolean isPublic(InetAddress a) {
        byte[] b = a.getAddress();
        boolean uniqueLocal = a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc; // fc00::/7
        boolean sharedOrZero = b.length == 4 && ((b[0] == 100 && (b[1] & 0xc0) == 64) || b[0] == 0); // 100.64/10, 0/8
        return !(a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress() || uniqueLocal || sharedOrZero);
    }

    private static InvalidInputProblem invalid(String url, Text detail) {
        return new InvalidInputProblem(Issue.body("url", null, detail));
    }
}
