//! Tidy: the architecture's invariants as a test, in the style of rust-analyzer's `tidy.rs`. An
//! invariant that only ARCHITECTURE.md states drifts; one that `cargo test` checks stays true.
//!
//! What it checks (ARCHITECTURE.md, "Tidy", says the same in prose):
//! - SQL lives in forno-store only: no `rusqlite` dependency or path, no rusqlite calls
//!   (`.execute(`, `.query_row(`, ...) and no SQL statements anywhere else, tests included.
//! - HTTP: server types (axum, hyper, tower, tower-http, http, utoipa) only in forno-server;
//!   forno-domain, forno-store and forno-app know no HTTP at all, clients (reqwest, tungstenite)
//!   included; the `forno` binary is an HTTP client only in `src/bench/`. Test code (tests/,
//!   `#[cfg(test)]`, dev-dependencies) may use anything HTTP: black-box tests are HTTP clients.
//! - forno-domain has no clock, randomness or IO: no such dependency in its Cargo.toml (chrono
//!   without its `clock`/`now` features), and no `SystemTime`, `Utc::now`, `std::fs`, ... in its
//!   non-test sources.
//! - Every crate's root file opens with its `//!` note, which names at least one
//!   "Architecture Invariant:".
//!
//! The checks read the sources as text: comments are blanked first (so prose may name anything),
//! string literals are kept (SQL hides in strings).

mod source;
mod workspace;

use std::fmt::Write as _;
use std::fs;

use source::{crate_paths_in, find_words, sql_in};
use workspace::{
    DependencyKinds, RustFile, dependencies, manifests, repo, rust_files, workspace_manifest,
    workspace_members,
};

// --- the checks ----------------------------------------------------------------------------------

#[test]
fn sql_lives_in_forno_store() {
    let mut found = Vec::new();
    for file in rust_files() {
        if file.krate == "forno-store" {
            continue;
        }
        // Test code too: a test that wants to see stored rows asks forno-store or the API.
        for (line, what) in sql_in(&file.code) {
            found.push(format!("{}:{line}: {what}", file.path));
        }
    }
    for manifest in manifests() {
        if manifest.krate == "forno-store" {
            continue;
        }
        for dep in dependencies(&manifest.toml, DependencyKinds::All) {
            if dep == "rusqlite" {
                found.push(format!("{}: depends on rusqlite", manifest.path));
            }
        }
    }
    assert_tidy(
        "SQL outside forno-store",
        "move the query into a forno-store repository and call that",
        found,
    );
}

#[test]
fn http_lives_in_forno_server() {
    let mut found = Vec::new();
    for file in rust_files().iter().filter(|f| !f.is_test) {
        let code = &file.non_test_code;
        for (crate_name, line) in crate_paths_in(code, HTTP_SERVER_CRATES) {
            if file.krate != "forno-server" {
                found.push(format!(
                    "{}:{line}: uses `{crate_name}` (HTTP server types)",
                    file.path
                ));
            }
        }
        for (crate_name, line) in crate_paths_in(code, HTTP_CLIENT_CRATES) {
            if !may_be_http_client(file) {
                found.push(format!(
                    "{}:{line}: uses `{crate_name}` (an HTTP client)",
                    file.path
                ));
            }
        }
    }
    for manifest in manifests() {
        for dep in dependencies(&manifest.toml, DependencyKinds::NonDev) {
            let server = HTTP_SERVER_CRATES.contains(&dep.replace('-', "_").as_str());
            let client = HTTP_CLIENT_CRATES.contains(&dep.replace('-', "_").as_str());
            let no_http = NO_HTTP_CRATES.contains(&manifest.krate.as_str());
            if (server && manifest.krate != "forno-server") || (client && no_http) {
                found.push(format!("{}: depends on {dep}", manifest.path));
            }
        }
    }
    assert_tidy(
        "HTTP where it does not belong",
        "server types and handlers belong in forno-server; forno-domain, forno-store and \
         forno-app know no HTTP; the `forno` binary is an HTTP client only in src/bench/ \
         (ARCHITECTURE.md, Tidy)",
        found,
    );
}

#[test]
fn forno_domain_has_no_clock_randomness_or_io() {
    let mut found = Vec::new();
    let manifest = manifests()
        .into_iter()
        .find(|m| m.krate == "forno-domain")
        .expect("crates/forno-domain/Cargo.toml exists");
    let workspace = workspace_manifest();
    found.extend(domain_dependency_problems(&manifest.toml, &workspace));
    for file in rust_files() {
        if file.krate != "forno-domain" || file.is_test {
            continue;
        }
        for (line, what) in find_words(&file.non_test_code, DOMAIN_FORBIDDEN) {
            found.push(format!("{}:{line}: uses `{what}`", file.path));
        }
    }
    assert_tidy(
        "clock, randomness or IO in forno-domain",
        "take the time, the id or the data as an argument; forno-app reads clocks and files",
        found,
    );
}

#[test]
fn every_crate_states_its_architecture_invariants() {
    let mut found = Vec::new();
    for member in workspace_members() {
        for root in ["src/lib.rs", "src/main.rs"] {
            let path = member.join(root);
            let Ok(text) = fs::read_to_string(repo().join(&path)) else {
                continue;
            };
            if let Some(problem) = crate_doc_problem(&text) {
                found.push(format!("{}: {problem}", path.display()));
            }
        }
    }
    assert_tidy(
        "crate without its note",
        "open the crate root with a `//!` paragraph (its job and limits) and at least one \
         `//! Architecture Invariant:` line naming what is deliberately absent",
        found,
    );
}

// --- the rules as data -----------------------------------------------------------------------------

/// Crates whose types make an HTTP server: only forno-server may use them.
const HTTP_SERVER_CRATES: &[&str] = &["axum", "hyper", "tower", "tower_http", "http", "utoipa"];

/// HTTP and WebSocket clients.
const HTTP_CLIENT_CRATES: &[&str] = &["reqwest", "tokio_tungstenite", "tungstenite"];

/// Crates that know no HTTP at all, neither as server nor as client.
const NO_HTTP_CRATES: &[&str] = &["forno-domain", "forno-store", "forno-app"];

/// Where an HTTP client is at home outside tests: the `forno` binary's load generator, the
/// desktop shell, forno-server, and the adapters that talk to printers' agents and providers.
fn may_be_http_client(file: &RustFile) -> bool {
    match file.krate.as_str() {
        "forno" => file.path.starts_with("src/bench/"),
        krate => !NO_HTTP_CRATES.contains(&krate),
    }
}

/// What forno-domain's sources never name: clocks, randomness, files, sockets, processes.
const DOMAIN_FORBIDDEN: &[&str] = &[
    "SystemTime",
    "Instant::now",
    "Utc::now",
    "Local::now",
    "std::fs",
    "std::net",
    "std::io",
    "std::env",
    "std::process",
    "std::thread",
    "rand::",
    "thread_rng",
    "tokio::",
];

/// Dependencies forno-domain may not have at all (chrono is checked for its features instead).
const DOMAIN_FORBIDDEN_DEPENDENCIES: &[&str] = &[
    "tokio",
    "rand",
    "rand_core",
    "getrandom",
    "fastrand",
    "uuid",
    "rusqlite",
    "reqwest",
    "axum",
    "hyper",
    "tower",
    "tower-http",
    "http",
    "tracing",
];

/// chrono features that read the clock.
const CHRONO_CLOCK_FEATURES: &[&str] = &["clock", "now"];

// --- what the rules say about manifests and crate roots ---------------------------------------

/// What is wrong with forno-domain's dependencies, counting what it inherits from the workspace.
fn domain_dependency_problems(domain: &toml::Table, workspace: &toml::Table) -> Vec<String> {
    let path = "crates/forno-domain/Cargo.toml";
    let mut found = Vec::new();
    for dep in dependencies(domain, DependencyKinds::NonDev) {
        if DOMAIN_FORBIDDEN_DEPENDENCIES.contains(&dep.as_str()) {
            found.push(format!("{path}: depends on {dep}"));
        }
    }
    let Some(chrono) = domain.get("dependencies").and_then(|d| d.get("chrono")) else {
        return found;
    };
    let inherited = chrono.get("workspace").and_then(|w| w.as_bool()) == Some(true);
    let base = if inherited {
        workspace["workspace"]["dependencies"].get("chrono")
    } else {
        Some(chrono)
    };
    // A bare version string means default features, and chrono's defaults include the clock.
    let default_features = |spec: Option<&toml::Value>| {
        spec.and_then(|s| s.as_table())
            .is_none_or(|t| t.get("default-features").and_then(|d| d.as_bool()) != Some(false))
    };
    let features = |spec: Option<&toml::Value>| -> Vec<String> {
        spec.and_then(|s| s.get("features"))
            .and_then(|f| f.as_array())
            .map(|f| {
                f.iter()
                    .filter_map(|x| x.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut all = features(base);
    if inherited {
        all.extend(features(Some(chrono)));
    }
    if default_features(base) {
        found.push(format!(
            "{path}: chrono with its default features (they include `clock`): set \
             default-features = false"
        ));
    }
    for feature in all
        .iter()
        .filter(|f| CHRONO_CLOCK_FEATURES.contains(&f.as_str()))
    {
        found.push(format!(
            "{path}: chrono with its `{feature}` feature (reads the clock)"
        ));
    }
    found
}

/// Why a crate root's text is missing its note, or `None` when it has one.
fn crate_doc_problem(text: &str) -> Option<String> {
    let mut lines = text.lines().skip_while(|l| l.trim().is_empty()).peekable();
    if !lines.peek().is_some_and(|l| l.starts_with("//!")) {
        return Some("does not open with a `//!` note".into());
    }
    let note: Vec<&str> = lines.take_while(|l| l.starts_with("//!")).collect();
    if !note.iter().any(|l| l.contains("Architecture Invariant:")) {
        return Some("its `//!` note names no `Architecture Invariant:`".into());
    }
    None
}
fn assert_tidy(what: &str, fix: &str, found: Vec<String>) {
    if found.is_empty() {
        return;
    }
    let mut message = format!("{what} ({} places):\n", found.len());
    for place in &found {
        let _ = writeln!(message, "  {place}");
    }
    let _ = write!(message, "Fix: {fix}.");
    panic!("{message}");
}

// --- the checks can fail: each sees what it looks for, and only that ---------------------------------

#[cfg(test)]
mod the_checks_themselves {
    use super::*;

    #[test]
    fn see_the_clock_in_chrono_features() {
        let workspace: toml::Table = r#"
            [workspace.dependencies]
            chrono = { version = "0.4", default-features = false, features = ["std"] }
        "#
        .parse()
        .unwrap();
        let clean: toml::Table = "[dependencies]\nchrono.workspace = true\n".parse().unwrap();
        assert!(domain_dependency_problems(&clean, &workspace).is_empty());

        let clock: toml::Table =
            "[dependencies]\nchrono = { workspace = true, features = [\"clock\"] }\nrand = \"0.9\"\n"
                .parse()
                .unwrap();
        let found = domain_dependency_problems(&clock, &workspace);
        assert_eq!(found.len(), 2, "{found:?}");

        let defaults: toml::Table = "[dependencies]\nchrono = \"0.4\"\n".parse().unwrap();
        assert_eq!(domain_dependency_problems(&defaults, &workspace).len(), 1);
    }

    #[test]
    fn want_a_note_with_an_invariant() {
        assert!(crate_doc_problem("use x;\n").is_some());
        assert!(crate_doc_problem("//! A crate.\n\nuse x;\n").is_some());
        assert!(
            crate_doc_problem("\n//! A crate.\n//!\n//! Architecture Invariant: none.\n").is_none()
        );
    }
}
