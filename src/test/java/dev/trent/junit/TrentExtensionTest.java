package dev.trent.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.trent.Trent;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;

/**
 * The extension seen from outside the test classes that use it: each fixture class below is run by
 * JUnit's {@link EngineTestKit} within a test here, which then checks what the fixture's tests saw
 * (which Trent), how they ended, and that every Trent was closed when its scope ended.
 */
class TrentExtensionTest {
    /** Which Trent each fixture's tests saw, by fixture. */
    static final Map<String, Collection<Trent>> SEEN = new ConcurrentHashMap<>();

    @BeforeEach
    void forget() {
        SEEN.clear();
    }

    static void saw(String fixture, Trent trent) {
        SEEN.computeIfAbsent(fixture, f -> new CopyOnWriteArrayList<>()).add(trent);
    }

    static Set<Trent> seen(String fixture) {
        assertThat(SEEN).containsKey(fixture);
        return Set.copyOf(SEEN.get(fixture));
    }

    static void assertClosed(Collection<Trent> trents) {
        for (Trent trent : trents) {
            assertThatThrownBy(trent::port).isInstanceOf(IllegalStateException.class).hasMessage("Trent is not started");
        }
    }

    static EngineExecutionResults run(Map<String, String> parameters, Class<?>... fixtures) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put(Fixture.PARAMETER, "true");
        all.put("junit.jupiter.testclass.order.default", ClassOrderer.OrderAnnotation.class.getName());
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(all)
                .selectors(java.util.Arrays.stream(fixtures).map(c -> selectClass(c))
                        .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
    }

    static EngineExecutionResults run(Class<?>... fixtures) {
        return run(Map.of(), fixtures);
    }

    @Test
    void eachClassHasItsOwnTrentFromBeforeAllToAfterAll() {
        EngineExecutionResults results = run(ClassScopeA.class, ClassScopeB.class);

        results.testEvents().assertStatistics(s -> s.started(4).succeeded(4));
        assertThat(seen("A")).hasSize(1);
        assertThat(seen("B")).hasSize(1).doesNotContainAnyElementsOf(seen("A"));
        assertThat(seen("A in @AfterAll")).isEqualTo(seen("A"));
        assertClosed(SEEN.get("A"));
        assertClosed(SEEN.get("B"));
    }

    @Test
    void suiteScopeSharesOneTrentBetweenClassesUntilTheRunEnds() {
        EngineExecutionResults results = run(SuiteScopeFirst.class, ClassScopeBetween.class, SuiteScopeSecond.class);

        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3));
        assertThat(seen("suite")).hasSize(1);
        assertThat(SEEN.get("suite")).hasSize(2);
        assertThat(seen("between")).hasSize(1).doesNotContainAnyElementsOf(seen("suite"));
        assertClosed(SEEN.get("suite"));
        assertClosed(SEEN.get("between"));
    }

    @Test
    void testScopeGivesEveryTestAFreshTrent() {
        EngineExecutionResults results = run(TestScope.class);

        results.testEvents().assertStatistics(s -> s.started(4).succeeded(4));
        assertThat(seen("test")).hasSize(4);
        assertClosed(SEEN.get("test"));
    }

    @Test
    void testsRunInParallelShareTheirScopesTrent() {
        EngineExecutionResults results = run(Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "8"),
                ParallelA.class, ParallelB.class, ParallelSuiteOne.class, ParallelSuiteTwo.class);

        // Every test waits at one barrier for all the others: they passed it, so they ran at the same time.
        results.testEvents().assertStatistics(s -> s.started(Parallel.TESTS).succeeded(Parallel.TESTS));
        assertThat(SEEN.get("parallel A")).hasSize(2);
        assertThat(seen("parallel A")).hasSize(1);
        assertThat(seen("parallel B")).hasSize(1).doesNotContainAnyElementsOf(seen("parallel A"));
        assertThat(SEEN.get("parallel suite")).hasSize(2);
        assertThat(seen("parallel suite")).hasSize(1)
                .doesNotContainAnyElementsOf(seen("parallel A")).doesNotContainAnyElementsOf(seen("parallel B"));
        assertClosed(SEEN.values().stream().flatMap(Collection::stream).toList());
    }

    @Test
    void mistakesAreReportedWithWhatToDo() {
        EngineExecutionResults results = run(StaticFieldInTestScope.class, WrongFieldType.class,
                AccessKeyWithoutCredentials.class, MissingImport.class, UnknownAccount.class,
                NoTrentBeforeAllInTestScope.class, ClientOptionsOnAUri.class);

        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container(StaticFieldInTestScope.class), finishedWithFailure(message(
                        "@FromTrent static field kms cannot hold what belongs to one test: with scope TEST,"
                                + " use instance fields or parameters"))))
                .haveExactly(1, event(container(MissingImport.class), finishedWithFailure(message(m ->
                        m.startsWith("@WithTrent(imports): no file ") && m.endsWith("no-such-keys.json")))))
                .haveExactly(1, event(container(NoTrentBeforeAllInTestScope.class), finishedWithFailure(message(m ->
                        m.contains("each test method has its own Trent: there is none for")))));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("wrongType"), finishedWithFailure(message(
                        "@FromTrent field WrongFieldType.name is a java.lang.String; Trent gives a KmsClient,"
                                + " a URI or a dev.trent.Trent"))))
                .haveExactly(1, event(test("accessKey"), finishedWithFailure(message(m ->
                        m.contains(": @FromTrent(accessKey = \"AKIAIOSFODNN7EXAMPLE\") needs @WithTrent(credentials")))))
                .haveExactly(1, event(test("unknownAccount"), finishedWithFailure(message(m ->
                        m.endsWith(": The credentials file has no access key of account 999999999999")))))
                .haveExactly(1, event(test("clientOptionsOnAUri"), finishedWithFailure(message(m ->
                        m.contains(": @FromTrent's account, region and accessKey choose a KmsClient;")))));
        results.testEvents().assertStatistics(s -> s.succeeded(0));
    }

    // ---- Fixtures: run only by the tests above (see Fixture). ----

    /** Enables a fixture only in the engine runs of {@link TrentExtensionTest}, never on its own. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(Fixture.Condition.class)
    @interface Fixture {
        String PARAMETER = "dev.trent.junit.fixtures";

        final class Condition implements ExecutionCondition {
            @Override
            public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
                return context.getConfigurationParameter(PARAMETER).isPresent()
                        ? ConditionEvaluationResult.enabled("run by TrentExtensionTest")
                        : ConditionEvaluationResult.disabled("a fixture of TrentExtensionTest");
            }
        }
    }

    /** Two tests in order: the second sees the key of the first (one Trent for the class). */
    @Fixture
    @WithTrent
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class ClassScope {
        @FromTrent
        static KmsClient kms;
        @FromTrent
        static Trent trent;

        abstract String name();

        @Test
        @Order(1)
        void first() {
            saw(name(), trent);
            kms.createKey();
            assertThat(kms.listKeys().keys()).hasSize(1);
        }

        @Test
        @Order(2)
        void second(Trent parameter) {
            saw(name(), parameter);
            kms.createKey();
            assertThat(kms.listKeys().keys()).hasSize(2);
        }
    }

    static class ClassScopeA extends ClassScope {
        @Override
        String name() {
            return "A";
        }

        @AfterAll
        static void stillThere(Trent parameter) {
            assertThat(kms.listKeys().keys()).hasSize(2);
            saw("A in @AfterAll", parameter);
        }
    }

    static class ClassScopeB extends ClassScope {
        @Override
        String name() {
            return "B";
        }
    }

    @Fixture
    @WithTrent(scope = TrentScope.SUITE)
    @Order(1)
    static class SuiteScopeFirst {
        @Test
        void createsAnAlias(KmsClient kms, Trent trent) {
            saw("suite", trent);
            String keyId = kms.createKey().keyMetadata().keyId();
            kms.createAlias(r -> r.aliasName("alias/suite").targetKeyId(keyId));
        }
    }

    /** The same options but per class: a Trent of its own, without the suite's alias. */
    @Fixture
    @WithTrent
    @Order(2)
    static class ClassScopeBetween {
        @Test
        void hasItsOwn(KmsClient kms, Trent trent) {
            saw("between", trent);
            assertThat(kms.listAliases().aliases()).extracting(AliasListEntry::aliasName).doesNotContain("alias/suite");
        }
    }

    @Fixture
    @WithTrent(scope = TrentScope.SUITE)
    @Order(3)
    static class SuiteScopeSecond {
        @Test
        void seesTheFirstClassesAlias(KmsClient kms, Trent trent) {
            saw("suite", trent);
            assertThat(kms.listAliases().aliases()).extracting(AliasListEntry::aliasName).contains("alias/suite");
        }
    }

    @Fixture
    @WithTrent(scope = TrentScope.TEST, imports = "classpath:dev/trent/junit/keys.json")
    static class TestScope {
        @FromTrent
        Trent trent;
        @FromTrent
        KmsClient kms;

        @RepeatedTest(3)
        void startsFromTheImportedKeysOnly(Trent parameter, KmsClient client) {
            saw("test", trent);
            assertThat(parameter).isSameAs(trent);
            assertThat(client).isSameAs(kms);
            assertThat(kms.listKeys().keys()).hasSize(1);
            kms.createKey();
        }

        @Test
        void andSoDoesThisOne(URI endpoint) {
            saw("test", trent);
            assertThat(endpoint).isEqualTo(trent.endpoint());
            assertThat(kms.listKeys().keys()).hasSize(1);
            kms.createKey();
        }
    }

    /** Each test waits for all the others, then works with its scope's Trent. */
    @Fixture
    abstract static class Parallel {
        static final int TESTS = 6;
        static final CyclicBarrier ALL_AT_ONCE = new CyclicBarrier(TESTS);

        static void work(String name, KmsClient kms, Trent trent) throws Exception {
            ALL_AT_ONCE.await(60, TimeUnit.SECONDS);
            saw(name, trent);
            String keyId = kms.createKey().keyMetadata().keyId();
            assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().enabled()).isTrue();
        }
    }

    @WithTrent
    static class ParallelA extends Parallel {
        @Test
        void one(KmsClient kms, Trent trent) throws Exception {
            work("parallel A", kms, trent);
        }

        @Test
        void two(KmsClient kms, Trent trent) throws Exception {
            work("parallel A", kms, trent);
        }
    }

    @WithTrent
    static class ParallelB extends Parallel {
        @Test
        void one(KmsClient kms, Trent trent) throws Exception {
            work("parallel B", kms, trent);
        }

        @Test
        void two(KmsClient kms, Trent trent) throws Exception {
            work("parallel B", kms, trent);
        }
    }

    @WithTrent(scope = TrentScope.SUITE, account = "222233334444")
    static class ParallelSuiteOne extends Parallel {
        @Test
        void one(KmsClient kms, Trent trent) throws Exception {
            work("parallel suite", kms, trent);
        }
    }

    @WithTrent(scope = TrentScope.SUITE, account = "222233334444")
    static class ParallelSuiteTwo extends Parallel {
        @Test
        void one(KmsClient kms, Trent trent) throws Exception {
            work("parallel suite", kms, trent);
        }
    }

    @Fixture
    @WithTrent(scope = TrentScope.TEST)
    static class StaticFieldInTestScope {
        @FromTrent
        static KmsClient kms;

        @Test
        void never() {
        }
    }

    @Fixture
    @WithTrent
    static class WrongFieldType {
        @FromTrent
        String name;

        @Test
        void wrongType() {
        }
    }

    @Fixture
    @WithTrent
    static class AccessKeyWithoutCredentials {
        @Test
        void accessKey(@FromTrent(accessKey = "AKIAIOSFODNN7EXAMPLE") KmsClient kms) {
        }
    }

    @Fixture
    @WithTrent(imports = "no-such-keys.json")
    static class MissingImport {
        @Test
        void never() {
        }
    }

    @Fixture
    @WithTrent(credentials = "examples/credentials.json")
    static class UnknownAccount {
        @Test
        void unknownAccount(@FromTrent(account = "999999999999") KmsClient kms) {
        }
    }

    @Fixture
    @WithTrent(scope = TrentScope.TEST)
    static class NoTrentBeforeAllInTestScope {
        @BeforeAll
        static void beforeAll(URI endpoint) {
        }

        @Test
        void never() {
        }
    }

    @Fixture
    @WithTrent
    static class ClientOptionsOnAUri {
        @Test
        void clientOptionsOnAUri(@FromTrent(region = "eu-west-1") URI endpoint) {
        }
    }

}
