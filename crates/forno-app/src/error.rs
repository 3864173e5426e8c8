//! What can go wrong in a use case, in words a person can act on.

use chrono::{DateTime, Utc};
use forno_domain::{Permission, TransitionError, ValidationError};
use forno_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    Validation(#[from] ValidationError),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Transition(#[from] TransitionError),
    #[error("{0}")]
    Conflict(String),
    #[error("We are not taking online orders right now. Please call the shop or try again later.")]
    ShopPaused,
    #[error("{0}")]
    Unauthorized(String),
    #[error("Your role may not {}; ask a manager or the owner.", .0.words())]
    Forbidden(Permission),
    #[error(
        "Too many wrong PINs: this account is locked until {until}. Try again later or ask the owner."
    )]
    Locked { until: DateTime<Utc> },
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Config(String),
}

impl AppError {
    pub fn not_found(what: impl Into<String>) -> Self {
        AppError::NotFound(what.into())
    }
}
