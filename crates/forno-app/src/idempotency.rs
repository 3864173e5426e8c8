//! `Idempotency-Key` for any create: a retried request with the same key gets what the first one
//! created; the same key with a different request is refused. Each create names its scope, and
//! the rule (and its wording) lives here once for orders now and payments and refunds later.

use chrono::{DateTime, Utc};
use forno_domain::msg;
use forno_store::Connection;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::AppError;

/// The kind of create a key guards, and what it creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Placing an order (web, counter, phone) creates an order.
    Order,
}

impl Scope {
    fn as_str(self) -> &'static str {
        match self {
            Scope::Order => "order",
        }
    }

    /// What the create makes, as stored next to its id.
    fn resource(self) -> &'static str {
        match self {
            Scope::Order => "order",
        }
    }

    /// What a person calls it, in Dutch and English.
    fn noun(self) -> (&'static str, &'static str) {
        match self {
            Scope::Order => ("bestelling", "order"),
        }
    }
}

/// One create under an optional key: check for an earlier one, then remember the new one, both
/// inside the create's transaction.
#[derive(Debug, Clone)]
pub(crate) struct IdempotentCreate {
    scope: Scope,
    key: Option<String>,
    request_hash: String,
}

impl IdempotentCreate {
    pub fn new(scope: Scope, key: Option<String>, request: &impl Serialize) -> Self {
        let canonical = serde_json::to_vec(request).unwrap_or_default();
        let request_hash = Sha256::digest(&canonical)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        IdempotentCreate {
            scope,
            key,
            request_hash,
        }
    }

    /// The id of what an earlier request with this key created, if any. A key that was used
    /// for a different request is a conflict: the client must use a new key for a new create.
    pub fn earlier(&self, conn: &Connection) -> Result<Option<i64>, AppError> {
        let Some(key) = &self.key else {
            return Ok(None);
        };
        let Some(found) = forno_store::idempotency::find(conn, self.scope.as_str(), key)? else {
            return Ok(None);
        };
        if found.request_hash != self.request_hash || found.resource_kind != self.scope.resource() {
            let (zelfstandig, noun) = self.scope.noun();
            return Err(AppError::Conflict(msg!(
                nl: "Deze Idempotency-Key is al gebruikt voor een andere {zelfstandig}; gebruik een nieuwe sleutel voor een nieuwe {zelfstandig}.",
                en: "This Idempotency-Key was already used for a different {noun}; use a new key for a new {noun}."
            )));
        }
        Ok(Some(found.resource_id))
    }

    /// Remembers that this request created `resource_id` (nothing without a key).
    pub fn remember(
        &self,
        conn: &Connection,
        resource_id: i64,
        at: DateTime<Utc>,
    ) -> Result<(), AppError> {
        if let Some(key) = &self.key {
            forno_store::idempotency::remember(
                conn,
                self.scope.as_str(),
                key,
                &self.request_hash,
                self.scope.resource(),
                resource_id,
                at,
            )?;
        }
        Ok(())
    }
}
