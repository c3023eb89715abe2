package dev.trent.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.crypto.Randomness;
import dev.trent.kms.Kms;
import dev.trent.kms.MutableClock;
import dev.trent.store.InMemoryStore;
import org.junit.jupiter.api.Test;

/** Routes are found at an operation's first request: every operation must have one, in one group only. */
class HandlerGroupsTest {
    @Test
    void everyOperationHasExactlyOneRoute() {
        Api api = new Api(new Kms(new InMemoryStore(), new MutableClock(), new Randomness()));
        for (Operation op : Operation.values()) {
            long groups = api.groups().stream().filter(group -> group.route(op) != null).count();
            assertThat(groups).as(op.awsName()).isEqualTo(1);
        }
        assertThat(Operation.values()).hasSize(56);
    }
}
