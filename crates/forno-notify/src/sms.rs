//! Sending an SMS through a provider: the [`SmsProvider`] trait and one provider, CM.com (a
//! Dutch gateway many Dutch shops already use), through its JSON API
//! (`POST {base}/v1.0/message`, the product token in the body). The base URL is configurable
//! so tests talk to a local fake that speaks the same API.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use serde_json::{Value, json};

/// One SMS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sms {
    /// The customer's number as they typed it ("06 12345678", "+31 6 1234 5678").
    pub to: String,
    pub text: String,
    /// The same on every attempt; the provider reports it back, so a repeat is recognisable.
    pub reference: String,
}

/// Why an SMS did not go out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SmsError {
    /// Not sent, and trying later may help (the provider is unreachable or overloaded).
    #[error("{0}")]
    NotSent(String),
    /// The provider refused it for good (a number that is no number, a wrong key).
    #[error("{0}")]
    Refused(String),
    /// It may have been sent: the provider took it but its answer got lost.
    #[error("{0}")]
    NoAnswer(String),
}

pub type SmsFuture<'a> = Pin<Box<dyn Future<Output = Result<String, SmsError>> + Send + 'a>>;

/// A provider that sends SMS. On success, the provider's words about it (for the message list).
pub trait SmsProvider: Send + Sync {
    fn name(&self) -> &'static str;
    fn send<'a>(&'a self, sms: &'a Sms) -> SmsFuture<'a>;
}

/// A Dutch mobile number in the international form CM.com wants: `0031612345678`. None when it
/// is not a phone number.
pub fn international(number: &str) -> Option<String> {
    let digits: String = number
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.'))
        .collect();
    let international = if let Some(rest) = digits.strip_prefix('+') {
        format!("00{rest}")
    } else if digits.starts_with("00") {
        digits
    } else if let Some(rest) = digits.strip_prefix('0') {
        format!("0031{rest}")
    } else {
        return None;
    };
    (international.len() >= 11
        && international.len() <= 17
        && international.chars().all(|c| c.is_ascii_digit()))
    .then_some(international)
}

/// CM.com's business messaging gateway.
pub struct CmCom {
    /// `https://gw.messaging.cm.com` in production.
    pub base_url: String,
    pub product_token: String,
    /// The sender name the customer sees (at most 11 letters or digits).
    pub sender: String,
    client: reqwest::Client,
}

impl CmCom {
    pub const PRODUCTION_URL: &'static str = "https://gw.messaging.cm.com";

    pub fn new(base_url: &str, product_token: &str, sender: &str, timeout: Duration) -> CmCom {
        CmCom {
            base_url: base_url.trim_end_matches('/').to_owned(),
            product_token: product_token.to_owned(),
            sender: sender
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .take(11)
                .collect(),
            client: reqwest::Client::builder()
                .timeout(timeout)
                .build()
                .unwrap_or_default(),
        }
    }

    async fn post(&self, sms: &Sms) -> Result<String, SmsError> {
        let Some(to) = international(&sms.to) else {
            return Err(SmsError::Refused(format!(
                "\"{}\" is not a mobile number, so no SMS was sent.",
                sms.to
            )));
        };
        let body = json!({
            "messages": {
                "authentication": { "producttoken": self.product_token },
                "msg": [{
                    "from": if self.sender.is_empty() { "Forno" } else { self.sender.as_str() },
                    "to": [{ "number": to }],
                    "body": { "type": "auto", "content": sms.text },
                    "reference": sms.reference,
                    "minimumNumberOfMessageParts": 1,
                    "maximumNumberOfMessageParts": 3,
                }],
            }
        });
        let url = format!("{}/v1.0/message", self.base_url);
        let response = match self.client.post(&url).json(&body).send().await {
            Ok(response) => response,
            Err(e) if e.is_timeout() => {
                return Err(SmsError::NoAnswer(format!(
                    "CM.com did not answer in time; the SMS may or may not have been sent ({e})."
                )));
            }
            Err(e) => {
                return Err(SmsError::NotSent(format!(
                    "Cannot reach CM.com at {url}: {e}"
                )));
            }
        };
        let status = response.status();
        let answer: Value = response.json().await.unwrap_or(Value::Null);
        let details = answer["details"].as_str().unwrap_or("").to_owned();
        let message_error = answer["messages"][0]["messageDetails"]
            .as_str()
            .unwrap_or("")
            .to_owned();
        if status.is_success() && answer["errorCode"].as_i64().unwrap_or(0) == 0 {
            return Ok(if details.is_empty() {
                "accepted".to_owned()
            } else {
                details
            });
        }
        let why = [details, message_error]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(": ");
        if status.is_server_error() || status == reqwest::StatusCode::TOO_MANY_REQUESTS {
            Err(SmsError::NotSent(format!(
                "CM.com answered {status}: {why}"
            )))
        } else {
            Err(SmsError::Refused(format!(
                "CM.com refused the SMS ({status}): {why}"
            )))
        }
    }
}

impl SmsProvider for CmCom {
    fn name(&self) -> &'static str {
        "CM.com"
    }

    fn send<'a>(&'a self, sms: &'a Sms) -> SmsFuture<'a> {
        Box::pin(self.post(sms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_numbers_become_international() {
        assert_eq!(
            international("06 1234 5678").as_deref(),
            Some("0031612345678")
        );
        assert_eq!(
            international("+31 6-12345678").as_deref(),
            Some("0031612345678")
        );
        assert_eq!(
            international("0032 470 12 34 56").as_deref(),
            Some("0032470123456")
        );
        assert_eq!(international("bel maar"), None);
        assert_eq!(international("06"), None);
    }

    #[test]
    fn the_sender_is_at_most_eleven_letters() {
        let cm = CmCom::new("http://x/", "t", "Pizzeria Bella!", Duration::from_secs(1));
        assert_eq!(cm.sender, "PizzeriaBel");
        assert_eq!(cm.base_url, "http://x");
    }
}
