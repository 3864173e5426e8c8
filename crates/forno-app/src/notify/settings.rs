//! The notification settings as the owner keeps them (the mail server, which status mails go
//! out, SMS, the alert about waiting web orders), how a change is checked, and what the API may
//! show of them: never the SMTP password nor the SMS provider's key.

use forno_domain::order::is_email_address;
use forno_domain::{ValidationError, msg, text};
use forno_notify::Security;
use serde::{Deserialize, Serialize};

/// The settings document's key.
pub const NOTIFY_KEY: &str = "notifications";

/// How long the owner lets a web order wait before being mailed, at most (minutes).
pub const MAX_ALERT_MINUTES: i64 = 240;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NotifySettings {
    /// No mail server: no mail goes out.
    pub mail: Option<MailServer>,
    pub status_mails: StatusMails,
    pub sms: SmsSettings,
    pub owner_alert: OwnerAlert,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailServer {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// Empty: no login.
    pub user: String,
    /// Kept only here; the API never returns it and the log never shows it.
    pub password: String,
    /// "Pizzeria Bella <bestel@bella.nl>"
    pub from: String,
}

impl std::fmt::Debug for MailServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailServer")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("user", &self.user)
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
}

/// Which changes of status the customer gets a mail (and, with SMS on, an SMS) about.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StatusMails {
    pub accepted: bool,
    pub ready: bool,
    pub out_for_delivery: bool,
    pub rejected: bool,
}

#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SmsSettings {
    pub enabled: bool,
    /// CM.com's product token; never returned.
    pub product_token: String,
    /// The sender name customers see (at most 11 letters or digits).
    pub sender: String,
}

impl std::fmt::Debug for SmsSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmsSettings")
            .field("enabled", &self.enabled)
            .field("sender", &self.sender)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OwnerAlert {
    /// Empty: no alert.
    pub email: String,
    /// A web order that waits this long unaccepted is mailed about.
    pub minutes: i64,
}

impl Default for OwnerAlert {
    fn default() -> Self {
        OwnerAlert {
            email: String::new(),
            minutes: 5,
        }
    }
}

/// A change as the owner sends it. A secret left out (`None`) stays as it was.
#[derive(Debug, Clone, Default)]
pub struct NotifyForm {
    pub mail: Option<MailServerForm>,
    pub status_mails: StatusMails,
    pub sms_enabled: bool,
    pub sms_product_token: Option<String>,
    pub sms_sender: String,
    pub owner_alert_email: String,
    pub owner_alert_minutes: i64,
}

#[derive(Clone, Default)]
pub struct MailServerForm {
    pub host: String,
    /// Wide, so that 0 or 70000 is a clear field error rather than a type error.
    pub port: i64,
    pub security: Security,
    pub user: String,
    /// `None`: keep the password as it is; `Some("")`: no password.
    pub password: Option<String>,
    pub from: String,
}

impl std::fmt::Debug for MailServerForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailServerForm")
            .field("host", &self.host)
            .field("port", &self.port)
            .finish_non_exhaustive()
    }
}

/// What the API shows of the settings: every secret only as "is set".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotifyView {
    pub mail: Option<MailServerView>,
    pub status_mails: StatusMails,
    pub sms_enabled: bool,
    pub sms_product_token_set: bool,
    pub sms_sender: String,
    pub owner_alert_email: String,
    pub owner_alert_minutes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailServerView {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub user: String,
    pub password_set: bool,
    pub from: String,
}

impl NotifySettings {
    pub fn view(&self) -> NotifyView {
        NotifyView {
            mail: self.mail.as_ref().map(|m| MailServerView {
                host: m.host.clone(),
                port: m.port,
                security: m.security,
                user: m.user.clone(),
                password_set: !m.password.is_empty(),
                from: m.from.clone(),
            }),
            status_mails: self.status_mails,
            sms_enabled: self.sms.enabled,
            sms_product_token_set: !self.sms.product_token.is_empty(),
            sms_sender: self.sms.sender.clone(),
            owner_alert_email: self.owner_alert.email.clone(),
            owner_alert_minutes: self.owner_alert.minutes,
        }
    }
}

/// The address in "Name <address>" or a bare address.
pub fn address_of(from: &str) -> &str {
    match (from.rfind('<'), from.rfind('>')) {
        (Some(open), Some(close)) if open < close => from[open + 1..close].trim(),
        _ => from.trim(),
    }
}

/// A host name or IP address: letters, digits, dots, hyphens (and colons for IPv6).
fn is_host(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 253
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
        && !host.starts_with(['.', '-'])
}

impl NotifyForm {
    /// Checks the form and merges it with what is kept (`before`, for the secrets left out).
    pub fn checked(self, before: &NotifySettings) -> Result<NotifySettings, ValidationError> {
        let mail = match self.mail {
            None => None,
            Some(form) => {
                let host = text::one_line(&form.host, "mail.host", 253)?;
                if !is_host(&host) {
                    return Err(ValidationError::field(
                        "mail.host",
                        msg!(
                            nl: "\"{host}\" is geen mailserver; vul een naam in als smtp.example.nl of een IP-adres.",
                            en: "\"{host}\" is not a mail server; fill in a name like smtp.example.com or an IP address."
                        ),
                    ));
                }
                let port = u16::try_from(form.port).ok().filter(|p| *p > 0).ok_or_else(|| {
                    let port = form.port;
                    ValidationError::field(
                        "mail.port",
                        msg!(
                            nl: "Poort {port} bestaat niet; gebruik 1 tot 65535, meestal 587 (STARTTLS) of 465 (TLS).",
                            en: "Port {port} does not exist; use 1 to 65535, usually 587 (STARTTLS) or 465 (TLS)."
                        ),
                    )
                })?;
                let user = text::one_line(&form.user, "mail.user", 200)?;
                let from = text::one_line(&form.from, "mail.from", 200)?;
                if !is_email_address(address_of(&from)) {
                    return Err(ValidationError::field(
                        "mail.from",
                        msg!(
                            nl: "\"{from}\" is geen afzender; vul een adres in, zoals Pizzeria Bella <bestel@bella.nl>.",
                            en: "\"{from}\" is not a sender; fill in an address, like Pizzeria Bella <orders@bella.com>."
                        ),
                    ));
                }
                let password = match form.password {
                    Some(password) => password,
                    None => before
                        .mail
                        .as_ref()
                        .map(|m| m.password.clone())
                        .unwrap_or_default(),
                };
                if password.len() > 500 || password.chars().any(char::is_control) {
                    return Err(ValidationError::field(
                        "mail.password",
                        msg!(
                            nl: "Het wachtwoord is te lang of bevat onzichtbare tekens.",
                            en: "The password is too long or has invisible characters."
                        ),
                    ));
                }
                Some(MailServer {
                    host,
                    port,
                    security: form.security,
                    user,
                    password,
                    from,
                })
            }
        };
        let product_token = match self.sms_product_token {
            Some(token) => text::one_line(&token, "sms.product_token", 100)?,
            None => before.sms.product_token.clone(),
        };
        let sender = text::one_line(&self.sms_sender, "sms.sender", 11)?;
        if !sender.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(ValidationError::field(
                "sms.sender",
                msg!(
                    nl: "De afzender van een sms is hoogstens 11 letters of cijfers, zonder spaties.",
                    en: "An SMS sender is at most 11 letters or digits, without spaces."
                ),
            ));
        }
        if self.sms_enabled && product_token.is_empty() {
            return Err(ValidationError::field(
                "sms.product_token",
                msg!(
                    nl: "Voor sms is de producttoken van CM.com nodig (te vinden in je CM.com-account).",
                    en: "SMS needs the CM.com product token (in your CM.com account)."
                ),
            ));
        }
        let alert_email = text::one_line(&self.owner_alert_email, "owner_alert.email", 200)?;
        if !alert_email.is_empty() && !is_email_address(&alert_email) {
            return Err(ValidationError::field(
                "owner_alert.email",
                msg!(
                    nl: "\"{alert_email}\" is geen e-mailadres.",
                    en: "\"{alert_email}\" is not an email address."
                ),
            ));
        }
        if !(1..=MAX_ALERT_MINUTES).contains(&self.owner_alert_minutes) {
            return Err(ValidationError::field(
                "owner_alert.minutes",
                msg!(
                    nl: "Kies 1 tot {MAX_ALERT_MINUTES} minuten.",
                    en: "Choose 1 to {MAX_ALERT_MINUTES} minutes."
                ),
            ));
        }
        Ok(NotifySettings {
            mail,
            status_mails: self.status_mails,
            sms: SmsSettings {
                enabled: self.sms_enabled,
                product_token,
                sender,
            },
            owner_alert: OwnerAlert {
                email: alert_email,
                minutes: self.owner_alert_minutes,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> NotifyForm {
        NotifyForm {
            mail: Some(MailServerForm {
                host: "smtp.bella.nl".into(),
                port: 587,
                security: Security::StartTls,
                user: "bella".into(),
                password: Some("geheim".into()),
                from: "Pizzeria Bella <bestel@bella.nl>".into(),
            }),
            owner_alert_minutes: 5,
            ..NotifyForm::default()
        }
    }

    fn field(form: NotifyForm) -> Option<String> {
        form.checked(&NotifySettings::default()).unwrap_err().field
    }

    #[test]
    fn bad_host_port_and_sender_name_their_field() {
        let mut f = form();
        f.mail.as_mut().unwrap().host = "smtp bella".into();
        assert_eq!(field(f).as_deref(), Some("mail.host"));
        for port in [0, -1, 65536] {
            let mut f = form();
            f.mail.as_mut().unwrap().port = port;
            assert_eq!(field(f).as_deref(), Some("mail.port"));
        }
        let mut f = form();
        f.mail.as_mut().unwrap().from = "Bella".into();
        assert_eq!(field(f).as_deref(), Some("mail.from"));
    }

    #[test]
    fn a_password_left_out_is_kept_and_never_shown() {
        let kept = form().checked(&NotifySettings::default()).unwrap();
        let mut again = form();
        again.mail.as_mut().unwrap().password = None;
        let after = again.checked(&kept).unwrap();
        assert_eq!(after.mail.as_ref().unwrap().password, "geheim");
        assert!(after.view().mail.unwrap().password_set);
        assert!(!format!("{after:?}").contains("geheim"));
    }

    #[test]
    fn sms_needs_a_token_and_a_short_sender() {
        let mut f = form();
        f.sms_enabled = true;
        assert_eq!(field(f).as_deref(), Some("sms.product_token"));
        let mut f = form();
        f.sms_sender = "Pizza Bella".into();
        assert_eq!(field(f).as_deref(), Some("sms.sender"));
    }
}
