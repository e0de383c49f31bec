//! Strict RFC 8259 JSON, parsed the way the gateway's canonicalisation needs it.
//!
//! Why not `serde_json`: the signature depends on the *text* of every number (`100.50` and `100.5` sign
//! differently), on the position of a key's first occurrence when it is duplicated, and on the body order
//! of keys inside array elements. `serde_json` keeps number text only with its `arbitrary_precision`
//! feature, which changes `serde_json::Number` for every crate in a build (and breaks
//! `serde-wasm-bindgen`), and it allocates a `String` for every key. This parser borrows from the body
//! (strings without escapes, all numbers), checks the number limits the gateway's Java parser has, and
//! refuses what the gateway would read differently (`$ref`/`@type` directive keys, lone surrogates).

use std::borrow::Cow;
use std::fmt::{self, Write as _};

/// Bodies nested deeper than this many objects and arrays are refused (spec section 3: the gateway
/// itself fails between 257 and 513 levels; no real payload comes near).
pub const MAX_DEPTH: usize = 128;

/// Number texts longer than this are refused: the gateway's parser fails on them.
pub const MAX_NUMBER_LEN: usize = 65_535;

/// A parsed JSON value that borrows from the text it was parsed from.
// Natively, a whole-word tag: with a one-byte tag the seven padding bytes after it are copied piecemeal
// when a member is pushed, and the 16-byte load that follows stalls on them (measured: a quarter of
// parsing on x86-64). The wasm build keeps the byte tag, 144 bytes gzipped smaller.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), repr(u64))]
pub enum Value<'a> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as the exact text of the body (already checked against the JSON grammar and the
    /// gateway's limits). Borrowed from the body as parsed; owned after [`Value::into_owned`].
    Number(Cow<'a, str>),
    /// A string, unescaped. Borrowed only when the body held it without an escape, and so without `"`,
    /// `\\` or a control character: the canonical writer copies such text after looking for bytes of
    /// 0x7F and up alone. Keys are borrowed on the same terms.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Value<'a>>),
    /// An object.
    Object(Object<'a>),
}

impl<'a> Value<'a> {
    /// The string, when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The object, when this is an object.
    pub fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// The array, when this is an array.
    pub fn as_array(&self) -> Option<&[Value<'a>]> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The same value owning all of its text, so that it outlives the body it was parsed from (to keep
    /// a verified payload, or to move it to another task).
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(b),
            Value::Number(n) => Value::Number(Cow::Owned(n.into_owned())),
            Value::String(s) => Value::String(Cow::Owned(s.into_owned())),
            Value::Array(a) => Value::Array(a.into_iter().map(Value::into_owned).collect()),
            Value::Object(o) => Value::Object(o.into_owned()),
        }
    }

    /// `null` or `""`: the values the gateway drops from the signature outside arrays.
    pub fn is_empty_value(&self) -> bool {
        match self {
            Value::Null => true,
            Value::String(s) => s.is_empty(),
            _ => false,
        }
    }

    /// The name of this value's JSON type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}

/// A JSON object: each key once, at the position of its first occurrence, holding its last value
/// (which is what the gateway's `HashMap.put` does with a duplicated key).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object<'a> {
    members: Vec<(Cow<'a, str>, Value<'a>)>,
}

impl<'a> Object<'a> {
    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The members in order of first occurrence, as a slice (for indexed access).
    pub(crate) fn members(&self) -> &[(Cow<'a, str>, Value<'a>)] {
        &self.members
    }

    /// The members in order of first occurrence.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value<'a>)> {
        self.members.iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// How many distinct keys.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// No keys at all.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Removes `key`, returning whether it was there.
    pub fn remove(&mut self, key: &str) -> bool {
        let before = self.members.len();
        self.members.retain(|(k, _)| k != key);
        before != self.members.len()
    }

    /// The value of `key` for changing it in place, if present.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value<'a>> {
        self.members.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Sets `key` to `value`: in place when the key is present, appended otherwise.
    pub fn insert(&mut self, key: Cow<'a, str>, value: Value<'a>) {
        match self.get_mut(&key) {
            Some(slot) => *slot = value,
            None => self.members.push((key, value)),
        }
    }

    /// The same object owning all of its text ([`Value::into_owned`]).
    pub fn into_owned(self) -> Object<'static> {
        Object { members: self.members.into_iter().map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned())).collect() }
    }

    /// Keeps only the members for which `keep` answers true.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &Value<'a>) -> bool) {
        self.members.retain(|(k, v)| keep(k, v));
    }
}

/// Why a text is not a body the library accepts. `offset` is a byte offset into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// What is wrong.
    pub kind: JsonErrorKind,
    /// Where, in bytes from the start of the text.
    pub offset: usize,
}

/// The kinds of [`JsonError`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// The text is empty or only whitespace.
    Empty,
    /// The text is valid JSON but not an object (an array, a string, a number, ...).
    NotAnObject,
    /// The text ends in the middle of a value.
    UnexpectedEnd,
    /// A character that the JSON grammar does not allow here.
    UnexpectedChar(char),
    /// More text after the object.
    TrailingText,
    /// A number outside the JSON grammar (leading zeros, `+`, `.5`, `NaN`, ...).
    InvalidNumber,
    /// A number the gateway cannot hold: exponent or scale beyond a 32-bit int, or over 65,535 characters.
    NumberOutOfRange,
    /// A backslash escape JSON does not define.
    InvalidEscape,
    /// A `\uD800`-style escape without its other half: the gateway would sign a `?` in its place.
    LoneSurrogate,
    /// A raw control character (below U+0020) inside a string.
    ControlCharacter,
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A `$ref` or `@type` key: the gateway's JSON library reads them as directives, not data.
    DirectiveKey(&'static str),
    /// The bytes are not UTF-8.
    InvalidUtf8,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.offset;
        match &self.kind {
            JsonErrorKind::Empty => write!(f, "the body is empty; expected a JSON object"),
            JsonErrorKind::NotAnObject => write!(f, "the body is JSON but not an object; expected `{{...}}`"),
            JsonErrorKind::UnexpectedEnd => write!(f, "the JSON text ends too early (byte {at})"),
            JsonErrorKind::UnexpectedChar(c) => {
                f.write_str("unexpected character ")?;
                write_char_quoted(f, *c)?;
                write!(f, " at byte {at}")
            }
            JsonErrorKind::TrailingText => write!(f, "unexpected text after the JSON object at byte {at}"),
            JsonErrorKind::InvalidNumber => write!(f, "invalid JSON number at byte {at}"),
            JsonErrorKind::NumberOutOfRange => write!(
                f,
                "number at byte {at} is beyond what the gateway can read (exponent or scale outside 32 bits, or over 65535 characters as written or as the gateway rewrites it)"
            ),
            JsonErrorKind::InvalidEscape => write!(f, "invalid escape sequence in a string at byte {at}"),
            JsonErrorKind::LoneSurrogate => write!(
                f,
                "unpaired UTF-16 surrogate escape at byte {at}; the gateway would sign `?` in its place"
            ),
            JsonErrorKind::ControlCharacter => write!(f, "raw control character in a string at byte {at}; escape it"),
            JsonErrorKind::TooDeep => write!(f, "the body is nested deeper than {MAX_DEPTH} levels (byte {at})"),
            JsonErrorKind::DirectiveKey(k) => write!(
                f,
                "the key \"{k}\" at byte {at} is a directive to the gateway's JSON parser, not data; rename it"
            ),
            JsonErrorKind::InvalidUtf8 => write!(f, "the body is not valid UTF-8 (byte {at})"),
        }
    }
}

impl std::error::Error for JsonError {}

/// A character the way `{:?}` prints it (`'a'`, `'\n'`, `'\u{1}'`), without `char`'s `Debug`, which
/// would pull Unicode printability tables into the wasm module. Non-ASCII characters print raw
/// unless they are controls or whitespace.
fn write_char_quoted(f: &mut fmt::Formatter<'_>, c: char) -> fmt::Result {
    f.write_str("'")?;
    match c {
        '\'' => f.write_str("\\'")?,
        '\\' => f.write_str("\\\\")?,
        '\n' => f.write_str("\\n")?,
        '\r' => f.write_str("\\r")?,
        '\t' => f.write_str("\\t")?,
        '\0' => f.write_str("\\0")?,
        ' '..='~' => f.write_char(c)?,
        // Invisible ones too: a byte order mark (a file saved by some editors) and the zero-width ones.
        // (`is_ascii` only answers first for the ASCII controls: without it the modules measured 5–12 B
        // larger gzipped.)
        c if c.is_ascii() || c.is_control() || c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200f}' | '\u{feff}') => {
            f.write_str("\\u{")?;
            let code = c as u32;
            let mut started = false;
            for shift in (0..6).rev() {
                let digit = (code >> (shift * 4)) & 0xF;
                if digit != 0 || started || shift == 0 {
                    started = true;
                    f.write_char(char::from(HEX_LOWER.get(digit as usize).copied().unwrap_or(b'0')))?;
                }
            }
            f.write_str("}")?;
        }
        c => f.write_char(c)?,
    }
    f.write_str("'")
}

const HEX_LOWER: &[u8; 16] = b"0123456789abcdef";

/// Writes `n` in decimal: smaller than `to_string()`, which goes through `core::fmt` (measured −249
/// bytes gzipped).
pub(crate) fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_u64(out, n.unsigned_abs());
}

/// [`push_int`] for an unsigned number.
pub(crate) fn push_u64(out: &mut String, n: u64) {
    if n >= 10 {
        push_u64(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// The value of one ASCII hex digit (either case), without `char::to_digit`.
pub(crate) fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Bit 7 of each byte of the result is set where a byte of `word` equals `byte` (and possibly in bytes
/// above such a byte: only the lowest set bit is exact, which is the one [`plain_run`] reads).
fn equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// Like [`equal`], for the bytes of `word` below `limit` (at most 0x80).
fn below(word: u64, limit: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(limit)) & !word & HIGHS
}

/// How many bytes at the start of `bytes` need no attention: the index of the first byte that `stops`
/// flags, or the length. `stops` tests a whole little-endian word with [`equal`] and [`below`]: eight
/// bytes at a time, several times faster than a byte loop, natively and in wasm. The last, short word
/// is padded with zeros, which may be flagged but only after the real bytes (flags never run
/// downwards), so the result is capped at the length.
pub(crate) fn plain_run(bytes: &[u8], stops: impl Fn(u64) -> u64) -> usize {
    let mut done = 0;
    while let Some(rest) = bytes.get(done..).filter(|rest| !rest.is_empty()) {
        let word = match rest.first_chunk::<8>() {
            Some(&eight) => eight,
            None => {
                let mut word = [0u8; 8];
                word.iter_mut().zip(rest).for_each(|(w, &b)| *w = b);
                word
            }
        };
        let found = stops(u64::from_le_bytes(word));
        if found != 0 {
            return (done + (found.trailing_zeros() / 8) as usize).min(bytes.len());
        }
        done += 8;
    }
    bytes.len()
}

/// Whether every byte is printable ASCII other than `"` and `\\` (0x20..=0x7E): text that a JSON
/// writer copies as it is. Eight bytes at a time; the usual string of a body passes.
pub(crate) fn is_plain_ascii(bytes: &[u8]) -> bool {
    plain_run(bytes, not_printable) == bytes.len()
}

/// The [`plain_run`] test for the end of a string's plain text: `"`, `\\` or a control character.
#[inline(always)]
pub(crate) fn string_stops(w: u64) -> u64 {
    below(w, 0x20) | equal(w, b'"') | equal(w, b'\\')
}

/// The [`plain_run`] test for backslashes alone: the escapes of a string already scanned (natively,
/// `canonical::direct`).
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
pub(crate) fn backslashes(w: u64) -> u64 {
    equal(w, b'\\')
}

/// [`string_stops`] and bytes of 0x7F and up: whatever is not printable ASCII that a JSON writer copies.
#[inline(always)]
pub(crate) fn not_printable(w: u64) -> u64 {
    // Bytes of 0x7F and up set bit 7 of `word | word + 1` (a carry out of 0xFF only flags the byte
    // above it, which is already past a flagged one).
    string_stops(w) | ((w | w.wrapping_add(ONES)) & HIGHS)
}

/// [`is_plain_ascii`] for a string the parser borrowed from the body: text without an escape cannot hold
/// `"`, `\\` or a control character (the parser refuses raw ones), so only bytes of 0x7F and up are
/// left to look for, one test per word instead of four.
pub(crate) fn is_plain_unescaped(bytes: &[u8]) -> bool {
    plain_run(bytes, |w| (w | w.wrapping_add(ONES)) & HIGHS) == bytes.len()
}

/// Parses `text` as a strict RFC 8259 JSON object, refusing what the gateway would sign differently
/// (`$ref`/`@type` keys, numbers it cannot hold).
pub fn parse_object(text: &str) -> Result<Object<'_>, JsonError> {
    parse_object_with(Parser::new(text))
}

/// Parses a gateway answer (a response envelope) as a strict RFC 8259 JSON object, without the rules
/// that only signing needs: nothing is signed from it, and fastjson may well write a `$ref` into it.
pub fn parse_answer(text: &str) -> Result<Object<'_>, JsonError> {
    parse_object_with(Parser { signing: false, ..Parser::new(text) })
}

fn parse_object_with(mut p: Parser<'_>) -> Result<Object<'_>, JsonError> {
    p.skip_ws();
    let start = p.pos;
    match p.peek() {
        None => return Err(p.err_at(JsonErrorKind::Empty, start)),
        Some(b'{') => {}
        Some(_) => {
            // Parse whatever it is, so that junk gets its own precise error, and only then say "not an object".
            p.value(1)?;
            p.skip_ws();
            if p.pos < p.bytes.len() {
                return Err(p.err(JsonErrorKind::TrailingText));
            }
            return Err(p.err_at(JsonErrorKind::NotAnObject, start));
        }
    }
    let value = p.value(1)?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.err(JsonErrorKind::TrailingText));
    }
    p.read_back(&value)?;
    match value {
        Value::Object(o) => Ok(o),
        _ => Err(p.err_at(JsonErrorKind::NotAnObject, start)),
    }
}

/// Parses `bytes` (which must be UTF-8) as a strict RFC 8259 JSON object.
pub fn parse_object_bytes(bytes: &[u8]) -> Result<Object<'_>, JsonError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_object(text),
        Err(e) => Err(JsonError { kind: JsonErrorKind::InvalidUtf8, offset: e.valid_up_to() }),
    }
}

/// Parses any strict JSON value (used for values that are not request bodies, e.g. form fields).
pub fn parse_value(text: &str) -> Result<Value<'_>, JsonError> {
    let mut p = Parser::new(text);
    p.skip_ws();
    if p.peek().is_none() {
        return Err(p.err(JsonErrorKind::Empty));
    }
    let value = p.value(1)?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.err(JsonErrorKind::TrailingText));
    }
    p.read_back(&value)?;
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// The members of the objects being parsed, innermost last: an object works on the tail above the
    /// length it found when it opened and moves that tail into an exactly sized `Vec` when it closes.
    /// One allocation per object, instead of a `Vec` per object growing 4, 8, 16, ... as it fills.
    members: Vec<(Cow<'a, str>, Value<'a>)>,
    /// The same for the items of the arrays being parsed.
    items: Vec<Value<'a>>,
    /// Whether the text is to be signed: then the directive keys and the numbers the gateway cannot
    /// hold are refused.
    signing: bool,
    /// Whether a number was read whose rendered text the gateway cannot read again ([`Rewrite::Fails`]):
    /// the body is refused only if such a number survives the duplicate keys ([`Parser::read_back`]).
    rewrite_fails: bool,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser { text, bytes: text.as_bytes(), pos: 0, members: Vec::new(), items: Vec::new(), signing: true, rewrite_fails: false }
    }

    // Inlined even in the size-tuned wasm build: a call costs more than the load, and not less code.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn err(&self, kind: JsonErrorKind) -> JsonError {
        JsonError { kind, offset: self.pos }
    }

    fn err_at(&self, kind: JsonErrorKind, offset: usize) -> JsonError {
        JsonError { kind, offset }
    }

    /// The error for the byte at the current position: a character the grammar does not allow, or the end.
    fn unexpected(&self) -> JsonError {
        match self.text.get(self.pos..).and_then(|rest| rest.chars().next()) {
            Some(c) => self.err(JsonErrorKind::UnexpectedChar(c)),
            None => self.err(JsonErrorKind::UnexpectedEnd),
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect(&mut self, b: u8) -> Result<(), JsonError> {
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn at_word(&self, word: &[u8]) -> bool {
        self.bytes.get(self.pos..).is_some_and(|rest| rest.starts_with(word))
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, JsonError> {
        let end = self.pos + word.len();
        if self.bytes.get(self.pos..end) == Some(word.as_bytes()) {
            self.pos = end;
            Ok(value)
        } else {
            Err(self.unexpected())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, JsonError> {
        match self.peek() {
            Some(b'{') => self.object(depth).map(Value::Object),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            // What reads as a number elsewhere (`+1`, `.5`, `NaN`, `Infinity`) is called one; other words
            // (Python's `None`, `True`) are the unexpected characters they are.
            Some(b'+' | b'.') => Err(self.err(JsonErrorKind::InvalidNumber)),
            Some(b'N' | b'I') if self.at_word(b"NaN") || self.at_word(b"Infinity") => {
                Err(self.err(JsonErrorKind::InvalidNumber))
            }
            _ => Err(self.unexpected()),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Object<'a>, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.err(JsonErrorKind::TooDeep));
        }
        self.pos += 1; // '{'
        let base = self.members.len();
        // One bit per key seen so far, chosen by `key_bit`: a key whose bit is clear is new for sure.
        let mut seen = 0u64;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Object::default());
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.unexpected());
            }
            let key_at = self.pos;
            let key = self.string()?;
            match key.as_ref() {
                "$ref" if self.signing => return Err(self.err_at(JsonErrorKind::DirectiveKey("$ref"), key_at)),
                "@type" if self.signing => return Err(self.err_at(JsonErrorKind::DirectiveKey("@type"), key_at)),
                _ => {}
            }
            self.skip_ws();
            self.expect(b':')?;
            self.skip_ws();
            // Strings, the usual value, without the round trip through `value`'s result.
            let value = match self.peek() {
                Some(b'"') => Value::String(self.string()?),
                _ => self.value(depth + 1)?,
            };
            self.insert_member(base, &mut seen, key, value);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    // Exactly sized: `split_off` allocates for what it takes.
                    let members = self.members.split_off(base);
                    return Ok(Object { members: fold_duplicates(members) });
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value<'a>, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.err(JsonErrorKind::TooDeep));
        }
        self.pos += 1; // '['
        let base = self.items.len();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(Vec::new()));
        }
        loop {
            self.skip_ws();
            let item = self.value(depth + 1)?;
            self.items.push(item);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(self.items.split_off(base)));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn string(&mut self) -> Result<Cow<'a, str>, JsonError> {
        self.pos += 1; // '"'
        // Borrowed from the text unless an escape needs the string rebuilt; `run_start` is where the
        // text not yet copied into `owned` starts.
        let mut owned: Option<String> = None;
        let mut run_start = self.pos;
        loop {
            let rest = self.bytes.get(self.pos..).unwrap_or_default();
            self.pos += plain_run(rest, string_stops);
            match self.peek() {
                None => return Err(self.err(JsonErrorKind::UnexpectedEnd)),
                Some(b'"') => {
                    // Before an ASCII byte: a character boundary.
                    let run = self.text.get(run_start..self.pos).unwrap_or_default();
                    self.pos += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(run),
                        Some(mut out) => {
                            out.push_str(run);
                            Cow::Owned(out)
                        }
                    });
                }
                Some(b'\\') => {
                    let out = owned.get_or_insert_with(String::new);
                    out.push_str(self.text.get(run_start..self.pos).unwrap_or_default());
                    self.escape(out)?;
                    run_start = self.pos;
                }
                Some(_) => return Err(self.err(JsonErrorKind::ControlCharacter)),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let (c, len) = match escape_at(self.bytes, self.pos) {
            Ok(escape) => escape,
            // An answer is read, not signed: a lone surrogate (which `JSON.parse` keeps, and which a
            // gateway `msg` cut at a length can hold) is U+FFFD, as a lossy decoder writes it.
            Err((JsonErrorKind::LoneSurrogate, _)) if !self.signing => ('\u{FFFD}', 6),
            Err((kind, offset)) => return Err(self.err_at(kind, offset)),
        };
        out.push(c);
        self.pos += len;
        Ok(())
    }

    fn number(&mut self) -> Result<Value<'a>, JsonError> {
        let start = self.pos;
        let (end, rewrite) = scan_number(self.text, start, self.signing).map_err(|kind| self.err_at(kind, start))?;
        self.pos = end;
        if rewrite == Rewrite::Fails {
            self.rewrite_fails = true;
        }
        Ok(Value::Number(Cow::Borrowed(self.text.get(start..end).unwrap_or_default())))
    }

    /// The body as the gateway reads it back after writing it out: refused at the first number whose
    /// rendered text does not read again, among those `value` kept. A number replaced by a later
    /// duplicate key is not written out, and so not refused (the first parse's own limits still
    /// refused it where it stood). Walked only when such a number was seen.
    fn read_back(&self, value: &Value<'a>) -> Result<(), JsonError> {
        if !self.rewrite_fails {
            return Ok(());
        }
        let mut first: Option<usize> = None;
        self.first_unreadable(value, &mut first);
        first.map_or(Ok(()), |at| Err(self.err_at(JsonErrorKind::NumberOutOfRange, at)))
    }

    fn first_unreadable(&self, value: &Value<'a>, first: &mut Option<usize>) {
        match value {
            // The parser borrows every number from the text: its offset is where the slice starts.
            Value::Number(n) => {
                debug_assert!(matches!(n, Cow::Borrowed(_)), "a parsed number is a slice of the text");
                let at = (n.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
                if first.map_or(true, |f| at < f) && matches!(scan_number(self.text, at, true), Ok((_, Rewrite::Fails))) {
                    *first = Some(at);
                }
            }
            Value::Array(items) => {
                for v in items {
                    self.first_unreadable(v, first);
                }
            }
            Value::Object(o) => {
                for (_, v) in o.members() {
                    self.first_unreadable(v, first);
                }
            }
            _ => {}
        }
    }
}

/// The character written by the escape whose backslash is at `at`, and the escape's length in bytes; or
/// why it is refused, and where. Shared by the parser and `canonical::direct`.
pub(crate) fn escape_at(bytes: &[u8], at: usize) -> Result<(char, usize), (JsonErrorKind, usize)> {
    let invalid = || (JsonErrorKind::InvalidEscape, at);
    let lone = || (JsonErrorKind::LoneSurrogate, at);
    let hex4 = |from: usize| -> Option<u32> {
        let digits = bytes.get(from..from + 4)?;
        digits.iter().try_fold(0u32, |unit, &d| Some((unit << 4) | u32::from(hex_digit(d)?)))
    };
    let c = match bytes.get(at + 1) {
        Some(b'"') => '"',
        Some(b'\\') => '\\',
        Some(b'/') => '/',
        Some(b'b') => '\u{8}',
        Some(b'f') => '\u{c}',
        Some(b'n') => '\n',
        Some(b'r') => '\r',
        Some(b't') => '\t',
        Some(b'u') => {
            let unit = hex4(at + 2).ok_or_else(invalid)?;
            return match unit {
                0xD800..=0xDBFF => {
                    if bytes.get(at + 6..at + 8) != Some(b"\\u") {
                        return Err(lone());
                    }
                    let low = hex4(at + 8).ok_or_else(invalid)?;
                    if !(0xDC00..=0xDFFF).contains(&low) {
                        return Err(lone());
                    }
                    let c = char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)).ok_or_else(lone)?;
                    Ok((c, 12))
                }
                _ => Ok((char::from_u32(unit).ok_or_else(lone)?, 6)),
            };
        }
        None => return Err((JsonErrorKind::UnexpectedEnd, at + 1)),
        Some(_) => return Err(invalid()),
    };
    Ok((c, 2))
}

/// How a number the gateway reads fares when it writes the body out and parses it again (see
/// [`scan_number`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rewrite {
    /// Its rendered text reads again.
    Reads,
    /// Its rendered text does not (`10e2147483647` renders as `1.0E+2147483648`): the body fails where
    /// this number is written out, which a value replaced by a later duplicate key never is.
    Fails,
}

/// The end of the JSON number that starts at `start`, checked against the grammar and, when `signing`,
/// against what the gateway's `BigDecimal` can hold, and whether its rendered text reads again (which
/// only matters if the number is written out: the caller decides). Shared by the parser and
/// `canonical::direct`, so that both accept exactly the same numbers; every error is reported at `start`.
pub(crate) fn scan_number(text: &str, start: usize, signing: bool) -> Result<(usize, Rewrite), JsonErrorKind> {
    let bytes = text.as_bytes();
    let mut pos = start;
    let digits = |pos: &mut usize| {
        let from = *pos;
        while let Some(b'0'..=b'9') = bytes.get(*pos) {
            *pos += 1;
        }
        *pos - from
    };
    if bytes.get(pos) == Some(&b'-') {
        pos += 1;
    }
    match bytes.get(pos) {
        Some(b'0') => {
            pos += 1;
            if let Some(b'0'..=b'9') = bytes.get(pos) {
                return Err(JsonErrorKind::InvalidNumber); // leading zero
            }
        }
        Some(b'1'..=b'9') => {
            digits(&mut pos);
        }
        _ => return Err(JsonErrorKind::InvalidNumber),
    }
    let mut fraction_digits = 0usize;
    if bytes.get(pos) == Some(&b'.') {
        pos += 1;
        fraction_digits = digits(&mut pos);
        if fraction_digits == 0 {
            return Err(JsonErrorKind::InvalidNumber);
        }
    }
    let mut exponent: i64 = 0;
    if let Some(b'e' | b'E') = bytes.get(pos) {
        pos += 1;
        let negative = match bytes.get(pos) {
            Some(b'-') => {
                pos += 1;
                true
            }
            Some(b'+') => {
                pos += 1;
                false
            }
            _ => false,
        };
        let digits_at = pos;
        if digits(&mut pos) == 0 {
            return Err(JsonErrorKind::InvalidNumber);
        }
        // Saturate: anything past i32 is refused below, however long the digit run.
        for &d in bytes.get(digits_at..pos).unwrap_or_default() {
            exponent = (exponent * 10 + i64::from(d - b'0')).min(i64::from(u32::MAX) + 1);
        }
        if negative {
            exponent = -exponent;
        }
    }
    if let Some(b'a'..=b'z' | b'A'..=b'Z' | b'.' | b'_') = bytes.get(pos) {
        return Err(JsonErrorKind::InvalidNumber); // `1L`, `1.2.3`, `0x10`, ...
    }
    if !signing {
        return Ok((pos, Rewrite::Reads));
    }
    // The first parse (vectors README, further observation 3): the text at most 65,535 characters,
    // and the BigDecimal's exponent and scale each within an int.
    if pos - start > MAX_NUMBER_LEN {
        return Err(JsonErrorKind::NumberOutOfRange);
    }
    // Without an exponent the scale and the rendered exponent are bounded by that length: no second
    // pass over the digits for the usual number.
    if exponent != 0 {
        let scale = fraction_digits as i64 - exponent;
        let int32 = i64::from(i32::MIN)..=i64::from(i32::MAX);
        if !int32.contains(&exponent) || !int32.contains(&scale) {
            return Err(JsonErrorKind::NumberOutOfRange);
        }
        // The rendered text is parsed again (SignUtil writes the parsed body out and reads it back),
        // so its exponent must fit an int too, and its length the same limit: an exponent can make
        // it longer than the text (`1.2e-6` → `0.0000012`, `99e1` → `9.9E+2`), by at most 11
        // characters, so only a number near the limit is rendered to be measured.
        let significant = crate::canonical::significant_digits(text.get(start..pos).unwrap_or_default()) as i64;
        if !int32.contains(&(significant - 1 - scale)) {
            return Ok((pos, Rewrite::Fails));
        }
        if pos - start > MAX_NUMBER_LEN - 16 {
            let mut rendered = String::new();
            crate::canonical::write_number(&mut rendered, text.get(start..pos).unwrap_or_default());
            if rendered.len() > MAX_NUMBER_LEN {
                return Ok((pos, Rewrite::Fails));
            }
        }
    }
    Ok((pos, Rewrite::Reads))
}

/// Objects up to this many keys are searched linearly for a duplicate as they are built; past it the
/// members are only appended and [`fold_duplicates`] looks for duplicates once at the end, through a
/// small table of key hashes, and folds them by sorting (O(n log n) whatever the keys, so a hostile
/// body of many keys stays fast). No `HashMap`: the wasm module stays small.
const LINEAR_UP_TO: usize = 32;

/// FNV-1a: a hash of every byte, so keys that differ anywhere (`extra_001`, `extra_002`, ...) spread
/// over the table.
fn key_hash(key: &str) -> u32 {
    key.bytes().fold(0x811C_9DC5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// What [`FirstSeen::insert`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Seen {
    /// The first occurrence: recorded.
    New,
    /// A repeat of the item at this index.
    Repeat(usize),
    /// The probes ran past the table's budget (strings built to collide): the caller falls back.
    Exhausted,
}

/// An open-addressing table of the first occurrence of each string among `n` items, by index: the
/// parser's duplicate keys and a payout batch's duplicate `mch_order_id`s. No `HashMap`: the wasm module
/// stays small.
pub(crate) struct FirstSeen {
    slots: Vec<u32>,
    budget: usize,
}

impl FirstSeen {
    /// A table for `n` items that gives up after `budget` probes past occupied slots in all.
    pub(crate) fn new(n: usize, budget: usize) -> Self {
        FirstSeen { slots: vec![u32::MAX; (n * 2).next_power_of_two()], budget }
    }

    /// Records `key` as item `i` unless an earlier item (read back through `key_of`) had it.
    pub(crate) fn insert<'k>(&mut self, i: usize, key: &str, key_of: impl Fn(usize) -> Option<&'k str>) -> Seen {
        let mask = self.slots.len() - 1;
        let mut probe = key_hash(key) as usize;
        loop {
            probe &= mask;
            let Some(slot) = self.slots.get_mut(probe) else { return Seen::Exhausted };
            if *slot == u32::MAX {
                *slot = i as u32;
                return Seen::New;
            }
            let first = *slot as usize;
            if key_of(first) == Some(key) {
                return Seen::Repeat(first);
            }
            let Some(left) = self.budget.checked_sub(1) else { return Seen::Exhausted };
            self.budget = left;
            probe += 1;
        }
    }
}

/// Whether two members share a key (an object's keys are usually distinct, and the table is several
/// times cheaper than sorting them). `None` past the probe budget: the caller's sort handles keys built
/// to collide in O(n log n).
fn has_duplicate_keys(list: &[(Cow<'_, str>, Value<'_>)]) -> Option<bool> {
    let key = |i: usize| list.get(i).map(|(k, _)| k.as_ref());
    let mut table = FirstSeen::new(list.len(), list.len() * 4);
    for (i, (k, _)) in list.iter().enumerate() {
        match table.insert(i, k, key) {
            Seen::New => {}
            Seen::Repeat(_) => return Some(true),
            Seen::Exhausted => return None,
        }
    }
    Some(false)
}

/// One of 64 bits for a key, from its length and three of its bytes: keys with different bits differ.
fn key_bit(key: &str) -> u64 {
    let b = key.as_bytes();
    let at = |i: usize| u32::from(b.get(i).copied().unwrap_or(0));
    let print = ((b.len() as u32) << 24) ^ (at(0) << 16) ^ (at(b.len() / 2) << 8) ^ at(b.len().wrapping_sub(1));
    1 << (print.wrapping_mul(0x9E37_79B9) >> 26)
}

impl<'a> Parser<'a> {
    /// Adds a member to the object whose members start at `base` in `self.members` (`seen`: the
    /// [`key_bit`]s of its keys): the first occurrence of a key keeps its place, the last value wins.
    /// The members are searched only when the key's bit is already set, so an object of distinct keys
    /// is mostly built without comparing keys at all.
    fn insert_member(&mut self, base: usize, seen: &mut u64, key: Cow<'a, str>, value: Value<'a>) {
        let bit = key_bit(&key);
        if *seen & bit != 0 && self.members.len() - base < LINEAR_UP_TO {
            let members = self.members.get_mut(base..).unwrap_or_default();
            if let Some(slot) = members.iter_mut().find(|(k, _)| *k == key) {
                slot.1 = value;
                return;
            }
        }
        *seen |= bit;
        self.members.push((key, value));
    }
}

/// The members of an object as it closes, without the duplicates that were appended unchecked past
/// [`LINEAR_UP_TO`] keys: each key at its first position with its last value.
fn fold_duplicates<'a>(list: Vec<(Cow<'a, str>, Value<'a>)>) -> Vec<(Cow<'a, str>, Value<'a>)> {
    if list.len() <= LINEAR_UP_TO || has_duplicate_keys(&list) == Some(false) {
        return list;
    }
    // Indices sorted by (key, position): each run of equal keys starts at the first occurrence and
    // ends at the last value.
    let mut order: Vec<usize> = (0..list.len()).collect();
    let key = |i: usize| list.get(i).map(|(k, _)| k.as_ref()).unwrap_or_default();
    // Stable: equal keys stay in position order.
    crate::canonical::sort_by_less(&mut order, |&a, &b| crate::canonical::bytes_less(key(a).as_bytes(), key(b).as_bytes()));
    // For each key: (first position, last position).
    let mut keep: Vec<Option<usize>> = vec![None; list.len()];
    let mut run = 0;
    let mut duplicates = false;
    while let Some(&first) = order.get(run) {
        let mut end = run + 1;
        while order.get(end).is_some_and(|&i| key(i) == key(first)) {
            end += 1;
        }
        duplicates |= end - run > 1;
        let last = order.get(end - 1).copied().unwrap_or(first);
        if let Some(slot) = keep.get_mut(first) {
            *slot = Some(last);
        }
        run = end;
    }
    if !duplicates {
        return list;
    }
    let mut slots: Vec<Option<(Cow<'a, str>, Value<'a>)>> = list.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(slots.len());
    for (first, last) in keep.into_iter().enumerate() {
        let Some(last) = last else { continue };
        let Some((key, mut value)) = slots.get_mut(first).and_then(Option::take) else { continue };
        if last != first {
            if let Some((_, v)) = slots.get_mut(last).and_then(Option::take) {
                value = v;
            }
        }
        out.push((key, value));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unexpected_characters_are_shown_even_when_invisible() {
        let message = |text: &str| parse_object(text).map(|_| ()).map_err(|e| e.to_string());
        assert_eq!(message("\u{feff}{}"), Err("unexpected character '\\u{feff}' at byte 0".into()));
        assert_eq!(message("{\u{200b}}"), Err("unexpected character '\\u{200b}' at byte 1".into()));
        assert_eq!(message("{\u{a0}}"), Err("unexpected character '\\u{a0}' at byte 1".into()));
        assert_eq!(message("{é}"), Err("unexpected character 'é' at byte 1".into()));
        assert_eq!(message("{\u{1}}"), Err("unexpected character '\\u{1}' at byte 1".into()));
        assert_eq!(message("{\u{7f}}"), Err("unexpected character '\\u{7f}' at byte 1".into()));
    }

    #[test]
    fn integers_are_written_as_to_string_writes_them() {
        for n in [0i64, 7, -7, 10, -10, 1_614_265_330, i64::MAX, i64::MIN] {
            let mut out = String::new();
            push_int(&mut out, n);
            assert_eq!(out, n.to_string());
        }
        let mut out = String::new();
        push_u64(&mut out, u64::MAX);
        assert_eq!(out, u64::MAX.to_string());
    }

    #[test]
    fn plain_ascii_flags_every_byte_that_needs_a_look_at_every_position() {
        let reference = |bytes: &[u8]| bytes.iter().all(|&b| (0x20..0x7F).contains(&b) && b != b'"' && b != b'\\');
        for len in 0..20 {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    assert_eq!(is_plain_ascii(&bytes), reference(&bytes), "byte {b:#04x} at {at} of {len}");
                }
            }
        }
        assert!(is_plain_ascii(b""));
        // A carry out of 0xFF must not hide the byte itself nor flag a clean word.
        assert!(!is_plain_ascii(&[0xFF; 9]));
        assert!(!is_plain_ascii(b"abcdefg\x7Fh"));
        assert!(is_plain_ascii(b"~~~~~~~~ ~~~~~~~"));
    }

    #[test]
    fn refuses_what_fastjson_reads_differently() {
        // (text, kind, byte offset of the error, counted by hand)
        let cases: &[(&str, JsonErrorKind, usize)] = &[
            ("", JsonErrorKind::Empty, 0),
            ("  \n", JsonErrorKind::Empty, 3),
            ("null", JsonErrorKind::NotAnObject, 0),
            ("[1]", JsonErrorKind::NotAnObject, 0),
            ("\"{}\"", JsonErrorKind::NotAnObject, 0),
            ("{} x", JsonErrorKind::TrailingText, 3),
            // Junk after a value that is not an object gets its own error before "not an object".
            ("[1] x", JsonErrorKind::TrailingText, 4),
            ("null,", JsonErrorKind::TrailingText, 4),
            ("{'a':1}", JsonErrorKind::UnexpectedChar('\''), 1),
            ("{a:1}", JsonErrorKind::UnexpectedChar('a'), 1),
            ("{\"a\":1,}", JsonErrorKind::UnexpectedChar('}'), 7),
            ("{\"a\":NaN}", JsonErrorKind::InvalidNumber, 5),
            ("{\"a\":Infinity}", JsonErrorKind::InvalidNumber, 5),
            ("{\"a\":None}", JsonErrorKind::UnexpectedChar('N'), 5),
            ("{\"a\":Inf}", JsonErrorKind::UnexpectedChar('I'), 5),
            ("{\"a\":+1}", JsonErrorKind::InvalidNumber, 5),
            ("{\"a\":01}", JsonErrorKind::InvalidNumber, 5),
            ("{\"a\":1L}", JsonErrorKind::InvalidNumber, 5),
            ("{\"a\":1.}", JsonErrorKind::InvalidNumber, 5),
            ("{\"a\":0x1F}", JsonErrorKind::InvalidNumber, 5),
            ("{\"a\":\"\\ud800\"}", JsonErrorKind::LoneSurrogate, 6),
            ("{\"a\":\"\\udc00x\"}", JsonErrorKind::LoneSurrogate, 6),
            ("{\"a\":\"\\ud800\\u0041\"}", JsonErrorKind::LoneSurrogate, 6),
            ("{\"a\":\"\\x\"}", JsonErrorKind::InvalidEscape, 6),
            ("{\"a\":\"\t\"}", JsonErrorKind::ControlCharacter, 6),
            ("{\"$ref\":\"$.a\"}", JsonErrorKind::DirectiveKey("$ref"), 1),
            ("{\"a\":[{\"\\u0040type\":\"x\"}]}", JsonErrorKind::DirectiveKey("@type"), 7),
            ("{\"a\":1e2147483648}", JsonErrorKind::NumberOutOfRange, 5),
            ("{\"a\":0.1e-2147483647}", JsonErrorKind::NumberOutOfRange, 5),
            ("{\"a\":10e2147483647}", JsonErrorKind::NumberOutOfRange, 5),
            ("{\"a\":1", JsonErrorKind::UnexpectedEnd, 6),
            // A backslash that ends the text: the end is the byte after it.
            ("{\"a\":\"\\", JsonErrorKind::UnexpectedEnd, 7),
        ];
        for (text, expected, offset) in cases {
            assert_eq!(parse_object(text).map(|_| ()).map_err(|e| (e.kind, e.offset)), Err((expected.clone(), *offset)), "{text:?}");
        }
    }

    #[test]
    fn a_number_rewritten_past_65535_characters_is_refused() {
        let number = |text: String| parse_object(&format!("{{\"a\":{text}}}")).map(|_| ()).map_err(|e| e.kind);
        // 65,535 characters as written; rewritten as 0.00000 and 65,531 digits (65,538), or as
        // 9.99…9E+65533 (65,541).
        for text in [format!("1.{}e-6", "2".repeat(65_530)), format!("-1.{}e-6", "2".repeat(65_529)), format!("{}e1", "9".repeat(65_533))] {
            assert_eq!(text.len(), MAX_NUMBER_LEN);
            assert_eq!(number(text), Err(JsonErrorKind::NumberOutOfRange));
        }
        // Rewritten to exactly 65,535: taken.
        let exact = format!("1.{}e-6", "2".repeat(65_527));
        let mut rendered = String::new();
        crate::canonical::write_number(&mut rendered, &exact);
        assert_eq!(rendered.len(), MAX_NUMBER_LEN);
        assert_eq!(number(exact), Ok(()));
        // Rewritten shorter: taken however near the limit it is written.
        assert_eq!(number(format!("{}e-3", "1".repeat(65_532))), Ok(()));
    }

    #[test]
    fn a_number_that_does_not_read_back_is_refused_where_it_is_kept() {
        let refused = |text: &str| parse_object(text).map(|_| ()).map_err(|e| (e.kind, e.offset));
        // Replaced by a later duplicate key, it is never written out; kept, it is, at its own offset.
        assert_eq!(refused(r#"{"a":10e2147483647,"a":1}"#), Ok(()));
        assert_eq!(refused(r#"{"a":1,"a":10e2147483647}"#), Err((JsonErrorKind::NumberOutOfRange, 11)));
        assert_eq!(refused(r#"{"a":10e2147483647,"a":1,"b":[1,10e2147483647]}"#), Err((JsonErrorKind::NumberOutOfRange, 32)));
        assert_eq!(refused(r#"{"b":[{"c":10e2147483647}],"a":10e2147483647}"#), Err((JsonErrorKind::NumberOutOfRange, 11)));
        // The earliest in the text, though the tree keeps `a` (its first position) before `b`.
        assert_eq!(refused(r#"{"a":1,"b":10e2147483647,"a":10e2147483647}"#), Err((JsonErrorKind::NumberOutOfRange, 11)));
        // Rendered past 65,535 characters (0.00000 and 65,531 digits): replaced, not written out.
        let long = format!("1.{}e-6", "2".repeat(65_530));
        assert_eq!(refused(&format!(r#"{{"a":{long},"a":1}}"#)), Ok(()));
        assert_eq!(refused(&format!(r#"{{"a":1,"a":{long}}}"#)), Err((JsonErrorKind::NumberOutOfRange, 11)));
        // The first parse's own limits refuse it wherever it stands.
        assert_eq!(refused(r#"{"a":0.1e-2147483647,"a":1}"#), Err((JsonErrorKind::NumberOutOfRange, 5)));
        // An answer is not signed: no limit applies.
        assert_eq!(
            parse_answer(r#"{"a":1,"a":10e2147483647}"#).map(|o| o.members().to_vec()),
            Ok(vec![(Cow::Borrowed("a"), Value::Number("10e2147483647".into()))])
        );
        assert_eq!(parse_value("10e2147483647").map_err(|e| (e.kind, e.offset)), Err((JsonErrorKind::NumberOutOfRange, 0)));
    }

    #[test]
    fn an_answer_reads_a_lone_surrogate_as_a_replacement_character() {
        // Refused where signing is concerned (above); read lossily in a gateway answer.
        let get = |text: &str| match parse_answer(text).unwrap().get("msg") {
            Some(Value::String(s)) => s.to_string(),
            other => panic!("{other:?}"),
        };
        assert_eq!(get(r#"{"msg":"Dup \ud83d"}"#), "Dup \u{FFFD}");
        assert_eq!(get(r#"{"msg":"\udc00x\ud800\u0041\ud83d\ude00"}"#), "\u{FFFD}x\u{FFFD}A\u{1F600}");
        assert_eq!(parse_answer(r#"{"msg":"\ud800\uZZZZ"}"#).unwrap_err().kind, JsonErrorKind::InvalidEscape);
    }

    #[test]
    fn keeps_number_text_and_first_key_position() {
        let o = parse_object(r#"{"b":1,"a":100.50,"b":"x","$x":1e5}"#).unwrap();
        let got: Vec<_> = o.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        assert_eq!(
            got,
            vec![
                ("b".into(), Value::String("x".into())),
                ("a".into(), Value::Number("100.50".into())),
                ("$x".into(), Value::Number("1e5".into())),
            ]
        );
        // The largest exponent the gateway reads: kept as written, signed as BigDecimal prints it
        // (unscaled 1, scale -2147483647: "1E+2147483647").
        assert_eq!(
            parse_object(r#"{"a":1e2147483647}"#).map(|o| o.members().to_vec()),
            Ok(vec![(Cow::Borrowed("a"), Value::Number("1e2147483647".into()))])
        );
        assert_eq!(crate::canonicalize(r#"{"a":1e2147483647}"#), Ok(Some("a=1E+2147483647".into())));
    }

    #[test]
    fn plain_run_finds_the_first_stop_at_every_position() {
        let stops = |w| below(w, 0x20) | equal(w, b'"') | equal(w, b'\\') | equal(w, 0xC2);
        let is_stop = |b: u8| b < 0x20 || b == b'"' || b == b'\\' || b == 0xC2;
        // Every length up to 3 words, every stop at every position, after plain bytes that sit next to the
        // stops in value (0x21, 0x5B/0x5D, 0xC1/0xC3, 0x80, 0xFF) and with a second stop after it.
        for len in 0..24 {
            for filler in [b'a', 0x21, 0x5B, 0x5D, 0xC1, 0xC3, 0x80, 0xFF, 0x20] {
                let plain = vec![filler; len];
                assert_eq!(plain_run(&plain, stops), len);
                for at in 0..len {
                    for stop in [0x00, 0x01, 0x1F, b'"', b'\\', 0xC2] {
                        let mut bytes = plain.clone();
                        bytes[at] = stop;
                        if at + 1 < len {
                            bytes[at + 1] = 0x00;
                        }
                        let expected = bytes.iter().position(|&b| is_stop(b)).unwrap();
                        assert_eq!(plain_run(&bytes, stops), expected, "{bytes:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn duplicate_keys_are_found_through_the_table_or_left_to_the_sort() {
        fn members(keys: &[String]) -> Vec<(Cow<'_, str>, Value<'_>)> {
            keys.iter().map(|k| (Cow::Borrowed(k.as_str()), Value::Null)).collect()
        }
        let distinct: Vec<String> = (0..650).map(|i| format!("extra_{i:03}")).collect();
        assert_eq!(has_duplicate_keys(&members(&distinct)), Some(false));
        let mut repeated = distinct.clone();
        repeated.push("extra_321".into());
        assert_eq!(has_duplicate_keys(&members(&repeated)), Some(true));
        // 40 distinct keys in one probe chain of a 128-slot table: 780 probes, past the budget of 160.
        let chained: Vec<String> = (0..).map(|i| format!("k{i}")).filter(|k| key_hash(k) % 128 == 0).take(40).collect();
        assert_eq!(has_duplicate_keys(&members(&chained)), None);
        // The sort still folds them correctly.
        let mut body: Vec<String> = chained.iter().map(|k| format!("\"{k}\":1")).collect();
        body.push(format!("\"{}\":2", chained[7]));
        let text = format!("{{{}}}", body.join(","));
        let object = parse_object(&text).unwrap();
        assert_eq!(object.len(), 40);
        assert_eq!(object.members()[7], (Cow::Borrowed(chained[7].as_str()), Value::Number("2".into())));
    }

    #[test]
    fn a_value_is_parsed_whole() {
        let kind_at = |text: &'static str| parse_value(text).map_err(|e| (e.kind, e.offset));
        assert_eq!(kind_at(" [1, \"a\"] "), Ok(Value::Array(vec![Value::Number("1".into()), Value::String("a".into())])));
        assert_eq!(kind_at("\"a\" \"b\""), Err((JsonErrorKind::TrailingText, 4)));
        assert_eq!(kind_at(" "), Err((JsonErrorKind::Empty, 1)));
    }

    #[test]
    fn an_object_is_changed_through_its_methods() {
        let mut o = parse_object(r#"{"a":1,"b":"x","c":null}"#).unwrap();
        assert!(!o.is_empty());
        assert!(o.remove("b"));
        assert!(!o.remove("b"));
        assert_eq!(o.iter().map(|(k, _)| k).collect::<Vec<_>>(), ["a", "c"]);
        o.retain(|_, v| !matches!(v, Value::Null));
        assert_eq!(o.iter().map(|(k, _)| k).collect::<Vec<_>>(), ["a"]);
        o.retain(|k, _| k != "a");
        assert!(o.is_empty());
        assert_eq!(o.len(), 0);
    }

    #[test]
    fn depth_limit() {
        let ok = format!("{}{{}}{}", "{\"a\":".repeat(MAX_DEPTH - 1), "}".repeat(MAX_DEPTH - 1));
        assert!(parse_object(&ok).is_ok());
        // Refused at the bracket that opens level 129: after 128 `{"a":` (640 bytes), and after `{"a":`
        // and 127 `[` (132 bytes).
        let deep = format!("{}{{}}{}", "{\"a\":".repeat(MAX_DEPTH), "}".repeat(MAX_DEPTH));
        assert_eq!(parse_object(&deep).map(|_| ()).map_err(|e| (e.kind, e.offset)), Err((JsonErrorKind::TooDeep, 640)));
        let hostile = format!("{{\"a\":{}", "[".repeat(100_000));
        assert_eq!(parse_object(&hostile).map(|_| ()).map_err(|e| (e.kind, e.offset)), Err((JsonErrorKind::TooDeep, 132)));
    }

    #[test]
    fn many_duplicate_keys_stay_fast_and_correct() {
        let mut text = String::from("{");
        for i in 0..20_000 {
            text.push_str(&format!("\"k{}\":{},", i % 5000, i));
        }
        text.push_str("\"z\":0}");
        let o = parse_object(&text).unwrap();
        assert_eq!(o.len(), 5001);
        assert_eq!(o.get("k0"), Some(&Value::Number("15000".into())));
        assert_eq!(o.iter().next().map(|(k, _)| k), Some("k0"));
    }
}
