// The ground truth for src/java_hashmap.rs: the iteration order of a real java.util.HashMap<String, Object>,
// which is how the gateway (fastjson 1.2.83's JSONObject, `new HashMap<>(16)`) orders the keys of objects
// inside arrays.
//
//   java tests/java/HashMapOrder.java > tests/java/hashmap_orders.json   (what `make java-fixtures` runs)
//       generates the adversarial cases below with a fixed seed and prints the fixture.
//   java tests/java/HashMapOrder.java --stdin
//       reads one key list per line (keys separated by TAB) and prints each list's iteration order, for
//       looking at one case by hand.
//
// Every case is a key list (insertion order) and an optional set of keys "dropped" after round 1, the way
// the gateway drops null members when it writes an object out. Round 1 is the order of a fresh HashMap filled
// by `put` in list order; round n+1 is the order of a fresh HashMap filled in round n's order (minus the
// dropped keys after round 1), which is what each write-out-and-parse-again of the gateway does.
// Orders are printed as indices into the case's key list.

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

public class HashMapOrder {
    static final int ROUNDS = 6;

    static List<String> order(List<String> keys) {
        Map<String, Object> map = new HashMap<>(16);
        for (String k : keys) map.put(k, Boolean.TRUE);
        return new ArrayList<>(map.keySet());
    }

    static int spread(String k) {
        int h = k.hashCode();
        return h ^ (h >>> 16);
    }

    // ---- key generators -------------------------------------------------------------------------------

    /** 2^n distinct strings with one String.hashCode: every word of n blocks drawn from "Aa" and "BB". */
    static List<String> equalHashBlock(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int bits = 0; bits < (1 << n); bits++) {
            StringBuilder sb = new StringBuilder(prefix);
            for (int i = 0; i < n; i++) sb.append(((bits >> i) & 1) == 0 ? "Aa" : "BB");
            out.add(sb.toString());
        }
        return out;
    }

    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    static String randomKey(Random rnd) {
        int len = 1 + rnd.nextInt(12);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            int r = rnd.nextInt(40);
            if (r == 0) sb.append('\u00e9');
            else if (r == 1) sb.append("\ud83d\ude00"); // a surrogate pair: compareTo works on UTF-16 units
            else if (r == 2) sb.append('\uff5a');
            else sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** `count` distinct random keys whose spread hash has `bits` low bits equal to `target`. */
    static List<String> sharingLowBits(Random rnd, int bits, int target, int count, Set<String> taken) {
        List<String> out = new ArrayList<>();
        int mask = (1 << bits) - 1;
        while (out.size() < count) {
            String k = randomKey(rnd);
            if ((spread(k) & mask) == target && taken.add(k)) out.add(k);
        }
        return out;
    }

    static List<String> randomKeys(Random rnd, int count, Set<String> taken) {
        List<String> out = new ArrayList<>();
        while (out.size() < count) {
            String k = randomKey(rnd);
            if (taken.add(k)) out.add(k);
        }
        return out;
    }

    // ---- output ---------------------------------------------------------------------------------------

    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20 || c > 0x7e) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    static final StringBuilder OUT = new StringBuilder();
    static int cases = 0;

    static void emit(String name, List<String> keys, Set<String> drop) {
        if (new HashSet<>(keys).size() != keys.size()) throw new IllegalStateException("duplicate key in " + name);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) index.put(keys.get(i), i);
        List<List<String>> rounds = new ArrayList<>();
        List<String> current = order(keys);
        rounds.add(current);
        for (int r = 1; r < ROUNDS; r++) {
            List<String> next = new ArrayList<>();
            for (String k : current) if (r > 1 || !drop.contains(k)) next.add(k);
            current = order(next);
            rounds.add(current);
        }
        OUT.append(cases++ == 0 ? "\n" : ",\n");
        OUT.append("{\"name\":").append(json(name)).append(",\"keys\":[");
        for (int i = 0; i < keys.size(); i++) OUT.append(i == 0 ? "" : ",").append(json(keys.get(i)));
        OUT.append("],\"drop\":[");
        List<Integer> dropped = new ArrayList<>();
        for (String k : drop) dropped.add(index.get(k));
        Collections.sort(dropped);
        for (int i = 0; i < dropped.size(); i++) OUT.append(i == 0 ? "" : ",").append(dropped.get(i));
        OUT.append("],\"rounds\":[");
        for (int r = 0; r < rounds.size(); r++) {
            OUT.append(r == 0 ? "[" : ",[");
            List<String> round = rounds.get(r);
            for (int i = 0; i < round.size(); i++) OUT.append(i == 0 ? "" : ",").append(index.get(round.get(i)));
            OUT.append(']');
        }
        OUT.append("]}");
    }

    /** Emits the case in several insertion orders (as generated, shuffled, sorted, reversed), with and
     *  without dropped keys. */
    static void variants(Random rnd, String name, List<String> keys) {
        emit(name, keys, Set.of());
        List<String> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled, rnd);
        emit(name + "/shuffled", shuffled, Set.of());
        List<String> sorted = new ArrayList<>(keys);
        Collections.sort(sorted);
        emit(name + "/sorted", sorted, Set.of());
        Collections.reverse(sorted);
        emit(name + "/reversed", sorted, Set.of());
        Set<String> drop = new LinkedHashSet<>();
        for (String k : shuffled) if (rnd.nextInt(4) == 0) drop.add(k);
        emit(name + "/shuffled/drop", shuffled, drop);
        // Drop most of the big bucket's keys so the second map has to untreeify or stay a list.
        Set<String> heavy = new LinkedHashSet<>();
        for (String k : keys) if (rnd.nextInt(3) != 0) heavy.add(k);
        emit(name + "/drop-most", keys, heavy);
    }

    static void generate() {
        Random rnd = new Random(20260217L);
        // Equal String.hashCode: one bucket at every table size, so 9+ of them force resizes to 64 and a tree.
        for (int n : new int[] {3, 4, 5, 6, 7}) {
            List<String> keys = new ArrayList<>(equalHashBlock("k", n));
            variants(rnd, "equal-hash " + keys.size(), keys);
            Set<String> taken = new HashSet<>(keys);
            List<String> mixed = new ArrayList<>(keys);
            mixed.addAll(randomKeys(rnd, 10 + rnd.nextInt(60), taken));
            Collections.shuffle(mixed, rnd);
            variants(rnd, "equal-hash " + keys.size() + " + random", mixed);
        }
        // Two or three equal-hash families in one object (different hashes, possibly one bucket).
        for (int t = 0; t < 6; t++) {
            List<String> keys = new ArrayList<>();
            for (String p : new String[] {"x", "pay", "id_"}) keys.addAll(equalHashBlock(p, 3 + rnd.nextInt(3)));
            variants(rnd, "three equal-hash families #" + t, keys);
        }
        // Keys sharing the low 6, 7 or 8 bits of the spread hash: one bucket in a 64/128/256 table that
        // splits (or not) when the table grows, untreeifying a side of 6 or fewer and re-treeifying the rest.
        for (int bits : new int[] {4, 5, 6, 7, 8}) {
            for (int t = 0; t < 8; t++) {
                Set<String> taken = new HashSet<>();
                int colliding = 9 + rnd.nextInt(40);
                List<String> keys = sharingLowBits(rnd, bits, rnd.nextInt(1 << bits), colliding, taken);
                int total = 25 + rnd.nextInt(176);
                keys.addAll(randomKeys(rnd, Math.max(0, total - keys.size()), taken));
                Collections.shuffle(keys, rnd);
                variants(rnd, "low " + bits + " bits shared by " + colliding + " of " + keys.size() + " #" + t, keys);
            }
        }
        // Two crowded buckets at once, and colliding keys inserted last (putTreeVal into an existing tree).
        for (int t = 0; t < 10; t++) {
            Set<String> taken = new HashSet<>();
            List<String> keys = new ArrayList<>(randomKeys(rnd, 20 + rnd.nextInt(100), taken));
            keys.addAll(sharingLowBits(rnd, 6, rnd.nextInt(64), 9 + rnd.nextInt(20), taken));
            keys.addAll(sharingLowBits(rnd, 7, rnd.nextInt(128), 9 + rnd.nextInt(20), taken));
            variants(rnd, "two crowded buckets, colliding last #" + t, keys);
        }
        // Equal-hash keys arriving one by one into an existing tree, after 64+ slots already exist.
        for (int t = 0; t < 6; t++) {
            Set<String> taken = new HashSet<>();
            List<String> keys = new ArrayList<>(randomKeys(rnd, 49 + rnd.nextInt(60), taken));
            List<String> family = equalHashBlock("t" + t, 5);
            Collections.shuffle(family, rnd);
            keys.addAll(family.subList(0, 9 + rnd.nextInt(23)));
            variants(rnd, "equal-hash into a 128-slot table #" + t, keys);
        }
        // Plain random sets, 25-200 keys (no trees expected: the list-bucket baseline).
        for (int t = 0; t < 30; t++) {
            Set<String> taken = new HashSet<>();
            List<String> keys = randomKeys(rnd, 25 + rnd.nextInt(176), taken);
            emit("random " + keys.size() + " #" + t, keys, Set.of());
        }
        // Small maps, including the vectors' "Aa"/"BB" pair.
        emit("Aa BB", List.of("Aa", "BB"), Set.of());
        emit("BB Aa", List.of("BB", "Aa"), Set.of());
        emit("one key", List.of("a"), Set.of());
        emit("empty", List.of(), Set.of());
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--stdin")) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                List<String> keys = line.isEmpty() ? List.of() : Arrays.asList(line.split("\t", -1));
                System.out.println(String.join("\t", order(keys)));
            }
            return;
        }
        generate();
        String version = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        System.out.print("{\"provenance\":" + json("generated by tests/java/HashMapOrder.java on " + version
            + " (java " + System.getProperty("java.version") + "); regenerate with `make java-fixtures`")
            + ",\"rounds\":" + ROUNDS + ",\"cases\":[" + OUT + "\n]}\n");
    }
}
