//! `output/` holds what the README's main command writes from `input/`. This test
//! runs that job again and fails if the committed output is stale; regenerate with
//! `cargo run --release -- extract --quiet`.

use assert_cmd::Command;
use std::path::Path;

#[test]
fn output_folder_is_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    Command::cargo_bin("newsfacts")
        .unwrap()
        .current_dir(root)
        .args(["extract", "--quiet", "--out"])
        .arg(&out)
        .assert()
        .success();
    for f in [
        "facts.csv",
        "facts.jsonl",
        "sections.csv",
        "articles.jsonl",
        "events.csv",
        "events.jsonl",
    ] {
        let fresh = std::fs::read(out.join(f)).unwrap();
        let committed = std::fs::read(root.join("output").join(f)).unwrap_or_default();
        assert!(
            fresh == committed,
            "output/{f} is stale: run `cargo run --release -- extract --quiet`\n{}",
            diff(&committed, &fresh)
        );
    }
}

/// The lines that differ, committed (`-`) against fresh (`+`), with their line
/// numbers: at most 20 of them, and how many in all.
fn diff(committed: &[u8], fresh: &[u8]) -> String {
    let old: Vec<&str> = std::str::from_utf8(committed)
        .unwrap_or("")
        .lines()
        .collect();
    let new: Vec<&str> = std::str::from_utf8(fresh).unwrap_or("").lines().collect();
    let mut out = Vec::new();
    let mut count = 0;
    for n in 0..old.len().max(new.len()) {
        let (a, b) = (old.get(n), new.get(n));
        if a != b {
            count += 1;
            if out.len() < 40 {
                if let Some(a) = a {
                    out.push(format!("{:>6} - {a}", n + 1));
                }
                if let Some(b) = b {
                    out.push(format!("{:>6} + {b}", n + 1));
                }
            }
        }
    }
    format!("{count} line(s) differ:\n{}", out.join("\n"))
}
