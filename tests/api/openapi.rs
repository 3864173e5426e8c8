//! The OpenAPI document against the running server: every documented operation is served, no
//! other method is, docs/api.md lists every one, every way a body can be refused is declared
//! (as problem+json), `forno openapi` prints what the server serves, and the UI's generated
//! types were made from the current document.

use std::collections::BTreeMap;
use std::process::Command;

use crate::common::openapi::{Access, Operation, operations, served};
use crate::common::*;
use reqwest::Method;
use serde_json::{Value, json};

/// The committed document the UI's TypeScript types (`ui/src/api/schema.d.ts`) are made from.
const UI_DOCUMENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/api/openapi.json");

fn forno_openapi() -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_forno"))
        .arg("openapi")
        .env_remove("FORNO_DATA_DIR")
        .output()
        .expect("run forno openapi");
    assert!(
        out.status.success(),
        "forno openapi failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("forno openapi prints JSON")
}

#[tokio::test]
async fn forno_openapi_prints_the_served_document_and_the_ui_types_come_from_it() {
    let app = spawn_app().await;
    let printed = forno_openapi();
    assert_eq!(
        served(&app).await,
        printed,
        "`forno openapi` and GET /api/v1/openapi.json differ"
    );
    let committed: Value = serde_json::from_str(
        &std::fs::read_to_string(UI_DOCUMENT).expect("ui/src/api/openapi.json is committed"),
    )
    .expect("ui/src/api/openapi.json is JSON");
    assert!(
        committed == printed,
        "ui/src/api/openapi.json is older than the API: run `scripts/api-types.sh` and commit \
         ui/src/api/openapi.json and ui/src/api/schema.d.ts"
    );
}

/// Values for every path parameter the document uses; whatever they name need not exist.
fn any_values() -> BTreeMap<&'static str, String> {
    BTreeMap::from([
        ("id", "1".to_string()),
        ("token", "no-such-token".to_string()),
        ("photo", "1".to_string()),
        ("file", "small.jpg".to_string()),
    ])
}

#[tokio::test]
async fn every_documented_operation_is_served_and_no_other_method_is() {
    let app = spawn_app().await;
    let ops = operations(&served(&app).await);
    let mut failures = Failures::default();
    let mut by_path: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for op in &ops {
        by_path.entry(&op.path).or_default().push(&op.method);
        let method = Method::from_bytes(op.method.as_bytes()).unwrap();
        let resp = send(app.http.request(method, op.url(&app, &any_values()))).await;
        let routed = match resp.status {
            405 => Err("405: the router has no such method here".to_string()),
            404 if resp.text.contains("no such API endpoint") => {
                Err("404 from the API's fallback: the router has no such path".to_string())
            }
            _ => Ok(()),
        };
        failures.check(&op.name(), routed);
        failures.check(&format!("{}: document", op.name()), op.declares(&resp));
    }
    for (path, methods) in by_path {
        let op = ops.iter().find(|op| op.path == path).unwrap();
        for method in ["GET", "POST", "PUT", "DELETE", "PATCH"] {
            if methods.contains(&method) {
                continue;
            }
            let resp = send(app.http.request(
                Method::from_bytes(method.as_bytes()).unwrap(),
                op.url(&app, &any_values()),
            ))
            .await;
            let case = format!("{method} {path} (not documented)");
            failures.check(&case, resp.check_problem(405).map(|_| ()));
        }
    }
    failures.assert_none();
}

/// docs/api.md writes staff and public paths relative to `/api/v1` in its tables.
#[test]
fn docs_api_md_lists_every_operation() {
    let doc = forno_openapi();
    let api_md = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/api.md"))
        .expect("docs/api.md");
    let rows: Vec<&str> = api_md.lines().filter(|l| l.starts_with('|')).collect();
    let mut missing = Vec::new();
    for op in operations(&doc) {
        let path = match op.path.strip_prefix("/api/v1") {
            Some(relative) => relative.to_string(),
            None => op.path.clone(),
        };
        let listed = rows.iter().any(|row| {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            cells.len() > 2
                && cells[1].split('/').any(|m| m.trim() == op.method)
                && (cells[2].contains(&format!("`{path}`"))
                    || cells[2].contains(&format!("`{path}?")))
        });
        if !listed {
            missing.push(format!("{} {path}", op.method));
        }
    }
    assert!(
        missing.is_empty(),
        "docs/api.md has no table row for: {missing:?}"
    );
}

#[tokio::test]
async fn every_way_a_body_is_refused_is_declared_as_a_problem() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let ops = operations(&served(&app).await);
    let oversized = json!({ "lines": [], "note": "x".repeat(70 * 1024) }).to_string();
    let mut failures = Failures::default();
    // JSON bodies; a photo upload takes any bytes and checks them itself (menu_editor.rs).
    for op in ops.iter().filter(|op| op.has_json_body) {
        let method = Method::from_bytes(op.method.as_bytes()).unwrap();
        let url = op.url(&app, &any_values());
        // The owner may do everything, so every staff operation gets as far as its body.
        let as_owner = |req: reqwest::RequestBuilder| match op.access {
            Access::Public => req,
            Access::Staff | Access::StaffOptional => req.bearer_auth(&owner.token),
        };
        let cases = [
            (
                "JSON sent as text/plain",
                415,
                as_owner(app.http.request(method.clone(), &url))
                    .header("content-type", "text/plain")
                    .body("{}"),
            ),
            (
                "a body that is not JSON",
                400,
                as_owner(app.http.request(method.clone(), &url))
                    .header("content-type", "application/json")
                    .body("{\"lines\": ["),
            ),
            (
                "a body over 64 KiB",
                413,
                as_owner(app.http.request(method.clone(), &url))
                    .header("content-type", "application/json")
                    .body(oversized.clone()),
            ),
        ];
        for (what, status, request) in cases {
            let resp = send(request).await;
            let case = format!("{} with {what}", op.name());
            failures.check(&case, resp.check_problem(status).map(|_| ()));
            failures.check(&format!("{case}: document"), op.declares(&resp));
        }
    }
    failures.assert_none();
}

#[test]
fn every_staff_operation_declares_its_security_401_and_problem_json_errors() {
    let doc = forno_openapi();
    let schemes = doc["components"]["securitySchemes"]
        .as_object()
        .expect("security schemes are declared");
    assert_eq!(schemes["session"]["in"], "cookie");
    assert_eq!(schemes["session"]["name"], "forno_session");
    assert_eq!(schemes["bearer"]["scheme"], "bearer");
    let permissions: Vec<&str> = doc["components"]["schemas"]["Permission"]["enum"]
        .as_array()
        .expect("Permission is a named list")
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    let ops: Vec<Operation> = operations(&doc);
    for op in &ops {
        for (status, types) in &op.responses {
            if *status >= 400 {
                assert_eq!(
                    types,
                    &["application/problem+json"],
                    "{} {status}",
                    op.name()
                );
            }
        }
        for action in &op.actions {
            assert!(
                permissions.contains(&action.as_str()),
                "{}: {action} is not a permission",
                op.name()
            );
        }
        if op.access != Access::Public {
            assert!(op.responses.contains_key(&401), "{} has no 401", op.name());
        }
        if !op.actions.is_empty() {
            assert!(op.responses.contains_key(&403), "{} has no 403", op.name());
        }
    }
    let staff = |method: &str, path: &str| {
        ops.iter()
            .find(|op| op.method == method && op.path == path)
            .unwrap_or_else(|| panic!("{method} {path} is documented"))
            .clone()
    };
    assert_eq!(staff("GET", "/api/v1/audit").actions, ["view_audit_log"]);
    assert_eq!(
        staff("PUT", "/api/v1/menu/items/{id}").actions,
        ["edit_menu"]
    );
    assert_eq!(staff("GET", "/api/v1/auth/me").access, Access::Staff);
    assert_eq!(
        staff("POST", "/api/v1/orders").access,
        Access::StaffOptional
    );
}
