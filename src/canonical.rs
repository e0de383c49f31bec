//! The canonical string the gateway hashes: exactly what its Java `SignUtil.createSign` builds on
//! fastjson 1.2.83. Every rule here is backed by vectors in `tests/vectors/` (ids in the comments);
//! the vectors' README states them all.

use crate::java_hashmap::{self, Key};
use crate::json::{Object, Value};

/// Builds the canonical string of a parsed body, or `None` when the body has no parameters at all
/// (`{}`), in which case the gateway hashes `key=<secret>` without the leading `&` (pub-0003).
///
/// `reparses` is how many extra times the gateway writes the body out and parses it again before
/// signing: 0 for requests and payout webhooks, 1 for pay-in webhooks (the demo's
/// `JSON.parseObject(JSON.toJSONString(...))`). It only shows in the key order of objects inside arrays.
pub fn canonical_string(body: &Object<'_>, reparses: u32) -> Option<String> {
    canonical_string_where(body, reparses, |_, _| true)
}

/// [`canonical_string`] of the body with only the top-level members for which `keep` answers true
/// (what the pay-in webhook rule signs), without copying the body. `None` when nothing is kept.
pub fn canonical_string_where(body: &Object<'_>, reparses: u32, keep: impl Fn(&str, &Value<'_>) -> bool) -> Option<String> {
    if !body.iter().any(|(k, v)| keep(k, v)) {
        return None;
    }
    let mut out = String::with_capacity(256);
    // An array directly in the body sits under one object level: parsed once, written out and parsed again.
    write_pairs(&mut out, body, 2 + reparses, &keep);
    Some(out)
}

/// `k1=v1&k2=v2…` for a top-level or nested object: empty values dropped, keys in UTF-16 order
/// (pub-0019…pub-0022), nothing escaped (pub-0017). `parses` is how often an array directly under this
/// object is parsed by the gateway (see [`write_array`]).
fn write_pairs(out: &mut String, object: &Object<'_>, parses: u32, keep: &dyn Fn(&str, &Value<'_>) -> bool) {
    let mut members: Vec<(&str, &Value<'_>)> =
        object.iter().filter(|&(k, v)| !v.is_empty_value() && keep(k, v)).collect();
    // UTF-8 byte order is UTF-16 order unless a key holds a character above U+FFFF (4-byte UTF-8,
    // lead byte F0..F4): then compare UTF-16 units as Java does.
    if members.iter().any(|(k, _)| k.bytes().any(|b| b >= 0xF0)) {
        sort_by_less(&mut members, |a, b| java_hashmap::compare_utf16(a.0, b.0).is_lt());
    } else {
        sort_by_less(&mut members, |a, b| a.0 < b.0);
    }
    for (i, (key, value)) in members.into_iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(key);
        out.push('=');
        match value {
            Value::String(s) => out.push_str(s),
            Value::Number(n) => write_number(out, n),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Null => out.push_str("null"), // filtered above; kept total
            Value::Object(o) => {
                // pub-0006, pub-0007: `key={...}` with the same rules inside; `{}` when emptied.
                out.push('{');
                write_pairs(out, o, parses + 1, &|_, _| true);
                out.push('}');
            }
            Value::Array(items) => write_array(out, items, parses),
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
fn write_array(out: &mut String, items: &[Value<'_>], parses: u32) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_json(out, item, parses);
    }
    out.push(']');
}

fn write_json(out: &mut String, value: &Value<'_>, parses: u32) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(out, n),
        Value::String(s) => write_json_string(out, s),
        Value::Array(items) => write_array(out, items, parses),
        Value::Object(o) => {
            out.push('{');
            let members: Vec<(&str, &Value<'_>)> = o.iter().collect();
            for (i, index) in hashmap_order(&members, parses).into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if let Some(&(key, v)) = members.get(index) {
                    write_json_string(out, key);
                    out.push(':');
                    write_json(out, v, parses);
                }
            }
            out.push('}');
        }
    }
}

/// The keys of an object inside an array in the order the gateway writes them (for
/// `explain_signature`'s `arrayKeyOrder`).
pub(crate) fn gateway_key_order<'o>(object: &'o Object<'_>, parses: u32) -> Vec<&'o str> {
    let members: Vec<(&str, &Value<'_>)> = object.iter().collect();
    hashmap_order(&members, parses).into_iter().filter_map(|i| members.get(i).map(|&(k, _)| k)).collect()
}

/// The members (indices) of an object inside an array, in the order the gateway writes them: the
/// first parse inserts every key in body order (first occurrence, pub-0025), nulls included; writing
/// drops the nulls; every later parse inserts the keys in the previous map's order (pub-0047).
fn hashmap_order(members: &[(&str, &Value<'_>)], parses: u32) -> Vec<usize> {
    let keys: Vec<Key<'_>> = members.iter().map(|&(k, _)| key(k)).collect();
    let is_null = |i: usize| matches!(members.get(i), Some((_, Value::Null)));
    if let Some(order) = plain_order(&keys) {
        // Without tree bins every parse is a stable bucket sort of the previous order, and the sets of
        // later parses (subsets of the first) cannot form a tree bin either.
        let mut current: Vec<usize> = order.into_iter().filter(|&i| !is_null(i)).collect();
        for _ in 1..parses {
            let next = bucket_sort(&keys, &current);
            if next == current {
                break; // a fixed point: every further parse gives the same order
            }
            current = next;
        }
        return current;
    }
    let mut current: Vec<usize> = java_hashmap::iteration_order(&keys).into_iter().filter(|&i| !is_null(i)).collect();
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

/// The iteration order of a `HashMap` filled with `keys` in order, when no bucket ever holds more than
/// 8 keys (so the table never resizes early and no bucket becomes a tree): then it is simply the keys
/// stably sorted by bucket of the final table. `None` when a tree or an early resize is possible (a
/// bucket of the initial 16-slot table holds 9 keys or more; every later table splits those buckets),
/// for [`java_hashmap::iteration_order`] to replay exactly.
fn plain_order(keys: &[Key<'_>]) -> Option<Vec<usize>> {
    if keys.len() > 8 {
        let mut counts = [0u32; 16];
        for k in keys {
            let slot = counts.get_mut(k.hash as u32 as usize & 15)?;
            *slot += 1;
            if *slot > 8 {
                return None;
            }
        }
    }
    let all: Vec<usize> = (0..keys.len()).collect();
    Some(bucket_sort(keys, &all))
}

/// `ids` (indices into `keys`) stably sorted by bucket in the table a `HashMap` of `ids.len()` keys
/// ends with: 16 slots, doubled while the size is above 3/4 of it. A counting sort: linear.
fn bucket_sort(keys: &[Key<'_>], ids: &[usize]) -> Vec<usize> {
    let mut capacity = 16usize;
    while ids.len() > capacity / 4 * 3 {
        capacity *= 2;
    }
    let bucket = |id: usize| keys.get(id).map_or(0, |k| k.hash as u32 as usize & (capacity - 1));
    let mut starts = vec![0usize; capacity + 1];
    for &id in ids {
        if let Some(c) = starts.get_mut(bucket(id) + 1) {
            *c += 1;
        }
    }
    for b in 1..starts.len() {
        let before = starts.get(b - 1).copied().unwrap_or(0);
        if let Some(c) = starts.get_mut(b) {
            *c += before;
        }
    }
    let mut out = vec![0usize; ids.len()];
    for &id in ids {
        if let Some(at) = starts.get_mut(bucket(id)) {
            if let Some(slot) = out.get_mut(*at) {
                *slot = id;
            }
            *at += 1;
        }
    }
    out
}

/// fastjson's string escaping inside arrays (rule 7, pub-0018): short forms for `\b \f \n \r \t`,
/// upper-case `\u00XX` for other controls and U+007F–U+009F, `\u2028`/`\u2029`, everything else raw.
fn write_json_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('"');
    let bytes = s.as_bytes();
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
    let h = text.bytes().fold(0i32, |h, b| h.wrapping_mul(31).wrapping_add(i32::from(b)));
    Key { hash: h ^ ((h as u32) >> 16) as i32, text }
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
mod tests {
    use super::*;

    fn number(text: &str) -> String {
        let mut out = String::new();
        write_number(&mut out, text);
        out
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
        }
    }

    #[test]
    fn ascii_hash_matches_java() {
        for k in ["", "a", "payout_order_detail_id", "Aa", "BB", "polygenelubricants", "x\u{7f}"] {
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
