//! Currency and country tables, decimal amounts and their exact sum (no floating point anywhere).

/// Active ISO 4217 codes (2025), three letters each, sorted. Funds and metals without minor units
/// (XAU, XDR, ...) are left out: an amount in them is not something a payment gateway takes
/// ([`NO_MINOR_UNITS`] names them in the warning).
const ISO_4217: &str = "AEDAFNALLAMDANGAOAARSAUDAWGAZNBAMBBDBDTBGNBHDBIFBMDBNDBOBBOVBRLBSDBTNBWPBYNBZDCADCDF\
CHECHFCHWCLFCLPCNYCOPCOUCRCCUCCUPCVECZKDJFDKKDOPDZDEGPERNETBEURFJDFKPGBPGELGHSGIPGMDGNFGTQGYDHKDHNL\
HTGHUFIDRILSINRIQDIRRISKJMDJODJPYKESKGSKHRKMFKPWKRWKWDKYDKZTLAKLBPLKRLRDLSLLYDMADMDLMGAMKDMMKMNT\
MOPMRUMURMVRMWKMXNMXVMYRMZNNADNGNNIONOKNPRNZDOMRPABPENPGKPHPPKRPLNPYGQARRONRSDRUBRWFSARSBDSCRSDG\
SEKSGDSHPSLESLLSOSSRDSSPSTNSVCSYPSZLTHBTJSTMTTNDTOPTRYTTDTWDTZSUAHUGXUSDUSNUYIUYUUYWUZSVEDVESVND\
VUVWSTXAFXCDXCGXOFXPFYERZARZMWZWGZWL";

/// ISO 4217 codes without minor units (precious metals, fund and settlement units, the test code XTS and
/// XXX, "no currency"), sorted: known to ISO, but not currencies a payment is made in.
const NO_MINOR_UNITS: &str = "XAGXAUXBAXBBXBCXBDXDRXPDXPTXSUXTSXUAXXX";

/// ISO 4217 codes with 0, 3 and 4 minor units; every other code has 2.
const MINOR_0: &str = "BIFCLPDJFGNFISKJPYKMFKRWPYGRWFUGXUYIVNDVUVXAFXOFXPF";
const MINOR_3: &str = "BHDIQDJODKWDLYDOMRTND";
const MINOR_4: &str = "CLFUYW";

/// Crypto currencies the gateway documents, with the fraction digits of their amounts.
const CRYPTO: [(&str, u8); 4] = [("BTC", 8), ("ETH", 18), ("USDT", 6), ("USDC", 6)];

/// The payout currencies named by the gateway's error 30001.
pub(crate) const PAYOUT: &str = "PHP, INR, IDR";

/// ISO 3166-1 alpha-2 codes (officially assigned), two letters each, sorted.
const ISO_3166: &str = "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCH\
CICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGU\
GWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMF\
MGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERO\
RSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVC\
VEVGVIVNVUWFWSYEYTZAZMZW";

/// Whether `code` is one of the fixed-width entries of the sorted `table`: a binary search, 8 steps on
/// the currency table where a scan took 90 on average (in wasm the scans were a tenth of `validate`).
fn in_table(table: &str, code: &str, width: usize) -> bool {
    let (mut low, mut high) = (0, table.len() / width);
    while code.len() == width && low < high {
        let mid = (low + high) / 2;
        match table.as_bytes().get(mid * width..(mid + 1) * width) {
            Some(entry) if entry < code.as_bytes() => low = mid + 1,
            Some(entry) if entry > code.as_bytes() => high = mid,
            found => return found.is_some(),
        }
    }
    false
}

/// The fraction digits an amount in `code` may have, or `None` for an unknown code.
pub(crate) fn minor_units(code: &str) -> Option<u8> {
    if let Some((_, digits)) = CRYPTO.iter().find(|(c, _)| *c == code) {
        return Some(*digits);
    }
    if !in_table(ISO_4217, code, 3) {
        return None;
    }
    Some(if in_table(MINOR_0, code, 3) {
        0
    } else if in_table(MINOR_3, code, 3) {
        3
    } else if in_table(MINOR_4, code, 3) {
        4
    } else {
        2
    })
}

/// Whether `code` is an ISO 4217 code without minor units ([`NO_MINOR_UNITS`]).
pub(crate) fn without_minor_units(code: &str) -> bool {
    in_table(NO_MINOR_UNITS, code, 3)
}

/// Whether `code` is an assigned ISO 3166-1 alpha-2 code.
pub(crate) fn is_country(code: &str) -> bool {
    in_table(ISO_3166, code, 2)
}

/// The number of fraction digits of a plain positive decimal (`100`, `100.50`, `0.5`), or `None` for
/// anything else: a sign, an exponent, separators, whitespace, `.5`, `5.`, `00.5`, or zero itself.
pub(crate) fn plain_decimal(s: &str) -> Option<usize> {
    let (int, fraction) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || (int.len() > 1 && int.starts_with('0')) {
        return None;
    }
    if let Some(f) = fraction {
        if !digits(f) {
            return None;
        }
    }
    if s.bytes().all(|b| b == b'0' || b == b'.') {
        return None;
    }
    Some(fraction.map_or(0, str::len))
}

/// The exact sum of plain decimals (as accepted by [`plain_decimal`]), written with the largest number
/// of fraction digits among them: `["50.00", "49.5"]` → `"99.50"`.
pub(crate) fn decimal_sum<'a>(amounts: impl IntoIterator<Item = &'a str> + Clone) -> String {
    let scale = amounts.clone().into_iter().map(|a| a.split_once('.').map_or(0, |(_, f)| f.len())).max().unwrap_or(0);
    // Little-endian base-10 digits of the sum scaled by 10^scale.
    let mut acc: Vec<u8> = Vec::new();
    for a in amounts {
        let (int, fraction) = a.split_once('.').unwrap_or((a, ""));
        let padding = std::iter::repeat(b'0').take(scale.saturating_sub(fraction.len()));
        let digits: Vec<u8> = int.bytes().chain(fraction.bytes()).chain(padding).map(|b| b.wrapping_sub(b'0')).collect();
        let mut pending = digits.iter().rev();
        let (mut i, mut carry) = (0usize, 0u8);
        loop {
            let d = pending.next();
            if d.is_none() && carry == 0 {
                break;
            }
            if i == acc.len() {
                acc.push(0);
            }
            if let Some(slot) = acc.get_mut(i) {
                let s = *slot + d.copied().unwrap_or(0) + carry;
                *slot = s % 10;
                carry = s / 10;
            }
            i += 1;
        }
    }
    while acc.len() <= scale {
        acc.push(0);
    }
    while acc.len() > scale + 1 && acc.last() == Some(&0) {
        acc.pop();
    }
    let mut out = String::with_capacity(acc.len() + 1);
    for (i, d) in acc.iter().enumerate().rev() {
        out.push(char::from(b'0' + d));
        if i == scale && scale > 0 {
            out.push('.');
        }
    }
    out
}

/// Whether two plain decimals are the same number (`100`, `100.0` and `100.00` are).
pub(crate) fn decimal_eq(a: &str, b: &str) -> bool {
    fn normal(s: &str) -> &str {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.')
        } else {
            s
        }
    }
    normal(a) == normal(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_exactly() {
        assert_eq!(decimal_sum(["50.00", "49.5"]), "99.50");
        assert_eq!(decimal_sum(["0.1", "0.2"]), "0.3");
        assert_eq!(decimal_sum(["999.999", "0.001"]), "1000.000");
        assert_eq!(decimal_sum(["12345678901234567890.1", "1"]), "12345678901234567891.1");
        assert_eq!(decimal_sum(["5"]), "5");
        assert!(decimal_eq("100", "100.00"));
        assert!(!decimal_eq("100", "10.00"));
    }

    #[test]
    fn tables_are_well_formed() {
        for (table, width) in [(ISO_4217, 3), (ISO_3166, 2), (MINOR_0, 3), (MINOR_3, 3), (MINOR_4, 3)] {
            assert_eq!(table.len() % width, 0);
            let codes: Vec<&[u8]> = table.as_bytes().chunks(width).collect();
            assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
        }
        assert_eq!(ISO_3166.len() / 2, 249);
        for code in MINOR_0.as_bytes().chunks(3).chain(MINOR_3.as_bytes().chunks(3)) {
            assert!(in_table(ISO_4217, std::str::from_utf8(code).unwrap(), 3));
        }
    }

    #[test]
    fn table_lookup_finds_every_entry_and_nothing_else() {
        for (table, width) in [(ISO_4217, 3), (ISO_3166, 2), (MINOR_0, 3), (MINOR_3, 3), (MINOR_4, 3)] {
            let entries: Vec<&str> = table.as_bytes().chunks(width).map(|c| std::str::from_utf8(c).unwrap()).collect();
            // Every upper-case code of the width (and a few of other widths) against a plain scan.
            let letters = || (b'A'..=b'Z').map(char::from);
            let mut codes: Vec<String> = letters().flat_map(|a| letters().map(move |b| format!("{a}{b}"))).collect();
            if width == 3 {
                codes = codes.iter().flat_map(|ab| letters().map(move |c| format!("{ab}{c}"))).collect();
            }
            codes.extend(["", "A", "USDX", "usd", "us"].map(String::from));
            for code in &codes {
                assert_eq!(in_table(table, code, width), entries.contains(&code.as_str()), "{code}");
            }
        }
    }
}
