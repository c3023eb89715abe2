package dev.trent.junit;

/** Which tests share one Trent (and so see each other's keys). */
public enum TrentScope {
    /**
     * One Trent for the test class (and its {@code @Nested} classes), started before its
     * {@code @BeforeAll} methods and closed after its {@code @AfterAll} methods.
     */
    CLASS,
    /**
     * One Trent for every test class of the run that asks for this scope with the same options,
     * started by the first and closed when the whole run ends: start-up paid once per suite.
     */
    SUITE,
    /**
     * A new Trent for each test method (each invocation of a repeated or parameterized test): every
     * test starts from the imported keys and nothing else. Starting one in-process takes about 10 ms
     * once the JVM is warm.
     */
    TEST
}
