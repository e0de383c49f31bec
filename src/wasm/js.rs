//! The few JavaScript built-ins the boundary calls, declared here instead of taken from `js-sys`.
//!
//! Every one that can run the caller's code (a Proxy's trap, a getter, an iterator) is declared `catch`:
//! an exception that crossed the module uncaught would skip the Rust frames' returns, leaving its stack
//! pointer lowered and whatever they held borrowed, and about 1,300 such calls stopped the instance
//! ("memory access out of bounds"). Caught, it is returned and thrown out of the call as before.
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
    #[wasm_bindgen(static_method_of = Object, js_name = entries, catch)]
    pub(crate) fn entries(value: &JsValue) -> Result<Array, JsValue>;
    /// Throws for a Proxy whose `ownKeys` trap throws.
    #[wasm_bindgen(static_method_of = Object, js_name = keys, catch)]
    pub(crate) fn keys(value: &JsValue) -> Result<Array, JsValue>;

    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    pub(crate) fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = Reflect, js_name = set, catch)]
    pub(crate) fn reflect_set(target: &JsValue, key: &JsValue, value: &JsValue) -> Result<bool, JsValue>;

    #[wasm_bindgen(js_name = Array)]
    pub(crate) type Array;
    /// Throws for a revoked Proxy: see [`Array::is_array`].
    #[wasm_bindgen(static_method_of = Array, js_name = isArray, catch)]
    fn is_array_or_throw(value: &JsValue) -> Result<bool, JsValue>;
    /// `Array.from(value)`: an array from an iterable (a `Map` gives its `[key, value]` entries).
    #[wasm_bindgen(static_method_of = Array, js_name = from, catch)]
    pub(crate) fn from(value: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    pub(crate) fn length(this: &Array) -> Result<u32, JsValue>;
    /// Throws a `RangeError` when the result would pass the engine's longest string.
    #[wasm_bindgen(method, js_name = join, catch)]
    pub(crate) fn join(this: &Array, separator: &str) -> Result<JsValue, JsValue>;
    /// `array[index]`, through `Reflect.get` so that a Proxy's trap or a getter that throws is caught.
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn get_index(target: &Array, index: u32) -> Result<JsValue, JsValue>;

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
    /// `new Uint8Array(value)`: a view of a buffer, or a copy of a typed array made from its own
    /// length; anything that only looks like either (a Proxy, an object faking a prototype) is read as
    /// an array-like, whose getters may throw.
    #[wasm_bindgen(constructor, js_class = "Uint8Array", catch)]
    pub(crate) fn new(buffer: &JsValue) -> Result<Uint8Array, JsValue>;
    /// Throws for an object that only inherits from `Uint8Array.prototype`, and a subclass may make it
    /// say anything: [`Uint8Array::copy_out`] does not trust it.
    #[wasm_bindgen(method, getter, catch)]
    fn length(this: &Uint8Array) -> Result<u32, JsValue>;
    /// `Uint8Array.prototype.set.call(dest, bytes)`: `dest` is a view of wasm memory, and `set` copies
    /// by the array's own length, throwing a `RangeError` when that is more than `dest` holds.
    #[wasm_bindgen(js_namespace = ["Uint8Array", "prototype", "set"], js_name = call, catch)]
    fn set_into(dest: &mut [u8], bytes: &Uint8Array) -> Result<(), JsValue>;
    /// The bytes of an array the platform made (an encoder's output) copied into wasm memory in one go:
    /// `Object(x)` is `x` itself for an object, and the glue copies the `Uint8Array` it returns into a
    /// `Vec<u8>`, allocating by its `length`.
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
    /// Throws for an object that only inherits from `Date.prototype`.
    #[wasm_bindgen(method, js_name = getTime, catch)]
    pub(crate) fn get_time(this: &Date) -> Result<f64, JsValue>;
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

impl Uint8Array {
    /// The caller's bytes copied into wasm memory, or `Err(length)` when there are more than `max`.
    ///
    /// The glue's copy (`bytes_of`) allocates by `length` but copies every byte: a subclass whose
    /// `length` said 7 had a 20 KB body written past its allocation, which broke the instance. So the
    /// bytes are copied by the platform's own `set`, which refuses more than `length` said; only then
    /// (a `length` that lies) they are copied from the platform's own copy, whose length is its own.
    /// A copy of every body first measured 1.7 µs more on a pay-in webhook's `Buffer`.
    pub(crate) fn copy_out(&self, max: u32) -> Result<Result<Vec<u8>, u32>, JsValue> {
        let len = self.length()?;
        if len > max {
            return Ok(Err(len));
        }
        let mut out = vec![0; len as usize];
        if set_into(&mut out, self).is_ok() {
            return Ok(Ok(out));
        }
        let copy = Uint8Array::new(self)?;
        let len = copy.length()?;
        Ok(if len > max { Err(len) } else { Ok(bytes_of(&copy)) })
    }
}

impl Array {
    /// `Array.isArray(value)`; a revoked Proxy, for which it throws, is not one.
    pub(crate) fn is_array(value: &JsValue) -> bool {
        Array::is_array_or_throw(value).unwrap_or(false)
    }

    /// `array[index]`.
    pub(crate) fn get(&self, index: u32) -> Result<JsValue, JsValue> {
        get_index(self, index)
    }

    /// The elements, read one by one (callers bound the length first).
    pub(crate) fn to_vec(&self) -> Result<Vec<JsValue>, JsValue> {
        (0..self.length()?).map(|i| self.get(i)).collect()
    }
}
