package be.twe.common.rest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A page's {@code next} link also travels as {@code Link: <...>; rel="next"} (RFC 8288), for
 * clients that follow links from headers. Pages are the contract's types with a {@code next}
 * member; they share no interface, so the getter is looked up once per type.
 */
public class NextLinkHeader {
    private static final ClassValue<Method> NEXT = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method getter = type.getMethod("getNext");
                return getter.getReturnType() == String.class ? getter : null;
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    };

    @ServerResponseFilter
    public void addLink(ContainerResponseContext response) {
        Object entity = response.getEntity();
        Method next = entity == null ? null : NEXT.get(entity.getClass());
        if (next == null) {
            return;
        }
        try {
            Object link = next.invoke(entity);
            if (link != null) {
                response.getHeaders().add("Link", "<" + link + ">; rel=\"next\"");
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("A page's next link is a plain getter", e);
        }
    }
}
