//! Signed requests to the gateway (spec section 1): the exact body text and the four headers.

use crate::json::JsonError;
use crate::signature::{self, Secret, SecretError};

/// The API paths (spec section 1). The base URL is always configuration: no production URL is published.
pub mod paths {
    /// Create pay-in (order).
    pub const CREATE_PAYIN: &str = "/api/global/v1/pay/create-order";
    /// Fetch pay-in.
    pub const FETCH_PAYIN: &str = "/api/global/v1/pay/query-order";
    /// Create payout (single, beneficiary model).
    pub const CREATE_PAYOUT: &str = "/api/global/payout/create-order";
    /// Create payout batch.
    pub const CREATE_PAYOUT_BATCH: &str = "/api/global/payout/batch/create-order";
    /// Fetch payout.
    pub const FETCH_PAYOUT: &str = "/api/global/payout/query";
    /// Payout supported banks.
    pub const PAYOUT_BANKS: &str = "/api/global/payout/bank";
}

/// A request ready to send: the body text that was signed and the headers, in the order the docs list them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedRequest {
    /// The exact body text to send (the signature covers this text's canonical form).
    pub body: String,
    /// `(name, value)` pairs: `x-auth-appid`, `X-Auth-Timestamp`, `x-auth-signature`, `Content-Type`.
    pub headers: Vec<(&'static str, String)>,
}

/// Why a request could not be signed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignRequestError {
    /// The secret is missing or blank.
    #[error(transparent)]
    Secret(#[from] SecretError),
    /// The appId is empty.
    #[error("the appId is empty")]
    AppId,
    /// The appId has a character an HTTP header value cannot carry as it is: a line break or another
    /// control character (often a line end kept from a file), or a non-ASCII one.
    #[error("the appId must be printable ASCII, as it goes in a header; it has a line break, a control or a non-ASCII character")]
    AppIdCharacters,
    /// The body is not a strict JSON object.
    #[error("the body is not a strict JSON object: {0}")]
    Body(#[from] JsonError),
}

/// Signs `body` for sending, with the timestamp `timestamp_ms` (the caller's clock).
pub fn sign_request(app_id: &str, secret: &Secret, body: &str, timestamp_ms: u64) -> Result<SignedRequest, SignRequestError> {
    let secret = secret.usable()?;
    if app_id.trim().is_empty() {
        return Err(SignRequestError::AppId);
    }
    // A CR or LF would split the header (`http` and `fetch` refuse it, a raw writer would not).
    if !app_id.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return Err(SignRequestError::AppIdCharacters);
    }
    // `sign` rather than parsing here: natively it writes the canonical string from the text.
    let signature = signature::sign(body, secret.expose())?;
    Ok(SignedRequest {
        body: body.to_string(),
        headers: vec![
            ("x-auth-appid", app_id.to_string()),
            ("X-Auth-Timestamp", timestamp_ms.to_string()),
            ("x-auth-signature", signature),
            ("Content-Type", "application/json".to_string()),
        ],
    })
}
