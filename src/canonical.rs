//! The canonical string the gateway hashes: exactly what its Java `SignUtil.createSign` builds on
//! fastjson 1.2.83. Every rule here is backed by vectors in `tests/vectors/` (ids in the comments);
//! the vectors' README states them all.

use std::borrow::Cow;

use crate::java_hashmap::{self, Key};
use crate::json::{self, Object, Value};

// Natively, signing writes the canonical string from the body text without the tree (see the module).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod direct;

/// Builds the canonical string of a parsed body, or `None` when the body has no parameters at all
/// (`{}`), in which case the gateway hashes `key=<secret>` without the leading `&` (pub-0003).
///
/// `reparses` is how many extra times the gateway writes the body out and parses it again before
/// signing: 0 for requests and payout webhooks, 1 for pay-in webhooks (the demo's
/// `JSON.parseObject(JSON.toJSONString(...))`). It only shows in the key order of objects inside arrays.
///
/// `capacity` is a guess of the length, so that the string is not regrown as it fills: the length of
/// the body text is a good one (the canonical string drops its whitespace, quotes and nulls, and rarely
/// adds anything).
pub fn canonical_string(body: &Object<'_>, reparses: u32, capacity: usize) -> Option<String> {
    canonical_string_where(body, reparses, capacity, |_, _| true)
}

/// [`canonical_string`] of the body with only the top-level members for which `keep` answers true
/// (what the pay-in webhook rule signs), without copying the body. `None` when nothing is kept.
pub fn canonical_string_where(
    body: &Object<'_>,
    reparses: u32,
    capacity: usize,
    keep: impl Fn(&str, &Value<'_>) -> bool,
) -> Option<String> {
    if !body.iter().any(|(k, v)| keep(k, v)) {
        return None;
    }
    let mut w = Writer { out: String::with_capacity(capacity), order: Vec::new(), last: None, last_order: Vec::new() };
    // An array directly in the body sits under one object level: parsed once, written out and parsed again.
    w.write_pairs(body, 2 + reparses, &keep);
    Some(w.out)
}

/// An object's member as the parser stores it.
type Member<'v> = (Cow<'v, str>, Value<'v>);

/// The canonical string under construction, and the key orders of the objects being written inside
/// arrays: each object pushes its order on top of `order`, writes its members (whose own objects push
/// above it) and pops it, so one buffer serves every object of the body.
struct Writer<'b, 'v> {
    out: String,
    /// (spread hash, member index) per member, in the order the gateway writes them.
    order: Vec<(u32, u32)>,
    /// The members and parse count of the last object whose order was worked out, and that order:
    /// the objects of an array usually have the same keys (the details of a payout), and then the
    /// same order, found without hashing a key.
    last: Option<(&'b [Member<'v>], u32)>,
    last_order: Vec<(u32, u32)>,
}

impl<'b, 'v> Writer<'b, 'v> {
    /// `k1=v1&k2=v2…` for a top-level or nested object: empty values dropped, keys in UTF-16 order
    /// (pub-0019…pub-0022), nothing escaped (pub-0017). `parses` is how often an array directly under
    /// this object is parsed by the gateway (see [`Writer::write_array`]).
    fn write_pairs(&mut self, object: &'b Object<'v>, parses: u32, keep: &dyn Fn(&str, &Value<'_>) -> bool) {
        let mut members: Vec<(&str, &'b Value<'v>)> =
            object.iter().filter(|&(k, v)| !v.is_empty_value() && keep(k, v)).collect();
        // UTF-8 byte order is UTF-16 order unless a key holds a character above U+FFFF (4-byte UTF-8,
        // lead byte F0..F4): then compare UTF-16 units as Java does.
        if members.iter().any(|(k, _)| !k.is_ascii() && k.bytes().any(|b| b >= 0xF0)) {
            sort_by_less(&mut members, |a, b| java_hashmap::compare_utf16(a.0, b.0).is_lt());
        } else {
            sort_by_less(&mut members, |a, b| bytes_less(a.0.as_bytes(), b.0.as_bytes()));
        }
        for (i, (key, value)) in members.into_iter().enumerate() {
            if i > 0 {
                self.out.push('&');
            }
            self.out.push_str(key);
            self.out.push('=');
            match value {
                Value::String(s) => self.out.push_str(s),
                Value::Object(o) => {
                    // pub-0006, pub-0007: `key={...}` with the same rules inside; `{}` when emptied.
                    self.out.push('{');
                    self.write_pairs(o, parses + 1, &|_, _| true);
                    self.out.push('}');
                }
                Value::Array(items) => self.write_array(items, parses),
                // Numbers and booleans as inside arrays; `null` is filtered above.
                other => self.write_json(other, parses),
            }
        }
    }

    /// An array as fastjson's compact JSON (rule 6): elements in order, `""` and `null` elements kept
    /// (pub-0005, pub-0016), objects with their null members dropped and their keys in `HashMap` order
    /// (pub-0008, pub-0031).
    ///
    /// The gateway parses the body once and then writes each array out and parses it again once per
    /// object level above it (README "Further observations" 2); each parse rebuilds every `HashMap`
    /// below the array from the previous one's iteration order, which can move keys only when a bucket
    /// is a tree. `parses` counts those parses.
    fn write_array(&mut self, items: &'b [Value<'v>], parses: u32) {
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.write_json(item, parses);
        }
        self.out.push(']');
    }

    fn write_json(&mut self, value: &'b Value<'v>, parses: u32) {
        match value {
            Value::Null => self.out.push_str("null"),
            Value::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => write_number(&mut self.out, n),
            Value::String(s) => write_parsed_string(&mut self.out, s),
            Value::Array(items) => self.write_array(items, parses),
            Value::Object(o) => {
                self.out.push('{');
                let base = self.order.len();
                let members = o.members();
                if self.last.is_some_and(|(last, p)| p == parses && same_keys(last, members)) {
                    self.order.extend_from_slice(&self.last_order);
                } else {
                    push_hashmap_order(members, parses, &mut self.order);
                    self.last = Some((members, parses));
                    self.last_order.clear();
                    self.last_order.extend_from_slice(self.order.get(base..).unwrap_or_default());
                }
                for at in base..self.order.len() {
                    let Some((key, v)) = self.order.get(at).and_then(|&(_, i)| o.members().get(i as usize)) else {
                        continue;
                    };
                    if at > base {
                        self.out.push(',');
                    }
                    write_parsed_string(&mut self.out, key);
                    self.out.push(':');
                    self.write_json(v, parses);
                }
                self.order.truncate(base);
                self.out.push('}');
            }
        }
    }
}

/// Whether two objects have the same keys in the same order, `null` in the same places: then the
/// gateway writes them in the same key order.
fn same_keys(a: &[Member<'_>], b: &[Member<'_>]) -> bool {
    let null = |v: &Value<'_>| matches!(v, Value::Null);
    a.len() == b.len() && a.iter().zip(b).all(|((ka, va), (kb, vb))| ka == kb && null(va) == null(vb))
}

/// The keys of an object inside an array in the order the gateway writes them (for
/// `explain_signature`'s `arrayKeyOrder`).
pub(crate) fn gateway_key_order<'o>(object: &'o Object<'_>, parses: u32) -> Vec<&'o str> {
    let mut order = Vec::new();
    push_hashmap_order(object.members(), parses, &mut order);
    order.into_iter().filter_map(|(_, i)| object.members().get(i as usize).map(|(k, _)| k.as_ref())).collect()
}

/// Pushes onto `order` the members of an object inside an array (spread hash, index), in the order the
/// gateway writes them: the first parse inserts every key in body order (first occurrence, pub-0025),
/// nulls included; writing drops the nulls; every later parse inserts the keys in the previous map's
/// order (pub-0047).
fn push_hashmap_order(members: &[Member<'_>], parses: u32, order: &mut Vec<(u32, u32)>) {
    let base = order.len();
    order.extend(members.iter().enumerate().map(|(i, (k, _))| (key(k).hash as u32, i as u32)));
    let is_null = |i: u32| matches!(members.get(i as usize), Some((_, Value::Null)));
    if order.get(base..).is_some_and(needs_model) {
        let keys: Vec<Key<'_>> = members.iter().map(|(k, _)| key(k)).collect();
        let tree = tree_order(&keys, &|i| is_null(i as u32), parses);
        order.truncate(base);
        order.extend(tree.into_iter().filter_map(|i| keys.get(i).map(|k| (k.hash as u32, i as u32))));
        return;
    }
    plain_order(order, base, is_null, parses);
}

/// Whether an object inside an array, given as its (spread hash, index) pairs, must be ordered by the
/// model `HashMap` ([`tree_order`]) rather than by [`plain_order`].
fn needs_model(region: &[(u32, u32)]) -> bool {
    region.len() > PLAIN_UP_TO || might_tree(region)
}

/// [`push_hashmap_order`] for an object that cannot hold a tree bin (not [`needs_model`]): its (spread
/// hash, index) pairs, pushed in body order from `base` on, are put in the order the gateway writes
/// them, without the members `is_null` answers true for.
fn plain_order(order: &mut Vec<(u32, u32)>, base: usize, is_null: impl Fn(u32) -> bool, parses: u32) {
    let Some(region) = order.get_mut(base..) else { return };
    // Without tree bins a `HashMap`'s order is its keys stably sorted by bucket of its final table, and
    // the sets of later parses (subsets of the first) cannot form a tree bin either.
    let first = capacity(region.len());
    sort_by_bucket(region, first);
    // Writing drops the nulls.
    let mut kept = base;
    for at in base..order.len() {
        if let Some(&entry) = order.get(at).filter(|&&(_, i)| !is_null(i)) {
            if let Some(slot) = order.get_mut(kept) {
                *slot = entry;
            }
            kept += 1;
        }
    }
    order.truncate(kept);
    // The next parse sorts that list by bucket of its own table: nothing moves unless dropping the
    // nulls made the table smaller. Every parse after that sorts an already sorted list: a fixed point.
    let Some(region) = order.get_mut(base..) else { return };
    let next = capacity(region.len());
    if parses > 1 && next != first {
        sort_by_bucket(region, next);
    }
}

/// Objects inside arrays with more keys than this are ordered by the model `HashMap` (as are those
/// that may hold a tree bin), so that [`sort_by_bucket`] works on the stack.
const PLAIN_UP_TO: usize = 64;

/// Sorts (hash, index) pairs stably by bucket in a table of `capacity` slots (at most 128, the table
/// of [`PLAIN_UP_TO`] keys): a counting sort, one pass to count and one to place, where an insertion
/// sort spent most of its time swapping (measured: a third of ordering a payout detail's 16 keys).
fn sort_by_bucket(pairs: &mut [(u32, u32)], capacity: u32) {
    const MOST: usize = 2 * PLAIN_UP_TO;
    let mut copy = [(0u32, 0u32); PLAIN_UP_TO];
    let (Some(copy), true) = (copy.get_mut(..pairs.len()), capacity as usize <= MOST) else { return };
    copy.copy_from_slice(pairs);
    let bucket = |hash: u32| (hash & (capacity - 1)) as usize;
    // `next[b]`: where the next pair of bucket `b` goes, once the counts are summed up.
    let mut next = [0u8; MOST];
    for &(hash, _) in copy.iter() {
        if let Some(n) = next.get_mut(bucket(hash)) {
            *n += 1;
        }
    }
    let mut sum = 0;
    for n in next.iter_mut().take(capacity as usize) {
        (*n, sum) = (sum, sum + *n);
    }
    for &pair in copy.iter() {
        if let Some(n) = next.get_mut(bucket(pair.0)) {
            if let Some(slot) = pairs.get_mut(usize::from(*n)) {
                *slot = pair;
            }
            *n += 1;
        }
    }
}

/// The table size a `HashMap` ends with after `len` puts when no bucket ever holds more than 8 keys:
/// 16 slots, doubled while the size is above 3/4 of it.
fn capacity(len: usize) -> u32 {
    let mut capacity = 16u32;
    while len > capacity as usize / 4 * 3 {
        capacity *= 2;
    }
    capacity
}

/// Whether a bucket of the initial 16-slot table holds 9 keys or more (every later table splits those
/// buckets): only then can the table resize early or a bucket become a tree, which
/// [`java_hashmap::iteration_order`] replays exactly.
fn might_tree(hashes: &[(u32, u32)]) -> bool {
    if hashes.len() <= 8 {
        return false;
    }
    let mut counts = [0u32; 16];
    for &(hash, _) in hashes {
        if let Some(slot) = counts.get_mut(hash as usize & 15) {
            *slot += 1;
            if *slot > 8 {
                return true;
            }
        }
    }
    false
}

/// [`push_hashmap_order`] when tree bins are possible: every parse replayed on a model `HashMap`.
fn tree_order(keys: &[Key<'_>], is_null: &dyn Fn(usize) -> bool, parses: u32) -> Vec<usize> {
    let mut current: Vec<usize> = java_hashmap::iteration_order(keys).into_iter().filter(|&i| !is_null(i)).collect();
    for _ in 1..parses {
        let subset: Vec<Key<'_>> = current.iter().filter_map(|&i| keys.get(i).copied()).collect();
        let order = java_hashmap::iteration_order(&subset);
        let unchanged = order.iter().enumerate().all(|(pos, &i)| pos == i);
        current = order.into_iter().filter_map(|i| current.get(i).copied()).collect();
        if unchanged {
            break; // a fixed point: every further parse gives the same order
        }
    }
    current
}

/// fastjson's string escaping inside arrays (rule 7, pub-0018): short forms for `\b \f \n \r \t`,
/// upper-case `\u00XX` for other controls and U+007F–U+009F, `\u2028`/`\u2029`, everything else raw.
/// [`write_json_string`] for a string or key of the parsed body: one the parser borrowed had no escape in
/// the body, so only bytes of 0x7F and up can need one (see [`Value::String`]).
#[allow(clippy::ptr_arg)] // the `Cow` itself, not its text: whether it is borrowed is the point
fn write_parsed_string(out: &mut String, s: &Cow<'_, str>) {
    match s {
        Cow::Borrowed(text) if json::is_plain_unescaped(text.as_bytes()) => {
            out.push('"');
            out.push_str(text);
            out.push('"');
        }
        _ => write_json_string(out, s),
    }
}

pub(crate) fn write_json_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('"');
    let bytes = s.as_bytes();
    if json::is_plain_ascii(bytes) {
        out.push_str(s);
        out.push('"');
        return;
    }
    let mut run_start = 0;
    let mut i = 0;
    // Bytes, not chars: only `"`, `\`, ASCII controls, DEL, C2 80..C2 9F (U+0080–U+009F) and
    // E2 80 A8/A9 (U+2028/U+2029) are escaped; every other byte is copied in runs.
    while i < bytes.len() {
        // Skip ahead to the next byte that may need an escape.
        let rest = bytes.get(i..).unwrap_or_default();
        i += rest.iter().position(|&b| MAY_ESCAPE.get(usize::from(b)).copied().unwrap_or(true)).unwrap_or(rest.len());
        let Some(&b) = bytes.get(i) else { break };
        let (escape, len): (&str, usize) = match b {
            b'"' => ("\\\"", 1),
            b'\\' => ("\\\\", 1),
            0x08 => ("\\b", 1),
            0x0C => ("\\f", 1),
            b'\n' => ("\\n", 1),
            b'\r' => ("\\r", 1),
            b'\t' => ("\\t", 1),
            0x00..=0x1F | 0x7F => ("", 1),
            0xC2 if matches!(bytes.get(i + 1), Some(0x80..=0x9F)) => ("", 2),
            0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA8) => ("\\u2028", 3),
            0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA9) => ("\\u2029", 3),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(s.get(run_start..i).unwrap_or_default());
        if escape.is_empty() {
            // A control character: its code point is the byte, or the second byte of C2 xx.
            let code = if len == 2 { bytes.get(i + 1).copied().unwrap_or(0) } else { b };
            out.push_str("\\u00");
            out.push(char::from(HEX.get(usize::from(code >> 4)).copied().unwrap_or(b'0')));
            out.push(char::from(HEX.get(usize::from(code & 0xF)).copied().unwrap_or(b'0')));
        } else {
            out.push_str(escape);
        }
        i += len;
        run_start = i;
    }
    out.push_str(s.get(run_start..).unwrap_or_default());
    out.push('"');
}

/// The bytes after which [`write_json_string`] looks closer: `"`, `\\`, controls, DEL and the lead bytes
/// of U+0080–U+009F and U+2028/U+2029.
#[allow(clippy::indexing_slicing)] // evaluated at compile time: an index out of range fails the build
const MAY_ESCAPE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t[0x7F] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

/// The `HashMap` key of `text`: `String.hashCode` spread, computed on bytes for ASCII keys (the usual
/// case), which is what [`Key::new`] computes over UTF-16 units.
fn key(text: &str) -> Key<'_> {
    if !text.is_ascii() {
        return Key::new(text);
    }
    Key { hash: ascii_spread_hash(text.as_bytes()), text }
}

/// [`java_hashmap::spread_hash`] of an ASCII key, computed on its bytes (one UTF-16 unit each).
fn ascii_spread_hash(bytes: &[u8]) -> i32 {
    // h·31⁴ + b₀·31³ + b₁·31² + b₂·31 + b₃ per four bytes: the same sum as one byte at a time, with a
    // quarter of the dependent multiplications (the byte-serial chain was most of this function).
    let chunks = bytes.chunks_exact(4);
    let tail = chunks.remainder();
    let mut h = 0i32;
    for c in chunks {
        let b = |i: usize| i32::from(c.get(i).copied().unwrap_or(0));
        h = h.wrapping_mul(923_521).wrapping_add(b(0).wrapping_mul(29_791)).wrapping_add(b(1) * 961).wrapping_add(b(2) * 31).wrapping_add(b(3));
    }
    let h = tail.iter().fold(h, |h, &b| h.wrapping_mul(31).wrapping_add(i32::from(b)));
    h ^ ((h as u32) >> 16) as i32
}

/// `a < b` for byte strings, eight bytes at a time: what `<` on `str` answers, without a `memcmp` call
/// per comparison (sorting an object's keys was mostly those calls).
pub(crate) fn bytes_less(mut a: &[u8], mut b: &[u8]) -> bool {
    while let (Some(x), Some(y)) = (a.first_chunk::<8>(), b.first_chunk::<8>()) {
        let (x, y) = (u64::from_be_bytes(*x), u64::from_be_bytes(*y));
        if x != y {
            return x < y;
        }
        a = a.get(8..).unwrap_or_default();
        b = b.get(8..).unwrap_or_default();
    }
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x < y;
        }
    }
    a.len() < b.len()
}

/// Sorts `v` by `less`, stably: insertion sort of runs of 16, then bottom-up merges through one
/// buffer, so O(n log n) in the worst case. Hand-written because `slice::sort*` add several KB to the
/// wasm module for each element type; the slices sorted here are an object's keys.
pub(crate) fn sort_by_less<T: Copy>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    const RUN: usize = 16;
    let len = v.len();
    let mut lt = |v: &[T], a: usize, b: usize| match (v.get(a), v.get(b)) {
        (Some(x), Some(y)) => less(x, y),
        _ => false,
    };
    for start in (0..len).step_by(RUN) {
        let end = (start + RUN).min(len);
        for i in start + 1..end {
            let mut j = i;
            while j > start && lt(v, j, j - 1) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    if len <= RUN {
        return;
    }
    let mut buffer: Vec<T> = v.to_vec();
    let mut width = RUN;
    while width < len {
        // Merge pairs of runs of `width` from `v` into `buffer`, then copy back.
        for start in (0..len).step_by(2 * width) {
            let mid = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            // Runs already in order (a body's keys often are): copied with one comparison.
            if mid == end || !lt(v, mid, mid - 1) {
                if let (Some(to), Some(from)) = (buffer.get_mut(start..end), v.get(start..end)) {
                    to.copy_from_slice(from);
                }
                continue;
            }
            let (mut i, mut j) = (start, mid);
            for out in start..end {
                let take_right = j < end && (i >= mid || lt(v, j, i));
                let from = if take_right { j } else { i };
                if let (Some(slot), Some(&x)) = (buffer.get_mut(out), v.get(from)) {
                    *slot = x;
                }
                if take_right {
                    j += 1;
                } else {
                    i += 1;
                }
            }
        }
        v.copy_from_slice(&buffer);
        width *= 2;
    }
}

/// How many digits the unscaled value of a JSON number has, as `BigDecimal.precision()` counts them
/// (leading zeros dropped; zero has one digit).
pub(crate) fn significant_digits(text: &str) -> usize {
    let mantissa = text.split(['e', 'E']).next().unwrap_or_default();
    let digits = mantissa.bytes().filter(u8::is_ascii_digit).skip_while(|&d| d == b'0').count();
    digits.max(1)
}

/// A number as the gateway prints it (rule 8, pub-0013…pub-0015, pub-0305): integers as their
/// digits (`-0` → `0`), anything with a fraction or an exponent as `BigDecimal.toString()`.
/// The text has already passed the parser's grammar and range checks.
pub(crate) fn write_number(out: &mut String, text: &str) {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (text.get(..at).unwrap_or_default(), text.get(at + 1..).map(parse_exponent)),
        None => (text, None),
    };
    let negative = mantissa.starts_with('-');
    if exponent.is_none() && !mantissa.trim_start_matches('-').starts_with('0') {
        // No exponent and a first digit other than 0 (`100`, `-12`, `100.50`): an Integer, Long or
        // BigInteger prints its digits, and such a BigDecimal is in plain notation with every digit
        // (the usual number, without a second look at it).
        out.push_str(text);
        return;
    }
    // Unscaled value: all digits without leading zeros ("0" when none is left); scale: fraction digits
    // minus the exponent.
    let fraction = mantissa.split_once('.').map_or(0, |(_, f)| f.len()) as i64;
    let digits = || mantissa.bytes().filter(u8::is_ascii_digit).skip_while(|&d| d == b'0');
    let zero = digits().next().is_none();
    let len = significant_digits(mantissa) as i64;
    let scale = fraction - exponent.unwrap_or(0);
    if negative && !zero {
        out.push('-');
    }
    let adjusted = len - 1 - scale;
    // An integer (`-0` → `0`) or a BigDecimal of scale 0 is its digits alone; otherwise plain notation
    // when the scale is positive and the adjusted exponent at least -6, else scientific: d.dddE±x.
    let scientific = scale < 0 || (scale > 0 && adjusted < -6);
    // After how many of the coefficient's digits the decimal point goes, if anywhere.
    let mut point = None;
    if scientific {
        point = Some(1);
    } else if scale > 0 && len > scale {
        point = Some((len - scale) as usize);
    } else if scale > 0 {
        out.push_str("0.");
        for _ in 0..(scale - len) {
            out.push('0');
        }
    }
    for (i, d) in digits().chain(zero.then_some(b'0')).enumerate() {
        if Some(i) == point {
            out.push('.');
        }
        out.push(char::from(d));
    }
    if scientific && adjusted != 0 {
        out.push('E');
        if adjusted > 0 {
            out.push('+');
        }
        json::push_int(out, adjusted);
    }
}

/// The exponent of a number already checked to fit an `i32`.
fn parse_exponent(text: &str) -> i64 {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..).unwrap_or_default()),
        Some(b'+') => (false, text.get(1..).unwrap_or_default()),
        _ => (false, text),
    };
    let value = digits.bytes().fold(0i64, |v, d| (v * 10 + i64::from(d.wrapping_sub(b'0'))).min(1 << 40));
    if negative {
        -value
    } else {
        value
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn bytes_less_is_str_order() {
        let words = ["", "a", "ab", "abcdefg", "abcdefgh", "abcdefgh\0", "abcdefghi", "abcdefgi", "abcdefgh_62", "extra_626", "extra_627",
            "extra_62", "extra_6", "\u{7f}", "é", "\u{ffff}", "😀", "abcdefgh😀", "abcdefghé", "B", "Z", "_", "a_b"];
        for a in words {
            for b in words {
                assert_eq!(bytes_less(a.as_bytes(), b.as_bytes()), a < b, "{a:?} < {b:?}");
            }
        }
    }

    fn number(text: &str) -> String {
        let mut out = String::new();
        write_number(&mut out, text);
        out
    }

    /// The straightforward rendering this module shipped first, kept as the reference for [`write_number`]:
    /// a number as the gateway prints it (rule 8, pub-0013…pub-0015, pub-0305): integers as their
    /// digits (`-0` → `0`), anything with a fraction or an exponent as `BigDecimal.toString()`.
    /// The text has already passed the parser's grammar and range checks.
    fn reference_number(out: &mut String, text: &str) {
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(at) => (text.get(..at).unwrap_or_default(), text.get(at + 1..).map(parse_exponent)),
            None => (text, None),
        };
        let negative = mantissa.starts_with('-');
        let unsigned = mantissa.trim_start_matches('-');
        let (int_part, fraction) = match unsigned.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (unsigned, None),
        };
        if fraction.is_none() && exponent.is_none() {
            // An Integer, Long or BigInteger: plain digits, no negative zero.
            if negative && int_part.bytes().all(|d| d == b'0') {
                out.push('0');
            } else {
                out.push_str(text);
            }
            return;
        }
        let fraction = fraction.unwrap_or_default();
        // Unscaled value: all digits without leading zeros; scale: fraction digits minus the exponent.
        let digits_iter = int_part.bytes().chain(fraction.bytes());
        let mut coefficient: String = digits_iter.skip_while(|&d| d == b'0').map(char::from).collect();
        if coefficient.is_empty() {
            coefficient.push('0');
        }
        let scale = fraction.len() as i64 - exponent.unwrap_or(0);
        let zero = coefficient == "0";
        if negative && !zero {
            out.push('-');
        }
        if scale == 0 {
            out.push_str(&coefficient);
            return;
        }
        let len = coefficient.len() as i64;
        let adjusted = len - 1 - scale;
        if scale > 0 && adjusted >= -6 {
            // Plain notation.
            if len > scale {
                let point = (len - scale) as usize;
                out.push_str(coefficient.get(..point).unwrap_or_default());
                out.push('.');
                out.push_str(coefficient.get(point..).unwrap_or_default());
            } else {
                out.push_str("0.");
                for _ in 0..(scale - len) {
                    out.push('0');
                }
                out.push_str(&coefficient);
            }
        } else {
            // Scientific notation: d.dddE±x.
            out.push_str(coefficient.get(..1).unwrap_or_default());
            if len > 1 {
                out.push('.');
                out.push_str(coefficient.get(1..).unwrap_or_default());
            }
            if adjusted != 0 {
                out.push('E');
                if adjusted > 0 {
                    out.push('+');
                }
                out.push_str(&adjusted.to_string());
            }
        }
    }

    #[test]
    fn write_number_agrees_with_the_reference() {
        let mut cases = 0;
        for sign in ["", "-"] {
            for int in ["0", "1", "7", "10", "100", "12345678901234567890"] {
                for frac in ["", ".0", ".00", ".5", ".50", ".05", ".000001", ".0000001", ".00000010", ".123"] {
                    for exp in ["", "e0", "E+0", "e1", "e5", "E-1", "e-2", "e-7", "E+10", "e-10", "e2147483647", "e-2147483647"] {
                        let text = format!("{sign}{int}{frac}{exp}");
                        if crate::json::parse_value(&text).is_err() {
                            continue; // out of the gateway's range: never reaches the writer
                        }
                        let (mut ours, mut reference) = (String::new(), String::new());
                        write_number(&mut ours, &text);
                        reference_number(&mut reference, &text);
                        assert_eq!(ours, reference, "{text}");
                        cases += 1;
                    }
                }
            }
        }
        assert_eq!(cases, 1272);
    }

    #[test]
    fn numbers_render_like_bigdecimal() {
        let cases = [
            ("100", "100"),
            ("-0", "0"),
            ("-12", "-12"),
            ("100.50", "100.50"),
            ("0.10", "0.10"),
            ("1.0", "1.0"),
            ("-0.0", "0.0"),
            ("10e-1", "1.0"),
            ("123e-2", "1.23"),
            ("1E+0", "1"),
            ("1e5", "1E+5"),
            ("1.5E3", "1.5E+3"),
            ("0e5", "0E+5"),
            ("0.0000001", "1E-7"),
            ("0.000001", "0.000001"),
            ("1E-10", "1E-10"),
            ("0.00", "0.00"),
            ("-1.5e-9", "-1.5E-9"),
            ("12345678901234567890.123", "12345678901234567890.123"),
            ("5.0000E2", "500.00"),
            ("0E-10", "0E-10"),
        ];
        for (text, expected) in cases {
            assert_eq!(number(text), expected, "{text}");
        }
    }

    #[test]
    fn sort_is_stable_and_total() {
        for len in [0usize, 1, 2, 15, 16, 17, 33, 100, 1000] {
            let mut state = 12345u32;
            let mut v: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((state >> 16) % 50, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_by_key(|&(k, _)| k); // std's stable sort as the reference
            sort_by_less(&mut v, |a, b| a.0 < b.0);
            assert_eq!(v, expected, "len {len}");
            // Sorted, reversed and sorted-but-one inputs (the merge skips runs already in order).
            let mut sorted = expected.clone();
            sort_by_less(&mut sorted, |a, b| a.0 < b.0);
            assert_eq!(sorted, expected, "sorted, len {len}");
            let mut reversed: Vec<(u32, usize)> = (0..len).rev().map(|i| (i as u32 / 3, i)).collect();
            let mut reference = reversed.clone();
            reference.sort_by_key(|&(k, _)| k);
            sort_by_less(&mut reversed, |a, b| a.0 < b.0);
            assert_eq!(reversed, reference, "reversed, len {len}");
            if len > 1 {
                let mut one_off = expected.clone();
                one_off.swap(0, len - 1);
                sort_by_less(&mut one_off, |a, b| a.0 < b.0);
                let mut reference = expected.clone();
                reference.swap(0, len - 1);
                reference.sort_by_key(|&(k, _)| k);
                assert_eq!(one_off, reference, "one swapped, len {len}");
            }
        }
    }

    /// The shortcut for objects without tree bins gives what the model `HashMap` gives, parse after parse,
    /// with nulls dropped, for every size it is used for.
    #[test]
    fn plain_order_agrees_with_the_model() {
        let mut state = 7u32;
        let mut next = move || {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            state >> 8
        };
        for len in 0..=PLAIN_UP_TO {
            for _ in 0..20 {
                let texts: Vec<String> = (0..len).map(|i| format!("k{}_{i}", next() % 1000)).collect();
                let members: Vec<(Cow<'_, str>, Value<'_>)> = texts
                    .iter()
                    .map(|t| (Cow::Borrowed(t.as_str()), if next() % 4 == 0 { Value::Null } else { Value::Bool(true) }))
                    .collect();
                let keys: Vec<Key<'_>> = texts.iter().map(|t| Key::new(t)).collect();
                for parses in 1..5 {
                    let mut order = vec![(0, 0)];
                    push_hashmap_order(&members, parses, &mut order);
                    let ours: Vec<usize> = order.iter().skip(1).map(|&(_, i)| i as usize).collect();
                    let is_null = |i: usize| matches!(members[i].1, Value::Null);
                    assert_eq!(ours, tree_order(&keys, &is_null, parses), "{texts:?}, {parses} parses");
                }
            }
        }
    }

    /// Objects of one array that share keys reuse the previous key order: the array must come out as
    /// its objects one by one would, whatever the keys, nulls and nesting.
    #[test]
    fn an_array_is_written_as_its_objects_one_by_one() {
        let objects = [
            r#"{"b":"1","a":"2","Aa":"3","BB":"4"}"#,
            r#"{"b":"1","a":"2","Aa":"3","BB":"4"}"#,
            r#"{"b":"1","a":null,"Aa":"3","BB":"4"}"#,
            r#"{"b":"1","a":"2","Aa":"3","BB":"4"}"#,
            r#"{"BB":"1","Aa":"2","a":"3","b":"4"}"#,
            r#"{"b":"1","a":"2","Aa":"3"}"#,
            r#"{"b":{"y":1,"x":2},"a":[{"y":1,"x":2},{"y":1,"x":2}],"Aa":"3","BB":"4"}"#,
            r#"{"b":"1","a":"2","Aa":"3","BB":"4"}"#,
        ];
        let canonical = |body: &str| {
            let object = crate::json::parse_object(body).unwrap();
            canonical_string(&object, 0, 0).unwrap()
        };
        for nest in ["", r#"{"o":"#] {
            let close = if nest.is_empty() { "" } else { "}" };
            let alone: Vec<String> = objects
                .iter()
                .map(|o| canonical(&format!("{{\"x\":{nest}[{o}]{close}}}")))
                .map(|c| c.trim_start_matches("x=").trim_start_matches("{o=").trim_start_matches('[').trim_end_matches('}').trim_end_matches(']').to_string())
                .collect();
            let together = canonical(&format!("{{\"x\":{nest}[{}]{close}}}", objects.join(",")));
            let expected = if nest.is_empty() { format!("x=[{}]", alone.join(",")) } else { format!("x={{o=[{}]}}", alone.join(",")) };
            assert_eq!(together, expected);
            // And what that is, worked out by hand from Java's HashMap(16): "Aa" and "BB" (hash 2112)
            // share bucket 0 in insertion order, "a" (97) is in bucket 1, "b" (98) in 2, "x" (120)
            // before "y" (121); a null member is not written.
            let written = concat!(
                r#"[{"Aa":"3","BB":"4","a":"2","b":"1"},{"Aa":"3","BB":"4","a":"2","b":"1"},{"Aa":"3","BB":"4","b":"1"},"#,
                r#"{"Aa":"3","BB":"4","a":"2","b":"1"},{"BB":"1","Aa":"2","a":"3","b":"4"},{"Aa":"3","a":"2","b":"1"},"#,
                r#"{"Aa":"3","BB":"4","a":[{"x":2,"y":1},{"x":2,"y":1}],"b":{"x":2,"y":1}},{"Aa":"3","BB":"4","a":"2","b":"1"}]"#,
            );
            let exact = if nest.is_empty() { format!("x={written}") } else { format!("x={{o={written}}}") };
            assert_eq!(together, exact);
        }
    }

    /// The key order kept from the previous object is reused only for the same parse count and the same
    /// nulls: a tree bin's order changes with the parses (an array one object deeper is parsed once
    /// more), and a null member is in the first parse's map but not written.
    #[test]
    fn a_reused_key_order_is_of_the_same_parse_count_and_nulls() {
        let canonical = |body: &str| canonical_string(&crate::json::parse_object(body).unwrap(), 0, 0).unwrap();
        // 16 keys made of "Aa"/"BB" blocks share one hashCode: a tree bin.
        let keys: Vec<String> = (0..16u32).map(|n| (0..4).map(|bit| if n >> bit & 1 == 1 { "BB" } else { "Aa" }).collect()).collect();
        let object = format!("{{{}}}", keys.iter().map(|k| format!("\"{k}\":\"v\"")).collect::<Vec<_>>().join(","));
        let (top, deeper) = (canonical(&format!("{{\"a\":[{object}]}}")), canonical(&format!("{{\"o\":{{\"b\":[{object}]}}}}")));
        let (top, deeper) = (top.trim_start_matches("a="), deeper.trim_start_matches("o={b=").trim_end_matches('}'));
        assert_ne!(top, deeper, "the two parse counts must order these keys apart for the test to mean anything");
        assert_eq!(canonical(&format!("{{\"a\":[{object}],\"o\":{{\"b\":[{object}]}}}}")), format!("a={top}&o={{b={deeper}}}"));
        // All nulls, then none: the second is written in full.
        assert_eq!(canonical(r#"{"x":[{"p":null,"q":null},{"p":"1","q":"2"}]}"#), r#"x=[{},{"p":"1","q":"2"}]"#);
    }

    #[test]
    fn ascii_hash_matches_java() {
        for k in ["", "a", "payout_order_detail_id", "Aa", "BB", "polygenelubricants", "x\u{7f}", "abcd", "abcde", "~~~~~~~~~", "é", "abcdé", "abcd😀x"] {
            assert_eq!(key(k).hash, java_hashmap::spread_hash(k), "{k:?}");
        }
    }

    #[test]
    fn escapes_like_fastjson() {
        let mut out = String::new();
        write_json_string(&mut out, "a\"\\/\u{8}\u{c}\n\r\t\u{1}\u{7f}\u{9f}\u{a0}\u{2028}\u{2029}é😀");
        assert_eq!(out, "\"a\\\"\\\\/\\b\\f\\n\\r\\t\\u0001\\u007F\\u009F\u{a0}\\u2028\\u2029é😀\"");
    }
}
