//! The iteration order of a `java.util.HashMap<String, Object>`, which is the order in which the
//! gateway writes the keys of every object inside an array (fastjson's `JSONObject` is a `HashMap`).
//!
//! This replays what OpenJDK's `HashMap` does on `put` (JDK 8 and later behave the same here):
//! `String.hashCode` spread as `h ^ (h >>> 16)`, a table of 16 slots that doubles when the size passes
//! 3/4 of it, doubles early while under 64 slots when a bucket reaches 9 keys, and above that turns such
//! a bucket into a red-black tree whose root is moved to the front of the bucket. Keys in one bucket keep
//! their insertion order except for what the tree does. Vectors `pub-0009`…`pub-0012`, `pub-0046`,
//! `pub-0047` and `pub-0375` pin it down; the vectors README ("Further observations") describes the trees.

use std::cmp::Ordering;

const INITIAL_CAPACITY: usize = 16;
const TREEIFY_THRESHOLD: usize = 8;
const UNTREEIFY_THRESHOLD: usize = 6;
const MIN_TREEIFY_CAPACITY: usize = 64;

/// Java's `String.hashCode` over UTF-16 code units, spread the way `HashMap.hash` does.
pub(crate) fn spread_hash(key: &str) -> i32 {
    let h = key.encode_utf16().fold(0i32, |h, unit| h.wrapping_mul(31).wrapping_add(i32::from(unit)));
    h ^ ((h as u32) >> 16) as i32
}

/// Java's `String.compareTo`: lexicographic over UTF-16 code units, a prefix first.
pub(crate) fn compare_utf16(a: &str, b: &str) -> Ordering {
    if a.is_ascii() && b.is_ascii() {
        return a.cmp(b);
    }
    a.encode_utf16().cmp(b.encode_utf16())
}

/// One key of the map: its spread hash and the text (for the tree's tie-break by `compareTo`).
#[derive(Clone, Copy)]
pub(crate) struct Key<'k> {
    pub hash: i32,
    pub text: &'k str,
}

impl<'k> Key<'k> {
    pub(crate) fn new(text: &'k str) -> Self {
        Key { hash: spread_hash(text), text }
    }
}

#[derive(Clone, Copy, Default)]
struct TreeLinks {
    parent: Option<usize>,
    left: Option<usize>,
    right: Option<usize>,
    red: bool,
}

/// A bucket: its nodes form a list in `next` order, which is iteration order, linked through
/// [`Map::next`] and [`Map::prev`] as Java's nodes are. A list, not a `Vec`: a tree bin inserts each
/// new node right after its tree parent and moves the root to the front, which a `Vec` does by shifting
/// the bin, so that a body with thousands of keys of one `hashCode` in an object inside an array took
/// quadratic time before its signature could be checked.
#[derive(Default, Clone, Copy)]
struct Bin {
    first: Option<usize>,
    last: Option<usize>,
    len: usize,
    /// `Some(root)` when the bin is a red-black tree.
    root: Option<usize>,
}

struct Map<'a, 'k> {
    keys: &'a [Key<'k>],
    table: Vec<Bin>,
    links: Vec<TreeLinks>,
    /// Per node id: the next and previous node of its bin.
    next: Vec<Option<usize>>,
    prev: Vec<Option<usize>>,
    size: usize,
}

/// The order (indices into `keys`) in which a `HashMap` filled by `put(keys[0])`, `put(keys[1])`, …
/// iterates. The keys must be distinct.
pub(crate) fn iteration_order(keys: &[Key<'_>]) -> Vec<usize> {
    let n = keys.len();
    let mut map = Map { keys, table: Vec::new(), links: vec![TreeLinks::default(); n], next: vec![None; n], prev: vec![None; n], size: 0 };
    for id in 0..n {
        map.put(id);
    }
    let mut order = Vec::with_capacity(n);
    for bin in &map.table {
        map.push_nodes(bin, &mut order);
    }
    order
}

impl Map<'_, '_> {
    fn hash(&self, id: usize) -> i32 {
        self.keys.get(id).map_or(0, |k| k.hash)
    }

    fn index(&self, id: usize, capacity: usize) -> usize {
        (self.hash(id) as u32 as usize) & (capacity - 1)
    }

    /// Tree order: by hash (as a signed int), then by `String.compareTo`.
    fn direction(&self, x: usize, p: usize) -> Ordering {
        match self.hash(x).cmp(&self.hash(p)) {
            Ordering::Equal => {
                let text = |id: usize| self.keys.get(id).map_or("", |k| k.text);
                compare_utf16(text(x), text(p))
            }
            other => other,
        }
    }

    fn next_of(&self, id: usize) -> Option<usize> {
        self.next.get(id).copied().flatten()
    }

    fn set_next(&mut self, id: usize, next: Option<usize>) {
        if let Some(slot) = self.next.get_mut(id) {
            *slot = next;
        }
    }

    fn set_prev(&mut self, id: usize, prev: Option<usize>) {
        if let Some(slot) = self.prev.get_mut(id) {
            *slot = prev;
        }
    }

    /// Appends the nodes of `bin`, in `next` order, to `out`.
    fn push_nodes(&self, bin: &Bin, out: &mut Vec<usize>) {
        let mut at = bin.first;
        // At most `len` steps, whatever the links say.
        for _ in 0..bin.len {
            let Some(id) = at else { break };
            out.push(id);
            at = self.next_of(id);
        }
    }

    fn bin_nodes(&self, i: usize) -> Vec<usize> {
        let mut nodes = Vec::new();
        if let Some(bin) = self.table.get(i) {
            self.push_nodes(bin, &mut nodes);
        }
        nodes
    }

    /// Links `x` into bin `i` right after `p`, or first when `p` is `None` (Java's `next`/`prev`).
    fn insert_after(&mut self, i: usize, p: Option<usize>, x: usize) {
        let Some(bin) = self.table.get(i).copied() else { return };
        let next = p.map_or(bin.first, |p| self.next_of(p));
        self.set_prev(x, p);
        self.set_next(x, next);
        match p {
            Some(p) => self.set_next(p, Some(x)),
            None => self.edit_bin(i, |bin| bin.first = Some(x)),
        }
        match next {
            Some(n) => self.set_prev(n, Some(x)),
            None => self.edit_bin(i, |bin| bin.last = Some(x)),
        }
        self.edit_bin(i, |bin| bin.len += 1);
    }

    /// Takes `x` out of bin `i`'s list.
    fn unlink(&mut self, i: usize, x: usize) {
        let (prev, next) = (self.prev.get(x).copied().flatten(), self.next_of(x));
        match prev {
            Some(p) => self.set_next(p, next),
            None => self.edit_bin(i, |bin| bin.first = next),
        }
        match next {
            Some(n) => self.set_prev(n, prev),
            None => self.edit_bin(i, |bin| bin.last = prev),
        }
        self.edit_bin(i, |bin| bin.len = bin.len.saturating_sub(1));
    }

    fn edit_bin(&mut self, i: usize, edit: impl FnOnce(&mut Bin)) {
        if let Some(bin) = self.table.get_mut(i) {
            edit(bin);
        }
    }

    /// Appends `id` to the end of bin `i`.
    fn push_back(&mut self, i: usize, id: usize) {
        let last = self.table.get(i).and_then(|bin| bin.last);
        self.insert_after(i, last, id);
    }

    fn put(&mut self, id: usize) {
        if self.table.is_empty() {
            self.resize();
        }
        let i = self.index(id, self.table.len());
        let Some(bin) = self.table.get(i).copied() else { return };
        if bin.root.is_some() {
            self.put_tree(i, id);
        } else {
            let before = bin.len;
            self.push_back(i, id);
            // `binCount >= TREEIFY_THRESHOLD - 1` in `putVal`: the new node is the 9th or later.
            if before >= TREEIFY_THRESHOLD {
                self.treeify_bin(i);
            }
        }
        self.size += 1;
        if self.size > self.threshold() {
            self.resize();
        }
    }

    fn threshold(&self) -> usize {
        self.table.len() / 4 * 3
    }

    fn treeify_bin(&mut self, i: usize) {
        if self.table.len() < MIN_TREEIFY_CAPACITY {
            self.resize();
        } else {
            self.treeify(i);
        }
    }

    fn resize(&mut self) {
        let old = std::mem::take(&mut self.table);
        let capacity = if old.is_empty() { INITIAL_CAPACITY } else { old.len() * 2 };
        self.table = vec![Bin::default(); capacity];
        let bit = old.len();
        let mut nodes = Vec::new();
        for (j, bin) in old.into_iter().enumerate() {
            let was_tree = bin.root.is_some();
            nodes.clear();
            self.push_nodes(&bin, &mut nodes);
            let (lo, hi): (Vec<usize>, Vec<usize>) =
                nodes.iter().partition(|&&id| (self.hash(id) as u32 as usize) & bit == 0);
            for (index, part, other_empty) in [(j, &lo, hi.is_empty()), (j + bit, &hi, lo.is_empty())] {
                if part.is_empty() {
                    continue;
                }
                let count = part.len();
                for &id in part {
                    self.push_back(index, id);
                }
                if was_tree && count > UNTREEIFY_THRESHOLD {
                    if other_empty {
                        // `TreeNode.split`: the whole tree moved, unchanged.
                        self.edit_bin(index, |slot| slot.root = bin.root);
                    } else {
                        self.treeify(index);
                    }
                }
            }
        }
    }

    /// `TreeNode.treeify`: insert the bin's nodes in `next` order into a fresh red-black tree, then
    /// move the root to the front of the bin.
    fn treeify(&mut self, i: usize) {
        let nodes = self.bin_nodes(i);
        let mut root: Option<usize> = None;
        for &x in &nodes {
            self.set_links(x, TreeLinks::default());
            let Some(mut p) = root else {
                root = Some(x);
                continue;
            };
            loop {
                let go_left = self.direction(x, p) != Ordering::Greater;
                let child = if go_left { self.link(p).left } else { self.link(p).right };
                match child {
                    Some(c) => p = c,
                    None => {
                        self.attach(p, x, go_left);
                        root = Some(self.balance_insertion(root.unwrap_or(x), x));
                        break;
                    }
                }
            }
        }
        if let Some(r) = root {
            self.link_mut(r).red = false;
            self.edit_bin(i, |bin| bin.root = Some(r));
            self.move_root_to_front(i, r);
        }
    }

    /// `TreeNode.putTreeVal` for a new key: the node goes below its tree parent and right after that
    /// parent in `next` order; then the tree is balanced and its root moved to the front.
    fn put_tree(&mut self, i: usize, x: usize) {
        let Some(root) = self.table.get(i).and_then(|b| b.root) else { return };
        self.set_links(x, TreeLinks::default());
        let mut p = root;
        let go_left = loop {
            let go_left = self.direction(x, p) != Ordering::Greater;
            match if go_left { self.link(p).left } else { self.link(p).right } {
                Some(c) => p = c,
                None => break go_left,
            }
        };
        self.attach(p, x, go_left);
        // `x` goes right after `p` in `next` order.
        self.insert_after(i, Some(p), x);
        let root = self.balance_insertion(root, x);
        self.edit_bin(i, |bin| bin.root = Some(root));
        self.move_root_to_front(i, root);
    }

    /// `TreeNode.moveRootToFront`: the root is unlinked from its place and becomes the bin's first node.
    fn move_root_to_front(&mut self, i: usize, root: usize) {
        if self.table.get(i).is_some_and(|bin| bin.first != Some(root)) {
            self.unlink(i, root);
            self.insert_after(i, None, root);
        }
    }

    fn link(&self, id: usize) -> TreeLinks {
        self.links.get(id).copied().unwrap_or_default()
    }

    fn link_mut(&mut self, id: usize) -> &mut TreeLinks {
        // Ids always come from `0..keys.len()`; the fallback only keeps this total.
        if id >= self.links.len() {
            self.links.resize(id + 1, TreeLinks::default());
        }
        #[allow(clippy::indexing_slicing)] // in bounds: resized just above
        &mut self.links[id]
    }

    fn set_links(&mut self, id: usize, links: TreeLinks) {
        *self.link_mut(id) = links;
    }

    fn attach(&mut self, parent: usize, x: usize, left: bool) {
        self.link_mut(x).parent = Some(parent);
        if left {
            self.link_mut(parent).left = Some(x);
        } else {
            self.link_mut(parent).right = Some(x);
        }
    }

    fn rotate_left(&mut self, mut root: usize, p: usize) -> usize {
        if let Some(r) = self.link(p).right {
            let rl = self.link(r).left;
            self.link_mut(p).right = rl;
            if let Some(rl) = rl {
                self.link_mut(rl).parent = Some(p);
            }
            let pp = self.link(p).parent;
            self.link_mut(r).parent = pp;
            match pp {
                None => {
                    root = r;
                    self.link_mut(r).red = false;
                }
                Some(pp) if self.link(pp).left == Some(p) => self.link_mut(pp).left = Some(r),
                Some(pp) => self.link_mut(pp).right = Some(r),
            }
            self.link_mut(r).left = Some(p);
            self.link_mut(p).parent = Some(r);
        }
        root
    }

    fn rotate_right(&mut self, mut root: usize, p: usize) -> usize {
        if let Some(l) = self.link(p).left {
            let lr = self.link(l).right;
            self.link_mut(p).left = lr;
            if let Some(lr) = lr {
                self.link_mut(lr).parent = Some(p);
            }
            let pp = self.link(p).parent;
            self.link_mut(l).parent = pp;
            match pp {
                None => {
                    root = l;
                    self.link_mut(l).red = false;
                }
                Some(pp) if self.link(pp).right == Some(p) => self.link_mut(pp).right = Some(l),
                Some(pp) => self.link_mut(pp).left = Some(l),
            }
            self.link_mut(l).right = Some(p);
            self.link_mut(p).parent = Some(l);
        }
        root
    }

    /// `TreeNode.balanceInsertion`, step for step: which node ends up the root decides the order.
    fn balance_insertion(&mut self, mut root: usize, mut x: usize) -> usize {
        self.link_mut(x).red = true;
        loop {
            let Some(xp) = self.link(x).parent else {
                self.link_mut(x).red = false;
                return x;
            };
            if !self.link(xp).red {
                return root;
            }
            let Some(xpp) = self.link(xp).parent else { return root };
            let parent_is_left = self.link(xpp).left == Some(xp);
            let uncle = if parent_is_left { self.link(xpp).right } else { self.link(xpp).left };
            if let Some(u) = uncle.filter(|&u| self.link(u).red) {
                self.link_mut(u).red = false;
                self.link_mut(xp).red = false;
                self.link_mut(xpp).red = true;
                x = xpp;
                continue;
            }
            let (mut xp, mut xpp) = (Some(xp), Some(xpp));
            let inner = if parent_is_left { self.link(x).parent.and_then(|p| self.link(p).right) }
                        else { self.link(x).parent.and_then(|p| self.link(p).left) };
            if inner == Some(x) {
                if let Some(p) = xp {
                    x = p;
                    root = if parent_is_left { self.rotate_left(root, x) } else { self.rotate_right(root, x) };
                    xp = self.link(x).parent;
                    xpp = xp.and_then(|p| self.link(p).parent);
                }
            }
            if let Some(p) = xp {
                self.link_mut(p).red = false;
                if let Some(g) = xpp {
                    self.link_mut(g).red = true;
                    root = if parent_is_left { self.rotate_right(root, g) } else { self.rotate_left(root, g) };
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(keys: &[&str]) -> Vec<String> {
        let ks: Vec<Key> = keys.iter().map(|k| Key::new(k)).collect();
        iteration_order(&ks).into_iter().map(|i| keys[i].to_string()).collect()
    }

    #[test]
    fn hash_code_matches_java() {
        // HashMap.hash(key) = h ^ (h >>> 16) of Java's "...".hashCode() h: "hello" 99162322 and
        // "pay_order_id" -1911702173 (checked with OpenJDK 17), "Aa" and "BB" both 2112,
        // "polygenelubricants" i32::MIN; spread with Python.
        assert_eq!(spread_hash(""), 0);
        assert_eq!(spread_hash("hello"), 99_163_451);
        assert_eq!(spread_hash("pay_order_id"), -1_911_737_490);
        assert_eq!((spread_hash("Aa"), spread_hash("BB")), (2112, 2112));
        assert_eq!(spread_hash("polygenelubricants"), -2_147_450_880);
    }

    #[test]
    fn small_map_iterates_by_bucket_then_insertion() {
        // "Aa" and "BB" collide: they keep insertion order within their bucket (pub-0011 vs pub-0012).
        assert_eq!(order(&["BB", "Aa"]), vec!["BB", "Aa"]);
        assert_eq!(order(&["Aa", "BB"]), vec!["Aa", "BB"]);
        assert_eq!(order(&["b", "a", "c"]), vec!["a", "b", "c"]);
    }

    #[test]
    fn utf16_order() {
        assert_eq!(compare_utf16("page", "page_size"), Ordering::Less);
        assert_eq!(compare_utf16("\u{1F600}", "\u{FF5A}"), Ordering::Less);
        assert_eq!(compare_utf16("Z", "_"), Ordering::Less);
    }

    /// The differential test against a real `java.util.HashMap`: `tests/java/hashmap_orders.json` holds,
    /// for hundreds of adversarial key lists (equal `hashCode` families, keys sharing the low bits of the
    /// spread hash, 25–200 keys, several insertion orders), the order of Java's map after each of six
    /// rounds of "fill a fresh `HashMap(16)` in the previous order" (keys in `drop` left out from round 2
    /// on). Every round must match exactly.
    #[test]
    fn agrees_with_java_on_every_fixture_round() {
        #[derive(serde::Deserialize)]
        struct Fixture {
            rounds: usize,
            cases: Vec<Case>,
        }
        #[derive(serde::Deserialize)]
        struct Case {
            name: String,
            keys: Vec<String>,
            drop: Vec<usize>,
            rounds: Vec<Vec<usize>>,
        }
        let fixture: Fixture =
            serde_json::from_str(include_str!("../tests/java/hashmap_orders.json")).unwrap();
        assert_eq!(fixture.cases.len(), 466, "the fixture lost or gained cases");
        let mut reordered_by_trees = 0;
        for case in &fixture.cases {
            assert_eq!(case.rounds.len(), fixture.rounds, "{}", case.name);
            let mut input: Vec<usize> = (0..case.keys.len()).collect();
            for (round, java) in case.rounds.iter().enumerate() {
                if round == 1 {
                    input.retain(|i| !case.drop.contains(i));
                }
                let keys: Vec<Key> = input.iter().map(|&i| Key::new(&case.keys[i])).collect();
                let ours: Vec<usize> = iteration_order(&keys).into_iter().map(|k| input[k]).collect();
                assert_eq!(&ours, java, "case {:?}, round {}", case.name, round + 1);
                if round == 0 && reordered_within_a_bucket(&case.keys, &ours) {
                    reordered_by_trees += 1;
                }
                input = ours;
            }
        }
        // The fixture must really exercise trees: cases whose order differs from plain list buckets.
        assert_eq!(reordered_by_trees, 365, "cases that reach a tree bin");
    }

    /// Whether `order` (Java's) breaks insertion order inside a bucket, which only a tree bin does: list
    /// bins append, and resizes split them keeping their relative order. The bucket is taken at the
    /// largest capacity the order is consistent with (a finer bucket than the real one is a subset of it,
    /// so this never reports a tree that is not there).
    fn reordered_within_a_bucket(keys: &[String], order: &[usize]) -> bool {
        let index = |i: usize, capacity: usize| (spread_hash(&keys[i]) as u32 as usize) & (capacity - 1);
        let Some(capacity) = (4..=16).map(|b| 1usize << b).rev().find(|&c| {
            order.windows(2).all(|w| index(w[0], c) <= index(w[1], c))
        }) else {
            return false;
        };
        order.windows(2).any(|w| index(w[0], capacity) == index(w[1], capacity) && w[0] > w[1])
    }
}
