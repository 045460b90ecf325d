//! The layers hold (README, "Map of the code"): the HTTP layer runs no query and holds no rule, so every
//! handler is short — extract, call the use case in `app`, map the result to a view.

use std::path::{Path, PathBuf};

/// Every Rust file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("a readable source file");
            found.push((path, text));
        }
    }
    found
}

fn routes() -> Vec<(PathBuf, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../crates/api/src/routes");
    let found = sources(&dir);
    assert!(
        found.len() > 50,
        "the scan finds the route files ({} found)",
        found.len()
    );
    found
}

/// A call of a store function, `db::module::function(`, in a line of code.
fn calls_the_store(line: &str) -> bool {
    line.match_indices("db::").any(|(at, _)| {
        let before = line[..at].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return false;
        }
        let path: String = line[at..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let rest = &line[at + path.len()..];
        let last = path.rsplit("::").next().unwrap_or_default();
        rest.starts_with('(') && last.chars().next().is_some_and(|c| c.is_ascii_lowercase())
    })
}

#[test]
fn the_http_layer_runs_no_query() {
    let mut offending = Vec::new();
    for (path, text) in routes() {
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if code.contains("sea_orm") || calls_the_store(code) {
                offending.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        offending.is_empty(),
        "handlers reach the store only through app's use cases:\n{}",
        offending.join("\n")
    );
    assert!(calls_the_store("let x = db::ideas::find_row(&txn, id).await?;"));
    assert!(calls_the_store("db::begin_write(&state.db)"));
    assert!(!calls_the_store("pub fn new(row: db::ideas::IdeaRow) -> Self {"));
    assert!(!calls_the_store("let rows = app::db::Thing;"));
}

/// How long a handler may be, from `pub async fn` to its closing brace.
const HANDLER_LINES: usize = 40;

#[test]
fn every_handler_is_short() {
    let mut handlers = 0;
    let mut long = Vec::new();
    for (path, text) in routes() {
        let lines: Vec<&str> = text.lines().collect();
        for (at, line) in lines.iter().enumerate() {
            let is_route = ["#[get(", "#[post(", "#[put(", "#[patch(", "#[delete("]
                .iter()
                .any(|attribute| line.starts_with(attribute));
            if !is_route {
                continue;
            }
            let Some(start) = (at..lines.len()).find(|&i| lines[i].starts_with("pub async fn")) else {
                continue;
            };
            let Some(end) = (start..lines.len()).find(|&i| lines[i] == "}") else {
                continue;
            };
            handlers += 1;
            if end - start + 1 > HANDLER_LINES {
                long.push(format!("{}:{} ({} lines)", path.display(), start + 1, end - start + 1));
            }
        }
    }
    assert!(handlers > 70, "the scan finds the handlers ({handlers} found)");
    assert!(
        long.is_empty(),
        "handlers over {HANDLER_LINES} lines:\n{}",
        long.join("\n")
    );
}
