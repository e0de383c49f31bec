//! Any bytes as a body: parsing, canonicalisation, signing and `explain_signature` never panic, and they
//! agree with each other (the same text gives the same canonical string and signature every time; the
//! signature is 64 upper-case hex digits), and the direct path of `sign` agrees with the tree path.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        let _ = lesspay2::json::parse_object_bytes(data);
        return;
    };
    let canonical = lesspay2::canonicalize(text);
    let signed = lesspay2::sign(text, "k");
    // Natively `sign` writes the canonical string straight from the text and builds the parsed tree
    // only for unusual bodies; `sign_object` always writes the tree: both must give the same signature,
    // and the same error.
    let tree = lesspay2::json::parse_object(text).map(|o| lesspay2::signature::sign_object(&o, "k"));
    assert_eq!(signed, tree, "the direct path and the tree disagree on {text:?}");
    match (&canonical, &signed) {
        (Ok(_), Ok(sig)) => {
            assert_eq!(sig.len(), 64);
            assert!(sig.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)));
            assert_eq!(lesspay2::canonicalize(text).ok(), Some(canonical.clone().unwrap_or_default()));
            let e = lesspay2::explain_signature(text, "k", Some(sig)).unwrap();
            assert_eq!(e.matches, Some(true));
            assert_eq!(&e.expected, sig);
        }
        (Err(a), Err(b)) => assert_eq!(a, b),
        _ => panic!("canonicalize and sign disagree on whether {text:?} is a body"),
    }
    let _ = lesspay2::json::parse_value(text);
});
