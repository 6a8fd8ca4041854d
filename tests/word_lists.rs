//! The word lists compiled into the extractors (`src/**/data/*.txt`, one entry a
//! line): each must be sorted and free of duplicates, so that a list reads as a
//! dictionary and a change to it is a one-line diff.

use std::path::{Path, PathBuf};

/// Every `.txt` file in a `data` folder under `src/`.
fn word_lists(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            word_lists(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt")
            && path
                .parent()
                .and_then(Path::file_name)
                .is_some_and(|n| n == "data")
        {
            out.push(path);
        }
    }
}

#[test]
fn word_lists_are_sorted_and_duplicate_free() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    word_lists(&src, &mut files);
    files.sort();
    // The person and company lists at least (surnames, given names, titles, stop words).
    assert!(files.len() >= 20, "{files:?}");
    let mut problems = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path
            .strip_prefix(&src)
            .unwrap_or(path)
            .display()
            .to_string();
        if !text.ends_with('\n') {
            problems.push(format!("{name}: no newline at the end"));
        }
        let mut previous: Option<&str> = None;
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            if line.is_empty() || line.trim() != line {
                problems.push(format!(
                    "{name}:{n}: empty line or stray whitespace {line:?}"
                ));
            }
            if let Some(p) = previous {
                if p == line {
                    problems.push(format!("{name}:{n}: duplicate {line:?}"));
                } else if p > line {
                    problems.push(format!("{name}:{n}: {line:?} sorts before {p:?}"));
                }
            }
            previous = Some(line);
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn word_lists_hold_the_name_lists() {
    // The lists the name finders read: if one moves, this test must follow it.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for (list, entry) in [
        ("extract/person/data/ja_surnames.txt", "佐藤"),
        ("extract/person/data/en_given.txt", "James"),
        ("extract/person/data/en_titles.txt", "Vice President"),
        ("extract/company/data/stop.txt", "日本政府"),
    ] {
        let text = std::fs::read_to_string(src.join(list)).unwrap();
        assert!(text.lines().any(|l| l == entry), "{list} lacks {entry}");
    }
}
