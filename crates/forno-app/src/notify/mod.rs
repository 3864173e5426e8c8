//! Notifications: the customer's order confirmation and status messages (mail, and SMS where the
//! shop switched it on), the owner's mail about web orders that wait unaccepted, the settings
//! for all of it, and what staff see of it: each order's messages with "send again", and
//! whether the mail server works.
//!
//! Messages are outbox jobs of the kinds `email` and `sms`, written in the transaction of the
//! change that causes them (`compose`), so a message exists exactly when its order change
//! committed and the order never waits for a mail. `worker` writes them with forno-notify when
//! they run and sends them; what they say is forno-notify's business.

mod compose;
mod settings;
mod worker;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use forno_domain::order::is_email_address;
use forno_domain::{Lang, Permission, ValidationError, msg};
use forno_notify::SendError;
use forno_store::outbox::{Job, JobFilter, JobState, NewJob};
use serde_json::json;

pub use compose::{EMAIL, SMS};
pub(crate) use compose::{enqueue_for_placed, enqueue_for_status};
pub use settings::{
    MailServerForm, MailServerView, NotifyForm, NotifySettings, NotifyView, StatusMails,
};
pub use worker::MessageHandler;
pub(crate) use worker::watch_waiting_orders;

use crate::{Actor, AppError, Shop};

/// One message about an order, as staff see it in the order's list.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderMessage {
    pub id: i64,
    /// `email` or `sms`.
    pub channel: String,
    /// `confirmation` or `status`.
    pub message: String,
    /// For a status message: `accepted`, `ready`, `out_for_delivery`, `rejected`.
    pub news: Option<String>,
    /// The address or number it goes to.
    pub to: String,
    pub state: JobState,
    pub attempts: u32,
    /// Why the last attempt failed (also while it waits for the next).
    pub error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl OrderMessage {
    fn from_job(job: &Job) -> OrderMessage {
        OrderMessage {
            id: job.id,
            channel: job.kind.clone(),
            message: job.payload["message"].as_str().unwrap_or("").to_owned(),
            news: job.payload["news"]["news"].as_str().map(str::to_owned),
            to: job.target.clone(),
            state: job.state,
            attempts: job.attempts,
            error: job.last_error.clone(),
            created_at: job.created_at,
            updated_at: job.updated_at,
        }
    }
}

/// Whether mail goes out, as the staff pages show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailStatus {
    /// A mail server is set up.
    pub set_up: bool,
    /// The last attempt to reach it failed: why, and since when.
    pub failing: Option<(String, DateTime<Utc>)>,
    /// Mails waiting to go out (queued or being sent).
    pub waiting: i64,
    /// Mails that failed for good and were not sent again.
    pub failed: i64,
}

/// Why mail does not get through, and since when.
type MailTrouble = Option<(String, DateTime<Utc>)>;

/// How the last mails went, kept in memory: the worker records every attempt.
#[derive(Clone, Default)]
pub struct MailHealth(Arc<Mutex<MailTrouble>>);

impl MailHealth {
    /// A mail the server took, or refused for its own reasons, says the server works; one that
    /// could not be delivered to it says it does not.
    pub(crate) fn record(&self, sent: &Result<String, SendError>) {
        let mut trouble = self.0.lock().expect("mail health poisoned");
        match sent {
            Ok(_) | Err(SendError::Refused(_) | SendError::Invalid(_)) => *trouble = None,
            Err(SendError::NotSent(why) | SendError::NoAnswer(why)) => {
                let since = trouble.as_ref().map_or_else(Utc::now, |(_, since)| *since);
                *trouble = Some((why.clone(), since));
            }
        }
    }

    fn current(&self) -> MailTrouble {
        self.0.lock().expect("mail health poisoned").clone()
    }
}

/// Runs a "send again" gives a message that failed.
const RESEND_ATTEMPTS: u32 = 3;

fn no_such_message(id: i64) -> AppError {
    AppError::not_found(msg!(nl: "Bericht {id} bestaat niet.", en: "There is no message {id}."))
}

impl Shop {
    /// The notification settings, secrets shown only as "is set" (owner and manager).
    pub async fn notify_settings(&self, actor: &Actor) -> Result<NotifyView, AppError> {
        actor.require(Permission::EditSettings)?;
        self.read(|conn| Ok(compose::load_settings(conn)?.view()))
            .await
    }

    /// Changes the notification settings; a secret left out stays as it was. Audited without
    /// any secret.
    pub async fn update_notify_settings(
        &self,
        actor: &Actor,
        form: NotifyForm,
        now: DateTime<Utc>,
    ) -> Result<NotifyView, AppError> {
        actor.require(Permission::EditSettings)?;
        let staff_id = actor.staff_id;
        self.store()
            .write(
                move |conn| -> Result<NotifyView, AppError> {
                    let before = compose::load_settings(conn)?;
                    let after = form.checked(&before)?;
                    forno_store::settings::put(conn, settings::NOTIFY_KEY, &after)?;
                    let view = after.view();
                    forno_store::audit::record(
                        conn,
                        now,
                        staff_id,
                        "notifications.changed",
                        None,
                        &json!({
                            "mail_server": view.mail.as_ref().map(|m| format!("{}:{}", m.host, m.port)),
                            "sms": view.sms_enabled,
                            "owner_alert": !view.owner_alert_email.is_empty(),
                        }),
                    )?;
                    Ok(view)
                },
                |_| {},
            )
            .await
    }

    /// Sends a test mail to `to` with the saved mail server and says how it went: `Ok` with the
    /// server's answer, or `Err` with what went wrong in words (owner and manager).
    pub async fn send_test_mail(
        &self,
        actor: &Actor,
        to: &str,
        lang: Lang,
    ) -> Result<Result<String, String>, AppError> {
        actor.require(Permission::EditSettings)?;
        let to = to.trim().to_owned();
        if !is_email_address(&to) {
            return Err(ValidationError::field(
                "to",
                msg!(nl: "\"{to}\" is geen e-mailadres.", en: "\"{to}\" is not an email address."),
            )
            .into());
        }
        let settings = self.read(|conn| Ok(compose::load_settings(conn)?)).await?;
        let Some(mail) = settings.mail else {
            return Err(AppError::Conflict(msg!(
                nl: "Er is nog geen mailserver ingesteld: vul hem in en sla op, dan kun je testen.",
                en: "No mail server is set up yet: fill it in and save, then test."
            )));
        };
        let timeout = Duration::from_secs(self.config().message_timeout_seconds);
        let sent = worker::send_test_mail(
            &mail,
            &to,
            &self.settings().name,
            compose::language(lang),
            timeout,
        )
        .await;
        self.mail_health().record(&sent);
        Ok(sent.map_err(|e| e.to_string()))
    }

    /// Every mail and SMS about an order, newest first (anyone who sees orders).
    pub async fn order_messages(
        &self,
        actor: &Actor,
        order_id: i64,
    ) -> Result<Vec<OrderMessage>, AppError> {
        actor.require(Permission::ViewOrders)?;
        self.read(move |conn| {
            if forno_store::orders::get(conn, order_id)?.is_none() {
                return Err(AppError::not_found(msg!(
                    nl: "Bestelling {order_id} bestaat niet.",
                    en: "There is no order {order_id}."
                )));
            }
            let (jobs, _) = forno_store::outbox::list(
                conn,
                &JobFilter {
                    kinds: vec![EMAIL.to_owned(), SMS.to_owned()],
                    order_id: Some(order_id),
                    limit: 100,
                    ..JobFilter::default()
                },
            )?;
            Ok(jobs.iter().map(OrderMessage::from_job).collect())
        })
        .await
    }

    /// Sends a message again: a failed one is queued again as the same message (the same
    /// Message-ID); one that was sent goes out once more as a new message. One that is still on
    /// its way is left alone.
    pub async fn resend_message(
        &self,
        actor: &Actor,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<OrderMessage, AppError> {
        actor.require(Permission::ResendMessages)?;
        let staff_id = actor.staff_id;
        let waker = self.outbox_waker();
        self.store()
            .write(
                move |conn| -> Result<OrderMessage, AppError> {
                    let job = forno_store::outbox::get(conn, id)?
                        .filter(|job| job.kind == EMAIL || job.kind == SMS)
                        .ok_or_else(|| no_such_message(id))?;
                    let again = match job.state {
                        JobState::Queued | JobState::InProgress => {
                            return Err(AppError::Conflict(msg!(
                                nl: "Dit bericht is nog onderweg; het wordt vanzelf verstuurd.",
                                en: "This message is still on its way; it will be sent by itself."
                            )));
                        }
                        JobState::Failed | JobState::NeedsAttention => {
                            forno_store::outbox::requeue(
                                conn,
                                id,
                                None,
                                None,
                                RESEND_ATTEMPTS,
                                now,
                            )?
                            .ok_or_else(|| no_such_message(id))?
                        }
                        JobState::Done => forno_store::outbox::enqueue(
                            conn,
                            &NewJob {
                                kind: job.kind.clone(),
                                target: job.target.clone(),
                                payload: job.payload.clone(),
                                order_id: job.order_id,
                                max_attempts: compose::MESSAGE_ATTEMPTS,
                                due_at: now,
                            },
                            now,
                        )?,
                    };
                    forno_store::audit::record(
                        conn,
                        now,
                        staff_id,
                        "message.sent_again",
                        job.order_id,
                        &json!({ "message": id, "channel": job.kind, "to": job.target }),
                    )?;
                    Ok(OrderMessage::from_job(&again))
                },
                move |_| waker.wake(),
            )
            .await
    }

    /// Whether mail goes out now, for the staff pages' banner (anyone who sees orders).
    pub async fn mail_status(&self, actor: &Actor) -> Result<MailStatus, AppError> {
        actor.require(Permission::ViewOrders)?;
        let failing = self.mail_health().current();
        self.read(move |conn| {
            let set_up = compose::load_settings(conn)?.mail.is_some();
            let (waiting, failed) = forno_store::outbox::kind_counts(conn, EMAIL)?;
            Ok(MailStatus {
                set_up,
                failing: failing.filter(|_| set_up),
                waiting,
                failed,
            })
        })
        .await
    }
}
