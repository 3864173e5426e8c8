//! What can go wrong in a use case, in words a person can act on, in Dutch and English.

use chrono::{DateTime, Utc};
use forno_domain::{Message, Permission, TransitionError, ValidationError, msg};
use forno_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    Validation(#[from] ValidationError),
    #[error("{0}")]
    NotFound(Message),
    #[error("{0}")]
    Transition(#[from] TransitionError),
    #[error("{0}")]
    Conflict(Message),
    #[error("{}", AppError::ShopPaused.message())]
    ShopPaused,
    #[error("{0}")]
    Unauthorized(Message),
    #[error("{}", forbidden(*.0))]
    Forbidden(Permission),
    /// The role may do the action, but not to this one (a manager resetting the owner's PIN):
    /// a 403 that names the field.
    #[error("{0}")]
    NotForYou(ValidationError),
    #[error("{}", locked(*until))]
    Locked { until: DateTime<Utc> },
    #[error("{0}")]
    Store(#[from] StoreError),
    /// Something about the computer Forno runs on (folders, files, settings); said to whoever
    /// runs Forno, in English, and never shown to a customer as it is.
    #[error("{0}")]
    Config(String),
}

impl AppError {
    pub fn not_found(what: Message) -> Self {
        AppError::NotFound(what)
    }

    /// What to tell the person who asked, in both languages. Faults of the shop's computer
    /// (storage, configuration) are told in general words: the details go to the log.
    pub fn message(&self) -> Message {
        match self {
            AppError::Validation(v) | AppError::NotForYou(v) => v.message.clone(),
            AppError::NotFound(m) | AppError::Conflict(m) | AppError::Unauthorized(m) => m.clone(),
            AppError::Transition(t) => t.message(),
            AppError::ShopPaused => msg!(
                nl: "We nemen nu even geen online bestellingen aan. Bel de zaak of probeer het later nog eens.",
                en: "We are not taking online orders right now. Please call the shop or try again later."
            ),
            AppError::Forbidden(permission) => forbidden(*permission),
            AppError::Locked { until } => locked(*until),
            AppError::Store(_) => msg!(
                nl: "De database van de zaak kon dit niet opslaan of lezen. Er is niets veranderd; probeer het zo nog eens, en start Forno opnieuw als het blijft gebeuren.",
                en: "The shop's database could not save or read this. Nothing was changed; try again in a moment, and restart Forno if it keeps happening."
            ),
            AppError::Config(_) => msg!(
                nl: "Er ging iets mis op de computer van de zaak. Er is niets veranderd; probeer het zo nog eens, en kijk in het logboek van Forno als het blijft gebeuren.",
                en: "Something went wrong on the shop's computer. Nothing was changed; try again in a moment, and look at Forno's log if it keeps happening."
            ),
        }
    }
}

fn forbidden(permission: Permission) -> Message {
    let words = permission.words();
    let (wat, what) = (words.nl(), words.en());
    msg!(
        nl: "Dit mag jouw rol niet ({wat}); vraag het een manager of de eigenaar.",
        en: "Your role may not {what}; ask a manager or the owner."
    )
}

fn locked(until: DateTime<Utc>) -> Message {
    // Minutes from now, rounded up: a lock of 4:10 still to go is "5 minutes".
    let seconds = (until - Utc::now()).num_seconds().max(1);
    let minutes = (seconds + 59) / 60;
    msg!(
        nl: "Te vaak een verkeerde pincode: dit account is nog {minutes} min. geblokkeerd. Probeer het daarna opnieuw of vraag het de eigenaar.",
        en: "Too many wrong PINs: this account is locked for {minutes} more min. Try again later or ask the owner."
    )
}
