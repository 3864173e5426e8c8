//! The one error type for input that breaks a rule: what is wrong, in words a person can act on,
//! and which field of the request is to blame.

use std::fmt;

/// A broken rule, with the request field to blame (a JSON path such as `lines[0].size`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    pub field: Option<String>,
    pub message: String,
}

impl ValidationError {
    pub fn field(field: impl Into<String>, message: impl Into<String>) -> Self {
        ValidationError {
            field: Some(field.into()),
            message: message.into(),
        }
    }

    /// Names the field inside a part of a larger request: `name` becomes `shop.name`.
    pub fn within(mut self, part: &str) -> Self {
        self.field = Some(match self.field {
            Some(field) => format!("{part}.{field}"),
            None => part.to_owned(),
        });
        self
    }

    pub fn general(message: impl Into<String>) -> Self {
        ValidationError {
            field: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ValidationError {}
