package be.twe.webhooks.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import be.twe.api.WebhooksApi;
import be.twe.api.model.WebhookAttempt;
import be.twe.api.model.WebhookDelivery;
import be.twe.api.model.WebhookDeliveryPage;
import be.twe.api.model.WebhookDeliveryStatus;
import be.twe.api.model.WebhookSubscription;
import be.twe.api.model.WebhookSubscriptionInput;
import be.twe.api.model.WebhookSubscriptionPage;
import be.twe.common.paging.PageLinks;
import be.twe.common.paging.Slice;
import be.twe.common.persistence.Timestamps;
import be.twe.common.rest.ETags;
import be.twe.common.rest.IfMatch;
import be.twe.common.rest.Links;
import be.twe.common.security.Roles;
import be.twe.sync.idempotency.Idempotent;
import be.twe.webhooks.persistence.DeliveryStatus;
import be.twe.webhooks.persistence.WebhookDeliveryEntity;
import be.twe.webhooks.persistence.WebhookSubscriptionEntity;
import be.twe.webhooks.service.WebhookService;

/** Subscriptions are managed by an organisation's admins, like its other settings. */
public class WebhookResource implements WebhooksApi {
    @Inject
    Links links;
    @Inject
    PageLinks pageLinks;
    @Inject
    WebhookService service;
    @Context
    UriInfo uri;

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Response listWebhookSubscriptions(Integer limit, String cursor) {
        Slice<WebhookSubscriptionEntity> slice = service.list(limit, cursor);
        return Response.ok(new WebhookSubscriptionPage().items(slice.items().stream().map(s -> toDto(s, false))
                .toList()).next(pageLinks.next(uri, slice)).nextCursor(slice.nextCursor())).build();
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    public Response createWebhookSubscription(WebhookSubscriptionInput input, String idempotencyKey) {
        WebhookSubscriptionEntity s = service.subscribe(input.getUrl(), input.getEventTypes());
        return links.created(links.to("webhook-subscriptions", s.id))
                .header("ETag", ETags.of(s.version)).entity(toDto(s, true)).build();
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Response getWebhookSubscription(UUID subscriptionId, String ifNoneMatch) {
        WebhookSubscriptionEntity s = service.get(subscriptionId);
        return ETags.read(toDto(s, false), s.version, ifNoneMatch);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Response deleteWebhookSubscription(UUID subscriptionId, String ifMatch) {
        service.unsubscribe(subscriptionId, IfMatch.of(ifMatch));
        return Response.noContent().build();
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Response listWebhookDeliveries(UUID subscriptionId, WebhookDeliveryStatus status, Integer limit,
                                          String cursor) {
        Slice<WebhookDeliveryEntity> slice = service.deliveries(subscriptionId, status == null ? null
                : DeliveryStatus.valueOf(status.name()), limit, cursor);
        return Response.ok(new WebhookDeliveryPage().items(slice.items().stream().map(this::toDto).toList())
                .next(pageLinks.next(uri, slice)).nextCursor(slice.nextCursor())).build();
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Response redeliverWebhookDelivery(UUID subscriptionId, UUID deliveryId) {
        return Response.accepted(toDto(service.redeliver(subscriptionId, deliveryId))).build();
    }

    private static WebhookSubscription toDto(WebhookSubscriptionEntity s, boolean withSecret) {
        return new WebhookSubscription().id(s.id).url(s.url).eventTypes(s.eventTypeList()).createdAt(s.createdAt)
                .position(s.position).version(s.version).secret(withSecret ? s.secret : null);
    }

    private WebhookDelivery toDto(WebhookDeliveryEntity d) {
        WebhookDelivery dto = new WebhookDelivery().id(d.id).type(d.type).position(d.position).path(d.path)
                .status(WebhookDeliveryStatus.valueOf(d.status.name()))
                .nextAttemptAt(d.status == DeliveryStatus.PENDING ? d.nextAttemptAt : null);
        service.attempts(d.id).forEach(a -> dto.addAttemptsItem(new WebhookAttempt().number(a.number())
                .attemptedAt(Timestamps.utc(a.attemptedAt())).httpStatus(a.httpStatus()).error(a.error())));
        return dto;
    }
}
