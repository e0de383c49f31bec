//! The few JavaScript built-ins the boundary calls, declared here instead of taken from `js-sys`.
//!
//! Why not `js-sys`: it exports a JSPI task poller and a describe function for each of its ~1,500
//! bindings; the closure-taking ones leave their invoke shims in the function table, which no optimiser
//! can drop. Measured on the package: these declarations instead of `js-sys` saved about 6 KB raw
//! (README "Benchmarks and size"). `js-sys` stays a dev-dependency of the wasm tests.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = Error)]
    pub(crate) type Error;
    #[wasm_bindgen(constructor, js_class = "Error")]
    pub(crate) fn new(message: &str) -> Error;

    #[wasm_bindgen(js_name = TypeError)]
    pub(crate) type TypeError;
    #[wasm_bindgen(constructor, js_class = "TypeError")]
    pub(crate) fn new(message: &str) -> TypeError;

    #[wasm_bindgen(js_name = Object)]
    pub(crate) type Object;
    /// `Object.entries(value)`: `[key, value]` pairs of the own enumerable string-keyed properties.
    #[wasm_bindgen(static_method_of = Object, js_name = entries)]
    pub(crate) fn entries(value: &JsValue) -> Array;

    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    pub(crate) fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = Reflect, js_name = set, catch)]
    pub(crate) fn reflect_set(target: &JsValue, key: &JsValue, value: &JsValue) -> Result<bool, JsValue>;

    #[wasm_bindgen(js_name = Array)]
    pub(crate) type Array;
    #[wasm_bindgen(static_method_of = Array, js_name = isArray)]
    pub(crate) fn is_array(value: &JsValue) -> bool;
    /// `Array.from(value)`: an array from an iterable (a `Map` gives its `[key, value]` entries).
    #[wasm_bindgen(static_method_of = Array, js_name = from)]
    pub(crate) fn from(value: &JsValue) -> Array;
    #[wasm_bindgen(method, getter)]
    pub(crate) fn length(this: &Array) -> u32;
    #[wasm_bindgen(method, indexing_getter)]
    pub(crate) fn get(this: &Array, index: u32) -> JsValue;

    #[wasm_bindgen(js_name = Map)]
    pub(crate) type Map;

    #[wasm_bindgen(js_name = Function)]
    pub(crate) type Function;
    /// `f.call(this_arg, arg)`.
    #[wasm_bindgen(method, catch, js_name = call)]
    pub(crate) fn call1(this: &Function, this_arg: &JsValue, arg: &JsValue) -> Result<JsValue, JsValue>;

    /// A JS string primitive (`typeof v === 'string'`; `String` objects are not strings here).
    #[wasm_bindgen(is_type_of = JsValue::is_string)]
    pub(crate) type JsString;
    #[wasm_bindgen(method, getter)]
    pub(crate) fn length(this: &JsString) -> u32;
    /// Throws `URIError` exactly when the string holds an unpaired surrogate: the well-formedness test
    /// that works everywhere (`String.prototype.isWellFormed` is too recent for some browsers).
    #[wasm_bindgen(js_name = encodeURIComponent, catch)]
    fn encode_uri_component(text: &JsString) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_name = Uint8Array)]
    pub(crate) type Uint8Array;
    #[wasm_bindgen(constructor, js_class = "Uint8Array")]
    pub(crate) fn new(buffer: &JsValue) -> Uint8Array;
    #[wasm_bindgen(method, getter)]
    pub(crate) fn length(this: &Uint8Array) -> u32;
    /// The bytes copied into wasm memory in one go: `Object(x)` is `x` itself for an object, and the
    /// glue copies the `Uint8Array` it returns into a `Vec<u8>`.
    #[wasm_bindgen(js_name = Object)]
    pub(crate) fn bytes_of(bytes: &Uint8Array) -> Vec<u8>;

    /// The platform's UTF-8 encoder. Its `encode` is native code, where wasm-bindgen's string passing
    /// copies a string into wasm one `charCodeAt` at a time in JS (measured in Node 20 for the 1.4 KB
    /// payout webhook: 3.2 µs against 0.16 µs).
    pub(crate) type TextEncoder;
    #[wasm_bindgen(constructor)]
    pub(crate) fn new() -> TextEncoder;
    #[wasm_bindgen(method)]
    pub(crate) fn encode(this: &TextEncoder, text: &JsString) -> Uint8Array;
    /// `encodeInto(text, dest)`: `dest` is a view of wasm memory, written in place (no new
    /// `Uint8Array` and no copy, which `encode` needs).
    #[wasm_bindgen(method, js_name = encodeInto)]
    pub(crate) fn encode_into(this: &TextEncoder, text: &JsString, dest: &mut [u8]) -> EncodeIntoResult;
    pub(crate) type EncodeIntoResult;
    #[wasm_bindgen(method, getter)]
    pub(crate) fn written(this: &EncodeIntoResult) -> u32;

    #[wasm_bindgen(js_name = ArrayBuffer)]
    pub(crate) type ArrayBuffer;
    /// `ArrayBuffer.isView(value)`: a typed array of any kind or a `DataView`.
    #[wasm_bindgen(static_method_of = ArrayBuffer, js_name = isView)]
    pub(crate) fn is_view(value: &JsValue) -> bool;
    /// Undefined in a page without cross-origin isolation; the glue's `instanceof` then answers false.
    #[wasm_bindgen(js_name = SharedArrayBuffer)]
    pub(crate) type SharedArrayBuffer;

    #[wasm_bindgen(js_name = Set)]
    pub(crate) type Set;

    #[wasm_bindgen(js_name = Date)]
    pub(crate) type Date;
    #[wasm_bindgen(method, js_name = getTime)]
    pub(crate) fn get_time(this: &Date) -> f64;
    #[wasm_bindgen(static_method_of = Date, js_name = now)]
    pub(crate) fn now() -> f64;

    /// `JSON.stringify(value)`: a string, or `undefined` for a value without a JSON form.
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    pub(crate) fn json_stringify(value: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    pub(crate) fn json_parse(text: &str) -> Result<JsValue, JsValue>;
    /// `JSON.parse` of a JS string as it is, without copying it through wasm memory.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    pub(crate) fn json_parse_js(text: &JsString) -> Result<JsValue, JsValue>;
}

impl JsString {
    /// Whether the string is well-formed UTF-16 (no unpaired surrogate).
    pub(crate) fn is_valid_utf16(&self) -> bool {
        encode_uri_component(self).is_ok()
    }
}

impl Array {
    /// The elements, read one by one.
    pub(crate) fn to_vec(&self) -> Vec<JsValue> {
        (0..self.length()).map(|i| self.get(i)).collect()
    }
}
