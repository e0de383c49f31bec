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
    /// The locale for a BCP 47 tag such as `navigator.language` gives, by its language, in any case:
    /// Chinese (`zh`, `zh-CN`, `zh-Hans-SG`, `zh_TW`, and the codes `Intl` reads as `zh`: `zho`, `chi`,
    /// `cmn`) is Simplified Chinese, the only Chinese there are texts in; any other tag (`en-US`, `fr`,
    /// `""`) is English. Spaces around the tag (a value read from a file or a header) are ignored. A page
    /// passes its user's language as it is and always gets an answer, as `Intl` falls back instead of
    /// failing.
    pub fn from_tag(tag: &str) -> Locale {
        let language = tag.trim_ascii().split(['-', '_']).next().unwrap_or_default();
        if ["zh", "zho", "chi", "cmn"].iter().any(|zh| language.eq_ignore_ascii_case(zh)) {
            Locale::ZhCn
        } else {
            Locale::En
        }
    }
}
