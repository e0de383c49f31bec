//! The canonical string written straight from the body text, natively: no parsed tree, no list of
//! tokens. This is what `sign`, `canonicalize` and `sign_request` spend their time on.
//!
//! Each object's members are written in body order as they are read, every value already in the form
//! its place asks for (raw text after `key=`, fastjson's JSON inside arrays), and each piece is
//! remembered as a range of the output (or of the body, for a string without an escape, which is then
//! copied only once). When the object closes, its pieces are copied out again in the gateway's order:
//! keys sorted for the body and the objects under it, the `java.util.HashMap` order for objects inside
//! arrays. Copying a few hundred bytes twice costs far less than building the tree.
//!
//! Only the common path is taken here. Anything else answers `None` and the caller takes the tree
//! path (`json::parse_object` and `canonical_string`), which has every error and every rule: a body
//! that is not valid, an escaped key, a key with a character above U+FFFF (UTF-16 order), a key inside
//! an array that is not printable ASCII (its `hashCode` and escaping), a duplicate key or a possible
//! tree bin in an object inside an array, a body over 4 GB. Both paths share the
//! number grammar ([`json::scan_number`]), escapes ([`json::escape_at`]), the number and string writers
//! and the `HashMap` order; the tests below hold them to the same answer on every vector and on
//! generated bodies, and the `canonicalize` fuzz target compares them.
//!
//! Native only. In the wasm build webhook verification needs the tree anyway (it returns the parsed
//! body), so this would be a second parser in the module for `sign` alone.

use super::{ascii_spread_hash, bytes_less, needs_model, plain_order, sort_by_less, write_json_string, write_number};
use crate::json::{self, MAX_DEPTH};

/// The canonical string of `text` (`Some(None)` for `{}`), or `None` when the tree path must answer.
pub(crate) fn canonicalize(text: &str) -> Option<Option<String>> {
    // Ranges are kept as `u32`: positions in the body fit, and ranges of the output are checked as they
    // are made (`written`), since escaping inside arrays can make it six times the body (DEL, 1 → 6).
    if text.len() >= u32::MAX as usize {
        return None;
    }
    let mut w = Direct {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        out: String::with_capacity(text.len()),
        scratch: String::with_capacity(text.len()),
        decoded: String::new(),
        members: Vec::with_capacity(32),
        sorted: Vec::with_capacity(32),
        last_keys: Vec::new(),
        last_order: Vec::new(),
        last_parses: 0,
    };
    w.skip_ws();
    if w.peek() != Some(b'{') {
        return None;
    }
    // An array directly in the body is parsed twice by the gateway (see `Writer::write_array`).
    let members = w.pairs(1, 2)?;
    w.skip_ws();
    if w.pos != w.bytes.len() {
        return None;
    }
    Some((members > 0).then_some(w.out))
}

/// A member of an object being written.
#[derive(Clone, Copy)]
struct Member {
    /// The key's text in the body, between its quotes (it has no escape).
    key: (u32, u32),
    /// The value as written: a range of `out`, or of the body when `from_body` (a string without an
    /// escape, copied once, when the object is written, instead of twice).
    value: (u32, u32),
    from_body: bool,
    /// Left out when the object is written: `null` and `""` after `key=`, `null` inside an array.
    dropped: bool,
}

/// What a string holds, as far as its writers care.
#[derive(Clone, Copy, PartialEq)]
enum Text {
    /// Printable ASCII without `"` or `\`: copied as it is in either form.
    Plain,
    /// No escape, but a byte of 0x7F or above: raw after `key=`, looked at by the JSON writer.
    Unescaped,
    /// At least one escape: decoded first.
    Escaped,
}

struct Direct<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    /// The canonical text of everything written so far; each object rewrites its own tail.
    out: String,
    /// Where an object is put in order before it replaces its tail of `out`.
    scratch: String,
    /// An escaped string decoded, before fastjson's escaping (inside arrays).
    decoded: String,
    /// The members of the objects being written, innermost last.
    members: Vec<Member>,
    /// An object's keys being sorted: (first eight bytes, member index).
    sorted: Vec<(u64, u32)>,
    /// The keys (`null` or not) and the parse count of the last object inside an array whose order
    /// was worked out, and that order as (spread hash, member index): the objects of an array usually
    /// have the same keys (a payout's details), and then the same order.
    last_keys: Vec<((u32, u32), bool)>,
    last_order: Vec<(u32, u32)>,
    last_parses: u32,
}

impl<'t> Direct<'t> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline(always)]
    fn skip_ws(&mut self) {
        // None (a compact body) or one space (after a colon, pretty-printed) without a call.
        if let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
            if let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
                self.skip_ws_run();
            }
        }
    }

    /// Whitespace in a pretty-printed body, out of line: compact bodies (most bodies sent and signed)
    /// pay one test, and the scanners that call this stay small enough to inline well.
    #[inline(never)]
    fn skip_ws_run(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// `:` between optional whitespace.
    fn colon(&mut self) -> Option<()> {
        self.skip_ws();
        (self.peek() == Some(b':')).then_some(())?;
        self.pos += 1;
        self.skip_ws();
        Some(())
    }

    /// The string whose opening quote is at `pos`: the range of its content and what it holds.
    fn string(&mut self) -> Option<(usize, usize, Text)> {
        let start = self.pos + 1;
        let bytes = self.bytes;
        // The usual string is printable ASCII to its closing quote: one test per word finds that, and
        // the first sixteen bytes (most keys and values) are tested without a loop.
        let mut at = match bytes.get(start..).and_then(<[u8]>::first_chunk::<16>) {
            Some(sixteen) => {
                let (low, high) = sixteen.split_at(8);
                let word = |half: &[u8]| u64::from_le_bytes(half.try_into().unwrap_or_default());
                let (low, high) = (json::not_printable(word(low)), json::not_printable(word(high)));
                if low != 0 {
                    start + (low.trailing_zeros() / 8) as usize
                } else if high != 0 {
                    start + 8 + (high.trailing_zeros() / 8) as usize
                } else {
                    start + 16 + json::plain_run(bytes.get(start + 16..)?, json::not_printable)
                }
            }
            None => start + json::plain_run(bytes.get(start..)?, json::not_printable),
        };
        let mut kind = Text::Plain;
        loop {
            match bytes.get(at) {
                Some(b'"') => {
                    self.pos = at + 1;
                    return Some((start, at, kind));
                }
                // Skipped whole, so that `\"` does not end the string; checked when it is decoded.
                Some(b'\\') => {
                    kind = Text::Escaped;
                    at += 2;
                }
                Some(0x7F..) => {
                    if kind == Text::Plain {
                        kind = Text::Unescaped;
                    }
                    at += 1;
                }
                _ => return None, // a control character or the end
            }
            at += json::plain_run(bytes.get(at..)?, json::string_stops);
        }
    }

    /// A key at `pos`, which the tree path must take when it is escaped, a directive, or (`in_array`)
    /// not printable ASCII (its `hashCode` and escaping) or (outside arrays) above U+FFFF (UTF-16 order).
    fn key(&mut self, in_array: bool) -> Option<(u32, u32)> {
        if self.peek() != Some(b'"') {
            return None;
        }
        let (start, end, kind) = self.string()?;
        let text = self.bytes.get(start..end)?;
        match kind {
            Text::Plain => {}
            Text::Unescaped if !in_array && !text.iter().any(|&b| b >= 0xF0) => {}
            _ => return None,
        }
        if text == b"$ref" || text == b"@type" {
            return None;
        }
        Some((start as u32, end as u32))
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        let end = self.pos + word.len();
        (self.bytes.get(self.pos..end) == Some(word)).then_some(())?;
        self.pos = end;
        Some(())
    }

    /// A number, `true`, `false` or `null`, written as in an array.
    fn scalar(&mut self) -> Option<()> {
        match self.peek()? {
            b't' => self.literal(b"true").map(|()| self.out.push_str("true")),
            b'f' => self.literal(b"false").map(|()| self.out.push_str("false")),
            b'n' => self.literal(b"null").map(|()| self.out.push_str("null")),
            b'-' | b'0'..=b'9' => {
                let start = self.pos;
                // A number whose rendered text the gateway cannot read back: the tree path decides
                // whether it is written out (a later duplicate key would replace it).
                self.pos = json::scan_number(self.text, start, true).ok().filter(|&(_, r)| r == json::Rewrite::Reads)?.0;
                write_number(&mut self.out, self.text.get(start..self.pos)?);
                Some(())
            }
            _ => None,
        }
    }

    /// The members of the object at `pos`, pushed onto `members` in body order with their values
    /// written: as after `key=` (`in_array` false) or as fastjson's JSON (`in_array`).
    fn read_members(&mut self, depth: usize, parses: u32, in_array: bool) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.pos += 1; // '{'
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Some(());
        }
        loop {
            self.skip_ws();
            let key = self.key(in_array)?;
            self.colon()?;
            let member = if in_array { self.json_member(key, depth, parses)? } else { self.pair_member(key, depth, parses)? };
            self.members.push(member);
            self.skip_ws();
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// A member's value after `key=`.
    fn pair_member(&mut self, key: (u32, u32), depth: usize, parses: u32) -> Option<Member> {
        let start = self.out.len();
        let dropped = match self.peek()? {
            b'"' => {
                let (from, to, kind) = self.string()?;
                if kind != Text::Escaped {
                    return Some(Member { key, value: (from as u32, to as u32), from_body: true, dropped: from == to });
                }
                unescape(self.text.get(from..to)?, &mut self.out)?;
                false
            }
            b'n' => {
                self.literal(b"null")?;
                true
            }
            b'{' => {
                self.out.push('{');
                self.pairs(depth + 1, parses + 1)?;
                self.out.push('}');
                false
            }
            b'[' => {
                self.array(depth + 1, parses)?;
                false
            }
            _ => {
                self.scalar()?;
                false
            }
        };
        Some(Member { key, value: written(start, self.out.len())?, from_body: false, dropped })
    }

    /// The object at `pos` as `k1=v1&k2=v2…` (the body, and objects outside arrays): members in body
    /// order into `out`, then rewritten sorted. Answers how many members the body held.
    fn pairs(&mut self, depth: usize, parses: u32) -> Option<usize> {
        let region = self.out.len();
        let base = self.members.len();
        self.read_members(depth, parses, false)?;
        let bytes = self.bytes;
        let members = self.members.get(base..)?;
        let count = members.len();
        // Sorted as (prefix, index) pairs: small to move, and most comparisons are decided by the
        // prefix alone. Stable, so equal keys stay in body order and the last of them is the value
        // (as in the tree).
        self.sorted.clear();
        self.sorted.extend(members.iter().enumerate().map(|(i, m)| (prefix(bytes, m.key), i as u32)));
        let key_of = |i: u32| members.get(i as usize).map(|m| slice(bytes, m.key)).unwrap_or_default();
        let less = |a: &(u64, u32), b: &(u64, u32)| a.0 < b.0 || (a.0 == b.0 && bytes_less(key_of(a.1), key_of(b.1)));
        sort_by_less(&mut self.sorted, less);
        self.scratch.clear();
        let mut first = true;
        let mut kept = self.sorted.iter().peekable();
        while let Some(&(prefix, i)) = kept.next() {
            let Some(m) = members.get(i as usize) else { continue };
            if m.dropped || kept.peek().is_some_and(|&&(p, j)| p == prefix && key_of(j) == key_of(i)) {
                continue;
            }
            if !first {
                self.scratch.push('&');
            }
            first = false;
            self.scratch.push_str(self.text.get(m.key.0 as usize..m.key.1 as usize)?);
            self.scratch.push('=');
            self.scratch.push_str(value_of(m, self.text, &self.out)?);
        }
        self.members.truncate(base);
        self.replace_tail(region);
        Some(count)
    }

    /// `out` from `region` on becomes `scratch`.
    fn replace_tail(&mut self, region: usize) {
        if region == 0 {
            std::mem::swap(&mut self.out, &mut self.scratch);
        } else {
            self.out.truncate(region);
            self.out.push_str(&self.scratch);
        }
    }

    /// The array at `pos` as fastjson's compact JSON.
    fn array(&mut self, depth: usize, parses: u32) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.pos += 1; // '['
        self.out.push('[');
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.out.push(']');
            return Some(());
        }
        loop {
            self.skip_ws();
            self.json(depth + 1, parses)?;
            self.skip_ws();
            match self.peek()? {
                b',' => {
                    self.pos += 1;
                    self.out.push(',');
                }
                b']' => {
                    self.pos += 1;
                    self.out.push(']');
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// A value inside an array, as fastjson writes it.
    fn json(&mut self, depth: usize, parses: u32) -> Option<()> {
        match self.peek()? {
            b'"' => {
                let (from, to, kind) = self.string()?;
                self.json_string(from, to, kind)
            }
            b'{' => self.json_object(depth, parses),
            b'[' => self.array(depth, parses),
            _ => self.scalar(),
        }
    }

    /// The string whose content is `from..to` of the body, as fastjson writes it.
    fn json_string(&mut self, from: usize, to: usize, kind: Text) -> Option<()> {
        let text = self.text.get(from..to)?;
        match kind {
            Text::Plain => {
                self.out.push('"');
                self.out.push_str(text);
                self.out.push('"');
            }
            Text::Unescaped => write_json_string(&mut self.out, text),
            Text::Escaped => {
                self.decoded.clear();
                unescape(text, &mut self.decoded)?;
                write_json_string(&mut self.out, &self.decoded);
            }
        }
        Some(())
    }

    /// A member's value inside an array's object; `null` is dropped.
    fn json_member(&mut self, key: (u32, u32), depth: usize, parses: u32) -> Option<Member> {
        let start = self.out.len();
        match self.peek()? {
            b'n' => {
                self.literal(b"null")?;
                return Some(Member { key, value: (0, 0), from_body: false, dropped: true });
            }
            b'"' => {
                let quote = self.pos;
                let (from, to, kind) = self.string()?;
                if kind == Text::Plain {
                    // The body's own text, quotes and all; written `"key":"value"` in a compact body,
                    // the whole member is (see `json_object`).
                    let whole = quote == key.1 as usize + 2;
                    let value = (if whole { key.0 - 1 } else { quote as u32 }, to as u32 + 1);
                    return Some(Member { key, value, from_body: true, dropped: false });
                }
                self.json_string(from, to, kind)?;
            }
            _ => self.json(depth + 1, parses)?,
        }
        Some(Member { key, value: written(start, self.out.len())?, from_body: false, dropped: false })
    }

    /// An object inside an array: its members (without the `null` ones) in `HashMap` order.
    fn json_object(&mut self, depth: usize, parses: u32) -> Option<()> {
        let region = self.out.len();
        let base = self.members.len();
        self.read_members(depth, parses, true)?;
        if !self.same_keys_as_last(base, parses) {
            self.hashmap_order(base, parses)?;
        }
        self.scratch.clear();
        self.scratch.push('{');
        for (n, &(_, i)) in self.last_order.iter().enumerate() {
            let m = self.members.get(base + i as usize)?;
            if n > 0 {
                self.scratch.push(',');
            }
            // A member copied whole from the body starts with its key's quote.
            if !(m.from_body && m.value.0 + 1 == m.key.0) {
                self.scratch.push('"');
                self.scratch.push_str(self.text.get(m.key.0 as usize..m.key.1 as usize)?);
                self.scratch.push_str("\":");
            }
            self.scratch.push_str(value_of(m, self.text, &self.out)?);
        }
        self.scratch.push('}');
        self.members.truncate(base);
        self.replace_tail(region);
        Some(())
    }

    /// Whether the members from `base` on have the keys, `null`s and parse count of the last object
    /// whose order was worked out.
    fn same_keys_as_last(&self, base: usize, parses: u32) -> bool {
        let members = self.members.get(base..).unwrap_or_default();
        parses == self.last_parses
            && members.len() == self.last_keys.len()
            && members.iter().zip(&self.last_keys).all(|(m, &(key, null))| m.dropped == null && slice(self.bytes, m.key) == slice(self.bytes, key))
    }

    /// Works out the `HashMap` order of the members from `base` on into `last_order` (as the tree
    /// writer does, `canonical::push_hashmap_order`); `None` for what only the model map can order
    /// (a possible tree bin) and for a duplicate key.
    fn hashmap_order(&mut self, base: usize, parses: u32) -> Option<()> {
        let members = self.members.get(base..)?;
        self.last_order.clear();
        self.last_order.reserve(members.len());
        for (i, m) in members.iter().enumerate() {
            // Printable ASCII: checked by `key`.
            self.last_order.push((ascii_spread_hash(slice(self.bytes, m.key)) as u32, i as u32));
        }
        if needs_model(&self.last_order) || self.has_duplicate(members) {
            return None;
        }
        let dropped = |i: u32| members.get(i as usize).is_some_and(|m| m.dropped);
        plain_order(&mut self.last_order, 0, dropped, parses);
        self.last_keys.clear();
        self.last_keys.extend(members.iter().map(|m| (m.key, m.dropped)));
        self.last_parses = parses;
        Some(())
    }

    /// Whether two of `members` (at most [`super::PLAIN_UP_TO`], their hashes in `last_order`) share
    /// a key: a table of 128 slots on the stack, probed by the hash already computed, the keys compared
    /// only when their hashes are equal. The parser's `json::FirstSeen` (a `Vec`, its own hash of every
    /// byte) measured 7% slower on the 2-detail payout webhook, whose first detail comes here.
    fn has_duplicate(&self, members: &[Member]) -> bool {
        let mut slots = [0u8; 2 * super::PLAIN_UP_TO]; // member index + 1; 0 is free
        for &(hash, i) in &self.last_order {
            let mut probe = hash as usize;
            loop {
                probe %= slots.len();
                let Some(slot) = slots.get_mut(probe) else { return true };
                let Some(j) = usize::from(*slot).checked_sub(1) else {
                    *slot = i as u8 + 1;
                    break;
                };
                let same = |at: usize| self.last_order.get(at).map(|&(h, _)| h) == Some(hash);
                let key = |at: usize| members.get(at).map(|m| slice(self.bytes, m.key));
                if same(j) && key(j) == key(i as usize) {
                    return true;
                }
                probe += 1;
            }
        }
        false
    }
}

/// A range of the output as kept in a [`Member`]; `None` (the tree path answers) past `u32`.
fn written(from: usize, to: usize) -> Option<(u32, u32)> {
    Some((u32::try_from(from).ok()?, u32::try_from(to).ok()?))
}

/// The text of a range of the body.
fn slice(bytes: &[u8], (from, to): (u32, u32)) -> &[u8] {
    bytes.get(from as usize..to as usize).unwrap_or_default()
}

/// A key's first eight bytes as a big-endian number, zeros after a shorter key (which has no zero
/// byte): the sort of an object's keys compares these first.
fn prefix(bytes: &[u8], (from, to): (u32, u32)) -> u64 {
    let len = (to - from) as usize;
    // One load of the eight bytes from the key on, the bytes past a short key masked off (a copy
    // into a zeroed array instead stalled the load behind it: a fifth of `pairs`).
    let word = match bytes.get(from as usize..).and_then(<[u8]>::first_chunk::<8>) {
        Some(&eight) => u64::from_be_bytes(eight),
        None => {
            let mut eight = [0u8; 8];
            eight.iter_mut().zip(slice(bytes, (from, to))).for_each(|(e, &b)| *e = b);
            u64::from_be_bytes(eight)
        }
    };
    match len {
        0 => 0,
        1..=7 => word & !(u64::MAX >> (8 * len)),
        _ => word,
    }
}

/// A member's value as written, from the body or from the output.
fn value_of<'a>(m: &Member, body: &'a str, out: &'a str) -> Option<&'a str> {
    let (from, to) = (m.value.0 as usize, m.value.1 as usize);
    if m.from_body {
        body.get(from..to)
    } else {
        out.get(from..to)
    }
}

/// Appends the text of a string's content with its escapes decoded; `None` for an escape the parser
/// refuses (the tree path then reports it).
fn unescape(raw: &str, out: &mut String) -> Option<()> {
    let bytes = raw.as_bytes();
    let mut run = 0;
    loop {
        let at = run + json::plain_run(bytes.get(run..)?, json::backslashes);
        if at >= bytes.len() {
            break;
        }
        out.push_str(raw.get(run..at)?);
        let (c, len) = json::escape_at(bytes, at).ok()?;
        out.push(c);
        run = at + len;
    }
    out.push_str(raw.get(run..)?);
    Some(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;

    /// The tree path, as `signature::canonicalize` takes it when this module answers `None`.
    fn tree(text: &str) -> Result<Option<String>, json::JsonError> {
        let object = json::parse_object(text)?;
        Ok(super::super::canonical_string(&object, 0, text.len()))
    }

    /// This module's answer must be the tree's whenever it gives one, and `signature::canonicalize`
    /// must equal the tree path on every text. Returns whether this module answered.
    fn check(text: &str) -> bool {
        let expected = tree(text);
        let direct = canonicalize(text);
        if let Some(got) = &direct {
            assert_eq!(Ok(got.clone()), expected, "direct path on {text:?}");
        }
        assert_eq!(crate::signature::canonicalize(text), expected, "signature::canonicalize on {text:?}");
        direct.is_some()
    }

    fn read(path: &str) -> String {
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn every_vector_body_agrees() {
        let vectors: serde_json::Value = serde_json::from_str(&read("tests/vectors/signatures.json")).unwrap();
        let (mut total, mut direct) = (0, 0);
        for v in vectors["vectors"].as_array().unwrap() {
            total += 1;
            direct += usize::from(check(v["body"].as_str().unwrap()));
        }
        let webhooks: serde_json::Value = serde_json::from_str(&read("tests/vectors/webhooks.json")).unwrap();
        for case in webhooks["cases"].as_array().unwrap() {
            total += 1;
            direct += usize::from(check(case["body"].as_str().unwrap()));
        }
        // Most bodies are written directly; the rest are errors, quirks, escaped keys and arrays of
        // objects with a duplicate key or a possible tree bin.
        assert_eq!((total, direct), (757, 590));
    }

    #[test]
    fn output_ranges_past_u32_hand_over() {
        // A body of ~716 MB of DEL in an array string would write over 4 GB: too big to test for real.
        assert_eq!(written(0, u32::MAX as usize), Some((0, u32::MAX)));
        assert_eq!(written(0, u32::MAX as usize + 1), None);
        assert_eq!(written(u32::MAX as usize + 1, u32::MAX as usize + 2), None);
    }

    #[test]
    fn every_bench_body_is_written_directly() {
        for name in ["payout-webhook-2", "payout-webhook-50", "payout-batch-200", "body-64k", "payin-webhook"] {
            let text = read(&format!("bench/bodies/{name}.json"));
            assert!(check(&text), "{name} fell back to the tree path");
        }
    }

    #[test]
    fn unusual_bodies_agree() {
        let many: String = (0..700).map(|i| format!("\"k{}\":{i},", i % 650)).collect::<String>() + "\"z\":null";
        let array_of_many: String = (0..70).map(|i| format!("\"k{i}\":{i}")).collect::<Vec<_>>().join(",");
        let colliding: String = (0..12).map(|i| format!("\"{}\":{i}", ["Aa", "BB"][i % 2].repeat(1 + i / 2))).collect::<Vec<_>>().join(",");
        // Twelve keys of one `hashCode` ("Aa" and "BB" hash alike): one bucket, a tree bin in Java.
        let one_bucket: String = (0..12)
            .map(|i: usize| format!("\"{}\":{i}", (0..4).map(|bit| if i >> bit & 1 == 1 { "BB" } else { "Aa" }).collect::<String>()))
            .collect::<Vec<_>>()
            .join(",");
        // (body, whether this module answers)
        let cases = [
            ("{}".to_string(), true),
            (" {\"a\":null} ".into(), true),
            ("{\"a\":\"\"}".into(), true),
            ("{\"a\":1,\"a\":\"\"}".into(), true),
            ("{\"a\":\"\",\"a\":1,\"b\":2,\"a\":3}".into(), true),
            ("{\"b\":{\"y\":null,\"x\":[]},\"a\":{}}".into(), true),
            ("{\"x\":[{\"a\":1,\"a\":2}]}".into(), false),
            ("{\"x\":[{\"a\":1,\"b\":null},{\"a\":1,\"b\":2},{\"a\":1,\"b\":null}]}".into(), true),
            ("{\"x\":[{}, [], [{}], {\"a\":{\"c\":null,\"b\":[]}}]}".into(), true),
            ("{\"a\\u0062\":1}".into(), false),
            ("{\"x\":[{\"a\\u0062\":1}]}".into(), false),
            ("{\"x\":[{\"é\":1}]}".into(), false),
            ("{\"é\":1,\"\u{7f}\":[{\"\u{7f}\":1}]}".into(), false),
            ("{\"\\u0024ref\":1}".into(), false),
            ("{\"$ref\":1}".into(), false),
            ("{\"a\":[{\"@type\":1}]}".into(), false),
            ("{\"x\":\"\\ud83d\\ude00 \\u2028 \\u0000 \\\" \\\\ \\/ \\b\\f\\n\\r\\t\",\"y\":[\"\\ud83d\\ude00 \\u2028 \\u0000 \\\" \\\\ \\/ \\b\\f\\n\\r\\t\"]}".into(), true),
            ("{\"x\":\"é\u{7f}\u{85}\u{2028}\",\"y\":[\"é\u{7f}\u{85}\u{2028}\", \"\u{7f}\"]}".into(), true),
            ("{\"x\":\"\\ud800\"}".into(), false),
            ("{\"x\":\"\\udc00\"}".into(), false),
            ("{\"x\":\"\\ud800\\u0041\"}".into(), false),
            ("{\"x\":\"\\u12G4\"}".into(), false),
            ("{\"x\":\"\\u12\"}".into(), false),
            ("{\"x\":\"\\x\"}".into(), false),
            ("{\"x\":\"\\".into(), false),
            ("{\"x\":\"\t\"}".into(), false),
            ("{\"x\":[\"\\\u{1}\"]}".into(), false),
            ("{\"x\":1e5,\"y\":[1E-7,-0,-0.0,0e5,100.50],\"z\":0.0000001}".into(), true),
            ("{\"z\":1e2147483648}".into(), false),
            ("{\"x\":01}".into(), false),
            ("{\"x\":1.}".into(), false),
            ("{\"x\":tru}".into(), false),
            ("{\"x\":1,}".into(), false),
            ("{\"x\":[1,]}".into(), false),
            ("{\"x\":1} x".into(), false),
            ("[1]".into(), false),
            ("".into(), false),
            ("{\"😀\":1,\"\u{ff5a}\":2,\"a😀\":3,\"a\":4}".into(), false),
            ("{\"\u{ff5a}\":2,\"é\":3,\"a\":4}".into(), true),
            (format!("{{{many}}}"), true),
            (format!("{{\"x\":[{{{array_of_many}}}]}}"), false),
            (format!("{{\"x\":[{{{colliding}}}]}}"), true),
            (format!("{{\"x\":[{{{one_bucket}}}]}}"), false),
            (format!("{{\"x\":{{{one_bucket}}}}}"), true),
            (format!("{}{{}}{}", "{\"a\":".repeat(MAX_DEPTH - 1), "}".repeat(MAX_DEPTH - 1)), true),
            (format!("{}{{}}{}", "{\"a\":".repeat(MAX_DEPTH), "}".repeat(MAX_DEPTH)), false),
            (format!("{{\"a\":{}1{}}}", "[".repeat(MAX_DEPTH - 1), "]".repeat(MAX_DEPTH - 1)), true),
            (format!("{{\"a\":{}1{}}}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH)), false),
            // Values of an array's object count their depth too: 3 + 125 brackets, then 3 + 126.
            (format!("{{\"x\":[{{\"a\":{}1{}}}]}}", "[".repeat(MAX_DEPTH - 3), "]".repeat(MAX_DEPTH - 3)), true),
            (format!("{{\"x\":[{{\"a\":{}1{}}}]}}", "[".repeat(MAX_DEPTH - 2), "]".repeat(MAX_DEPTH - 2)), false),
            // The value's quote at twice the key's end (byte 18 after a key ending at 9): not the
            // compact `"a":"v"` that is copied whole, spaces and all.
            ("{\"x\":[{\"a\":       \"v\"}]}".into(), true),
            // The same number of keys as the object before, each a different key: ordered anew.
            ("{\"x\":[{\"a\":1,\"b\":2},{\"b\":1,\"a\":2}]}".into(), true),
        ];
        for (text, direct) in &cases {
            assert_eq!(check(text), *direct, "{text:?}");
        }
    }

    mod generated {
        use super::check;
        use proptest::prelude::*;

        /// JSON text of values in every form the writers tell apart, with escapes, duplicates and
        /// whitespace, written directly as text (the generator decides each token's spelling).
        fn string() -> impl Strategy<Value = String> {
            let piece = prop_oneof![
                4 => "[a-zA-Z0-9 _.:&=/-]{1,8}",
                1 => Just(String::new()),
                1 => prop::sample::select(vec![
                    "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0000", "\\u001f", "\\u007F", "\\u0085",
                    "\\u00e9", "\\u2028", "\\u2029", "\\ud83d\\ude00", "\\uD800", "\\uDC00x", "é", "😀", "\u{7f}",
                    "\u{85}", "\u{2028}", "\u{a0}", "\u{ffff}",
                ]).prop_map(str::to_string),
            ];
            prop::collection::vec(piece, 0..4).prop_map(|p| format!("\"{}\"", p.concat()))
        }

        fn key() -> impl Strategy<Value = String> {
            prop_oneof![
                6 => prop::sample::select(vec!["a", "b", "Aa", "BB", "id", "amount", "_", "", "a_b", "B", "😀", "\u{ff5a}", "é"])
                    .prop_map(|k| format!("\"{k}\"")),
                2 => "[a-z_]{1,12}".prop_map(|k| format!("\"{k}\"")),
                1 => Just("\"\\u0061\"".to_string()),
            ]
        }

        fn number() -> impl Strategy<Value = String> {
            "-?(0|[1-9][0-9]{0,20})(\\.[0-9]{1,8})?([eE][+-]?[0-9]{1,3})?"
        }

        fn ws() -> impl Strategy<Value = &'static str> {
            prop::sample::select(vec!["", "", "", " ", "\n  ", "\t", "\r\n"])
        }

        fn value() -> impl Strategy<Value = String> {
            let leaf = prop_oneof![
                2 => Just("null".to_string()),
                1 => Just("true".to_string()),
                1 => Just("false".to_string()),
                3 => number(),
                4 => string(),
            ];
            leaf.prop_recursive(4, 64, 8, |inner| {
                prop_oneof![
                    prop::collection::vec((ws(), inner.clone()), 0..6)
                        .prop_map(|items| format!("[{}]", items.into_iter().map(|(w, v)| format!("{w}{v}")).collect::<Vec<_>>().join(","))),
                    prop::collection::vec((key(), ws(), inner), 0..8).prop_map(|members| {
                        let members: Vec<String> = members.into_iter().map(|(k, w, v)| format!("{w}{k}{w}:{v}")).collect();
                        format!("{{{}}}", members.join(","))
                    }),
                ]
            })
        }

        /// A value the direct path writes itself: null, true, a number, or a string of plain characters.
        fn plain_value() -> impl Strategy<Value = String> {
            prop_oneof![
                Just("null".to_string()),
                Just("true".to_string()),
                number(),
                "\"[a-zA-Z0-9 _.:&=/-]{0,8}\"",
            ]
        }

        /// An array of objects that share their keys (a payout's `details`): 1 to 19 distinct keys in
        /// any order (the table grows past 12 and 24), nulls in different places, now and then a key
        /// order or a key changed, so that the reuse of the previous object's order is exercised. The
        /// keys are distinct and the values plain, so that the direct path answers every body (hostile
        /// values are `the_direct_path_agrees_with_the_tree`'s).
        fn details() -> impl Strategy<Value = String> {
            let keys = prop::sample::subsequence(vec![
                "id", "amount", "status", "fail_reason", "Aa", "BB", "AaAa", "BBBB", "AaBB", "bank_name", "bank_code", "a", "b",
                "c", "d", "e", "f", "g", "h", "x1", "x2", "x3", "x4", "x5", "y", "z",
            ], 1..20).prop_shuffle();
            let rows = prop::collection::vec((prop::collection::vec((any::<bool>(), plain_value()), 20), 0..4usize), 1..6);
            (keys, rows).prop_map(|(keys, rows)| {
                let objects: Vec<String> = rows
                    .into_iter()
                    .map(|(values, variant)| {
                        let mut members: Vec<String> = keys
                            .iter()
                            .zip(values)
                            .map(|(k, (null, v))| format!("\"{k}\":{}", if null { "null".to_string() } else { v }))
                            .collect();
                        match variant {
                            1 => members.reverse(),
                            2 => members.push("\"extra\":1".to_string()),
                            _ => {}
                        }
                        format!("{{{}}}", members.join(","))
                    })
                    .collect();
                format!("[{}]", objects.join(","))
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]
            #[test]
            fn arrays_of_similar_objects_agree(top in details(), nested in details()) {
                let text = format!("{{\"details\":{top},\"o\":{{\"list\":{nested}}},\"deep\":[{nested},{{\"o\":{nested}}}]}}");
                // The comparison with the tree only happens when the direct path answers: it must.
                prop_assert!(check(&text), "fell back to the tree: {text}");
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(1000))]
            #[test]
            fn the_direct_path_agrees_with_the_tree(members in prop::collection::vec((key(), ws(), value()), 0..10), cut in any::<prop::sample::Index>(), broken in any::<bool>()) {
                let members: Vec<String> = members.into_iter().map(|(k, w, v)| format!("{k}:{w}{v}")).collect();
                let text = format!("{{{}}}", members.join(","));
                check(&text);
                if broken {
                    // Every prefix is an error of some kind (or, cut at the end, the body itself).
                    let mut at = cut.index(text.len() + 1);
                    while !text.is_char_boundary(at) {
                        at -= 1;
                    }
                    check(&text[..at]);
                }
            }
        }
    }
}
