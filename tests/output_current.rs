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
    for f in ["facts.csv", "facts.jsonl", "sections.csv", "articles.jsonl"] {
        let fresh = std::fs::read(out.join(f)).unwrap();
        let committed = std::fs::read(root.join("output").join(f)).unwrap_or_default();
        assert!(
            fresh == committed,
            "output/{f} is stale: run `cargo run --release -- extract --quiet`"
        );
    }
}
