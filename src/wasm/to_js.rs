//! What the bindings return to JavaScript. A result is written front to back as JSON text and turned
//! into JS objects by one `JSON.parse`: one crossing of the boundary per result, where setting each
//! property from wasm cost a crossing per property and a `TextDecoder` call per string (measured in Node
//! 20: `decodeError` 7.4 → 3.2 µs, `validate` with 13 issues 44 → 28 µs; README "Benchmarks and size").
//! Written straight into the text rather than built as a tree first: the tree's vectors and their
//! iterator code cost 1.3 KB gzipped more.

use wasm_bindgen::JsValue;

use super::js;
use crate::canonical::write_json_string;
use crate::json::push_int;

/// JSON text under construction, written with the brackets themselves (`open('{')`, `close(']')`).
/// Values after a key or inside an array are separated by commas automatically.
pub(crate) struct Out(String);

impl Out {
    pub(crate) fn new() -> Out {
        Out(String::with_capacity(256))
    }

    /// `JSON.parse` of the text. It cannot fail on text written here but for a JS exception (out of
    /// memory), which is passed on.
    pub(crate) fn to_js(&self) -> Result<JsValue, JsValue> {
        js::json_parse(&self.0)
    }

    /// A comma unless this value is the first of its object or array, or follows its key.
    fn comma(&mut self) -> &mut String {
        if !matches!(self.0.as_bytes().last(), None | Some(b'{' | b'[' | b':')) {
            self.0.push(',');
        }
        &mut self.0
    }

    /// `{` or `[`, after a comma where one is due.
    pub(crate) fn open(&mut self, bracket: char) -> &mut Out {
        self.comma().push(bracket);
        self
    }

    /// `}` or `]`.
    pub(crate) fn close(&mut self, bracket: char) -> &mut Out {
        self.0.push(bracket);
        self
    }

    /// The key of the next member.
    pub(crate) fn key(&mut self, key: &str) -> &mut Out {
        // Escaped like any string: parameter names come from the caller's request.
        write_json_string(self.comma(), key);
        self.0.push(':');
        self
    }

    pub(crate) fn str(&mut self, s: &str) -> &mut Out {
        // fastjson's escaping is JSON's: `JSON.parse` gives back the same string.
        write_json_string(self.comma(), s);
        self
    }

    pub(crate) fn bool(&mut self, b: bool) -> &mut Out {
        self.comma().push_str(if b { "true" } else { "false" });
        self
    }

    /// Every number the bindings return is whole (codes, indexes, limits, timestamps).
    pub(crate) fn int(&mut self, n: i64) -> &mut Out {
        push_int(self.comma(), n);
        self
    }

    pub(crate) fn null(&mut self) -> &mut Out {
        self.comma().push_str("null");
        self
    }

    /// The string, or `null`.
    pub(crate) fn opt_str(&mut self, s: Option<&str>) -> &mut Out {
        match s {
            Some(s) => self.str(s),
            None => self.null(),
        }
    }

    /// An array of strings.
    pub(crate) fn strings<'a>(&mut self, items: impl IntoIterator<Item = &'a str>) -> &mut Out {
        self.open('[');
        for item in items {
            self.str(item);
        }
        self.close(']')
    }
}
