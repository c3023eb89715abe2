package dev.trent.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against an in-process Trent on a free port, and injects a ready
 * {@code KmsClient}, the endpoint {@code URI} or the {@link dev.trent.Trent} handle into the
 * parameters of its constructors and methods and into its fields marked {@link FromTrent}.
 *
 * <pre>{@code
 * @WithTrent(imports = "classpath:keys.json")
 * class OrdersTest {
 *     @Test
 *     void encrypts(KmsClient kms) { ... }
 * }
 * }</pre>
 *
 * <p>Named {@code WithTrent} rather than {@code Trent}: a test that also takes the
 * {@link dev.trent.Trent} handle would otherwise have to spell one of the two out in full. It is
 * {@code @ExtendWith(TrentExtension.class)} with options; {@code @ExtendWith(TrentExtension.class)}
 * alone gives the defaults below. It may sit on an annotation of the user's own, and is inherited by
 * subclasses and {@code @Nested} classes (which share the enclosing class's Trent when their options
 * are the same).
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TrentExtension.class)
public @interface WithTrent {
    /**
     * The default account: the one the injected clients act in, and where imported keys that name
     * no account go. Empty: the account of the first access key of {@link #credentials()} when it
     * is given, otherwise {@code 000000000000} (Trent's own default, {@code --account}).
     */
    String account() default "";

    /** The default Region: the injected clients' Region, and where imported keys that name none go. */
    String region() default "us-east-1";

    /**
     * Key files loaded when each Trent starts, in this order ({@code --import}; any format Trent
     * reads). A path relative to the working directory (the project's directory under Maven and
     * Gradle), or {@code classpath:NAME} for a resource of the test class path.
     */
    String[] imports() default {};

    /**
     * A credentials file ({@code --credentials}; same path rules as {@link #imports()}): Trent then
     * accepts only requests signed by its access keys, and by default enforces key policies, IAM
     * policies and grants. The injected clients sign with the keys of that file (see
     * {@link FromTrent#accessKey()}).
     */
    String credentials() default "";

    /** Whether key policies, IAM policies and grants decide access ({@code --enforce-policies}). */
    PolicyEnforcement enforcePolicies() default PolicyEnforcement.DEFAULT;

    /** How long one Trent lives, and so which tests share its state. */
    TrentScope scope() default TrentScope.CLASS;
}
