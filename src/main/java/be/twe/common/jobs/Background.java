package be.twe.common.jobs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Scheduled housekeeping that simply tries again at its next run when the database cannot be
 * used: the outage is logged once ({@link BackgroundInterceptor}), not at every attempt.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Background {
}
