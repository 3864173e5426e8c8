//! Notification settings, an order's messages and the mail server's state on the wire.

use chrono::{DateTime, Utc};
use forno_app::notify::{MailServerForm, StatusMails};
use forno_app::{MailStatus, NotifyForm, NotifyView, OrderMessage};
use forno_notify::Security;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The mail server, as the owner sends it. `password` left out keeps the one saved; `""` removes it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MailServerBody {
    /// `smtp.example.nl`
    pub host: String,
    /// 587 for STARTTLS, 465 for TLS, 25 for a relay without encryption.
    pub port: i64,
    /// `starttls`, `tls` or `none`.
    #[schema(value_type = String)]
    pub security: Security,
    #[serde(default)]
    pub user: String,
    /// Write-only: never returned.
    #[serde(default)]
    pub password: Option<String>,
    /// `Pizzeria Bella <bestel@bella.nl>`
    pub from: String,
}

/// Which status changes the customer hears about.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct StatusMailsDto {
    pub accepted: bool,
    pub ready: bool,
    pub out_for_delivery: bool,
    pub rejected: bool,
}

impl From<StatusMails> for StatusMailsDto {
    fn from(s: StatusMails) -> Self {
        StatusMailsDto {
            accepted: s.accepted,
            ready: s.ready,
            out_for_delivery: s.out_for_delivery,
            rejected: s.rejected,
        }
    }
}

impl From<StatusMailsDto> for StatusMails {
    fn from(s: StatusMailsDto) -> Self {
        StatusMails {
            accepted: s.accepted,
            ready: s.ready,
            out_for_delivery: s.out_for_delivery,
            rejected: s.rejected,
        }
    }
}

/// The notification settings as the owner sends them.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotifySettingsBody {
    /// `null`: no mail goes out.
    pub mail: Option<MailServerBody>,
    #[serde(default)]
    pub status_mails: StatusMailsDto,
    #[serde(default)]
    pub sms_enabled: bool,
    /// CM.com's product token. Write-only: left out keeps the one saved.
    #[serde(default)]
    pub sms_product_token: Option<String>,
    /// The sender name customers see: at most 11 letters or digits.
    #[serde(default)]
    pub sms_sender: String,
    /// Mailed when web orders wait unaccepted; empty: no alert.
    #[serde(default)]
    pub owner_alert_email: String,
    /// After how many minutes of waiting (1 to 240).
    pub owner_alert_minutes: i64,
}

impl From<NotifySettingsBody> for NotifyForm {
    fn from(b: NotifySettingsBody) -> Self {
        NotifyForm {
            mail: b.mail.map(|m| MailServerForm {
                host: m.host,
                port: m.port,
                security: m.security,
                user: m.user,
                password: m.password,
                from: m.from,
            }),
            status_mails: b.status_mails.into(),
            sms_enabled: b.sms_enabled,
            sms_product_token: b.sms_product_token,
            sms_sender: b.sms_sender,
            owner_alert_email: b.owner_alert_email,
            owner_alert_minutes: b.owner_alert_minutes,
        }
    }
}

/// The mail server as saved; the password only as `password_set`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MailServerDto {
    pub host: String,
    pub port: u16,
    /// `starttls`, `tls` or `none`.
    pub security: String,
    pub user: String,
    pub password_set: bool,
    pub from: String,
}

/// The notification settings as saved; secrets only as "is set".
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct NotifySettingsDto {
    pub mail: Option<MailServerDto>,
    pub status_mails: StatusMailsDto,
    pub sms_enabled: bool,
    pub sms_product_token_set: bool,
    pub sms_sender: String,
    pub owner_alert_email: String,
    pub owner_alert_minutes: i64,
}

impl From<&NotifyView> for NotifySettingsDto {
    fn from(v: &NotifyView) -> Self {
        NotifySettingsDto {
            mail: v.mail.as_ref().map(|m| MailServerDto {
                host: m.host.clone(),
                port: m.port,
                security: m.security.as_str().to_owned(),
                user: m.user.clone(),
                password_set: m.password_set,
                from: m.from.clone(),
            }),
            status_mails: v.status_mails.into(),
            sms_enabled: v.sms_enabled,
            sms_product_token_set: v.sms_product_token_set,
            sms_sender: v.sms_sender.clone(),
            owner_alert_email: v.owner_alert_email.clone(),
            owner_alert_minutes: v.owner_alert_minutes,
        }
    }
}

/// Where to send the test mail.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TestMailBody {
    pub to: String,
}

/// How the test mail went.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TestMailDto {
    pub sent: bool,
    /// The server's answer, or what went wrong and what to check.
    pub detail: String,
}

/// One mail or SMS about an order.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct OrderMessageDto {
    pub id: i64,
    /// `email` or `sms`.
    pub channel: String,
    /// `confirmation` or `status`.
    pub message: String,
    /// For a status message: `accepted`, `ready`, `out_for_delivery` or `rejected`.
    pub news: Option<String>,
    pub to: String,
    /// `queued` (waiting, also between attempts), `sending`, `sent` or `failed`.
    pub state: String,
    pub attempts: u32,
    /// Why the last attempt failed (also while it waits for the next one).
    pub error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<&OrderMessage> for OrderMessageDto {
    fn from(m: &OrderMessage) -> Self {
        use forno_app::JobState;
        OrderMessageDto {
            id: m.id,
            channel: m.channel.clone(),
            message: m.message.clone(),
            news: m.news.clone(),
            to: m.to.clone(),
            state: match m.state {
                JobState::Queued => "queued",
                JobState::InProgress => "sending",
                JobState::Done => "sent",
                JobState::Failed | JobState::NeedsAttention => "failed",
            }
            .to_owned(),
            attempts: m.attempts,
            error: m.error.clone(),
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

/// Whether mail goes out now.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MailStatusDto {
    /// A mail server is set up.
    pub set_up: bool,
    /// The mail server could not be reached at the last attempt.
    pub failing: bool,
    /// What went wrong, in words (English, from the mail server).
    pub reason: Option<String>,
    pub since: Option<DateTime<Utc>>,
    /// Mails waiting to go out.
    pub waiting: i64,
    /// Mails that failed and were not sent again.
    pub failed: i64,
}

impl From<&MailStatus> for MailStatusDto {
    fn from(s: &MailStatus) -> Self {
        MailStatusDto {
            set_up: s.set_up,
            failing: s.failing.is_some(),
            reason: s.failing.as_ref().map(|(why, _)| why.clone()),
            since: s.failing.as_ref().map(|(_, since)| *since),
            waiting: s.waiting,
            failed: s.failed,
        }
    }
}
