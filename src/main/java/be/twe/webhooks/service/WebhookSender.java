package be.twe.webhooks.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.common.persistence.Timestamps;
import be.twe.webhooks.persistence.DeliveryStatus;
import be.twe.webhooks.persistence.WebhookRepository;
import be.twe.webhooks.persistence.WebhookRepository.ToSend;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Sends one event as a CloudEvents 1.0 JSON request signed with Standard Webhooks headers, and
 * logs the attempt. A 2xx answer within 10 seconds delivers it; anything else is retried on the
 * {@link RetrySchedule}. Redirects are not followed (they could lead to a private address).
 */
@ApplicationScoped
public class WebhookSender {
    @Inject
    be.twe.common.metrics.DomainMeters meters;
    static final String SOURCE = "urn:twe-ocmw";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    WebhookRepository webhooks;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "twe.webhooks.allow-insecure-urls")
    boolean allowInsecure;
    @ConfigProperty(name = "twe.webhooks.retry-base")
    Duration retryBase;

    /** Returns whether the receiver took it. */
    public boolean send(UUID deliveryId) {
        ToSend d = QuarkusTransaction.requiringNew().call(() -> webhooks.toSend(deliveryId)).orElse(null);
        if (d == null) {
            return true; // its subscription was deleted: nothing to send
        }
        int attempt = d.attempts() + 1;
        URI url = URI.create(d.url());
        Integer status = null;
        String error = allowInsecure ? null : CallbackUrls.refusedAddress(url.getHost());
        if (error == null) {
            try {
                String body = event(d);
                long timestamp = Instant.now().getEpochSecond();
                HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/cloudevents+json")
                        .header("webhook-id", deliveryId.toString())
                        .header("webhook-timestamp", Long.toString(timestamp))
                        .header("webhook-signature", Signatures.sign(d.secret(), deliveryId.toString(), timestamp,
                                body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                error = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false; // shutting down: the lease runs out and it is sent again
            }
        }
        boolean delivered = status != null && status / 100 == 2;
        Duration retry = delivered ? null : new RetrySchedule(retryBase).after(attempt);
        DeliveryStatus outcome = delivered ? DeliveryStatus.DELIVERED
                : retry == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
        Integer httpStatus = status;
        String why = error;
        QuarkusTransaction.requiringNew().run(() -> webhooks.attempted(deliveryId, attempt, httpStatus, why, outcome,
                retry == null ? null : retry.toMillis()));
        meters.webhookAttempt(delivered ? "delivered" : retry == null ? "failed" : "retrying");
        return delivered;
    }

    private String event(ToSend d) throws JsonProcessingException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("resourceType", d.resourceType());
        data.put("resourceId", d.resourceId());
        data.put("path", d.path());
        data.put("version", d.version());
        data.put("position", d.position());
        data.put("organisationId", d.organisationId());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", d.id().toString());
        event.put("source", SOURCE);
        event.put("type", d.type());
        event.put("subject", d.path());
        event.put("time", Timestamps.utc(d.occurredAt()).toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        return json.writeValueAsString(event);
    }
}
