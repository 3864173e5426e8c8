//! What the messages say, in Dutch and English: every mail as plain text and as HTML built from
//! the same parts, so the two never disagree, and the SMS texts (short, with the tracking link).

use serde::{Deserialize, Serialize};

/// The language a message is written in: the customer's, from their ordering page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Nl,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Language> {
        match code {
            "nl" => Some(Language::Nl),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Language::Nl => nl,
            Language::En => en,
        }
    }
}

/// One line of the order as the mail lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryLine {
    pub quantity: i64,
    /// "Margherita 30 cm, extra: olives"
    pub description: String,
    pub total_cents: i64,
}

/// The VAT in the total at one rate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatPart {
    pub percent: u32,
    pub vat_cents: i64,
}

/// How the customer gets the order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handover {
    /// Picked up at the shop's address.
    Pickup {
        shop_address: String,
    },
    Delivery {
        address: String,
    },
}

/// An order as a message shows it: plain data that forno-app fills in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderSummary {
    pub shop_name: String,
    pub shop_phone: String,
    /// "#017"
    pub number: String,
    pub lines: Vec<SummaryLine>,
    pub delivery_fee_cents: i64,
    /// Off the total already (positive).
    pub discount_cents: i64,
    pub total_cents: i64,
    pub vat: Vec<VatPart>,
    pub handover: Handover,
    /// "18:45", in the shop's time: when it is ready (pickup) or at the door (delivery).
    pub expected: String,
    pub tracking_url: Option<String>,
}

/// A change of status the customer hears about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "news", rename_all = "snake_case")]
pub enum StatusNews {
    Accepted,
    Ready,
    OutForDelivery,
    /// The shop cannot make it; `message` is what it told the customer, if anything.
    Rejected {
        message: Option<String>,
    },
}

/// A mail's subject and body, as plain text and HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// `€ 12,50` in Dutch, `€12.50` in English.
pub fn euro(cents: i64, lang: Language) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.abs();
    match lang {
        Language::Nl => format!("{sign}€ {},{:02}", abs / 100, abs % 100),
        Language::En => format!("{sign}€{}.{:02}", abs / 100, abs % 100),
    }
}

/// Text made safe to put in HTML.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A mail as a list of parts, written out once as text and once as HTML.
enum Part {
    Heading(String),
    Paragraph(String),
    /// Rows of (left, right) with an optional bold last row (the total).
    Table(Vec<(String, String)>, Option<(String, String)>),
    Link(String, String),
}

fn write(subject: String, lang: Language, parts: &[Part]) -> Email {
    let mut text = String::new();
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
         <body style=\"font-family: sans-serif; color: #222; max-width: 36em\">",
        lang.code(),
        escape_html(&subject)
    );
    for part in parts {
        match part {
            Part::Heading(h) => {
                text.push_str(&format!("{h}\n{}\n\n", "=".repeat(h.chars().count())));
                html.push_str(&format!("<h1>{}</h1>", escape_html(h)));
            }
            Part::Paragraph(p) => {
                text.push_str(&format!("{p}\n\n"));
                html.push_str(&format!("<p>{}</p>", escape_html(p)));
            }
            Part::Table(rows, total) => {
                html.push_str("<table style=\"border-collapse: collapse\">");
                for (left, right) in rows {
                    text.push_str(&format!("{left}  {right}\n"));
                    html.push_str(&format!(
                        "<tr><td style=\"padding: 2px 16px 2px 0\">{}</td>\
                         <td style=\"text-align: right\">{}</td></tr>",
                        escape_html(left),
                        escape_html(right)
                    ));
                }
                if let Some((left, right)) = total {
                    text.push_str(&format!("{left}  {right}\n"));
                    html.push_str(&format!(
                        "<tr><th style=\"text-align: left; padding: 2px 16px 2px 0\">{}</th>\
                         <th style=\"text-align: right\">{}</th></tr>",
                        escape_html(left),
                        escape_html(right)
                    ));
                }
                text.push('\n');
                html.push_str("</table>");
            }
            Part::Link(label, url) => {
                text.push_str(&format!("{label}: {url}\n\n"));
                html.push_str(&format!(
                    "<p><a href=\"{}\">{}</a></p>",
                    escape_html(url),
                    escape_html(label)
                ));
            }
        }
    }
    html.push_str("</body></html>");
    Email {
        subject,
        text: text.trim_end().to_owned() + "\n",
        html,
    }
}

fn handover_line(order: &OrderSummary, lang: Language) -> String {
    match &order.handover {
        Handover::Pickup { shop_address } if shop_address.is_empty() => match lang {
            Language::Nl => format!(
                "Afhalen bij {}, klaar om {}.",
                order.shop_name, order.expected
            ),
            Language::En => format!(
                "Pickup at {}, ready at {}.",
                order.shop_name, order.expected
            ),
        },
        Handover::Pickup { shop_address } => match lang {
            Language::Nl => format!(
                "Afhalen bij {}, {shop_address}, klaar om {}.",
                order.shop_name, order.expected
            ),
            Language::En => format!(
                "Pickup at {}, {shop_address}, ready at {}.",
                order.shop_name, order.expected
            ),
        },
        Handover::Delivery { address } => match lang {
            Language::Nl => format!("Bezorgen op {address}, verwacht rond {}.", order.expected),
            Language::En => format!("Delivery to {address}, expected around {}.", order.expected),
        },
    }
}

fn summary_table(order: &OrderSummary, lang: Language) -> Part {
    let mut rows: Vec<(String, String)> = order
        .lines
        .iter()
        .map(|l| {
            (
                format!("{}× {}", l.quantity, l.description),
                euro(l.total_cents, lang),
            )
        })
        .collect();
    if order.delivery_fee_cents != 0 {
        rows.push((
            lang.pick("Bezorgkosten", "Delivery fee").to_owned(),
            euro(order.delivery_fee_cents, lang),
        ));
    }
    if order.discount_cents != 0 {
        rows.push((
            lang.pick("Korting", "Discount").to_owned(),
            euro(-order.discount_cents, lang),
        ));
    }
    for part in &order.vat {
        rows.push((
            match lang {
                Language::Nl => format!("waarvan btw {}%", part.percent),
                Language::En => format!("of which VAT {}%", part.percent),
            },
            euro(part.vat_cents, lang),
        ));
    }
    Part::Table(
        rows,
        Some((
            lang.pick("Totaal", "Total").to_owned(),
            euro(order.total_cents, lang),
        )),
    )
}

fn tracking(order: &OrderSummary, lang: Language) -> Option<Part> {
    order.tracking_url.as_ref().map(|url| {
        Part::Link(
            lang.pick("Volg je bestelling", "Follow your order")
                .to_owned(),
            url.clone(),
        )
    })
}

fn closing(order: &OrderSummary, lang: Language) -> Part {
    Part::Paragraph(if order.shop_phone.is_empty() {
        format!(
            "{}, {}",
            lang.pick("Groeten", "Kind regards"),
            order.shop_name
        )
    } else {
        match lang {
            Language::Nl => format!(
                "Vragen? Bel ons op {}. Groeten, {}",
                order.shop_phone, order.shop_name
            ),
            Language::En => format!(
                "Questions? Call us on {}. Kind regards, {}",
                order.shop_phone, order.shop_name
            ),
        }
    })
}

/// The order confirmation: number, lines, total with VAT, pickup or delivery, expected time,
/// tracking link.
pub fn confirmation(order: &OrderSummary, lang: Language) -> Email {
    let subject = match lang {
        Language::Nl => format!("Je bestelling {} bij {}", order.number, order.shop_name),
        Language::En => format!("Your order {} at {}", order.number, order.shop_name),
    };
    let mut parts = vec![
        Part::Heading(match lang {
            Language::Nl => format!("Bedankt voor je bestelling {}", order.number),
            Language::En => format!("Thank you for your order {}", order.number),
        }),
        Part::Paragraph(
            lang.pick(
                "We hebben je bestelling ontvangen. Zodra de zaak hem accepteert, hoor je het.",
                "We have received your order. You will hear from us as soon as the shop accepts it.",
            )
            .to_owned(),
        ),
        summary_table(order, lang),
        Part::Paragraph(handover_line(order, lang)),
    ];
    parts.extend(tracking(order, lang));
    parts.push(closing(order, lang));
    write(subject, lang, &parts)
}

/// A mail about a change of status that the owner switched on.
pub fn status_update(order: &OrderSummary, news: &StatusNews, lang: Language) -> Email {
    let number = &order.number;
    let (subject, heading, body) = match (news, lang) {
        (StatusNews::Accepted, Language::Nl) => (
            format!("Bestelling {number} is geaccepteerd"),
            format!("We gaan aan de slag met {number}"),
            handover_line(order, lang),
        ),
        (StatusNews::Accepted, Language::En) => (
            format!("Order {number} has been accepted"),
            format!("We are making {number}"),
            handover_line(order, lang),
        ),
        (StatusNews::Ready, Language::Nl) => (
            format!("Bestelling {number} staat klaar"),
            format!("{number} staat klaar om af te halen"),
            format!("Je kunt je bestelling nu ophalen bij {}.", order.shop_name),
        ),
        (StatusNews::Ready, Language::En) => (
            format!("Order {number} is ready"),
            format!("{number} is ready for pickup"),
            format!("You can pick up your order at {} now.", order.shop_name),
        ),
        (StatusNews::OutForDelivery, Language::Nl) => (
            format!("Bestelling {number} is onderweg"),
            format!("{number} is onderweg naar je"),
            "De bezorger is vertrokken.".to_owned(),
        ),
        (StatusNews::OutForDelivery, Language::En) => (
            format!("Order {number} is on its way"),
            format!("{number} is on its way to you"),
            "The driver has left.".to_owned(),
        ),
        (StatusNews::Rejected { message }, Language::Nl) => (
            format!("Bestelling {number} kan niet doorgaan"),
            format!("Sorry, we kunnen {number} niet maken"),
            match message {
                Some(m) => format!("{} liet weten: {m}", order.shop_name),
                None => "Er is niets afgeschreven voor deze bestelling.".to_owned(),
            },
        ),
        (StatusNews::Rejected { message }, Language::En) => (
            format!("Order {number} cannot go ahead"),
            format!("Sorry, we cannot make {number}"),
            match message {
                Some(m) => format!("{} says: {m}", order.shop_name),
                None => "Nothing has been charged for this order.".to_owned(),
            },
        ),
    };
    let mut parts = vec![Part::Heading(heading), Part::Paragraph(body)];
    parts.extend(tracking(order, lang));
    parts.push(closing(order, lang));
    write(subject, lang, &parts)
}

/// An order waiting for the shop to accept it, for the owner's alert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitingOrder {
    pub number: String,
    pub minutes: i64,
    pub total_cents: i64,
}

/// To the owner: web orders wait and nobody accepted them.
pub fn owner_alert(
    shop_name: &str,
    waiting: &[WaitingOrder],
    staff_url: Option<&str>,
    lang: Language,
) -> Email {
    let subject = match lang {
        Language::Nl => format!("{shop_name}: {} webbestelling(en) wachten", waiting.len()),
        Language::En => format!("{shop_name}: {} web order(s) waiting", waiting.len()),
    };
    let rows = waiting
        .iter()
        .map(|w| {
            (
                match lang {
                    Language::Nl => format!("{} wacht al {} min", w.number, w.minutes),
                    Language::En => format!("{} waiting for {} min", w.number, w.minutes),
                },
                euro(w.total_cents, lang),
            )
        })
        .collect();
    let mut parts = vec![
        Part::Heading(
            lang.pick(
                "Webbestellingen wachten op acceptatie",
                "Web orders are waiting to be accepted",
            )
            .to_owned(),
        ),
        Part::Paragraph(
            lang.pick(
                "Niemand heeft deze bestellingen geaccepteerd. De klant wacht: accepteer of weiger ze aan de balie.",
                "Nobody has accepted these orders. The customer is waiting: accept or reject them at the counter.",
            )
            .to_owned(),
        ),
        Part::Table(rows, None),
    ];
    if let Some(url) = staff_url {
        parts.push(Part::Link(
            lang.pick("Naar de balie", "To the counter").to_owned(),
            format!("{url}/counter"),
        ));
    }
    write(subject, lang, &parts)
}

/// The settings page's "send a test mail".
pub fn test_mail(shop_name: &str, lang: Language) -> Email {
    write(
        match lang {
            Language::Nl => format!("Testmail van {shop_name}"),
            Language::En => format!("Test mail from {shop_name}"),
        },
        lang,
        &[
            Part::Heading(lang.pick("Het werkt", "It works").to_owned()),
            Part::Paragraph(
                lang.pick(
                    "Forno kan mail versturen met deze instellingen. Klanten krijgen hun bevestiging op deze manier.",
                    "Forno can send mail with these settings. Customers get their confirmation this way.",
                )
                .to_owned(),
            ),
        ],
    )
}

/// The SMS after ordering: short, with the tracking link.
pub fn sms_confirmation(order: &OrderSummary, lang: Language) -> String {
    let mut text = match lang {
        Language::Nl => format!(
            "{}: bestelling {} ontvangen, verwacht {}.",
            order.shop_name, order.number, order.expected
        ),
        Language::En => format!(
            "{}: order {} received, expected {}.",
            order.shop_name, order.number, order.expected
        ),
    };
    if let Some(url) = &order.tracking_url {
        text.push_str(&format!(" {}: {url}", lang.pick("Volg", "Follow")));
    }
    text
}

/// The SMS for a change of status.
pub fn sms_status(order: &OrderSummary, news: &StatusNews, lang: Language) -> String {
    let n = &order.number;
    let mut text = match (news, lang) {
        (StatusNews::Accepted, Language::Nl) => {
            format!("{n} geaccepteerd, klaar om {}.", order.expected)
        }
        (StatusNews::Accepted, Language::En) => {
            format!("{n} accepted, ready at {}.", order.expected)
        }
        (StatusNews::Ready, Language::Nl) => format!("{n} staat klaar om af te halen."),
        (StatusNews::Ready, Language::En) => format!("{n} is ready for pickup."),
        (StatusNews::OutForDelivery, Language::Nl) => format!("{n} is onderweg naar je."),
        (StatusNews::OutForDelivery, Language::En) => format!("{n} is on its way to you."),
        (StatusNews::Rejected { .. }, Language::Nl) => format!("Sorry, {n} kan niet doorgaan."),
        (StatusNews::Rejected { .. }, Language::En) => format!("Sorry, {n} cannot go ahead."),
    };
    text = format!("{}: {text}", order.shop_name);
    if let Some(url) = &order.tracking_url {
        text.push(' ');
        text.push_str(url);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order() -> OrderSummary {
        OrderSummary {
            shop_name: "Pizzeria <Bella>".into(),
            shop_phone: "010 123 4567".into(),
            number: "#007".into(),
            lines: vec![SummaryLine {
                quantity: 2,
                description: "Margherita 30 cm".into(),
                total_cents: 2150,
            }],
            delivery_fee_cents: 250,
            discount_cents: 0,
            total_cents: 2400,
            vat: vec![VatPart {
                percent: 9,
                vat_cents: 198,
            }],
            handover: Handover::Delivery {
                address: "Kerkstraat 1, 1234 AB Utrecht".into(),
            },
            expected: "18:45".into(),
            tracking_url: Some("https://bella.example/track/abc".into()),
        }
    }

    #[test]
    fn the_confirmation_says_the_same_in_text_and_html_in_the_customers_language() {
        let nl = confirmation(&order(), Language::Nl);
        assert_eq!(nl.subject, "Je bestelling #007 bij Pizzeria <Bella>");
        for needle in [
            "2× Margherita 30 cm",
            "€ 21,50",
            "€ 24,00",
            "btw 9%",
            "€ 1,98",
            "18:45",
        ] {
            assert!(nl.text.contains(needle), "text lacks {needle}: {}", nl.text);
            assert!(nl.html.contains(needle), "html lacks {needle}: {}", nl.html);
        }
        assert!(nl.text.contains("https://bella.example/track/abc"));
        assert!(nl.html.contains("href=\"https://bella.example/track/abc\""));
        assert!(nl.html.contains("&lt;Bella&gt;") && !nl.html.contains("<Bella>"));
        let en = confirmation(&order(), Language::En);
        assert!(en.text.contains("€24.00") && en.text.contains("VAT 9%"));
        assert!(en.text.contains("Delivery to Kerkstraat 1"));
    }

    #[test]
    fn a_rejection_carries_the_shops_message() {
        let mail = status_update(
            &order(),
            &StatusNews::Rejected {
                message: Some("Oven stuk".into()),
            },
            Language::Nl,
        );
        assert!(mail.text.contains("Oven stuk"));
        assert!(mail.subject.contains("#007"));
    }

    #[test]
    fn sms_texts_are_short_and_carry_the_link() {
        let text = sms_confirmation(&order(), Language::Nl);
        assert!(text.contains("#007") && text.ends_with("https://bella.example/track/abc"));
        assert!(text.chars().count() <= 160, "{text}");
        let text = sms_status(&order(), &StatusNews::Ready, Language::En);
        assert!(text.contains("ready for pickup"));
    }

    #[test]
    fn euros_are_written_the_local_way() {
        assert_eq!(euro(1250, Language::Nl), "€ 12,50");
        assert_eq!(euro(-5, Language::En), "-€0.05");
    }
}
