package be.twe.common.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import be.twe.support.AppInstance;
import be.twe.support.Tokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two instances of the production artifact on one PostgreSQL spend one quota per organisation
 * (issue 32, ADR 0039), with the shipped way of settling: each instance spends up to
 * {@value #UNSYNCED} requests from its copy before it settles with the other.
 */
class SharedRateLimitIT {
    static final int QUOTA = 40;
    static final int UNSYNCED = 5;
    static final String OCMW = "ocmw-44021";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static EmbeddedPostgres postgres;
    static List<AppInstance> instances;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        // an hour's window: less than one request refills while the test runs
        Map<String, String> settings = Map.of("TWE_RATE_LIMIT_REQUESTS", Integer.toString(QUOTA),
                "TWE_RATE_LIMIT_WINDOW", "3600s", "TWE_RATE_LIMIT_UNSYNCED_REQUESTS", Integer.toString(UNSYNCED),
                "TWE_RATE_LIMIT_SYNC_EVERY", "1s");
        instances = List.of(AppInstance.start(url, settings), AppInstance.start(url, settings));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : instances) {
            closeable.close();
        }
        postgres.close();
    }

    @Test
    void anOrganisationSpendsOneQuotaOverBothInstances() throws Exception {
        int allowed = 0;
        int limited = 0;
        for (int i = 0; i < 3 * QUOTA; i++) { // alternating, as a load balancer would
            int status = get(instances.get(i % 2));
            assertTrue(status == 200 || status == 429, "answered " + status);
            allowed += status == 200 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        System.out.printf("Shared rate limit over two instances: quota %d, %d allowed, %d answered 429%n",
                QUOTA, allowed, limited);
        // per instance, each would have allowed the whole quota: 2 x 40
        assertTrue(allowed >= QUOTA, "the quota is there: " + allowed);
        assertTrue(allowed <= QUOTA + 2 * UNSYNCED, "at most the unsettled requests over it: " + allowed);

        Thread.sleep(1_100); // both have settled: neither instance has anything left to give
        for (AppInstance instance : instances) {
            assertEquals(429, get(instance));
        }
        // another organisation has its own quota on either instance
        assertEquals(200, HTTP.send(request(instances.get(1), "ocmw-11002"), HttpResponse.BodyHandlers.discarding())
                .statusCode());
    }

    private static int get(AppInstance instance) throws Exception {
        return HTTP.send(request(instance, OCMW), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest request(AppInstance instance, String organisation) {
        return HttpRequest.newBuilder(URI.create(instance.url("/organisations/" + organisation + "/coaches")))
                .header("Authorization", "Bearer " + Tokens.token(organisation, "admin")).build();
    }
}
