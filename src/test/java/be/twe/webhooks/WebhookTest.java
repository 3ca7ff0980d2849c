package be.twe.webhooks;

import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import be.twe.api.model.WebhookSubscriptionInput;
import be.twe.support.Api;
import be.twe.support.Bodies;
import be.twe.support.Registrations;
import be.twe.support.StandardWebhooks;
import be.twe.support.TestData;
import be.twe.webhooks.service.WebhookDispatcher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The done-when: a loopback receiver that fails at first still gets every event, signed. */
@QuarkusTest
class WebhookTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One request the receiver got, and what it answered. */
    record Received(String id, String timestamp, String signature, String body, int answered) {
    }

    @Inject
    TestData data;
    @Inject
    WebhookDispatcher dispatcher;

    HttpServer receiver;
    final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger failFirst = new AtomicInteger();
    String ocmw;
    UUID coach;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int answer = failFirst.getAndDecrement() > 0 ? 503 : 204;
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        receiver.start();
        // the dispatcher serves every subscription; other tests' ones would only slow it down here
        data.execute("delete from webhook_subscription");
        ocmw = data.newOcmw();
        coach = data.accreditedCoach(ocmw);
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    JsonPath subscribe(String organisation, List<String> types) {
        return as(organisation, "admin").body(json(new WebhookSubscriptionInput().url(url()).eventTypes(types)))
                .post("/webhook-subscriptions")
                .then().statusCode(201).body("secret", startsWith("whsec_")).extract().jsonPath();
    }

    void dispatchUntil(BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!done.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "not delivered in time: " + received);
            dispatcher.dispatch();
            Thread.sleep(50);
        }
    }

    Set<String> delivered() {
        return received.stream().filter(r -> r.answered() == 204).map(Received::id).collect(Collectors.toSet());
    }

    @Test
    void aReceiverThatFailsAtFirstGetsEveryEventOnceItRecoversSigned() throws Exception {
        JsonPath subscription = subscribe(ocmw, List.of("*"));
        String secret = subscription.getString("secret");
        failFirst.set(4);
        String trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        String instrument = Registrations.wes(ocmw, trajectory, coach, "2024-02-01", "2024-02-29");
        as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(Bodies.replacing(Map.of("coachId", coach.toString()), Bodies.TRAJECTORY_UPDATE))
                .put("/trajectories/" + trajectory).then().statusCode(200);
        String other = data.newOcmw("11002");
        Registrations.trajectory(other, other, data.accreditedCoach(other), "2024-01-01"); // not ours to see

        dispatchUntil(() -> delivered().size() >= 3);
        Thread.sleep(200);
        dispatcher.dispatch(); // nothing more comes

        List<Map<String, Object>> events = new ArrayList<>();
        for (Received r : received) {
            assertTrue(StandardWebhooks.verifies(secret, r.id(), r.timestamp(), r.body(), r.signature()),
                    "every request is signed with the subscription's secret, as a receiver checks it");
            @SuppressWarnings("unchecked")
            Map<String, Object> event = JSON.readValue(r.body(), Map.class);
            assertEquals(r.id(), event.get("id"));
            if (r.answered() == 204) {
                events.add(event);
            }
        }
        assertEquals(3, events.size(), "each event delivered once: " + received);
        assertEquals(List.of("twe.trajectory.created", "twe.instrument.created", "twe.trajectory.updated"),
                events.stream().sorted((a, b) -> Long.compare(position(a), position(b)))
                        .map(e -> (String) e.get("type")).toList());
        Map<String, Object> first = events.stream().filter(e -> e.get("type").equals("twe.instrument.created"))
                .findFirst().orElseThrow();
        assertEquals("1.0", first.get("specversion"));
        assertEquals("/trajectories/" + trajectory + "/instruments/" + instrument, first.get("subject"));
        assertTrue(received.size() >= 3 + 4, "the failed attempts were retried: " + received);

        // the log shows every attempt; a retried event keeps its id
        String deliveries = "/webhook-subscriptions/" + subscription.getString("id") + "/deliveries";
        List<Map<String, Object>> log = as(ocmw, "admin").get(deliveries).then().statusCode(200).extract()
                .jsonPath().getList("items");
        assertEquals(3, log.size());
        int attempts = 0;
        for (Map<String, Object> d : log) {
            assertEquals("DELIVERED", d.get("status"));
            List<?> tries = (List<?>) d.get("attempts");
            attempts += tries.size();
            assertEquals(tries.size(), received.stream().filter(r -> r.id().equals(d.get("id"))).count());
        }
        assertEquals(received.size(), attempts);

        // redelivery sends the same event again
        String again = (String) log.get(0).get("id");
        as(ocmw, "admin").post(deliveries + "/" + again + "/redelivery").then().statusCode(202)
                .body("status", equalTo("PENDING"));
        dispatchUntil(() -> received.stream().filter(r -> r.id().equals(again) && r.answered() == 204).count() == 2);
        as(ocmw, "admin").get(deliveries + "?status=DELIVERED").then().statusCode(200).body("items.size()", equalTo(3));
    }

    static long position(Map<String, Object> event) {
        return ((Number) ((Map<?, ?>) event.get("data")).get("position")).longValue();
    }

    @Test
    void aSubscriptionGetsOnlyItsTypesAndWhatItsUserMaySee() throws Exception {
        subscribe(ocmw, List.of("twe.instrument.created"));
        String cluster = data.newCluster(); // no mandate: sees nothing of the OCMW
        subscribe(cluster, List.of("*"));
        String trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        Registrations.wes(ocmw, trajectory, coach, "2024-02-01", "2024-02-29");
        dispatchUntil(() -> !delivered().isEmpty());
        Thread.sleep(200);
        dispatcher.dispatch();
        assertEquals(1, received.size(), received.toString());
        assertTrue(received.get(0).body().contains("\"twe.instrument.created\""));
    }

    @Test
    void aDeadReceiverIsTriedOncePerRunAndHoldsUpNoOneElse() throws Exception {
        String dead = as(ocmw, "admin").body(json(new WebhookSubscriptionInput().url("http://127.0.0.1:9/hook")
                .eventTypes(List.of("*"))))
                .post("/webhook-subscriptions").then().statusCode(201).extract().path("id");
        subscribe(ocmw, List.of("*"));
        String trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        Registrations.wes(ocmw, trajectory, coach, "2024-02-01", "2024-02-29");
        Registrations.wes(ocmw, trajectory, coach, "2024-03-01", "2024-03-31");

        dispatcher.dispatch();

        assertEquals(3, delivered().size(), "the live receiver got everything in the same run");
        assertEquals(1, data.count("select count(*) from webhook_attempt a join webhook_delivery d "
                + "on d.id = a.delivery_id where d.subscription_id = cast(?1 as uuid)", dead),
                "the dead one was tried once");
        assertEquals(3, data.count("select count(*) from webhook_delivery where subscription_id = cast(?1 as uuid) "
                + "and status = 'PENDING'", dead), "its events wait for the next run");
    }

    @Test
    void subscriptionsAreCheckedAndBelongToTheirOrganisation() {
        Api.invalid(as(ocmw, "admin")).body(json(new WebhookSubscriptionInput().url("ftp://127.0.0.1/hook")
                .eventTypes(List.of("*"))))
                .post("/webhook-subscriptions").then().statusCode(400).body("issues[0].name", equalTo("url"));
        Api.invalid(as(ocmw, "admin")).body(json(new WebhookSubscriptionInput().url(url())
                .eventTypes(List.of("twe.trajectory.eaten"))))
                .post("/webhook-subscriptions").then().statusCode(400);
        as(ocmw, "coach").body(json(new WebhookSubscriptionInput().url(url()).eventTypes(List.of("*"))))
                .post("/webhook-subscriptions")
                .then().statusCode(403);
        String key = UUID.randomUUID().toString();
        String id = as(ocmw, "admin").header("Idempotency-Key", key).body(json(new WebhookSubscriptionInput()
                .url(url()).eventTypes(List.of("*")))).post("/webhook-subscriptions").then().statusCode(201).extract()
                .path("id");
        as(ocmw, "admin").header("Idempotency-Key", key).body(json(new WebhookSubscriptionInput().url(url())
                .eventTypes(List.of("*"))))
                .post("/webhook-subscriptions").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        assertEquals(1, data.count("select count(*) from webhook_subscription where organisation_id = ?1", ocmw));
        as(ocmw, "admin").get("/webhook-subscriptions/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("secret", equalTo(null));
        as(ocmw, "admin").header("If-None-Match", "\"0\"").get("/webhook-subscriptions/" + id).then()
                .statusCode(304);
        invalid(as(ocmw, "admin")).delete("/webhook-subscriptions/" + id).then().statusCode(428);
        as(ocmw, "admin").header("If-Match", "\"0\"").delete("/webhook-subscriptions/" + id).then().statusCode(204);
        as(ocmw, "admin").get("/webhook-subscriptions/" + id).then().statusCode(404);
    }
}
