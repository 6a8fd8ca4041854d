//! The command line, end to end: files written, exit codes, bad input, encodings,
//! stdin/stdout, Excel CSV, determinism across thread counts.

use assert_cmd::Command;
use serde_json::Value as Json;
use std::fs;
use std::path::{Path, PathBuf};

const SEED: &str = include_str!("../input/ja/ja-us-china-london-talks.txt");

fn bin() -> Command {
    Command::cargo_bin("newsfacts").expect("binary built")
}

fn summary(out: &Path) -> Json {
    serde_json::from_str(&fs::read_to_string(out.join("summary.json")).expect("summary.json"))
        .expect("valid JSON")
}

/// The rows of a `sections.csv` (BOM and all), each as its cells.
fn section_rows(path: &Path) -> Vec<Vec<String>> {
    let bytes = fs::read(path).unwrap();
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    csv::Reader::from_reader(body)
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// The `sections.csv` row of `doc_id`'s section `n`, from `section` on:
/// `[section, kind, section_kind, field, heading, start, end, chars, facts]`.
fn section_of(path: &Path, doc_id: &str, n: usize) -> Vec<String> {
    section_rows(path)
        .into_iter()
        .find(|r| r[0] == doc_id && r[3] == n.to_string())
        .unwrap_or_else(|| panic!("no section {n} of {doc_id} in {}", path.display()))[3..]
        .to_vec()
}

/// A folder holding the seed article plus whatever the test adds.
fn input_with_seed() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let inp = dir.path().join("in");
    fs::create_dir(&inp).expect("mkdir");
    fs::write(inp.join("seed.txt"), SEED).expect("write");
    let out = dir.path().join("out");
    (dir, inp, out)
}

#[test]
fn cli_writes_every_file_with_spec_columns() {
    let (_d, inp, out) = input_with_seed();
    bin()
        .args(["extract", "--quiet"])
        .arg(&inp)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    for f in [
        "facts.csv",
        "facts.jsonl",
        "sections.csv",
        "articles.jsonl",
        "summary.json",
    ] {
        assert!(out.join(f).exists(), "{f} written");
    }
    assert!(!out.join("articles.json").exists(), "only when asked for");
    let csv = fs::read_to_string(out.join("facts.csv")).unwrap();
    assert_eq!(
        csv.lines().next().unwrap(),
        "id,doc_id,source,lang,article_date,section,section_kind,section_heading,field,kind,text,start,end,display,amount,amount_max,currency,qualifier,per,percent,percent_max,unit,date_iso,granularity,date_start,date_end,year_inferred,relative,fy_end,year_source,name,title,canonical,subject_id,subject,metric,period_id,period,change,rule,sentence"
    );
    let sections = fs::read_to_string(out.join("sections.csv")).unwrap();
    assert_eq!(
        sections.lines().next().unwrap(),
        "doc_id,source,lang,section,kind,section_kind,field,heading,start,end,chars,facts"
    );
    assert_eq!(sections.lines().count(), 13, "seed has 12 sections");
    let articles = fs::read_to_string(out.join("articles.jsonl")).unwrap();
    let articles: Vec<Json> = articles
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["doc_id"], "seed");
    assert_eq!(articles[0]["sections"].as_array().unwrap().len(), 12);
    let s = summary(&out);
    assert_eq!(s["articles_read"], 1);
    assert_eq!(s["encodings"]["UTF-8"], 1);
}

#[test]
fn cli_only_requested_formats() {
    let (_d, inp, out) = input_with_seed();
    bin()
        .args(["extract", "-q", "--format", "jsonl"])
        .arg(&inp)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    assert!(out.join("facts.jsonl").exists());
    assert!(out.join("articles.jsonl").exists());
    assert!(!out.join("facts.csv").exists());
    assert!(!out.join("articles.json").exists());
    assert!(out.join("summary.json").exists());
    let out = out.with_file_name("json");
    bin()
        .args(["extract", "-q", "--format", "json"])
        .arg(&inp)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let articles: Json =
        serde_json::from_str(&fs::read_to_string(out.join("articles.json")).unwrap()).unwrap();
    assert_eq!(articles.as_array().unwrap().len(), 1);
    assert_eq!(articles[0]["sections"].as_array().unwrap().len(), 12);
    assert!(!out.join("facts.jsonl").exists());
}

#[test]
fn cli_usage_errors_exit_2() {
    bin().args(["extract", "--format", "xml"]).assert().code(2);
    bin()
        .args(["extract", "--ref-date", "June 9"])
        .assert()
        .code(2);
    bin().args(["extract", "--no-such-flag"]).assert().code(2);
    bin().assert().code(2);
}

#[test]
fn cli_help_shows_examples() {
    let out = bin()
        .args(["extract", "--help"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let help = String::from_utf8(out).unwrap();
    assert!(help.contains("Examples:"));
    assert!(help.contains("--ref-date"));
    assert!(help.contains("--gazetteer"));
}

/// Run on `inp`, expect exit 1, a `path:line: reason` message on stderr naming
/// `needle`, the seed still processed, and the skip listed in summary.json.
fn assert_skipped(inp: &Path, out: &Path, needle: &str, reason: &str, line: Option<u64>) {
    let a = bin()
        .args(["extract", "-q"])
        .arg(inp)
        .arg("--out")
        .arg(out)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&a.get_output().stderr).to_string();
    let expect = match line {
        Some(l) => format!("{needle}:{l}: {reason}"),
        None => format!("{needle}: {reason}"),
    };
    assert!(
        stderr.contains(&expect),
        "stderr {stderr:?} should contain {expect:?}"
    );
    let s = summary(out);
    assert_eq!(s["articles_read"], 1, "the good article is still processed");
    assert_eq!(s["articles_skipped"], 1);
    let skipped = &s["skipped"][0];
    assert!(skipped["path"]
        .as_str()
        .unwrap()
        .ends_with(needle.rsplit('/').next().unwrap()));
    assert!(skipped["reason"].as_str().unwrap().starts_with(reason));
    assert_eq!(skipped["line"].as_u64(), line);
    assert_eq!(section_of(&out.join("sections.csv"), "seed", 0)[1], "title");
}

#[test]
fn bad_input_empty_file() {
    let (_d, inp, out) = input_with_seed();
    fs::write(inp.join("empty.txt"), "").unwrap();
    assert_skipped(
        &inp,
        &out,
        &inp.join("empty.txt").display().to_string(),
        "empty file",
        None,
    );
}

#[test]
fn bad_input_binary_file() {
    let (_d, inp, out) = input_with_seed();
    fs::write(inp.join("blob.txt"), b"PK\x03\x04\nsome\x00binary").unwrap();
    assert_skipped(
        &inp,
        &out,
        &inp.join("blob.txt").display().to_string(),
        "binary file",
        Some(2),
    );
}

#[test]
fn bad_input_undecodable_bytes() {
    let (_d, inp, out) = input_with_seed();
    fs::write(
        inp.join("bad.txt"),
        b"first line\nsecond \xFF\xFE\xFF\xFF line\n",
    )
    .unwrap();
    assert_skipped(
        &inp,
        &out,
        &inp.join("bad.txt").display().to_string(),
        "undecodable bytes",
        Some(2),
    );
}

#[test]
fn bad_input_jsonl_line_not_json() {
    let (_d, inp, out) = input_with_seed();
    fs::remove_file(inp.join("seed.txt")).unwrap();
    let good = serde_json::json!({"id": "seed", "text": SEED}).to_string();
    fs::write(inp.join("dump.jsonl"), format!("{good}\n{{not json\n")).unwrap();
    assert_skipped(
        &inp,
        &out,
        &inp.join("dump.jsonl").display().to_string(),
        "not a JSON article",
        Some(2),
    );
}

#[test]
fn bad_input_jsonl_line_without_text() {
    let (_d, inp, out) = input_with_seed();
    fs::write(
        inp.join("dump.jsonl"),
        "{\"id\": \"x\", \"title\": \"no body\"}\n",
    )
    .unwrap();
    assert_skipped(
        &inp,
        &out,
        &inp.join("dump.jsonl").display().to_string(),
        "no \"text\" field",
        Some(1),
    );
}

#[test]
fn bad_input_unreadable_path() {
    let (_d, inp, out) = input_with_seed();
    let missing = inp.join("missing.txt");
    let a = bin()
        .args(["extract", "-q"])
        .arg(&inp)
        .arg(&missing)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&a.get_output().stderr).to_string();
    assert!(
        stderr.contains(&format!("{}: no such file or directory", missing.display())),
        "{stderr}"
    );
    let s = summary(&out);
    assert_eq!(s["articles_read"], 1);
    assert_eq!(s["skipped"][0]["reason"], "no such file or directory");
}

#[test]
fn bad_input_50mb_single_line_article_is_processed_and_reported() {
    let (_d, inp, out) = input_with_seed();
    let unit = "The company said revenue rose 12% to $2.4 billion in June while costs fell. ";
    let mut big = String::with_capacity(50 << 20);
    while big.len() < 50 << 20 {
        big.push_str(unit);
    }
    big.push_str("LAST");
    fs::write(inp.join("huge.txt"), &big).unwrap();
    let a = bin()
        .args(["extract", "-q", "--format", "csv"])
        .arg(&inp)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&a.get_output().stderr).to_string();
    let expect = format!("{}:1: very long line", inp.join("huge.txt").display());
    assert!(stderr.contains(&expect), "{stderr}");
    let s = summary(&out);
    assert_eq!(
        s["articles_read"], 2,
        "the long article is processed, not skipped"
    );
    assert_eq!(s["warnings_count"], 1);
    assert_eq!(s["warnings"][0]["line"], 1);
    let chars = big.chars().count().to_string();
    assert_eq!(
        section_of(&out.join("sections.csv"), "huge", 0)[..8],
        ["0", "body", "body", "text", "", "0", &chars, &chars]
    );
}

#[test]
fn encodings_are_detected_and_reported() {
    let (_d, inp, out) = input_with_seed();
    let text = "クアルコムの発表\n\nクアルコムは英アルファウェーブを買収することで合意した。\n";
    let (sj, _, _) = encoding_rs::SHIFT_JIS.encode(text);
    fs::write(inp.join("sjis.txt"), &sj).unwrap();
    let (eu, _, _) = encoding_rs::EUC_JP.encode(text);
    fs::write(inp.join("euc.txt"), &eu).unwrap();
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    fs::write(inp.join("utf16.txt"), &le).unwrap();
    fs::write(
        inp.join("bom.txt"),
        [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    )
    .unwrap();
    bin()
        .args(["extract", "-q"])
        .arg(&inp)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let s = summary(&out);
    assert_eq!(s["encodings"]["Shift_JIS"], 1);
    assert_eq!(s["encodings"]["EUC-JP"], 1);
    assert_eq!(s["encodings"]["UTF-16LE"], 1);
    assert_eq!(s["encodings"]["UTF-8 (BOM)"], 1);
    for id in ["sjis", "euc", "utf16", "bom"] {
        assert_eq!(
            section_of(&out.join("sections.csv"), id, 0)[..8],
            [
                "0",
                "title",
                "title",
                "text",
                "クアルコムの発表",
                "0",
                "8",
                "8"
            ]
        );
    }
}

#[test]
fn doc_ids_are_relative_paths_without_extension() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir_all(inp.join("ja")).unwrap();
    fs::write(inp.join("ja/seed.txt"), SEED).unwrap();
    fs::write(inp.join("notes.md"), "# Title\n\nBody text.\n").unwrap();
    fs::write(inp.join("image.png"), [0u8, 1, 2]).unwrap();
    let out = dir.path().join("out");
    bin()
        .args(["extract", "-q"])
        .arg(&inp)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let sections = out.join("sections.csv");
    assert_eq!(section_of(&sections, "ja/seed", 0)[1], "title");
    assert_eq!(
        section_of(&sections, "notes", 0)[..5],
        ["0", "title", "title", "text", "Title"]
    );
    let s = summary(&out);
    assert!(s["ignored_files"][0]
        .as_str()
        .unwrap()
        .ends_with("image.png"));
    // A file given directly: its stem.
    let out2 = dir.path().join("out2");
    bin()
        .args(["extract", "-q"])
        .arg(inp.join("ja/seed.txt"))
        .arg("--out")
        .arg(&out2)
        .assert()
        .success();
    assert_eq!(
        section_of(&out2.join("sections.csv"), "seed", 0)[1],
        "title"
    );
}

#[test]
fn stdin_jsonl_to_stdout_as_tagged_records() {
    let line = serde_json::json!({"id": "s1", "text": SEED, "date": "2025-06-09", "lang": "ja"})
        .to_string();
    let a = bin()
        .args(["extract", "-", "--stdout", "-q"])
        .write_stdin(format!("{line}\n{{not json\n{{\"id\": \"t\"}}\n"))
        .assert()
        .code(1);
    let stdout = String::from_utf8(a.get_output().stdout.clone()).unwrap();
    let records: Vec<Json> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON record"))
        .collect();
    let of = |tag: &str| -> Vec<&Json> { records.iter().filter(|r| r["record"] == tag).collect() };
    let (articles, sections, facts, problems, events) = (
        of("article"),
        of("section"),
        of("fact"),
        of("problem"),
        of("event"),
    );
    // The stream closes with the run's summary, once, tagged like the rest.
    let summary = records.last().expect("a closing summary record");
    assert_eq!(summary["record"], "summary");
    assert_eq!(of("summary").len(), 1);
    assert_eq!(
        articles.len() + sections.len() + facts.len() + problems.len() + events.len() + 1,
        records.len()
    );
    assert_eq!(summary["complete"], true);
    assert_eq!(summary["articles_read"], 1);
    assert_eq!(summary["articles_skipped"], 2);
    assert_eq!(summary["facts"], facts.len());
    assert_eq!(summary["sections"], sections.len());
    assert_eq!(summary["events"], events.len());
    // The seed's two deals, after its facts.
    let kinds: Vec<(&Json, &Json)> = events
        .iter()
        .map(|e| (&e["type"], &e["acquirer"]))
        .collect();
    assert_eq!(
        kinds,
        [
            (&Json::from("acquisition"), &Json::from("Qualcomm")),
            (&Json::from("investment"), &Json::from("Meta Platforms"))
        ]
    );
    let skipped: Vec<(&Json, &Json)> = summary["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (&p["path"], &p["line"]))
        .collect();
    assert_eq!(
        skipped,
        [
            (&Json::from("-"), &Json::from(2)),
            (&Json::from("-"), &Json::from(3))
        ]
    );
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["doc_id"], "s1");
    assert_eq!(articles[0]["facts"], facts.len());
    assert_eq!(articles[0]["sections"], sections.len());
    assert!(facts.len() > 10);
    for (n, f) in facts.iter().enumerate() {
        assert_eq!(f["doc_id"], "s1");
        assert_eq!(f["id"], format!("s1#{n}"));
        assert_eq!(f["source"], "-:1");
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        let text: String = SEED.chars().skip(s).take(e - s).collect();
        assert_eq!(f["text"], text.as_str());
    }
    // The two bad lines are problems with their line numbers, not lost.
    let lines: Vec<&Json> = problems.iter().map(|p| &p["line"]).collect();
    assert_eq!(lines, [&Json::from(2), &Json::from(3)]);
    assert!(problems.iter().all(|p| p["level"] == "skipped"));
}

#[test]
fn jsonl_ids_default_to_stem_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("dump.jsonl");
    fs::write(
        &dump,
        "{\"text\": \"First story\\n\\nBody.\"}\n\n{\"id\": 7, \"text\": \"Second\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    bin()
        .args(["extract", "-q"])
        .arg(&dump)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let sections = out.join("sections.csv");
    assert_eq!(
        section_of(&sections, "dump:1", 0)[..5],
        ["0", "title", "title", "text", "First story"]
    );
    assert_eq!(section_of(&sections, "7", 0)[1], "body");
}

#[test]
fn excel_csv_has_bom_crlf_and_formula_guard() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("=cmd.txt");
    fs::write(&f, "=HYPERLINK(\"x\")\n\n@SUM(A1) rose today.\n").unwrap();
    let out = dir.path().join("out");
    bin()
        .args(["extract", "-q", "--excel"])
        .arg(&f)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let bytes = fs::read(out.join("sections.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFdoc_id,"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.contains("\r\n"));
    assert!(text.contains("\r\n'=cmd,"), "{text}");
    assert!(
        text.contains(",title,title,text,\"'=HYPERLINK(\"\"x\"\")\","),
        "{text}"
    );
    let plain = dir.path().join("plain");
    bin()
        .args(["extract", "-q"])
        .arg(&f)
        .arg("--out")
        .arg(&plain)
        .assert()
        .success();
    let text = fs::read_to_string(plain.join("sections.csv")).unwrap();
    assert!(!text.contains('\r'));
    assert!(text.contains("\n=cmd,"), "{text}");
    assert!(
        text.contains(",title,title,text,\"=HYPERLINK(\"\"x\"\")\","),
        "{text}"
    );
}

#[test]
fn same_bytes_whatever_the_thread_count() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    let dir = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for threads in ["1", "4"] {
        let out = dir.path().join(format!("t{threads}"));
        bin()
            .env("RAYON_NUM_THREADS", threads)
            .args(["extract", "-q"])
            .arg(&root)
            .arg("--out")
            .arg(&out)
            .assert()
            .success();
        outputs.push(out);
    }
    for f in ["facts.csv", "facts.jsonl", "sections.csv", "articles.jsonl"] {
        let a = fs::read(outputs[0].join(f)).unwrap();
        let b = fs::read(outputs[1].join(f)).unwrap();
        assert!(a == b, "{f} differs between 1 and 4 threads");
    }
}

#[test]
fn user_gazetteer_adds_companies_and_reports_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("a.txt");
    fs::write(
        &art,
        "北斗製鋼の決算\n\n北斗製鋼は8日、通期予想を上方修正した。\n",
    )
    .unwrap();
    let gaz = dir.path().join("mine.tsv");
    fs::write(
        &gaz,
        "company\tHokuto Steel\t北斗製鋼\nthis line is malformed\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let a = bin()
        .args(["extract", "-q", "--format", "jsonl"])
        .arg(&art)
        .arg("--gazetteer")
        .arg(&gaz)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&a.get_output().stderr).to_string();
    assert!(
        stderr.contains(&format!("{}:2: ", gaz.display())),
        "{stderr}"
    );
    let facts = fs::read_to_string(out.join("facts.jsonl")).unwrap();
    let hokuto: Vec<Json> = facts
        .lines()
        .map(|l| serde_json::from_str::<Json>(l).unwrap())
        .filter(|f| f["kind"] == "company" && f["text"] == "北斗製鋼")
        .collect();
    assert_eq!(hokuto.len(), 2, "{facts}");
    assert!(hokuto
        .iter()
        .all(|f| f["value"]["canonical"] == "Hokuto Steel"));
    assert_eq!(summary(&out)["warnings_count"], 1);
    // A gazetteer that does not exist is a usage error.
    bin()
        .args(["extract", "-q"])
        .arg(&art)
        .arg("--gazetteer")
        .arg(dir.path().join("nope.tsv"))
        .assert()
        .code(2);
}

// ---------------------------------------------------------------------------
// Trustworthy runs: inputs never destroyed, outputs never half-written or
// stale, hostile files harmless, exit codes and messages exact.

/// A run of `bin()` with `args`, on `inputs`, into `out`.
fn run_into(inputs: &[&Path], out: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    let mut c = bin();
    c.arg("extract").args(args);
    for i in inputs {
        c.arg(i);
    }
    c.arg("--out")
        .arg(out)
        .timeout(std::time::Duration::from_secs(120));
    c.assert()
}

fn stderr_of(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).to_string()
}

/// Every file of a folder with its bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn an_input_that_is_an_output_file_is_a_usage_error_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    fs::create_dir(&d).unwrap();
    let line = serde_json::json!({"id": "x", "text": SEED}).to_string() + "\n";
    fs::write(d.join("facts.jsonl"), &line).unwrap();
    let a = run_into(&[&d.join("facts.jsonl")], &d, &["-q"]).code(2);
    assert!(stderr_of(&a).contains("output file"), "{}", stderr_of(&a));
    assert_eq!(fs::read_to_string(d.join("facts.jsonl")).unwrap(), line);
    assert_eq!(fs::read_dir(&d).unwrap().count(), 1, "nothing else written");
    // The same file reached through another spelling of the path.
    let other = d.join(".").join("facts.jsonl");
    run_into(&[&other], &d, &["-q"]).code(2);
    assert_eq!(fs::read_to_string(d.join("facts.jsonl")).unwrap(), line);
}

#[test]
fn an_output_folder_inside_an_input_folder_is_left_out_of_the_walk() {
    let (_d, inp, _) = input_with_seed();
    let out = inp.join("out");
    for round in 0..3 {
        let a = run_into(&[&inp], &out, &[]).success();
        let s = summary(&out);
        assert_eq!(
            s["articles_read"], 1,
            "round {round}: only the seed is read"
        );
        assert!(
            stderr_of(&a).contains("output folder"),
            "said so: {}",
            stderr_of(&a)
        );
    }
    // Reading the output folder itself never reads its own outputs.
    fs::write(out.join("more.txt"), SEED).unwrap();
    run_into(&[&out], &out, &["-q"]).success();
    assert_eq!(summary(&out)["articles_read"], 1);
}

#[test]
fn outputs_are_complete_and_a_failed_run_keeps_the_previous_ones() {
    let (_d, inp, out) = input_with_seed();
    run_into(&[&inp], &out, &["-q"]).success();
    let s = summary(&out);
    assert_eq!(s["complete"], true);
    let before = snapshot(&out);
    assert!(
        before.iter().all(|(n, _)| !n.starts_with('.')),
        "no temporaries left"
    );
    // A mistyped input: nothing could be read, nothing is replaced.
    let a = run_into(&[&inp.join("no-such-file.txt")], &out, &["-q"]).code(1);
    assert!(
        stderr_of(&a).contains("left as it was"),
        "{}",
        stderr_of(&a)
    );
    assert_eq!(snapshot(&out), before);
    // An empty folder likewise.
    let empty = inp.parent().unwrap().join("empty");
    fs::create_dir(&empty).unwrap();
    run_into(&[&empty], &out, &["-q"]).code(1);
    assert_eq!(snapshot(&out), before);
}

#[test]
fn outputs_of_an_earlier_run_that_this_run_does_not_write_are_removed() {
    let (_d, inp, out) = input_with_seed();
    run_into(&[&inp], &out, &["-q"]).success();
    assert!(out.join("facts.jsonl").exists());
    run_into(&[&inp], &out, &["-q", "--format", "csv"]).success();
    let names: Vec<String> = snapshot(&out).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        ["events.csv", "facts.csv", "sections.csv", "summary.json"]
    );
    assert_eq!(
        summary(&out)["files"],
        serde_json::json!(["facts.csv", "sections.csv", "events.csv", "summary.json"])
    );
}

#[cfg(unix)]
fn interrupt_while_reading_stdin(signal: &str, code: i32) {
    use std::process::Stdio;
    let (_d, inp, out) = input_with_seed();
    run_into(&[&inp], &out, &["-q"]).success();
    let before = snapshot(&out);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsfacts"))
        .args(["extract", "-q", "-", "--out"])
        .arg(&out)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    use std::io::Write;
    let line = serde_json::json!({"id": "x", "text": SEED}).to_string();
    writeln!(stdin, "{line}").unwrap();
    stdin.flush().unwrap();
    // Wait until the run has its temporaries, then interrupt it while it
    // waits for more input.
    let t0 = std::time::Instant::now();
    while !fs::read_dir(&out)
        .unwrap()
        .any(|e| e.unwrap().file_name().to_string_lossy().starts_with('.'))
    {
        assert!(t0.elapsed().as_secs() < 60, "temporaries never appeared");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let status = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let t1 = std::time::Instant::now();
    let output = child.wait_with_output().unwrap();
    drop(stdin);
    assert!(t1.elapsed().as_secs() < 30, "the run stops promptly");
    assert_eq!(output.status.code(), Some(code));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("interrupted"), "{stderr}");
    assert_eq!(
        snapshot(&out),
        before,
        "previous outputs kept, temporaries gone"
    );
}

#[cfg(unix)]
#[test]
fn sigint_and_sigterm_keep_the_previous_outputs() {
    interrupt_while_reading_stdin("-INT", 130);
    interrupt_while_reading_stdin("-TERM", 143);
}

#[cfg(unix)]
#[test]
fn a_second_run_into_a_locked_output_folder_stops_with_exit_2() {
    let (_d, inp, out) = input_with_seed();
    run_into(&[&inp], &out, &["-q"]).success();
    let before = snapshot(&out);
    let lock = fs::File::open(&out).unwrap();
    lock.try_lock().unwrap();
    let a = run_into(&[&inp], &out, &["-q"]).code(2);
    assert!(
        stderr_of(&a).contains("another newsfacts run"),
        "{}",
        stderr_of(&a)
    );
    assert_eq!(snapshot(&out), before);
    drop(lock);
    run_into(&[&inp], &out, &["-q"]).success();
}

#[cfg(unix)]
#[test]
fn hostile_files_neither_hang_nor_exhaust_memory() {
    use std::os::unix::fs::symlink;
    let (_d, inp, out) = input_with_seed();
    assert!(std::process::Command::new("mkfifo")
        .arg(inp.join("pipe.txt"))
        .status()
        .unwrap()
        .success());
    symlink("/dev/zero", inp.join("zero.txt")).unwrap();
    symlink(".", inp.join("x")).unwrap();
    symlink(".", inp.join("y")).unwrap();
    fs::create_dir(inp.join("sub")).unwrap();
    fs::write(inp.join("sub/other.txt"), "Sony rose 5% on Monday.\n").unwrap();
    symlink("../sub", inp.join("sub/again")).unwrap();
    symlink("nowhere", inp.join("dangling.bin")).unwrap();
    let a = run_into(&[&inp], &out, &["-q"]).code(1);
    let err = stderr_of(&a);
    let s = summary(&out);
    assert_eq!(s["articles_read"], 2, "each file read once: {err}");
    let reasons: Vec<String> = s["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("{} {}", p["path"], p["reason"]))
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("pipe.txt") && r.contains("FIFO")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("zero.txt") && r.contains("device")),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(|r| r.contains("dangling.bin")),
        "unstat-able path reported: {reasons:?}"
    );
    // The FIFO and /dev/zero given directly.
    run_into(
        &[&inp.join("pipe.txt"), Path::new("/dev/zero")],
        &inp.join("o2"),
        &["-q"],
    )
    .code(1);
}

#[test]
fn articles_over_the_size_limit_are_skipped_and_reported() {
    let (_d, inp, out) = input_with_seed();
    fs::write(inp.join("big.txt"), "x".repeat(3 << 20)).unwrap();
    let big_line = serde_json::json!({"text": "y".repeat(3 << 20)}).to_string();
    let good = serde_json::json!({"id": "after", "text": "Sony rose 5%."}).to_string();
    fs::write(inp.join("dump.jsonl"), format!("{big_line}\n{good}\n")).unwrap();
    let a = run_into(&[&inp], &out, &["-q", "--max-article-mb", "2"]).code(1);
    let s = summary(&out);
    assert_eq!(s["articles_read"], 2, "{}", stderr_of(&a));
    assert_eq!(s["articles_skipped"], 2);
    for p in s["skipped"].as_array().unwrap() {
        assert!(
            p["reason"].as_str().unwrap().contains("--max-article-mb"),
            "{p}"
        );
    }
    assert!(s["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["line"] == 1));
}

#[test]
fn a_long_line_without_sentence_punctuation_gives_linear_output() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("table.txt");
    fs::write(&f, "$1 ".repeat(3000)).unwrap();
    let out = dir.path().join("out");
    run_into(&[&f], &out, &["-q", "--format", "jsonl"]).success();
    let facts = fs::read_to_string(out.join("facts.jsonl")).unwrap();
    assert!(facts.lines().count() >= 3000);
    for l in facts.lines() {
        let v: Json = serde_json::from_str(l).unwrap();
        let sentence = v["sentence"].as_str().unwrap();
        assert!(sentence.chars().count() <= 400, "{}", sentence.len());
    }
    assert!(facts.len() < 3000 * 1000, "{} bytes", facts.len());
}

#[test]
fn duplicate_ids_are_reported() {
    let (_d, inp, out) = input_with_seed();
    fs::write(inp.join("seed.md"), "Sony rose 5%.\n").unwrap();
    fs::create_dir_all(inp.join("a")).unwrap();
    fs::create_dir_all(inp.join("b")).unwrap();
    let line = serde_json::json!({"id": "n1", "text": "Sony rose 5%."}).to_string() + "\n";
    fs::write(inp.join("a/part-000.jsonl"), &line).unwrap();
    fs::write(inp.join("b/part-000.jsonl"), &line).unwrap();
    let a = run_into(&[&inp, &inp.join("seed.txt")], &out, &["-q"]).success();
    let s = summary(&out);
    assert_eq!(s["articles_read"], 5);
    assert_eq!(s["duplicate_ids_count"], 3, "{s}");
    let err = stderr_of(&a);
    assert_eq!(err.matches("duplicate doc_id").count(), 3, "{err}");
    assert!(err.contains("\"n1\"") && err.contains("\"seed\""), "{err}");
}

#[test]
fn gazetteer_errors_are_usage_errors_with_the_right_message() {
    let (_d, inp, out) = input_with_seed();
    let dir = inp.parent().unwrap();
    let latin1 = dir.join("latin1.tsv");
    fs::write(&latin1, b"company\tCaf\xE9 Corp\tCaf\xE9\n").unwrap();
    let a = run_into(
        &[&inp],
        &out,
        &["-q", "--gazetteer", latin1.to_str().unwrap()],
    )
    .code(2);
    assert!(stderr_of(&a).contains("not UTF-8"), "{}", stderr_of(&a));
    let a = run_into(&[&inp], &out, &["-q", "--gazetteer", dir.to_str().unwrap()]).code(2);
    assert!(stderr_of(&a).contains("is a folder"), "{}", stderr_of(&a));
    #[cfg(unix)]
    {
        let fifo = dir.join("fifo.tsv");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        let a = run_into(
            &[&inp],
            &out,
            &["-q", "--gazetteer", fifo.to_str().unwrap()],
        )
        .code(2);
        assert!(stderr_of(&a).contains("FIFO"), "{}", stderr_of(&a));
    }
    assert!(!out.exists(), "nothing written");
}

#[test]
fn a_write_error_has_its_own_exit_code_and_names_the_file() {
    let (_d, inp, _) = input_with_seed();
    let file = inp.parent().unwrap().join("plainfile");
    fs::write(&file, "x").unwrap();
    let out = file.join("out");
    let a = run_into(&[&inp], &out, &["-q"]).code(3);
    assert!(stderr_of(&a).contains("plainfile"), "{}", stderr_of(&a));
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_a_write_error_naming_the_file() {
    // /dev/full fails every write with ENOSPC: standard output sent there
    // stands for a disk that fills up.
    let (_d, inp, _) = input_with_seed();
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsfacts"))
        .args(["extract", "-q", "--stdout"])
        .arg(&inp)
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("standard output"), "{err}");
}

#[cfg(unix)]
#[test]
fn stdout_into_a_closed_pipe_ends_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsfacts"))
        .args(["extract", "-q", "--stdout"])
        .arg(&root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with('{'));
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[cfg(unix)]
#[test]
fn control_characters_in_paths_are_escaped_on_stderr() {
    let (_d, inp, out) = input_with_seed();
    fs::write(inp.join("evil\u{1b}]0;pwned\u{7}.txt"), "").unwrap();
    let a = run_into(&[&inp], &out, &["-q"]).code(1);
    let err = stderr_of(&a);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("evil\\u{1b}]0;pwned\\u{7}.txt"), "{err:?}");
}

#[test]
fn many_gazetteer_files_cost_about_what_one_file_costs() {
    let (_d, inp, _) = input_with_seed();
    let dir = inp.parent().unwrap().to_path_buf();
    let line = |f: usize, i: usize| {
        format!("company\tFirm{f}x{i} Holdings\tFirm{f}x{i}|ファーム{f}x{i}\n")
    };
    let (files, per_file) = (10, 3000);
    let mut all = String::new();
    let mut args: Vec<String> = vec!["-q".into()];
    for f in 0..files {
        let text: String = (0..per_file).map(|i| line(f, i)).collect();
        all.push_str(&text);
        let p = dir.join(format!("g{f}.tsv"));
        fs::write(&p, text).unwrap();
        args.push("--gazetteer".into());
        args.push(p.to_str().unwrap().into());
    }
    let one = dir.join("all.tsv");
    fs::write(&one, all).unwrap();
    let time = |args: &[String], out: &str| {
        let t = std::time::Instant::now();
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        run_into(&[&inp], &dir.join(out), &a).success();
        t.elapsed().as_secs_f64()
    };
    let t_one = time(
        &[
            "-q".into(),
            "--gazetteer".into(),
            one.to_str().unwrap().into(),
        ],
        "o1",
    );
    let t_many = time(&args, "o10");
    assert!(
        t_many < 2.0 * t_one + 1.0,
        "10 files {t_many:.2}s, one file {t_one:.2}s"
    );
    // A later file's entry replaces an earlier file's entry of the same name.
    let a = dir.join("a.tsv");
    let b = dir.join("b.tsv");
    fs::write(&a, "company\tAcme\tアクメ|エーシーエム\n").unwrap();
    fs::write(&b, "company\tAcme\tアクメ\n").unwrap();
    let art = dir.join("acme.txt");
    fs::write(&art, "エーシーエムとアクメが発表した。\n").unwrap();
    let out = dir.join("o3");
    let mut c = bin();
    c.args(["extract", "-q", "--format", "jsonl", "--gazetteer"])
        .arg(&a)
        .arg("--gazetteer")
        .arg(&b)
        .arg(&art)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let facts = fs::read_to_string(out.join("facts.jsonl")).unwrap();
    assert!(facts.contains("\"アクメ\""), "{facts}");
    assert!(!facts.contains("\"エーシーエム\""), "{facts}");
}

#[test]
fn dumps_with_other_field_names_and_date_forms_are_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("in")).unwrap();
    let dump = dir.path().join("in/dump.ndjson");
    let lines = [
        serde_json::json!({"uid": "r1", "body": "Sony rose 5% last year.", "published_at": "2025-06-09T10:00:00+09:00", "headline": "Sony"}),
        serde_json::json!({"uid": "r2", "body": "Sony rose 5% last year.", "published_at": 1749427200}),
        serde_json::json!({"uid": "r3", "body": "Sony rose 5% last year.", "published_at": "2025/06/09"}),
        serde_json::json!({"uid": "r4", "body": "Sony rose 5% last year.", "published_at": "next Tuesday"}),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    fs::write(&dump, text).unwrap();
    let out = dir.path().join("out");
    let a = run_into(
        &[&dir.path().join("in")],
        &out,
        &[
            "-q",
            "--text-field",
            "body",
            "--id-field",
            "uid",
            "--date-field",
            "published_at",
            "--title-field",
            "headline",
            "--format",
            "jsonl",
        ],
    )
    .success();
    let s = summary(&out);
    assert_eq!(s["articles_read"], 4, "an .ndjson file in a folder is read");
    assert_eq!(s["warnings_count"], 1);
    assert_eq!(s["warnings"][0]["line"], 4);
    assert!(
        stderr_of(&a).contains("\"published_at\""),
        "{}",
        stderr_of(&a)
    );
    let facts = fs::read_to_string(out.join("facts.jsonl")).unwrap();
    let years: Vec<(String, String)> = facts
        .lines()
        .map(|l| serde_json::from_str::<Json>(l).unwrap())
        .filter(|f| f["kind"] == "date")
        .map(|f| {
            (
                f["doc_id"].as_str().unwrap().to_string(),
                f["value"]["iso"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        years,
        [
            ("r1".to_string(), "2024".to_string()),
            ("r2".into(), "2024".into()),
            ("r3".into(), "2024".into()),
            ("r4".into(), "".into()),
        ],
        "the dates resolve 'last year'; the unreadable one leaves it unresolved"
    );
}

#[test]
fn kinds_out_and_jobs_flags() {
    let (_d, inp, out) = input_with_seed();
    bin()
        .args(["extract", "-q", "--kinds", "money,company", "-j", "2", "-o"])
        .arg(&out)
        .arg(&inp)
        .assert()
        .success();
    let s = summary(&out);
    let kinds: Vec<&String> = s["facts_by_kind"].as_object().unwrap().keys().collect();
    assert_eq!(kinds, ["company", "money"]);
    assert_eq!(s["threads"], 2);
    let facts = fs::read_to_string(out.join("facts.jsonl")).unwrap();
    assert!(facts
        .lines()
        .all(|l| l.contains("\"kind\":\"money\"") || l.contains("\"kind\":\"company\"")));
    bin()
        .args(["extract", "--kinds", "money,weather"])
        .assert()
        .code(2);
    bin().args(["extract", "-j", "0"]).assert().code(2);
}

#[test]
fn a_run_ends_with_one_summary_line_unless_quiet() {
    let (_d, inp, out) = input_with_seed();
    let a = bin()
        .arg("extract")
        .arg(&inp)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let err = stderr_of(&a);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("newsfacts: 1 articles, 0 skipped, 0 warnings, "),
        "{err}"
    );
    assert!(err.contains("MB/s"), "{err}");
    let a = bin()
        .args(["extract", "-q"])
        .arg(&inp)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    assert_eq!(stderr_of(&a), "");
}

/// Byte ranges that tile a dump, each cutting lines in the middle, give
/// together exactly one run's facts (ids, sources and line numbers included)
/// and problems: every line is read by the range its first byte is in.
#[test]
fn byte_ranges_tile_a_dump() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("d.jsonl");
    let mut text = String::new();
    for i in 0..40 {
        if i == 17 {
            text.push_str("not json\n");
        } else if i % 3 == 0 {
            text.push_str(&format!(
                "{{\"text\": \"Sony rose {i}% to $1.{i} billion on June 9, 2025.\"}}\n"
            ));
        } else {
            text.push_str(&format!(
                "{{\"id\": \"n{i}\", \"text\": \"トヨタの売上高は{i}億円、前年比{i}%増。\"}}\n"
            ));
        }
    }
    fs::write(&dump, &text).unwrap();
    let size = text.len() as u64;
    let rows = |out: &Path| -> Vec<String> {
        let body = fs::read_to_string(out.join("facts.csv")).unwrap();
        body.lines().skip(1).map(str::to_string).collect()
    };
    let whole = dir.path().join("whole");
    run_into(&[&dump], &whole, &[]).code(1);
    let want = rows(&whole);
    assert!(want.len() > 60, "{}", want.len());
    // Cuts at a line start, inside lines, and past the end.
    let cuts = [0, 1, 100, 101, size / 2, size - 3, size + 10];
    let mut got = Vec::new();
    let mut skipped = Vec::new();
    for (n, w) in cuts.windows(2).enumerate() {
        let out = dir.path().join(format!("r{n}"));
        let range = format!("{}:{}", w[0], w[1]);
        let code = run_into(&[&dump], &out, &["--byte-range", &range])
            .get_output()
            .status
            .code();
        assert!(matches!(code, Some(0) | Some(1)), "{range}: {code:?}");
        if out.join("facts.csv").exists() {
            got.extend(rows(&out));
        }
        if let Some(list) = fs::read_to_string(out.join("summary.json"))
            .ok()
            .and_then(|s| serde_json::from_str::<Json>(&s).ok())
            .and_then(|j| j["skipped"].as_array().cloned())
        {
            skipped.extend(list.into_iter().map(|e| e["line"].as_u64()));
        }
    }
    assert_eq!(got, want);
    assert_eq!(skipped, vec![Some(18)]);
}

/// --byte-range takes START:END over JSONL files only; --facts-by-kind only
/// with Parquet.
#[test]
fn byte_range_and_facts_by_kind_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("d.jsonl");
    fs::write(&dump, "{\"text\": \"x\"}\n").unwrap();
    let out = dir.path().join("o");
    for (args, needle) in [
        (vec!["--byte-range", "5:2"], "START:END"),
        (vec!["--byte-range", "abc"], "START:END"),
        (vec!["--facts-by-kind"], "--format parquet"),
    ] {
        let a = run_into(&[&dump], &out, &args).code(2);
        assert!(
            stderr_of(&a).contains(needle),
            "{args:?}: {}",
            stderr_of(&a)
        );
    }
    let a = run_into(&[dir.path()], &out, &["--byte-range", "0:10"]).code(2);
    assert!(
        stderr_of(&a).contains("not a JSONL file"),
        "{}",
        stderr_of(&a)
    );
}
