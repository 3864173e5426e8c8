//! The served OpenAPI document (`GET /api/v1/openapi.json`), read as a client would: its
//! operations, who may call each (security and `x-forno-actions`), and what each may answer, so
//! that tests can hold every answer they see against the document.

use std::collections::BTreeMap;

use serde_json::Value;

use super::{ApiResponse, TestApp, send};

/// Who may call an operation, as the document says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// No security: anyone.
    Public,
    /// Staff credentials required.
    Staff,
    /// Credentials optional (`{}` among the security requirements): a customer may call it too,
    /// and the credentials decide what a staff caller may ask for.
    StaffOptional,
}

#[derive(Debug, Clone)]
pub struct Operation {
    /// `GET`, `POST`, …
    pub method: String,
    /// As the document names it: `/api/v1/orders/{id}`.
    pub path: String,
    pub access: Access,
    /// `x-forno-actions`: the caller's role needs at least one (empty: any login).
    pub actions: Vec<String>,
    pub has_body: bool,
    /// The body is JSON (not a file such as a menu photo).
    pub has_json_body: bool,
    /// Status → the content types declared for it (empty for an answer without a body).
    pub responses: BTreeMap<u16, Vec<String>>,
}

impl Operation {
    /// `POST /api/v1/orders/{id}/status`.
    pub fn name(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    /// The path with its parameters filled in from `values` (`{id}` → `values["id"]`).
    pub fn url(&self, app: &TestApp, values: &BTreeMap<&str, String>) -> String {
        let mut path = self.path.clone();
        for (name, value) in values {
            path = path.replace(&format!("{{{name}}}"), value);
        }
        assert!(
            !path.contains('{'),
            "{}: no value for a path parameter; add it to the test's values",
            self.name()
        );
        format!("{}{path}", app.address)
    }

    /// Whether the document declares this answer: its status, and its content type for that
    /// status (an answer the document gives no body must have none).
    pub fn declares(&self, resp: &ApiResponse) -> Result<(), String> {
        let Some(types) = self.responses.get(&resp.status) else {
            return Err(format!(
                "answered {} ({}), which the document does not declare (it declares {:?})",
                resp.status,
                super::truncate(&resp.text, 200),
                self.responses.keys().collect::<Vec<_>>()
            ));
        };
        let actual = resp.content_type().split(';').next().unwrap_or("").trim();
        if types.is_empty() {
            return if resp.text.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "answered {} with a {actual:?} body, but the document declares none",
                    resp.status
                ))
            };
        }
        if types.iter().any(|t| t == actual) {
            Ok(())
        } else {
            Err(format!(
                "answered {} as {actual:?}; the document declares {types:?}",
                resp.status
            ))
        }
    }
}

/// The document's operations, in its path order.
pub fn operations(doc: &Value) -> Vec<Operation> {
    let mut out = Vec::new();
    let paths = doc["paths"].as_object().expect("the document has paths");
    for (path, item) in paths {
        for method in ["get", "put", "post", "delete", "patch"] {
            let Some(op) = item.get(method) else { continue };
            let security = op["security"].as_array();
            let access = match security {
                None => Access::Public,
                Some(reqs)
                    if reqs
                        .iter()
                        .any(|r| r.as_object().is_some_and(|o| o.is_empty())) =>
                {
                    Access::StaffOptional
                }
                Some(_) => Access::Staff,
            };
            let actions = op["x-forno-actions"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|x| x.as_str().expect("actions are names").to_string())
                        .collect()
                })
                .unwrap_or_default();
            if access != Access::Public {
                assert!(
                    op.get("x-forno-actions").is_some(),
                    "{method} {path} needs credentials but names no x-forno-actions"
                );
            }
            let responses = op["responses"]
                .as_object()
                .expect("every operation has responses")
                .iter()
                .map(|(status, r)| {
                    let status: u16 = status.parse().expect("numeric status codes");
                    let types = r["content"]
                        .as_object()
                        .map(|c| c.keys().cloned().collect())
                        .unwrap_or_default();
                    (status, types)
                })
                .collect();
            out.push(Operation {
                method: method.to_uppercase(),
                path: path.clone(),
                access,
                actions,
                has_body: op.get("requestBody").is_some(),
                has_json_body: op["requestBody"]["content"]
                    .get("application/json")
                    .is_some(),
                responses,
            });
        }
    }
    out
}

/// `GET /api/v1/openapi.json`, as any client fetches it.
pub async fn served(app: &TestApp) -> Value {
    send(app.http.get(app.url("/openapi.json")))
        .await
        .ok("GET /api/v1/openapi.json")
}
