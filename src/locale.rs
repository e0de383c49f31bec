//! The language of every human-readable text the library writes: validation messages, the
//! `description` and `advice` of decoded answers, order status descriptions. One type, so that a page
//! passing the browser's language gets the same answer from each.

/// English or Simplified Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// English (the default).
    #[default]
    En,
    /// Simplified Chinese (`zh-CN`).
    ZhCn,
}

impl Locale {
    /// The locale for a BCP 47 tag, in any case: `en` and any `en-*` (`navigator.language` is often
    /// `en-US`), `zh-CN`, `zh`, `zh-Hans` and `zh-Hans-CN`. Other tags (`fr`, `zh-TW`) are `None`: there
    /// are no messages in those languages, and guessing one would hide the caller's mistake.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let lower = tag.to_ascii_lowercase();
        match lower.as_str() {
            "en" => Some(Locale::En),
            "zh" | "zh-cn" | "zh-hans" | "zh-hans-cn" => Some(Locale::ZhCn),
            _ if lower.starts_with("en-") => Some(Locale::En),
            _ => None,
        }
    }
}
