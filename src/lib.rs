#![doc = include_str!("../README.md")]
//!
//! # Layout
//!
//! The core knows nothing of JavaScript; [`wasm`](crate) (compiled for `wasm32` only) is the single
//! binding module that converts to and from JS values.
//!
//! | module | concern |
//! |---|---|
//! | [`json`] | the strict JSON parser that keeps number text and first-key positions |
//! | `canonical`, `java_hashmap` | the gateway's canonical string, bit for bit |
//! | [`signature`] | signing, signed requests, `explain_signature` |
//! | [`webhook`] | webhook verification, the pay-in v1 rule, idempotency keys |
//! | [`order_status`] | order statuses and their spellings |
//! | [`validation`] | parameter validation for every request, messages in English and Chinese |

pub mod json;
pub mod order_status;
pub mod request;
pub mod signature;
pub mod validation;
pub mod webhook;

mod canonical;
mod java_hashmap;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use request::{sign_request, SignedRequest};
pub use signature::{canonicalize, explain_signature, sign, Explanation, Hint, Secret, SecretError};
pub use webhook::{verify_webhook, webhook_key, Reason, Rejection, Verified, VerifyOptions, WebhookHeaders, WebhookKind};
