package be.twe.common.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a PUT that replaces a record: its body must name every field ({@link CompleteBodies}), so
 * that a client that leaves a field out never clears it without saying so.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Replaces {
    /** Fields the path already gives (a by-reference PUT's {@code externalReference}): they may be left out. */
    String[] givenByPath() default {};
}
