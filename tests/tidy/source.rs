//! Source text as the tidy checks read it: a small lexer that blanks comments (and string
//! contents, for counting braces), and the matchers for crate paths, words and SQL.

/// The source with comments blanked (`code`), and with string and char contents blanked as well
/// (`skeleton`, for counting braces). Both keep every newline, so line numbers stay.
pub fn lex(text: &str) -> (String, String) {
    let chars: Vec<char> = text.chars().collect();
    let mut code = String::with_capacity(text.len());
    let mut skeleton = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                code.push(' ');
                skeleton.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    code.push_str("  ");
                    skeleton.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                    continue;
                }
                code.push(blank(chars[i]));
                skeleton.push(blank(chars[i]));
                i += 1;
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && is_raw_string(&chars, i) {
            // r"..." or r#"..."#
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            let open = 1 + hashes + 1;
            for k in 0..open {
                code.push(chars[i + k]);
                skeleton.push(chars[i + k]);
            }
            i += open;
            while i < chars.len() {
                let closes = chars[i] == '"'
                    && chars[i + 1..]
                        .iter()
                        .take(hashes)
                        .filter(|&&h| h == '#')
                        .count()
                        == hashes;
                if closes {
                    for _ in 0..=hashes {
                        code.push(chars[i]);
                        skeleton.push(chars[i]);
                        i += 1;
                    }
                    break;
                }
                code.push(chars[i]);
                skeleton.push(blank(chars[i]));
                i += 1;
            }
        } else if c == '"' {
            code.push('"');
            skeleton.push('"');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                let step = if chars[i] == '\\' { 2 } else { 1 };
                for _ in 0..step.min(chars.len() - i) {
                    code.push(chars[i]);
                    skeleton.push(blank(chars[i]));
                    i += 1;
                }
            }
            if i < chars.len() {
                code.push('"');
                skeleton.push('"');
                i += 1;
            }
        } else if c == '\'' && is_char_literal(&chars, i) {
            code.push('\'');
            skeleton.push('\'');
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                let step = if chars[i] == '\\' { 2 } else { 1 };
                for _ in 0..step.min(chars.len() - i) {
                    code.push(chars[i]);
                    skeleton.push(' ');
                    i += 1;
                }
            }
            code.push('\'');
            skeleton.push('\'');
            i += 1;
        } else {
            code.push(c);
            skeleton.push(c);
            i += 1;
        }
    }
    (code, skeleton)
}

fn is_raw_string(chars: &[char], i: usize) -> bool {
    // `r` must start a token (not the end of `for`, `br` is a byte string: same shape).
    let starts = i == 0
        || !is_ident(chars[i - 1])
        || (chars[i - 1] == 'b' && (i < 2 || !is_ident(chars[i - 2])));
    let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
    starts && chars.get(i + 1 + hashes) == Some(&'"')
}

/// `'a'`, `'\n'`, `'\u{1F355}'` are chars; `'a` in `&'a str` is a lifetime.
fn is_char_literal(chars: &[char], i: usize) -> bool {
    matches!(
        (chars.get(i + 1), chars.get(i + 2)),
        (Some('\\'), _) | (Some(_), Some('\''))
    )
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Names of modules declared as `#[cfg(test)] mod name;` (their files are test code).
pub fn cfg_test_modules(skeleton: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = skeleton;
    while let Some(at) = rest.find("#[cfg(test)]") {
        rest = &rest[at + "#[cfg(test)]".len()..];
        let item = rest.trim_start();
        if let Some(decl) = item.strip_prefix("mod ") {
            let name: String = decl
                .trim_start()
                .chars()
                .take_while(|&c| is_ident(c))
                .collect();
            let after = decl.trim_start()[name.len()..].trim_start();
            if after.starts_with(';') {
                found.push(name);
            }
        }
    }
    found
}

/// `code` with every item under `#[cfg(test)]` blanked: up to its closing brace, or its `;`.
pub fn without_cfg_test_items(code: &str, skeleton: &str) -> String {
    let mut out: Vec<char> = code.chars().collect();
    let sk: Vec<char> = skeleton.chars().collect();
    let marker: Vec<char> = "#[cfg(test)]".chars().collect();
    let mut i = 0;
    while i + marker.len() <= sk.len() {
        if sk[i..i + marker.len()] != marker[..] {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + marker.len();
        let mut depth = 0usize;
        while j < sk.len() {
            match sk[j] {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        j += 1;
                        break;
                    }
                }
                ';' if depth == 0 => {
                    j += 1;
                    break;
                }
                _ => {}
            }
            j += 1;
        }
        for c in &mut out[start..j.min(sk.len())] {
            if *c != '\n' {
                *c = ' ';
            }
        }
        i = j;
    }
    out.into_iter().collect()
}

/// Lines (1-based) where `code` names one of `crates` as a path root (`axum::`, `use axum`).
pub fn crate_paths_in(code: &str, crates: &[&str]) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for (index, line) in code.lines().enumerate() {
        for name in crates {
            let mut from = 0;
            while let Some(at) = line[from..].find(name) {
                let start = from + at;
                let end = start + name.len();
                from = end;
                let before = line[..start].chars().next_back();
                let after = &line[end..];
                // `tauri::http::` or `my_http::` name something else; so does `http_body`.
                let starts_path = before.is_none_or(|c| !is_ident(c) && c != ':');
                let is_path = after.starts_with("::")
                    || (line[..start].trim_end().ends_with("use")
                        && !after.starts_with(|c: char| is_ident(c)))
                    || line[..start].trim_end().ends_with("extern crate");
                if starts_path && is_path {
                    found.push(((*name).to_owned(), index + 1));
                }
            }
        }
    }
    found
}

/// Lines (1-based) where one of `words` appears as written (no identifier right before it).
pub fn find_words(code: &str, words: &[&str]) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (index, line) in code.lines().enumerate() {
        for word in words {
            let hit = line.match_indices(word).any(|(at, _)| {
                let before = line[..at].chars().next_back();
                let after = line[at + word.len()..].chars().next();
                before.is_none_or(|c| !is_ident(c))
                    && (word.ends_with(':') || after.is_none_or(|c| !is_ident(c)))
            });
            if hit {
                found.push((index + 1, (*word).to_owned()));
            }
        }
    }
    found
}

/// Calls of rusqlite's API, by their method names.
const RUSQLITE_CALLS: &[&str] = &[
    ".execute(",
    ".execute_batch(",
    ".query_row(",
    ".query_map(",
    ".prepare_cached(",
];

/// SQL in code: a rusqlite path or call, or a statement (upper-case keywords, as Forno writes SQL).
pub fn sql_in(code: &str) -> Vec<(usize, String)> {
    let mut found: Vec<(usize, String)> = crate_paths_in(code, &["rusqlite"])
        .into_iter()
        .map(|(_, line)| (line, "uses rusqlite".to_owned()))
        .collect();
    for (index, line) in code.lines().enumerate() {
        if let Some(call) = RUSQLITE_CALLS.iter().find(|call| line.contains(*call)) {
            found.push((index + 1, format!("calls `{}`", call.trim_end_matches('('))));
        }
        if let Some(statement) = sql_statement(line) {
            found.push((index + 1, format!("SQL statement `{statement}`")));
        }
    }
    found
}

/// The start of an SQL statement on a line (`SELECT … FROM`, `INSERT INTO`, `UPDATE x SET`,
/// `DELETE FROM`, `CREATE TABLE`/`INDEX`, `PRAGMA`), or `None`.
fn sql_statement(line: &str) -> Option<String> {
    let words: Vec<&str> = line
        .split(|c: char| !is_ident(c))
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        let next = words.get(i + 1).copied();
        let after = words.get(i + 2).copied();
        let hit = match *word {
            "SELECT" => words[i + 1..].contains(&"FROM"),
            "INSERT" => next == Some("INTO"),
            "DELETE" => next == Some("FROM"),
            "UPDATE" => after == Some("SET"),
            "CREATE" => matches!(next, Some("TABLE" | "INDEX" | "VIEW" | "TRIGGER")),
            "PRAGMA" => next.is_some_and(|n| n.chars().all(|c| c.is_lowercase() || c == '_')),
            _ => false,
        };
        if hit {
            return Some(words[i..(i + 3).min(words.len())].join(" "));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::module_dir;

    fn code(text: &str) -> String {
        lex(text).0
    }

    #[test]
    fn see_sql_in_strings_but_not_in_comments() {
        let text = "let q = \"SELECT id FROM orders\"; // DELETE FROM orders\n\
                    /* INSERT INTO x */ conn.execute(\"UPDATE orders SET status = ?1\", p)?;\n\
                    let words = \"Select an item from the menu\";\n";
        let found = sql_in(&code(text));
        let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, vec![1, 2, 2], "{found:?}");
        assert!(found[1].1.contains("execute"), "{found:?}");
        assert!(found[2].1.contains("UPDATE orders SET"), "{found:?}");
    }

    #[test]
    fn see_rusqlite_paths_but_not_the_word() {
        let found = sql_in(&code(
            "use rusqlite::Connection;\nlet s = \"raw rusqlite loop\";\n",
        ));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 1);
    }

    #[test]
    fn see_http_crates_as_paths_only() {
        let text = "use axum::Router;\nfn f(r: tauri::http::Request) {}\nlet url = \"http://x\";\n\
                    let u = reqwest::Client::new();\nuse http;\nlet h = my_http::x;\n";
        let found = crate_paths_in(&code(text), &["axum", "http", "reqwest"]);
        assert_eq!(
            found,
            vec![
                ("axum".into(), 1),
                ("reqwest".into(), 4),
                ("http".into(), 5)
            ]
        );
    }

    #[test]
    fn skip_cfg_test_items_and_know_test_modules() {
        let text = "fn real() { Utc::now(); }\n#[cfg(test)]\nmod tests {\n    fn t() { let s = \"}\"; std::fs::read(\"x\"); }\n}\nfn after() { SystemTime::now(); }\n#[cfg(test)]\nmod more;\n";
        let (code, skeleton) = lex(text);
        let kept = without_cfg_test_items(&code, &skeleton);
        let found = find_words(&kept, crate::DOMAIN_FORBIDDEN);
        assert_eq!(
            found,
            vec![(1, "Utc::now".into()), (6, "SystemTime".into())],
            "{kept}"
        );
        assert_eq!(cfg_test_modules(&skeleton), vec!["more".to_owned()]);
        assert_eq!(
            module_dir("crates/d/src/pricing.rs"),
            "crates/d/src/pricing"
        );
        assert_eq!(module_dir("crates/d/src/lib.rs"), "crates/d/src");
    }

    #[test]
    fn keep_lifetimes_and_chars_apart() {
        let (code, skeleton) =
            lex("fn f<'a>(s: &'a str) -> char { '{' }\nlet q = \"INSERT INTO t\";\n");
        assert!(skeleton.lines().next().unwrap().matches('{').count() == 1);
        assert_eq!(sql_in(&code).len(), 1);
    }
}
