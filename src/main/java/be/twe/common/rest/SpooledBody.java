package be.twe.common.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * An operation whose streamed body ({@code InputStream}) is read completely, within the body
 * timeout, before the operation runs: no transaction or database connection is open while a
 * slow client is still sending ({@link BodySpooler}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SpooledBody {
    /** The configuration key of the largest body the operation takes (a {@code MemorySize}). */
    @Nonbinding
    String maxSize();
}
