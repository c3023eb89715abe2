package dev.trent.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field that {@link TrentExtension} sets before the tests use it: a
 * {@code software.amazon.awssdk.services.kms.KmsClient}, a {@code java.net.URI} (the endpoint) or a
 * {@link dev.trent.Trent}. Static fields are set before the class's {@code @BeforeAll} methods,
 * instance fields before its {@code @BeforeEach} methods. Parameters of those types need no
 * annotation; on a {@code KmsClient} parameter it chooses the client's account, Region or access key.
 *
 * <p>The extension builds each client once per Trent and closes it with that Trent: tests must not
 * close it.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FromTrent {
    /**
     * The account the client acts in; empty for the default account ({@link WithTrent#account()}).
     * With {@link WithTrent#credentials()}, the client signs with the first access key of that
     * account in the file (its root's, when the file has one).
     */
    String account() default "";

    /** The client's Region; empty for the default Region ({@link WithTrent#region()}). */
    String region() default "";

    /**
     * With {@link WithTrent#credentials()}: the access key the client signs with (and so the
     * principal, account and policies it acts with), one of the file's.
     */
    String accessKey() default "";
}
