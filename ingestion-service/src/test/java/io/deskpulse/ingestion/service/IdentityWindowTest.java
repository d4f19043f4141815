package io.deskpulse.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityWindowTest {

    @Test
    void identityDependsOnEveryPartAndTheirBoundaries() {
        EventIdentity identity = EventIdentity.of("acme", "zendesk/acme", "1");
        assertThat(EventIdentity.of("acme", "zendesk/acme", "1")).isEqualTo(identity);
        assertThat(EventIdentity.of("globex", "zendesk/acme", "1")).isNotEqualTo(identity);
        assertThat(EventIdentity.of("acme", "zendesk/acme", "2")).isNotEqualTo(identity);
        assertThat(EventIdentity.of("a:b", "c", "d")).isNotEqualTo(EventIdentity.of("a", "b:c", "d"));
    }

    @Test
    void forgetsTheOldestWhenFull() {
        IdentityWindow window = new IdentityWindow(3);
        for (int i = 0; i < 4; i++) {
            assertThat(window.add(id(i))).isTrue();
        }
        assertThat(window.size()).isEqualTo(3);
        assertThat(window.contains(id(0))).isFalse();
        assertThat(window.contains(id(1))).isTrue();
        assertThat(window.contains(id(3))).isTrue();
        assertThat(window.add(id(2))).isFalse();
    }

    @Test
    void capacityZeroRemembersNothing() {
        IdentityWindow window = new IdentityWindow(0);
        assertThat(window.add(id(1))).isTrue();
        assertThat(window.add(id(1))).isTrue();
        assertThat(window.contains(id(1))).isFalse();
    }

    @Test
    void behavesLikeABoundedFifoSetThroughGrowthAndManyEvictions() {
        int capacity = 5000;
        IdentityWindow window = new IdentityWindow(capacity);
        ArrayDeque<Integer> order = new ArrayDeque<>();
        Set<Integer> reference = new HashSet<>();
        Random random = new Random(42);
        for (int step = 0; step < 200_000; step++) {
            int n = random.nextInt(20_000);
            boolean added = window.add(id(n));
            assertThat(added).isEqualTo(!reference.contains(n));
            if (added) {
                order.addLast(n);
                reference.add(n);
                if (order.size() > capacity) {
                    reference.remove(order.removeFirst());
                }
            }
            if (step % 1000 == 0) {
                int probe = random.nextInt(20_000);
                assertThat(window.contains(id(probe))).isEqualTo(reference.contains(probe));
            }
        }
        assertThat(window.size()).isEqualTo(reference.size());
        for (int n = 0; n < 20_000; n++) {
            assertThat(window.contains(id(n))).as("identity %d", n).isEqualTo(reference.contains(n));
        }
    }

    @Test
    void handsItsNewestIdentitiesToASmallerWindow() {
        IdentityWindow request = new IdentityWindow(10);
        for (int i = 0; i < 10; i++) {
            request.add(id(i));
        }
        IdentityWindow recent = new IdentityWindow(4);
        request.addAllTo(recent);
        assertThat(recent.size()).isEqualTo(4);
        assertThat(recent.contains(id(9))).isTrue();
        assertThat(recent.contains(id(6))).isTrue();
        assertThat(recent.contains(id(5))).isFalse();
    }

    private static EventIdentity id(int n) {
        return EventIdentity.of("t", "s", Integer.toString(n));
    }
}
