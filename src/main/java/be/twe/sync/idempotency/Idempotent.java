package be.twe.sync.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a create operation of a resource: an {@code Idempotency-Key} on the request makes a retry
 * return the first response instead of creating again ({@link IdempotencyInterceptor}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Idempotent {
    /** Whether keys belong to the user rather than the organisation: for jobs only their requester reads. */
    @Nonbinding
    boolean perUser() default false;
}
