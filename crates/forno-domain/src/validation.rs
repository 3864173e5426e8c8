//! The one error type for input that breaks a rule: what is wrong, in words a person can act on
//! (in Dutch and English), and which field of the request is to blame.

use std::fmt;

use crate::message::Message;

/// A broken rule, with the request field to blame (a JSON path such as `lines[0].size`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    pub field: Option<String>,
    pub message: Message,
}

impl ValidationError {
    pub fn field(field: impl Into<String>, message: Message) -> Self {
        ValidationError {
            field: Some(field.into()),
            message,
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

    pub fn general(message: Message) -> Self {
        ValidationError {
            field: None,
            message,
        }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message.fmt(f)
    }
}

impl std::error::Error for ValidationError {}
