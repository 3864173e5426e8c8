//! Reading answers: the response of a request, problem+json checks, and the assertions that
//! several test files share.

use reqwest::header::{CONTENT_TYPE, HeaderMap};
use serde_json::Value;

use super::StaffAccount;

/// What a request answered, read completely so that assertions can print it.
#[derive(Debug)]
pub struct ApiResponse {
    pub status: u16,
    pub headers: HeaderMap,
    pub text: String,
    pub body: Value,
}

pub async fn send(req: reqwest::RequestBuilder) -> ApiResponse {
    let resp = req.send().await.expect("the server answers the request");
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let text = resp.text().await.unwrap_or_default();
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    ApiResponse {
        status,
        headers,
        text,
        body,
    }
}

impl ApiResponse {
    pub fn content_type(&self) -> &str {
        self.headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// Insists on a 2xx answer and returns its JSON body.
    pub fn ok(&self, what: &str) -> Value {
        assert!(
            (200..300).contains(&self.status),
            "{what}: expected success, got {} {}",
            self.status,
            self.text
        );
        self.body.clone()
    }

    pub fn expect_status(&self, status: u16, what: &str) -> Value {
        assert_eq!(
            self.status, status,
            "{what}: expected {status}, got {} {}",
            self.status, self.text
        );
        self.body.clone()
    }

    /// Checks the shape of an error answer (docs/api.md "Errors") and returns it.
    pub fn problem(&self, status: u16, what: &str) -> Problem {
        if let Err(why) = self.check_problem(status) {
            panic!("{what}: {why}");
        }
        Problem::from(&self.body)
    }

    /// Like [`ApiResponse::problem`], as a result so that table tests can collect failures.
    pub fn check_problem(&self, status: u16) -> Result<Problem, String> {
        if self.status != status {
            return Err(format!(
                "expected {status} problem, got {} {}",
                self.status,
                truncate(&self.text, 400)
            ));
        }
        if !self.content_type().starts_with("application/problem+json") {
            return Err(format!(
                "content-type is {:?}, not application/problem+json (body {})",
                self.content_type(),
                truncate(&self.text, 200)
            ));
        }
        let p = Problem::from(&self.body);
        if p.status != Some(u64::from(status)) {
            return Err(format!("problem.status is {:?}, not {status}", p.status));
        }
        if p.title.trim().is_empty() {
            return Err(format!("problem has no title: {}", self.text));
        }
        if !reads_like_a_sentence(&p.detail) {
            return Err(format!(
                "problem.detail {:?} is not something a person can act on",
                p.detail
            ));
        }
        match &p.field {
            Some(field) if !is_json_path(field) => Err(format!(
                "problem.field {field:?} is not a JSON path into the body"
            )),
            _ => Ok(p),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Problem {
    pub status: Option<u64>,
    pub title: String,
    pub detail: String,
    pub field: Option<String>,
}

impl From<&Value> for Problem {
    fn from(v: &Value) -> Self {
        Problem {
            status: v["status"].as_u64(),
            title: v["title"].as_str().unwrap_or_default().to_string(),
            detail: v["detail"].as_str().unwrap_or_default().to_string(),
            field: v["field"].as_str().map(str::to_string),
        }
    }
}

/// Words of Rust and serde that mean nothing to a cashier or a customer.
const JARGON: [&str; 9] = [
    "Error {",
    "Some(",
    "::",
    "i64",
    "u64",
    "i32",
    "u32",
    "struct ",
    "invalid type:",
];

/// A detail a person understands: words, not a Rust debug dump, serde's wording or nothing.
pub fn reads_like_a_sentence(detail: &str) -> bool {
    let d = detail.trim();
    d.len() >= 10 && d.contains(' ') && !JARGON.iter().any(|j| d.contains(j))
}

/// `lines[0].extras[1]`, `contact.phone`: a JSON path into the request body.
pub fn is_json_path(field: &str) -> bool {
    !field.is_empty()
        && field.split('.').all(|part| {
            let name = part.split('[').next().unwrap_or("");
            let rest = &part[name.len()..];
            let indexes_ok = (rest.is_empty() || rest.ends_with(']'))
                && rest.split_terminator(']').all(|ix| {
                    ix.strip_prefix('[')
                        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
                });
            !name.is_empty()
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && indexes_ok
        })
}

pub fn truncate(s: &str, n: usize) -> String {
    if s.len() <= n {
        s.to_string()
    } else {
        let mut end = n;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}…", &s[..end])
    }
}

/// Every string value anywhere in a JSON document (keys included), for leak checks.
pub fn all_strings(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            Value::Object(o) => o.iter().for_each(|(k, x)| {
                out.push(k.clone());
                walk(x, out);
            }),
            _ => {}
        }
    }
    walk(v, &mut out);
    out
}

/// Fails if `doc` names a staff member, shows a PIN or a password hash, or has a pin field.
pub fn assert_no_staff_data(doc: &Value, staff: &[StaffAccount], what: &str) {
    for s in all_strings(doc) {
        let lower = s.to_lowercase();
        assert!(
            !lower.starts_with("$argon2") && lower != "pin" && lower != "pin_hash",
            "{what} exposes staff secrets ({s:?}): {doc}"
        );
        for account in staff {
            assert!(
                s != account.name && s != account.pin,
                "{what} exposes staff member {} ({s:?}): {doc}",
                account.role
            );
        }
    }
}

/// A soft-assertion collector: table tests check every case and report all failures at once.
#[derive(Default)]
pub struct Failures(Vec<String>);

impl Failures {
    pub fn check(&mut self, case: &str, result: Result<(), String>) {
        if let Err(why) = result {
            self.0.push(format!("- {case}: {why}"));
        }
    }

    pub fn assert_none(self) {
        assert!(
            self.0.is_empty(),
            "{} case(s) failed:\n{}",
            self.0.len(),
            self.0.join("\n")
        );
    }
}

/// Sum of the `total_cents` of an order's lines.
pub fn sum_of_lines(order: &Value) -> i64 {
    order["lines"]
        .as_array()
        .map(|lines| {
            lines
                .iter()
                .map(|l| l["total_cents"].as_i64().unwrap_or(0))
                .sum()
        })
        .unwrap_or(0)
}

/// The order number ("#017") of a 201 answer or a staff view.
pub fn number_of(order: &Value) -> &str {
    order["number"]
        .as_str()
        .unwrap_or_else(|| panic!("no order number in {order}"))
}

pub fn id_of(order: &Value) -> i64 {
    order["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("order has no numeric id: {order}"))
}

pub fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is missing or not a string in {v}"))
}
