//! Sending mail over SMTP with lettre: plain (a relay on the shop's own network), STARTTLS
//! (usually port 587) or implicit TLS (usually 465), with rustls and ring.
//!
//! One connection per mail: a shop sends a few hundred mails a day, and a fresh connection means
//! a changed setting takes effect at the next mail and a broken connection never lingers.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};

/// How the connection to the mail server is secured.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// No encryption: only for a relay on the shop's own network.
    None,
    /// Plain first, then STARTTLS, required (port 587).
    #[default]
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
}

impl Security {
    pub fn as_str(self) -> &'static str {
        match self {
            Security::None => "none",
            Security::StartTls => "starttls",
            Security::Tls => "tls",
        }
    }
}

/// Where and how to send.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpServer {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// Log in with these when set.
    pub user: Option<String>,
    pub password: Option<String>,
    /// "Pizzeria Bella <bestellingen@bella.nl>"
    pub from: String,
    /// The longest one mail may take, connecting included.
    pub timeout: Duration,
}

impl std::fmt::Debug for SmtpServer {
    /// Never prints the password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpServer")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "…"))
            .field("from", &self.from)
            .finish()
    }
}

/// A file sent with the mail (the receipt as PDF).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub filename: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// One mail to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: String,
    pub email: crate::Email,
    /// Without angle brackets: `forno-email-12-1a2b3c4d@bella.nl`. The same on every attempt,
    /// so a repeat after a crash is recognisable as the same mail.
    pub message_id: String,
    pub attachment: Option<Attachment>,
}

/// Why a mail did not go out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// The server could not be reached or said "later" (4xx), or the login failed: the mail did
    /// not go out, and trying later may help.
    #[error("{0}")]
    NotSent(String),
    /// The server refused this mail for good (5xx: an address that does not exist).
    #[error("{0}")]
    Refused(String),
    /// The mail may have gone out: the server stopped answering after the mail was on its way.
    #[error("{0}")]
    NoAnswer(String),
    /// The mail itself is wrong (an address that is no address): fix it, trying again cannot
    /// help.
    #[error("{0}")]
    Invalid(String),
}

fn mailbox(address: &str, what: &str) -> Result<Mailbox, SendError> {
    address.trim().parse::<Mailbox>().map_err(|e| {
        SendError::Invalid(format!("{what} \"{address}\" is not an email address: {e}"))
    })
}

/// The domain of the sender's address, for Message-IDs.
pub fn sender_domain(from: &str) -> String {
    from.trim()
        .trim_end_matches('>')
        .rsplit_once('@')
        .map(|(_, domain)| domain)
        .filter(|d| !d.is_empty() && !d.contains(' '))
        .unwrap_or("forno.invalid")
        .to_owned()
}

/// Builds the mail as it goes over the wire (headers, text and HTML, the attachment).
pub fn build(server: &SmtpServer, mail: &OutgoingMail) -> Result<Message, SendError> {
    let alternative =
        MultiPart::alternative_plain_html(mail.email.text.clone(), mail.email.html.clone());
    let builder = Message::builder()
        .from(mailbox(&server.from, "The sender")?)
        .to(mailbox(&mail.to, "The address")?)
        .subject(mail.email.subject.clone())
        .message_id(Some(format!("<{}>", mail.message_id)));
    let message = match &mail.attachment {
        None => builder.multipart(alternative),
        Some(file) => {
            let content_type = ContentType::parse(&file.content_type)
                .map_err(|e| SendError::Invalid(format!("attachment type: {e}")))?;
            builder.multipart(
                MultiPart::mixed().multipart(alternative).singlepart(
                    lettre::message::Attachment::new(file.filename.clone())
                        .body(file.bytes.clone(), content_type),
                ),
            )
        }
    };
    message.map_err(|e| SendError::Invalid(format!("the mail cannot be built: {e}")))
}

fn transport(server: &SmtpServer) -> Result<AsyncSmtpTransport<Tokio1Executor>, SendError> {
    let tls = match server.security {
        Security::None => Tls::None,
        Security::StartTls | Security::Tls => {
            let params = TlsParameters::new(server.host.clone())
                .map_err(|e| SendError::NotSent(format!("TLS for {}: {e}", server.host)))?;
            if server.security == Security::Tls {
                Tls::Wrapper(params)
            } else {
                Tls::Required(params)
            }
        }
    };
    let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(server.host.clone())
        .port(server.port)
        .tls(tls)
        .timeout(Some(server.timeout));
    if let Some(user) = server.user.as_ref().filter(|u| !u.is_empty()) {
        builder = builder.credentials(Credentials::new(
            user.clone(),
            server.password.clone().unwrap_or_default(),
        ));
    }
    Ok(builder.build())
}

/// Sends one mail; on success returns the server's answer ("250 2.0.0 Ok: queued as …").
pub async fn send(server: &SmtpServer, mail: &OutgoingMail) -> Result<String, SendError> {
    let message = build(server, mail)?;
    let transport = transport(server)?;
    let where_ = format!("{}:{}", server.host, server.port);
    // lettre's timeout is per read or write; this bounds the whole conversation.
    let sent = tokio::time::timeout(server.timeout * 3, transport.send(message)).await;
    match sent {
        Ok(Ok(response)) => Ok(response
            .message()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(200)
            .collect::<String>()),
        Ok(Err(e)) => Err(classify(&e, &where_)),
        Err(_) => Err(SendError::NoAnswer(format!(
            "The mail server {where_} stopped answering; the mail may or may not have been sent."
        ))),
    }
}

fn classify(e: &lettre::transport::smtp::Error, where_: &str) -> SendError {
    let code = e.status().map(|c| c.to_string());
    // 530/534/535: the login (the shop's settings), not the mail: it goes out once they are right.
    let login = matches!(code.as_deref(), Some("530" | "534" | "535"));
    if e.is_permanent() && !login {
        SendError::Refused(format!("The mail server {where_} refused the mail: {e}"))
    } else if login {
        SendError::NotSent(format!(
            "The mail server {where_} did not accept the login: check the user and password in the settings ({e})."
        ))
    } else if e.is_transient() {
        SendError::NotSent(format!("The mail server {where_} said to try later: {e}"))
    } else if e.is_timeout() {
        SendError::NoAnswer(format!(
            "The mail server {where_} stopped answering; the mail may or may not have been sent ({e})."
        ))
    } else {
        SendError::NotSent(format!(
            "Cannot reach the mail server {where_}: {e}. Check the host, port and security in the settings."
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server() -> SmtpServer {
        SmtpServer {
            host: "mail.example".into(),
            port: 587,
            security: Security::StartTls,
            user: Some("bella".into()),
            password: Some("geheim-wachtwoord".into()),
            from: "Pizzeria Bella <bestel@bella.example>".into(),
            timeout: Duration::from_secs(5),
        }
    }

    fn mail() -> OutgoingMail {
        OutgoingMail {
            to: "klant@example.org".into(),
            email: crate::Email {
                subject: "Je bestelling #001".into(),
                text: "Hallo".into(),
                html: "<p>Hallo</p>".into(),
            },
            message_id: "forno-email-1-abcd@bella.example".into(),
            attachment: Some(Attachment {
                filename: "bon-001.pdf".into(),
                content_type: "application/pdf".into(),
                bytes: b"%PDF-1.4".to_vec(),
            }),
        }
    }

    #[test]
    fn the_message_id_is_the_one_given() {
        let raw = String::from_utf8(build(&server(), &mail()).unwrap().formatted()).unwrap();
        assert!(
            raw.contains("Message-ID: <forno-email-1-abcd@bella.example>"),
            "{raw}"
        );
        assert!(raw.contains("bon-001.pdf"));
        assert!(raw.contains("text/html"));
    }

    #[test]
    fn a_bad_address_is_invalid_not_retried() {
        let mut bad = mail();
        bad.to = "geen adres".into();
        assert!(matches!(build(&server(), &bad), Err(SendError::Invalid(_))));
    }

    #[test]
    fn debug_never_shows_the_password() {
        assert!(!format!("{:?}", server()).contains("geheim"));
    }

    #[test]
    fn the_domain_comes_from_the_sender() {
        assert_eq!(
            sender_domain("Bella <bestel@bella.example>"),
            "bella.example"
        );
        assert_eq!(sender_domain("nonsense"), "forno.invalid");
    }
}
