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
    let (articles, sections, facts, problems) =
        (of("article"), of("section"), of("fact"), of("problem"));
    assert_eq!(
        articles.len() + sections.len() + facts.len() + problems.len(),
        records.len()
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
