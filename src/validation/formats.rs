//! The public formats the gateway's fields follow: URLs, e-mail, dates, card numbers, bank codes and
//! crypto addresses. Small hand-written checks over bytes (no regex, no url crate: each would cost more
//! wasm than every check here together).

use sha2::{Digest, Sha256};

/// Why a checked code is wrong: its shape, or its check digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fail {
    Format,
    Checksum,
}

fn all(s: &str, pred: impl Fn(u8) -> bool) -> bool {
    s.bytes().all(pred)
}

fn digits(s: &str, len: usize) -> bool {
    s.len() == len && all(s, |b| b.is_ascii_digit())
}

fn upper_alnum(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit()
}

fn has_double_dot(s: &str) -> bool {
    s.as_bytes().windows(2).any(|w| w == b"..")
}

/// An absolute `http`/`https` URL with a host, without whitespace or characters a URL cannot hold raw.
pub(crate) fn url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        s.get(8..)
    } else if lower.starts_with("http://") {
        s.get(7..)
    } else {
        None
    };
    let Some(rest) = rest else { return false };
    // ASCII checks only (non-ASCII is allowed, as in IRIs): Unicode tables would cost more .wasm than
    // all of this module.
    if s.bytes().any(|b| b <= b' ' || b == 0x7f || b"\"<>\\^`{|}".contains(&b)) {
        return false;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    // As the WHATWG URL parser (`new URL()`) reads the authority: an IPv6 literal in brackets, or a
    // host without `:`; then an optional port, which may be empty (the scheme's default).
    let (host_ok, port) = match host_port.strip_prefix('[') {
        Some(bracketed) => match bracketed.split_once(']') {
            Some((ip, "")) => (ipv6(ip), None),
            Some((ip, after)) => (ipv6(ip), Some(after.strip_prefix(':').unwrap_or("x"))),
            None => return false,
        },
        None => match host_port.split_once(':') {
            Some((host, port)) => (domain_or_ipv4(host), Some(port)),
            None => (domain_or_ipv4(host_port), None),
        },
    };
    host_ok && port.map_or(true, |p| p.len() <= 5 && all(p, |b| b.is_ascii_digit()) && p.parse::<u32>().map_or(true, |n| n <= 65_535))
}

/// An IPv6 literal as the WHATWG parser takes it: eight 16-bit pieces of 1–4 hex digits, or fewer
/// around one `::`, the last two of which may be an IPv4 address.
fn ipv6(ip: &str) -> bool {
    // Found as bytes: a `&str` pattern would link the two-way string searcher (4 KB gzipped).
    match ip.as_bytes().windows(2).position(|w| w == b"::") {
        None => ipv6_pieces(ip, true) == Some(8),
        Some(at) => {
            let (head, tail) = (ip.get(..at).unwrap_or(""), ip.get(at + 2..).unwrap_or(""));
            !tail.as_bytes().windows(2).any(|w| w == b"::")
                && matches!((ipv6_pieces(head, false), ipv6_pieces(tail, true)), (Some(h), Some(t)) if h + t <= 7)
        }
    }
}

/// How many 16-bit pieces `part` (`1:ab:ff`, or `` for none) holds, `None` when one is malformed; an
/// IPv4 address at its end counts two, where `ipv4_last` allows one.
fn ipv6_pieces(part: &str, ipv4_last: bool) -> Option<usize> {
    if part.is_empty() {
        return Some(0);
    }
    let mut count = 0;
    let mut pieces = part.split(':').peekable();
    while let Some(piece) = pieces.next() {
        count += match piece {
            p if ipv4_last && pieces.peek().is_none() && p.contains('.') => ipv4(p).then_some(2)?,
            p => ((1..=4).contains(&p.len()) && all(p, |b| b.is_ascii_hexdigit())).then_some(1)?,
        };
    }
    Some(count)
}

/// Four decimal numbers of 0–255, without leading zeros (which the WHATWG parser reads as octal).
fn ipv4(s: &str) -> bool {
    s.split('.').count() == 4
        && s.split('.').all(|n| {
            (1..=3).contains(&n.len()) && all(n, |b| b.is_ascii_digit()) && (n == "0" || !n.starts_with('0')) && n.parse::<u32>().is_ok_and(|n| n <= 255)
        })
}

/// A host name (non-ASCII labels allowed, as in IRIs; `_` too, as browsers take it), or an IPv4
/// address when its last label is a number as the WHATWG parser reads one (decimal, or `0x` hex).
fn domain_or_ipv4(host: &str) -> bool {
    let address = host.strip_suffix('.').unwrap_or(host);
    let last = address.rsplit('.').next().unwrap_or("");
    let hex = last.strip_prefix("0x").or_else(|| last.strip_prefix("0X"));
    if !last.is_empty() && all(last, |b| b.is_ascii_digit()) || hex.is_some_and(|h| all(h, |b| b.is_ascii_hexdigit())) {
        return ipv4(address);
    }
    !host.is_empty()
        && !host.starts_with('.')
        && !has_double_dot(host)
        && host.bytes().all(|b| !b.is_ascii() || b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_')
        // Unicode spaces no host can hold (the ASCII ones are refused for the whole URL above).
        && !host.chars().any(|c| matches!(c, '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200b}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'))
}

/// An e-mail address: a dot-atom local part (at most 64 bytes) and a domain of at least two labels.
pub(crate) fn email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else { return false };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !has_double_dot(local)
        && local.bytes().all(|b| !b.is_ascii() || b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~.-".contains(&b));
    // Iterators over `domain` rather than a collected `Vec` of labels (measured −29 bytes gzipped).
    let domain_ok = domain.contains('.')
        && domain.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| !b.is_ascii() || b.is_ascii_alphanumeric() || b == b'-')
        })
        && domain.rsplit('.').next().is_some_and(|tld| tld.len() >= 2 && !all(tld, |b| b.is_ascii_digit()));
    s.len() <= 254 && local_ok && domain_ok
}

/// The civil date (year, month, day) of a time in milliseconds since the epoch (UTC).
pub(crate) fn civil_date(ms: i64) -> (i64, u32, u32) {
    // Howard Hinnant's days-to-civil algorithm.
    let z = ms.div_euclid(86_400_000) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month as u32, day as u32)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Why a date of birth is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateFail {
    /// Neither `DD-MM-YYYY` nor `YYYY-MM-DD`.
    Format,
    /// No such calendar day, or before 1900.
    Impossible,
    /// After `today`.
    Future,
}

/// A date of birth written `DD-MM-YYYY` (the demo's comment) or `YYYY-MM-DD` (the demo's examples).
pub(crate) fn date_of_birth(s: &str, today: (i64, u32, u32)) -> Result<(), DateFail> {
    let b = s.as_bytes();
    let dash = |i: usize| b.get(i) == Some(&b'-');
    let num = |from: usize, to: usize| -> Option<i64> {
        let t = s.get(from..to)?;
        all(t, |c| c.is_ascii_digit()).then(|| t.bytes().fold(0i64, |n, c| n * 10 + i64::from(c - b'0')))
    };
    let parts = if s.len() != 10 {
        None
    } else if dash(2) && dash(5) {
        num(6, 10).zip(num(3, 5)).zip(num(0, 2))
    } else if dash(4) && dash(7) {
        num(0, 4).zip(num(5, 7)).zip(num(8, 10))
    } else {
        None
    };
    let Some(((year, month), day)) = parts else { return Err(DateFail::Format) };
    let (month, day) = (u32::try_from(month).unwrap_or(0), u32::try_from(day).unwrap_or(0));
    if year < 1900 || day == 0 || day > days_in_month(year, month) {
        return Err(DateFail::Impossible);
    }
    if (year, month, day) > today {
        return Err(DateFail::Future);
    }
    Ok(())
}

/// The Luhn checksum of a string of ASCII digits.
pub(crate) fn luhn(number: &str) -> bool {
    let sum: u32 = number
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b.wrapping_sub(b'0'));
            if i % 2 == 1 {
                let d2 = d * 2;
                if d2 > 9 {
                    d2 - 9
                } else {
                    d2
                }
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

/// A card number: 16 to 19 digits (the spec's range), no separators, valid Luhn.
pub(crate) fn card_number(number: &str) -> Result<(), Fail> {
    if !(16..=19).contains(&number.len()) || !all(number, |b| b.is_ascii_digit()) {
        return Err(Fail::Format);
    }
    if luhn(number) {
        Ok(())
    } else {
        Err(Fail::Checksum)
    }
}

/// A BIC (SWIFT code): 4-letter bank, 2-letter country, 2-character location, optional 3-character
/// branch, upper case. Returns the country part.
pub(crate) fn bic(s: &str) -> Option<&str> {
    if s.len() != 8 && s.len() != 11 {
        return None;
    }
    let bank = s.get(..4)?;
    let country = s.get(4..6)?;
    let rest = s.get(6..)?;
    let ok = all(bank, |b| b.is_ascii_uppercase()) && all(country, |b| b.is_ascii_uppercase()) && all(rest, upper_alnum);
    ok.then_some(country)
}

/// An IBAN: country, two check digits and up to 30 upper-case letters or digits, no spaces; ISO 7064
/// mod 97-10 over the rearranged digits must give 1.
pub(crate) fn iban(s: &str) -> Result<(), Fail> {
    let (Some(country), Some(check), Some(bban)) = (s.get(..2), s.get(2..4), s.get(4..)) else {
        return Err(Fail::Format);
    };
    let shape = (15..=34).contains(&s.len())
        && all(country, |b| b.is_ascii_uppercase())
        && all(check, |b| b.is_ascii_digit())
        && all(bban, upper_alnum);
    if !shape {
        return Err(Fail::Format);
    }
    let mut rem = 0u32;
    for b in bban.bytes().chain(country.bytes()).chain(check.bytes()) {
        let v = if b.is_ascii_digit() { u32::from(b - b'0') } else { u32::from(b - b'A') + 10 };
        rem = if v >= 10 { (rem * 100 + v) % 97 } else { (rem * 10 + v) % 97 };
    }
    // ISO 7064 MOD 97-10 check digits are 98 minus a remainder: 02 to 98. 00, 01 and 99 can still
    // leave a remainder of 1, and no IBAN has them.
    if rem == 1 && !matches!(check, "00" | "01" | "99") {
        Ok(())
    } else {
        Err(Fail::Checksum)
    }
}

/// An Indian IFSC: 4 letters, a `0`, then 6 letters or digits.
pub(crate) fn ifsc(s: &str) -> bool {
    s.len() == 11
        && s.get(..4).is_some_and(|p| all(p, |b| b.is_ascii_uppercase()))
        && s.get(4..5) == Some("0")
        && s.get(5..).is_some_and(|p| all(p, upper_alnum))
}

/// A US ABA routing number: 9 digits whose weighted sum (3, 7, 1, ...) is a multiple of 10.
pub(crate) fn aba(s: &str) -> Result<(), Fail> {
    if !digits(s, 9) {
        return Err(Fail::Format);
    }
    let sum: u32 = s.bytes().zip([3, 7, 1].iter().cycle()).map(|(b, w)| u32::from(b - b'0') * w).sum();
    if sum % 10 == 0 {
        Ok(())
    } else {
        Err(Fail::Checksum)
    }
}

/// `len` ASCII digits (UK sort code and Australian BSB: 6; Chinese CNAPS: 12).
pub(crate) fn fixed_digits(s: &str, len: usize) -> bool {
    digits(s, len)
}

const BASE58: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

fn base58_decode(s: &str) -> Option<Vec<u8>> {
    let mut out: Vec<u8> = Vec::new(); // big-endian
    for c in s.bytes() {
        let mut carry = BASE58.iter().position(|&a| a == c)? as u32;
        for byte in out.iter_mut().rev() {
            carry += u32::from(*byte) * 58;
            *byte = (carry & 0xff) as u8;
            carry >>= 8;
        }
        while carry > 0 {
            out.insert(0, (carry & 0xff) as u8);
            carry >>= 8;
        }
    }
    let zeros = s.bytes().take_while(|&b| b == b'1').count();
    let mut full = vec![0u8; zeros];
    full.extend(out);
    Some(full)
}

/// A TRON (TRC20) address: 34 base58 characters starting with `T`, decoding to `0x41`, 20 bytes and a
/// 4-byte checksum (the first bytes of SHA-256 twice).
pub(crate) fn trc20(s: &str) -> Result<(), Fail> {
    if s.len() != 34 || !s.starts_with('T') {
        return Err(Fail::Format);
    }
    let bytes = base58_decode(s).ok_or(Fail::Format)?;
    let (Some(payload), Some(check)) = (bytes.get(..21), bytes.get(21..)) else { return Err(Fail::Format) };
    if bytes.len() != 25 || payload.first() != Some(&0x41) {
        return Err(Fail::Format);
    }
    let hash = Sha256::digest(Sha256::digest(payload));
    if hash.get(..4) == Some(check) {
        Ok(())
    } else {
        Err(Fail::Checksum)
    }
}

/// An ERC20/BEP20 address: `0x` and 40 hex digits; when it mixes cases, the EIP-55 checksum (a letter is
/// upper case exactly when the matching nibble of Keccak-256 of the lower-case address is 8 or more).
pub(crate) fn evm(s: &str) -> Result<(), Fail> {
    let Some(hex) = s.strip_prefix("0x") else { return Err(Fail::Format) };
    if hex.len() != 40 || !all(hex, |b| b.is_ascii_hexdigit()) {
        return Err(Fail::Format);
    }
    let has_upper = hex.bytes().any(|b| b.is_ascii_uppercase());
    let has_lower = hex.bytes().any(|b| b.is_ascii_lowercase());
    if !(has_upper && has_lower) {
        return Ok(());
    }
    let hash = keccak256(hex.to_ascii_lowercase().as_bytes());
    let ok = hex.bytes().enumerate().all(|(i, b)| {
        let byte = hash.get(i / 2).copied().unwrap_or(0);
        let nibble = if i % 2 == 0 { byte >> 4 } else { byte & 0x0f };
        !b.is_ascii_alphabetic() || b.is_ascii_uppercase() == (nibble >= 8)
    });
    if ok {
        Ok(())
    } else {
        Err(Fail::Checksum)
    }
}

// Keccak-256 (the original padding, as Ethereum uses it; not SHA3-256), for EIP-55 only. Hand-written
// because it is the smallest: measured on the whole package (`make pkg`, gzipped .wasm), `tiny-keccak`
// 2.0.2 (feature `keccak`) added 0.7 KB more than this and `sha3` 0.10.9 1.6 KB more, for a 30-line
// permutation checked below against known answers (including @noble/hashes' keccak_256).

const ROUND_CONSTANTS: [u64; 24] = [
    0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808a, 0x8000_0000_8000_8000,
    0x0000_0000_0000_808b, 0x0000_0000_8000_0001, 0x8000_0000_8000_8081, 0x8000_0000_0000_8009,
    0x0000_0000_0000_008a, 0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000a,
    0x0000_0000_8000_808b, 0x8000_0000_0000_008b, 0x8000_0000_0000_8089, 0x8000_0000_0000_8003,
    0x8000_0000_0000_8002, 0x8000_0000_0000_0080, 0x0000_0000_0000_800a, 0x8000_0000_8000_000a,
    0x8000_0000_8000_8081, 0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
];
const ROTATIONS: [u32; 24] = [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];
const PI_LANES: [usize; 24] = [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];

// The indexes below come from the constant tables and loop bounds over the fixed 25-lane state, never
// from input, and are all in bounds.
#[allow(clippy::indexing_slicing)]
fn keccak_f(state: &mut [u64; 25]) {
    for rc in ROUND_CONSTANTS {
        let mut columns = [0u64; 5];
        for (x, c) in columns.iter_mut().enumerate() {
            *c = state[x] ^ state[x + 5] ^ state[x + 10] ^ state[x + 15] ^ state[x + 20];
        }
        for x in 0..5 {
            let t = columns[(x + 4) % 5] ^ columns[(x + 1) % 5].rotate_left(1);
            for y in 0..5 {
                state[5 * y + x] ^= t;
            }
        }
        let mut carried = state[1];
        for (lane, rotation) in PI_LANES.iter().zip(ROTATIONS) {
            let next = state[*lane];
            state[*lane] = carried.rotate_left(rotation);
            carried = next;
        }
        for y in 0..5 {
            let row = [state[5 * y], state[5 * y + 1], state[5 * y + 2], state[5 * y + 3], state[5 * y + 4]];
            for x in 0..5 {
                state[5 * y + x] = row[x] ^ (!row[(x + 1) % 5] & row[(x + 2) % 5]);
            }
        }
        state[0] ^= rc;
    }
}

pub(crate) fn keccak256(data: &[u8]) -> [u8; 32] {
    const RATE: usize = 136;
    let mut state = [0u64; 25];
    let mut padded = data.to_vec();
    padded.push(0x01);
    while padded.len() % RATE != 0 {
        padded.push(0);
    }
    if let Some(last) = padded.last_mut() {
        *last |= 0x80;
    }
    for block in padded.chunks(RATE) {
        for (lane, bytes) in state.iter_mut().zip(block.chunks(8)) {
            let mut word = [0u8; 8];
            word.iter_mut().zip(bytes).for_each(|(w, b)| *w = *b);
            *lane ^= u64::from_le_bytes(word);
        }
        keccak_f(&mut state);
    }
    let mut out = [0u8; 32];
    for (chunk, lane) in out.chunks_mut(8).zip(state) {
        chunk.copy_from_slice(&lane.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Verdicts of the WHATWG URL parser (`new URL()` in Node 20), which `tests/js/validation.test.mjs`
    /// checks against the real one; except the last `bad` four, where we are stricter on purpose (an
    /// empty host the parser would take from the path, an empty label, an octal or short IPv4 address).
    #[test]
    fn url_reads_the_authority_as_browsers_do() {
        let good = [
            "https://shop.example.com/ok?x=1#y",
            "http://a.example:8080/",
            "https://a.example:/",
            "https://a_b.example/",
            "https://user:pw@a.example:443/p",
            "http://1.2.3.4/",
            "https://[::1]:8443/",
            "https://[2001:db8::ff00:42:8329]/",
            "https://[::ffff:192.0.2.1]/",
            "https://例子.测试/支付",
            "HTTPS://A.EXAMPLE/",
        ];
        let bad = [
            "https://a.example:8080:80/",
            "https://[zz]/",
            "https://[1::2::3]/",
            "https://[::1/",
            "https://[::1]x/",
            "http://1.2.3.4.5/",
            "http://256.1.1.1/",
            "https://a.example\u{a0}/",
            "https://a\u{3000}b.example/",
            "https://a.example:65536/",
            "https://a.example:8o/",
            "ftp://a.example/",
            "https://a example/",
            "https://[1:2:3:4:5:6:7]/",
            "https://[:1]/",
            "https://[1:]/",
            "https://[1:2:3:4:5:6:7:8:9]/",
            "https://[1::2:3:4:5:6:7:8]/",
            "https://[1.2.3.4::]/",
            "https://[1::1.2.3.4:5]/",
            "https://[::1.2.3.04]/",
            "https://a.0x1f/",
            "http://a.0x/",
            "http://1.2.3.08/",
            "https:///path",
            "https://a..example/",
            "http://010.1.1.1/",
            "http://127.1/",
        ];
        for s in good {
            assert!(url(s), "{s}");
        }
        for s in bad {
            assert!(!url(s), "{s}");
        }
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn keccak_known_answers() {
        assert_eq!(hex(&keccak256(b"")), "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
        assert_eq!(hex(&keccak256(b"abc")), "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
        // Two blocks (136-byte rate); the value is @noble/hashes' keccak_256.
        assert_eq!(hex(&keccak256(&[b'a'; 200])), "96ea54061def936c4be90b518992fdc6f12f535068a256229aca54267b4d084d");
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(951_782_400_000), (2000, 2, 29));
        assert_eq!(civil_date(-1), (1969, 12, 31));
        // The first day of a computational year (1 March), where Hinnant's year-of-era term turns over.
        assert_eq!(civil_date(5_097_600_000), (1970, 3, 1));
        assert_eq!(civil_date(5_097_599_999), (1970, 2, 28));
        // 1 March of a year divisible by 400: the first day of an era (day-of-era 0).
        assert_eq!(civil_date(951_868_800_000), (2000, 3, 1));
        assert_eq!(civil_date(-11_670_912_000_000), (1600, 3, 1));
        assert_eq!(civil_date(4_107_542_400_000), (2100, 3, 1));
        assert_eq!(civil_date(4_107_542_399_999), (2100, 2, 28));
    }

    /// Every day from 1 January 1600 to 31 December 2400 against a plain day count of the proleptic
    /// Gregorian calendar.
    #[test]
    fn civil_dates_match_a_day_count() {
        let leap = |y: i64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let lengths = |y: i64| [31, if leap(y) { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        // Days from 1600-01-01 to 1970-01-01.
        let mut day: i64 = -(1600..1970).map(|y| if leap(y) { 366 } else { 365 }).sum::<i64>();
        for year in 1600..=2400 {
            for (m, len) in lengths(year).into_iter().enumerate() {
                for d in 1..=len {
                    let expected = (year, m as u32 + 1, d);
                    assert_eq!(civil_date(day * 86_400_000), expected, "day {day}");
                    assert_eq!(civil_date(day * 86_400_000 + 86_399_999), expected, "end of day {day}");
                    day += 1;
                }
            }
        }
    }

    #[test]
    fn days_in_month_follows_the_gregorian_calendar() {
        let common = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        for year in [1900, 2023, 2100] {
            for (m, len) in common.iter().enumerate() {
                assert_eq!(days_in_month(year, m as u32 + 1), *len, "{year}-{}", m + 1);
            }
        }
        for year in [2000, 2024, 1904] {
            assert_eq!(days_in_month(year, 2), 29, "{year}");
        }
        assert_eq!(days_in_month(2024, 0), 0);
        assert_eq!(days_in_month(2024, 13), 0);
    }

    #[test]
    fn date_of_birth_formats_and_calendar() {
        let today = (2024, 5, 10);
        for ok in ["15-01-1990", "1990-01-15", "31-01-1990", "1990-12-31", "29-02-2024", "2000-02-29", "28-02-2023"] {
            assert_eq!(date_of_birth(ok, today), Ok(()), "{ok}");
        }
        // Both dashes of one layout, not one dash of each.
        for s in ["15-01/1990", "15/01-1990", "1990/01-15", "1990-01/15", "15-011990x", "1990-0115xx", "1990.01.15", "15.01.1990"] {
            assert_eq!(date_of_birth(s, today), Err(DateFail::Format), "{s}");
        }
        for s in ["1990-1-15", "1990-01-1a", "+990-01-15", "1990-01-150", "15-01-199"] {
            assert_eq!(date_of_birth(s, today), Err(DateFail::Format), "{s}");
        }
        // Not before 1900: 1 January 1900 is the first day taken.
        assert_eq!(date_of_birth("1900-01-01", today), Ok(()));
        assert_eq!(date_of_birth("01-01-1900", today), Ok(()));
        assert_eq!(date_of_birth("31-12-1899", today), Err(DateFail::Impossible));
        for s in ["00-01-1990", "32-01-1990", "31-04-1990", "1990-00-10", "1990-13-01", "29-02-2023", "29-02-1900", "30-02-2024"] {
            assert_eq!(date_of_birth(s, today), Err(DateFail::Impossible), "{s}");
        }
        // Today is not in the future; tomorrow is.
        assert_eq!(date_of_birth("2024-05-10", today), Ok(()));
        assert_eq!(date_of_birth("10-05-2024", today), Ok(()));
        assert_eq!(date_of_birth("2024-05-11", today), Err(DateFail::Future));
        assert_eq!(date_of_birth("2024-06-01", today), Err(DateFail::Future));
        assert_eq!(date_of_birth("2025-01-01", today), Err(DateFail::Future));
    }

    /// ISO/IEC 7812-1 Luhn: every second digit from the right doubled, 10–18 counted as their digit sum.
    #[test]
    fn luhn_doubles_every_second_digit_from_the_right() {
        // Wikipedia's example, and test cards of the card schemes (doubled digits of 5 to 9).
        for n in ["79927398713", "4012888888881881", "5555555555554444", "6011111111111117", "3530111333300000", "0"] {
            assert!(luhn(n), "{n}");
        }
        for last in ['0', '1', '2', '4', '5', '6', '7', '8', '9'] {
            let n = format!("7992739871{last}");
            assert!(!luhn(&n), "{n}");
        }
        // A doubled 9 counts 9 (18 → 1 + 8), a doubled 6 counts 3 (12 → 1 + 2), a doubled 5 counts 1.
        assert!(luhn("91"));
        assert!(luhn("67"));
        assert!(luhn("59"));
        assert!(!luhn("58"));
        assert_eq!(card_number("5555555555554444"), Ok(()));
        assert_eq!(card_number("4012888888881881"), Ok(()));
        assert_eq!(card_number("4012888888881882"), Err(Fail::Checksum));
    }

    /// 16 to 19 digits (the spec's range), whatever their Luhn checksum says.
    #[test]
    fn card_number_length_and_digits() {
        // Luhn-valid, but 13, 15 and 20 digits.
        for n in ["4222222222222", "378282246310005", "62220200000000000007"] {
            assert!(luhn(n), "{n}");
            assert_eq!(card_number(n), Err(Fail::Format), "{n}");
        }
        for n in ["4111111111111111", "622202000000000007", "6222020000000000000"] {
            assert_eq!(card_number(n), Ok(()), "{n}");
        }
        for n in ["4111 11111111111", "4111-1111-1111-1111", "411111111111111a", "", "4111111111111111\u{661}"] {
            assert_eq!(card_number(n), Err(Fail::Format), "{n:?}");
        }
    }

    /// ISO 9362: 4-letter bank, 2-letter country, 2-character location, optional 3-character branch.
    #[test]
    fn bic_shape() {
        assert_eq!(bic("DEUTDEFF"), Some("DE"));
        assert_eq!(bic("DEUTDEFF500"), Some("DE"));
        assert_eq!(bic("BOFAUS3N"), Some("US"));
        assert_eq!(bic("BOFAUS3NXXX"), Some("US"));
        for s in ["DEUTDEF", "DEUTDEFF5", "DEUTDEFF50", "DEUTDEFF5000", "", "deutdeff", "DEUTdeFF", "DEUTD1FF", "DEUTDEF\u{e9}", "DEUTDEFF50x", "DEUTDEFF 00"] {
            assert_eq!(bic(s), None, "{s:?}");
        }
    }

    /// ISO 13616: country, two check digits, a BBAN of up to 30 upper-case letters or digits (34 in all;
    /// Norway's 15 is the shortest), ISO 7064 mod 97-10 of the rearranged digits (letters as 10–35) = 1.
    #[test]
    fn iban_shape_and_mod_97() {
        for s in [
            "GB82WEST12345698765432",
            "AL47212110090000000235698741",
            "NO9386011117947",
            "LC55HEMM000100010012001200023015",
            "RU0304452522540817810538091310419",
            "GB59WEST1234569876543Z",
            "GB16AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "AD8712345678901234567890ABCDEFGHIJ",
        ] {
            assert_eq!(iban(s), Ok(()), "{s}");
        }
        for s in ["GB82WEST12345698765431", "GB28WEST12345698765432", "GB82WSET12345698765432", "BG82WEST12345698765432", "GB59WEST1234569876543Y"] {
            assert_eq!(iban(s), Err(Fail::Checksum), "{s}");
        }
        // Remainder 1 with check digits outside 02..98, which ISO 7064 never gives.
        for s in ["GB99WEST12345698760082", "GB01WEST12345698760003", "GB00WEST12345698760021"] {
            assert_eq!(iban(s), Err(Fail::Checksum), "{s}");
        }
        // Right check digits, wrong shape: 14 and 35 characters, lower case, spaces, letters for digits.
        for s in [
            "NO698601111794",
            "GB33AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "gb82west12345698765432",
            "GB82west12345698765432",
            "GB82 WEST 1234 5698 7654 32",
            "G182WEST12345698765432",
            "GBX2WEST12345698765432",
            "GB",
            "",
            "GB82WEST1234569876543\u{e9}",
        ] {
            assert_eq!(iban(s), Err(Fail::Format), "{s:?}");
        }
    }

    #[test]
    fn ifsc_shape() {
        assert!(ifsc("SBIN0000300"));
        assert!(ifsc("HDFC0ABC123"));
        for s in ["SBIN1000300", "SBIN000030", "SBIN00003000", "sbin0000300", "SBI10000300", "SBIN0abc123", "SBIN0-00300", ""] {
            assert!(!ifsc(s), "{s}");
        }
    }

    /// ABA routing numbers: 9 digits, 3·d1 + 7·d2 + d3 + 3·d4 + 7·d5 + d6 + 3·d7 + 7·d8 + d9 ≡ 0 (mod 10).
    #[test]
    fn aba_weights() {
        for s in ["021000021", "011000015", "121000358"] {
            assert_eq!(aba(s), Ok(()), "{s}");
        }
        // Each a one-digit change of a valid number, caught by its weight.
        for s in ["021000022", "121000359", "011000016", "111000015", "031000021", "021000121"] {
            assert_eq!(aba(s), Err(Fail::Checksum), "{s}");
        }
        for s in ["02100002", "0210000210", "02100002a", "", "02100002\u{661}"] {
            assert_eq!(aba(s), Err(Fail::Format), "{s:?}");
        }
        assert!(fixed_digits("123456", 6));
        assert!(!fixed_digits("12345", 6));
        assert!(!fixed_digits("1234567", 6));
        assert!(!fixed_digits("12345a", 6));
        assert!(fixed_digits("123456789012", 12));
    }

    /// Bitcoin's base58: each leading `1` is a zero byte, the rest a big-endian number.
    #[test]
    fn base58_decodes_big_endian_with_leading_zeros() {
        assert_eq!(base58_decode(""), Some(vec![]));
        assert_eq!(base58_decode("1"), Some(vec![0]));
        assert_eq!(base58_decode("11"), Some(vec![0, 0]));
        assert_eq!(base58_decode("12"), Some(vec![0, 1]));
        assert_eq!(base58_decode("1112"), Some(vec![0, 0, 0, 1]));
        assert_eq!(base58_decode("2"), Some(vec![1]));
        assert_eq!(base58_decode("z"), Some(vec![57]));
        assert_eq!(base58_decode("21"), Some(vec![58]));
        assert_eq!(base58_decode("5Q"), Some(vec![255]));
        assert_eq!(base58_decode("LUw"), Some(vec![1, 0, 0]));
        assert_eq!(base58_decode("1LUw1"), Some(vec![0, 0x3a, 0, 0]));
        for s in ["0", "O", "I", "l", "a0", "+"] {
            assert_eq!(base58_decode(s), None, "{s}");
        }
    }

    #[test]
    fn trc20_addresses() {
        // USDT's TRC20 contract, another address and TRON's zero address.
        for s in ["TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7", "T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb"] {
            assert_eq!(trc20(s), Ok(()), "{s}");
        }
        for s in ["TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj7t", "TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU8"] {
            assert_eq!(trc20(s), Err(Fail::Checksum), "{s}");
        }
        // A correct base58check of version byte 0x42, not TRON's 0x41.
        assert_eq!(trc20("TZJozAg1ruapycCicgz31GxvYJ1G1qELV7"), Err(Fail::Format));
        for s in ["TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6tt", "AR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj0t", ""] {
            assert_eq!(trc20(s), Err(Fail::Format), "{s}");
        }
    }

    /// EIP-55's own examples: all upper, all lower, and mixed case matching the checksum.
    #[test]
    fn evm_addresses_and_eip55() {
        let mixed = [
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        ];
        for s in [
            "0x52908400098527886E0F7030069857D2E4169EE7",
            "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
            "0xde709f2102306220921060314715629080e2fb77",
            "0x27b1fdb04752bbc536007a920d24acb045561c26",
        ]
        .into_iter()
        .chain(mixed)
        {
            assert_eq!(evm(s), Ok(()), "{s}");
        }
        // Any one letter in the other case breaks the checksum.
        for s in mixed {
            for (i, c) in s.char_indices().skip(2).filter(|(_, c)| c.is_ascii_alphabetic()) {
                let flipped = if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                let t = format!("{}{flipped}{}", &s[..i], &s[i + 1..]);
                assert_eq!(evm(&t), Err(Fail::Checksum), "{t}");
            }
        }
        // All lower or all upper case is taken unchecked, whatever the checksum would say.
        for s in mixed {
            assert_eq!(evm(&format!("0x{}", s[2..].to_ascii_lowercase())), Ok(()), "{s}");
            assert_eq!(evm(&format!("0x{}", s[2..].to_ascii_uppercase())), Ok(()), "{s}");
        }
        for s in [
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd",
            "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00",
            "0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg",
            "",
        ] {
            assert_eq!(evm(s), Err(Fail::Format), "{s}");
        }
    }

    /// Characters RFC 3986 allows nowhere in a URI (space, controls, DEL, `"`, `<`, `>`, `\`, `^`, the
    /// backquote, `{`, `|`, `}`) are refused anywhere, not only in the host. (The WHATWG parser would
    /// percent-encode them in a path.)
    #[test]
    fn url_refuses_characters_no_uri_holds() {
        for s in [
            "https://a.example/a b",
            "https://a.example/?q=a b",
            "https://a.example/#a b",
            "https://a.example/a\tb",
            "https://a.example/a\u{1}b",
            "https://a.example/a\u{7f}b",
            "https://a.example/a\"b",
            "https://a.example/a<b",
            "https://a.example/a>b",
            "https://a.example/a\\b",
            "https://a.example/a^b",
            "https://a.example/a`b",
            "https://a.example/a{b",
            "https://a.example/a|b",
            "https://a.example/a}b",
            "https://u<v@a.example/",
        ] {
            assert!(!url(s), "{s:?}");
        }
        assert!(url("https://a.example/a%20b?q=%3C#%7C"));
    }

    #[test]
    fn hosts_with_hyphens() {
        assert!(domain_or_ipv4("a-b.example"));
        assert!(domain_or_ipv4("xn--fsqu00a.xn--0zwm56d"));
        // The spec's sandbox base URL.
        assert!(url("https://lesspay2-pay-uat.doopayment.com/api"));
    }

    #[test]
    fn ipv6_pieces_are_one_to_four_hex_digits() {
        assert_eq!(ipv6_pieces("1:ab:ffff", false), Some(3));
        assert_eq!(ipv6_pieces("1:g", false), None);
        assert_eq!(ipv6_pieces("12345", false), None);
        assert!(!ipv6("1:2:3:4:5:6:7:g"));
        assert!(!ipv6("1:2:3:4:5:6:7:12345"));
        assert!(!ipv6("::12345"));
        assert!(!ipv6("g::1"));
        assert!(!url("https://[1:2:3:4:5:6:7:g]/"));
        assert!(url("https://[1:2:3:4:5:6:7:ffff]/"));
    }

    #[test]
    fn email_domain_labels_are_letters_digits_and_hyphens() {
        assert!(email("juan@my-shop.example"));
        assert!(email("juan@a-b.c-d.example"));
        // RFC 5321 `sub-domain = Let-dig [Ldh-str]`: no other ASCII character.
        for s in ["juan@my_shop.example", "juan@my!shop.example", "juan@my*shop.example", "juan@my+shop.example"] {
            assert!(!email(s), "{s}");
        }
    }
}
