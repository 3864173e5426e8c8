//! Reading the workspace for the tidy checks: its members and manifests, and every Rust file
//! with its comments (and, separately, its `#[cfg(test)]` items) blanked.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::source::{cfg_test_modules, lex, without_cfg_test_items};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub struct RustFile {
    /// Relative to the repo, with `/`.
    pub path: String,
    /// The package the file belongs to.
    pub krate: String,
    /// Under tests/, benches/, examples/, or a module declared under `#[cfg(test)]`.
    pub is_test: bool,
    /// The source with comments blanked (line numbers kept).
    pub code: String,
    /// `code` with `#[cfg(test)]` items blanked too.
    pub non_test_code: String,
}

/// Every Rust file of the workspace, read once.
pub fn rust_files() -> Vec<RustFile> {
    let mut paths = Vec::new();
    for top in ["crates", "src", "src-tauri", "tests", "build.rs"] {
        collect_rust_files(&repo().join(top), &mut paths);
    }
    let mut test_modules = BTreeSet::new();
    let mut files: Vec<RustFile> = paths
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).expect("a Rust source is UTF-8");
            let relative = path
                .strip_prefix(repo())
                .expect("under the repo")
                .to_string_lossy()
                .replace('\\', "/");
            let (code, skeleton) = lex(&text);
            for module in cfg_test_modules(&skeleton) {
                test_modules.insert(format!("{}/{module}", module_dir(&relative)));
            }
            let non_test_code = without_cfg_test_items(&code, &skeleton);
            RustFile {
                krate: package_of(&relative),
                is_test: is_test_path(&relative),
                path: relative,
                code,
                non_test_code,
            }
        })
        .collect();
    for file in &mut files {
        let without_ext = file.path.trim_end_matches(".rs").trim_end_matches("/mod");
        if test_modules
            .iter()
            .any(|m| without_ext == m || file.path.starts_with(&format!("{m}/")))
        {
            file.is_test = true;
        }
    }
    files
}

fn collect_rust_files(path: &Path, into: &mut Vec<PathBuf>) {
    if path.is_file() {
        if path.extension().is_some_and(|e| e == "rs") {
            into.push(path.to_owned());
        }
        return;
    }
    let Ok(entries) = fs::read_dir(path) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        // Build output and generated code are nobody's source; the tidy checks' own files are
        // full of the patterns they look for.
        if name == "target" || name == "gen" || name == "node_modules" || name.starts_with('.') {
            continue;
        }
        if entry.path() == repo().join("tests").join("tidy") {
            continue;
        }
        collect_rust_files(&entry.path(), into);
    }
}

/// The package a file belongs to, by where it lives.
fn package_of(relative: &str) -> String {
    if let Some(rest) = relative.strip_prefix("crates/") {
        return rest.split('/').next().unwrap_or_default().to_owned();
    }
    if relative.starts_with("src-tauri/") {
        return "forno-desktop".into();
    }
    "forno".into()
}

fn is_test_path(relative: &str) -> bool {
    let parts: Vec<&str> = relative.split('/').collect();
    // crates/x/tests/..., tests/... (the root package's black-box tests), and the like.
    parts
        .iter()
        .take(parts.len() - 1)
        .any(|p| matches!(*p, "tests" | "benches" | "examples"))
}

/// The directory a file's child modules live in: `a/lib.rs` → `a`, `a/pricing.rs` → `a/pricing`.
pub fn module_dir(relative: &str) -> String {
    let (dir, file) = relative.rsplit_once('/').unwrap_or(("", relative));
    match file {
        "lib.rs" | "main.rs" | "mod.rs" => dir.to_owned(),
        other => format!("{dir}/{}", other.trim_end_matches(".rs")),
    }
}

pub struct Manifest {
    pub path: String,
    pub krate: String,
    pub toml: toml::Table,
}

pub fn workspace_manifest() -> toml::Table {
    read_toml(&repo().join("Cargo.toml"))
}

fn read_toml(path: &Path) -> toml::Table {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.parse()
        .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()))
}

/// The workspace's members: `.`, `crates/*` expanded, `src-tauri`.
pub fn workspace_members() -> Vec<PathBuf> {
    let workspace = workspace_manifest();
    let members = workspace["workspace"]["members"]
        .as_array()
        .expect("[workspace] members");
    let mut found = Vec::new();
    for member in members.iter().filter_map(|m| m.as_str()) {
        if let Some(parent) = member.strip_suffix("/*") {
            let mut dirs: Vec<PathBuf> = fs::read_dir(repo().join(parent))
                .expect("a members glob names a directory")
                .flatten()
                .filter(|e| e.path().join("Cargo.toml").is_file())
                .map(|e| Path::new(parent).join(e.file_name()))
                .collect();
            dirs.sort();
            found.extend(dirs);
        } else if member == "." {
            found.push(PathBuf::new());
        } else {
            found.push(PathBuf::from(member));
        }
    }
    found
}

pub fn manifests() -> Vec<Manifest> {
    workspace_members()
        .into_iter()
        .map(|member| {
            let path = member.join("Cargo.toml");
            let toml = read_toml(&repo().join(&path));
            let krate = toml["package"]["name"]
                .as_str()
                .expect("[package] name")
                .to_owned();
            Manifest {
                path: path.to_string_lossy().replace('\\', "/"),
                krate,
                toml,
            }
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
pub enum DependencyKinds {
    All,
    /// `[dependencies]` and `[build-dependencies]`, also per target: what ships.
    NonDev,
}

/// The names of a manifest's dependencies (its own `[dependencies]` and target-specific ones).
pub fn dependencies(manifest: &toml::Table, kinds: DependencyKinds) -> Vec<String> {
    fn tables_of(table: &toml::Table, kinds: DependencyKinds) -> Vec<&toml::Table> {
        ["dependencies", "build-dependencies", "dev-dependencies"]
            .into_iter()
            .filter(|key| !(*key == "dev-dependencies" && kinds == DependencyKinds::NonDev))
            .filter_map(|key| table.get(key).and_then(|d| d.as_table()))
            .collect()
    }
    let mut tables = tables_of(manifest, kinds);
    if let Some(targets) = manifest.get("target").and_then(|t| t.as_table()) {
        for target in targets.values().filter_map(|t| t.as_table()) {
            tables.extend(tables_of(target, kinds));
        }
    }
    tables
        .iter()
        .flat_map(|deps| deps.iter())
        .map(|(name, spec)| {
            // `foo = { package = "bar" }` depends on bar.
            spec.get("package")
                .and_then(|p| p.as_str())
                .unwrap_or(name)
                .to_owned()
        })
        .collect()
}
