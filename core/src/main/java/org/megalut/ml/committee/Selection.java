package org.megalut.ml.committee;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which committee members predict, and how their predictions combine (Tenbilac's selbest / bestn): sort the
 * members by {@code key} (ascending; ties by member index) and keep the first {@code bestn}.
 */
public record Selection(Key key, int bestn, MemberCombination combine) {

    /** Sort key of the members. */
    public enum Key {
        /** The last validation cost. */
        VALERR,
        /** The last training (minibatch) cost. */
        TRAINERR;

        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException listing the valid names */
        public static Key byName(String name) {
            for (Key k : values()) {
                if (k.configName().equals(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown selection key '" + name + "', valid: [valerr, trainerr]");
        }

        double of(Member m) {
            return this == VALERR ? m.history().lastValCost() : m.history().lastTrainCost();
        }
    }

    public Selection {
        if (bestn <= 0) {
            throw new IllegalArgumentException("bestn must be positive, got " + bestn);
        }
    }

    /**
     * The indices (into {@code members}) of the selected members, best first.
     *
     * @throws IllegalArgumentException if there are fewer than bestn members or a key value is NaN
     */
    public List<Integer> select(List<Member> members) {
        if (members.size() < bestn) {
            throw new IllegalArgumentException("cannot keep the best " + bestn + " of " + members.size() + " members");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (Double.isNaN(key.of(members.get(i)))) {
                throw new IllegalArgumentException("member " + members.get(i).index() + " has no "
                        + key.configName() + " to select on");
            }
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> key.of(members.get(i))).thenComparing(i -> i));
        return List.copyOf(order.subList(0, bestn));
    }
}
