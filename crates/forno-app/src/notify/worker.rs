//! The message worker (`email` and `sms` jobs) and the watch on web orders that wait
//! unaccepted. A mail carries a Message-ID made of the job's idempotency key, the same on every
//! attempt, so a mail repeated after a crash is recognisably the same mail; an SMS carries the
//! key as the provider's reference. Sending twice is harmless that way, so an interrupted run
//! runs again ([`Effect::AtLeastOnce`]).

use std::time::Duration;

use chrono::{DateTime, Utc};
use forno_notify::smtp::sender_domain;
use forno_notify::text::{self, WaitingOrder};
use forno_notify::{
    Attachment, CmCom, Email, Language, OutgoingMail, SendError, Sms, SmsError, SmsProvider,
    SmtpServer, StatusNews,
};
use forno_store::outbox::{Job, NewJob};
use serde_json::{Value, json};
use tokio::sync::watch;

use super::compose::{self, EMAIL, MESSAGE_ATTEMPTS, SMS, load_settings};
use super::settings::{MailServer, NotifySettings};
use crate::workers::{Backoff, Effect, JobError, JobHandler, RunFuture};
use crate::{AppError, Order, Shop};

/// Sends `email` and `sms` jobs.
pub struct MessageHandler {
    shop: Shop,
}

impl MessageHandler {
    pub fn new(shop: Shop) -> MessageHandler {
        MessageHandler { shop }
    }
}

/// What a job says to write.
enum Template {
    Confirmation,
    Status(StatusNews),
    OwnerAlert(Vec<i64>),
}

fn template_of(payload: &Value) -> Option<Template> {
    match payload["message"].as_str()? {
        "confirmation" => Some(Template::Confirmation),
        "status" => serde_json::from_value(payload["news"].clone())
            .ok()
            .map(Template::Status),
        "owner_alert" => serde_json::from_value(payload["orders"].clone())
            .ok()
            .map(Template::OwnerAlert),
        _ => None,
    }
}

pub(crate) fn smtp_server(mail: &MailServer, timeout: Duration) -> SmtpServer {
    SmtpServer {
        host: mail.host.clone(),
        port: mail.port,
        security: mail.security,
        user: Some(mail.user.clone()).filter(|u| !u.is_empty()),
        password: Some(mail.password.clone()).filter(|p| !p.is_empty()),
        from: mail.from.clone(),
        timeout,
    }
}

/// A message as it is written: for a mail, its subject, text and HTML and any attachment.
struct Written {
    email: Email,
    sms: String,
    attachment: Option<Attachment>,
}

impl MessageHandler {
    fn timeout(&self) -> Duration {
        Duration::from_secs(self.shop.config().message_timeout_seconds)
    }

    async fn write(&self, job: &Job) -> Result<(NotifySettings, Written), JobError> {
        let template = template_of(&job.payload)
            .ok_or_else(|| JobError::Permanent("the message's payload is unreadable".into()))?;
        let lang = job.payload["language"]
            .as_str()
            .and_then(Language::parse)
            .unwrap_or_default();
        let order_ids: Vec<i64> = match &template {
            Template::OwnerAlert(ids) => ids.clone(),
            _ => job.order_id.into_iter().collect(),
        };
        let (settings, orders) = self
            .shop
            .read(move |conn| {
                let settings = load_settings(conn)?;
                let mut orders = Vec::new();
                for id in order_ids {
                    orders.extend(forno_store::orders::get(conn, id)?);
                }
                Ok((settings, orders))
            })
            .await
            .map_err(|e: AppError| JobError::Retry(e.to_string()))?;
        let shop = self.shop.settings();
        let public_url = self.shop.config().public_url();
        let first: Result<&Order, JobError> = orders
            .first()
            .ok_or_else(|| JobError::Permanent("the message's order does not exist".into()));
        let written = match template {
            Template::Confirmation => {
                let order = first.clone()?;
                let summary = compose::summary(order, &shop, public_url);
                let receipt = crate::printing::render::receipt(order, &shop, public_url, false);
                let doc = forno_print::layout::receipt(&receipt, 48);
                let title = format!("Bon {}", order.number());
                Written {
                    email: text::confirmation(&summary, lang),
                    sms: text::sms_confirmation(&summary, lang),
                    attachment: Some(Attachment {
                        filename: format!("bon-{:03}.pdf", order.day_number),
                        content_type: "application/pdf".into(),
                        bytes: forno_print::pdf::to_pdf(&doc, &title),
                    }),
                }
            }
            Template::Status(news) => {
                let summary = compose::summary(first.clone()?, &shop, public_url);
                Written {
                    email: text::status_update(&summary, &news, lang),
                    sms: text::sms_status(&summary, &news, lang),
                    attachment: None,
                }
            }
            Template::OwnerAlert(_) => {
                let now = Utc::now();
                let waiting: Vec<WaitingOrder> = orders
                    .iter()
                    .map(|o| WaitingOrder {
                        number: o.number(),
                        minutes: (now - o.placed_at).num_minutes(),
                        total_cents: o.total,
                    })
                    .collect();
                let email = text::owner_alert(&shop.name, &waiting, public_url, lang);
                Written {
                    sms: email.subject.clone(),
                    email,
                    attachment: None,
                }
            }
        };
        Ok((settings, written))
    }

    async fn send_email(&self, job: &Job) -> Result<Value, JobError> {
        let (settings, written) = self.write(job).await?;
        let mail = settings.mail.ok_or_else(|| {
            JobError::Permanent(
                "Mail is switched off: there is no mail server in the settings.".into(),
            )
        })?;
        let server = smtp_server(&mail, self.timeout());
        let message_id = format!("{}@{}", job.idempotency_key, sender_domain(&mail.from));
        let outgoing = OutgoingMail {
            to: job.target.clone(),
            email: written.email,
            message_id: message_id.clone(),
            attachment: written.attachment,
        };
        let sent = forno_notify::smtp::send(&server, &outgoing).await;
        self.shop.mail_health().record(&sent);
        match sent {
            Ok(answer) => Ok(json!({ "message_id": message_id, "server": answer })),
            Err(SendError::NotSent(e)) => Err(JobError::Retry(e)),
            Err(SendError::NoAnswer(e)) => Err(JobError::Uncertain(e)),
            Err(SendError::Refused(e) | SendError::Invalid(e)) => Err(JobError::Permanent(e)),
        }
    }

    async fn send_sms(&self, job: &Job) -> Result<Value, JobError> {
        let (settings, written) = self.write(job).await?;
        if !settings.sms.enabled {
            return Err(JobError::Permanent(
                "SMS is switched off in the settings.".into(),
            ));
        }
        let base = self
            .shop
            .config()
            .sms_base_url
            .clone()
            .unwrap_or_else(|| CmCom::PRODUCTION_URL.to_owned());
        let provider = CmCom::new(
            &base,
            &settings.sms.product_token,
            &settings.sms.sender,
            self.timeout(),
        );
        let sms = Sms {
            to: job.target.clone(),
            text: written.sms,
            reference: job.idempotency_key.chars().take(32).collect(),
        };
        match provider.send(&sms).await {
            Ok(answer) => Ok(json!({ "provider": provider.name(), "answer": answer })),
            Err(SmsError::NotSent(e)) => Err(JobError::Retry(e)),
            Err(SmsError::NoAnswer(e)) => Err(JobError::Uncertain(e)),
            Err(SmsError::Refused(e)) => Err(JobError::Permanent(e)),
        }
    }
}

impl JobHandler for MessageHandler {
    fn kinds(&self) -> Vec<String> {
        vec![EMAIL.to_owned(), SMS.to_owned()]
    }

    fn effect(&self) -> Effect {
        Effect::AtLeastOnce
    }

    fn lease(&self) -> Duration {
        // The sender's own bound on one conversation, and a little more.
        self.timeout() * 3 + Duration::from_secs(5)
    }

    fn concurrency(&self) -> usize {
        2
    }

    fn backoff(&self) -> Backoff {
        Backoff {
            first: Duration::from_secs(self.shop.config().message_retry_seconds),
            max: Duration::from_secs(30 * 60),
        }
    }

    fn run<'a>(&'a self, job: &'a Job) -> RunFuture<'a> {
        Box::pin(async move {
            if job.kind == SMS {
                self.send_sms(job).await
            } else {
                self.send_email(job).await
            }
        })
    }
}

/// Looks every `waiting_check_seconds` for web orders that wait unaccepted longer than the
/// owner allows, and mails the owner once per order (several orders in one mail).
pub(crate) async fn watch_waiting_orders(shop: Shop, mut stopping: watch::Receiver<bool>) {
    let every = Duration::from_secs(shop.config().waiting_check_seconds);
    loop {
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = stopping.changed() => return,
        }
        match alert_owner(&shop, Utc::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(orders = n, "the owner is mailed about waiting web orders"),
            Err(error) => tracing::warn!(%error, "could not look for waiting web orders"),
        }
    }
}

/// Writes the owner's alert for the orders that wait too long; returns how many it names.
pub(crate) async fn alert_owner(shop: &Shop, now: DateTime<Utc>) -> Result<usize, AppError> {
    let waker = shop.outbox_waker();
    shop.store()
        .write(
            move |conn| -> Result<usize, AppError> {
                let settings = load_settings(conn)?;
                let alert = &settings.owner_alert;
                if alert.email.is_empty() || settings.mail.is_none() {
                    return Ok(0);
                }
                let before = now - chrono::Duration::minutes(alert.minutes);
                let ids = forno_store::notices::waiting_unalerted(conn, before)?;
                if ids.is_empty() {
                    return Ok(0);
                }
                forno_store::outbox::enqueue(
                    conn,
                    &NewJob {
                        kind: EMAIL.to_owned(),
                        target: alert.email.clone(),
                        payload: json!({ "message": "owner_alert", "language": "nl", "orders": ids }),
                        order_id: None,
                        max_attempts: MESSAGE_ATTEMPTS,
                        due_at: now,
                    },
                    now,
                )?;
                forno_store::notices::mark_alerted(conn, &ids, now)?;
                Ok(ids.len())
            },
            move |n| {
                if *n > 0 {
                    waker.wake();
                }
            },
        )
        .await
}

/// Sends the test mail at once (not through the outbox: the owner waits for the answer).
pub(crate) async fn send_test_mail(
    mail: &MailServer,
    to: &str,
    shop_name: &str,
    lang: Language,
    timeout: Duration,
) -> Result<String, SendError> {
    let server = smtp_server(mail, timeout);
    let random: u64 = rand::random();
    let outgoing = OutgoingMail {
        to: to.to_owned(),
        email: text::test_mail(shop_name, lang),
        message_id: format!("forno-test-{random:016x}@{}", sender_domain(&mail.from)),
        attachment: None,
    };
    forno_notify::smtp::send(&server, &outgoing).await
}
