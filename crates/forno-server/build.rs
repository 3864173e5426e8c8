//! Makes sure a build that embeds the pages (`ui.rs`, release builds) embeds the current
//! `ui/dist`, and refuses to build one that would serve nothing but 404s.
//!
//! Debug builds read `ui/dist` from disk at run time (`lib.rs`), so they neither need it nor
//! watch it: rebuilding the UI must not recompile the server during development.
//!
//! Embedding builds watch `ui/dist` (every file in it, new and removed ones too, through Cargo's
//! directory scan) and pass a fingerprint of its contents to the crate (`FORNO_UI_FINGERPRINT`).
//! rustc records that variable as an input, so a changed UI recompiles the crate and
//! rust-embed's derive runs again over the new files: never a binary with yesterday's pages.

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

const HOW_TO_BUILD_THE_UI: &str = "run `make ui` (cd ui && npm ci && npm run build) first";

fn main() {
    // Cargo sets CARGO_CFG_DEBUG_ASSERTIONS for builds with debug assertions: those read the
    // pages from disk (the same condition `lib.rs` uses with cfg!(debug_assertions)).
    let embeds_pages = std::env::var_os("CARGO_CFG_DEBUG_ASSERTIONS").is_none();
    if !embeds_pages {
        println!("cargo::rerun-if-changed=build.rs");
        println!("cargo::rustc-env=FORNO_UI_FINGERPRINT=read from disk");
        return;
    }

    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by Cargo"));
    let repo = manifest_dir.join("../..");
    let ui = repo.canonicalize().unwrap_or(repo).join("ui");
    let dist = ui.join("dist");
    println!("cargo::rerun-if-changed={}", dist.display());

    if !dist.join("index.html").is_file() {
        // A release binary without pages would answer every page with 404: refuse instead.
        println!(
            "cargo::error=the shop's pages are not built ({} is missing), and a release build \
             embeds them. Fix: {HOW_TO_BUILD_THE_UI}, then build again. (The desktop \
             installers build the pages themselves: `npx tauri build` in src-tauri.)",
            dist.join("index.html").display()
        );
        return;
    }

    let mut files = Vec::new();
    collect(&dist, &mut files);
    files.sort();
    let mut hasher = DefaultHasher::new();
    let mut newest_page = SystemTime::UNIX_EPOCH;
    for file in &files {
        let relative = file.strip_prefix(&dist).expect("under ui/dist");
        hasher.write(relative.to_string_lossy().as_bytes());
        let bytes =
            std::fs::read(file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        hasher.write(&bytes);
        newest_page = newest_page.max(modified(file));
    }
    println!(
        "cargo::rustc-env=FORNO_UI_FINGERPRINT={:016x}",
        hasher.finish()
    );

    // The pages may be older than their sources (edited after the last `make ui`). Only a
    // warning: a fresh clone's file times say nothing about which came first.
    let mut sources = Vec::new();
    collect(&ui.join("src"), &mut sources);
    if let Some(newer) = sources.iter().find(|source| modified(source) > newest_page) {
        println!(
            "cargo::warning=ui/dist is older than {} : the binary embeds the pages as last built; {HOW_TO_BUILD_THE_UI} to include the change",
            newer.strip_prefix(&ui).unwrap_or(newer).display()
        );
    }
}

fn collect(dir: &Path, into: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, into);
        } else {
            into.push(path);
        }
    }
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .unwrap_or(SystemTime::UNIX_EPOCH)
}
