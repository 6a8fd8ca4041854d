//! A seeded fuzz run of the whole command: mutated Japanese and English
//! financial sentences, control characters, odd Unicode, bad encodings and bad
//! JSONL lines, written as dumps and files, then extracted with one and with
//! two threads. Each round checks what a user relies on:
//! - the exit status is 0, or 1 exactly when some input was skipped;
//! - every output parses strictly (CSV with a fixed column count, each JSONL
//!   line, the JSON array, `summary.json` with `"complete": true`);
//! - every fact's `text` is `text[start:end]` of its article (code points) and
//!   lies inside its `sentence`, which is at most 400 code points;
//! - facts.csv rows = facts.jsonl lines = the summary's fact count;
//! - the outputs are the same bytes with 1 and 2 threads.
//!
//! `cargo test --test fuzz` runs a few rounds (seconds). The soak run is
//! `cargo test --release --test fuzz -- --ignored` (rounds from
//! `NEWSFACTS_FUZZ_ROUNDS`, default 300; first seed from `NEWSFACTS_FUZZ_SEED`).

use serde_json::Value as Json;
use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::process::Command;

/// splitmix64: a small, fixed generator, so a failing seed replays exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const EN: &[&str] = &[
    "{C} agreed to buy {C} for ${N} billion on June {D}, {Y}.",
    "Shares of {C} rose {P}% to ${N}.{D} a share in the second quarter of {Y}.",
    "Treasury Secretary Scott Bessent said revenue fell {P}% year over year.",
    "The Hong Kong unit paid HK${N} million. Its parent earned ${N} billion.",
    "{C} expects fiscal {Y} sales of about €{N}bn-€{M}bn, up {P} percentage points.",
    "Net loss widened to -${N} million, or minus ${N} billion in Q{Q} {Y}.",
    "Chief executive Jane Doe, {D}, said more than {P}% of {N} trillion won was spent.",
    "On Monday {C} cut its outlook by {P} basis points; last year it grew {P}%.",
    "Prices: {C} $1 $2 $3 {P}% {N}% ${N} ${M} ¥{N} £{D} 116 pence",
];

const JA: &[&str] = &[
    "{K}は{Y}年{m}月{D}日、{K}を約{N}億ドルで買収すると発表した。",
    "{K}の株価は{P}%上昇し、時価総額は{N}兆円を超えた。",
    "ベサント財務長官は{Y}年度の成長率が{P}ポイント低下すると述べた。",
    "{Y}年3月期の純利益は▲{N}億円、営業利益は△{M}億円だった。",
    "{K}　{N},{D}円　+{P}%　{K}　{M},{D}円　-{P}%",
    "前年同期比{P}%増の{N}億{M}万円。令和7年{m}月{D}日に上場予定。",
    "第{Q}四半期の売上高は１２３億円、約７０％が海外向け。",
    "{Y}年{m}月{D}日、{K}会長兼CEOの橋本英二氏は{N}%の賃上げを表明した。",
];

const EN_COMPANIES: &[&str] = &[
    "Qualcomm",
    "Alphawave",
    "Sony",
    "Toyota Motor Corp",
    "Apple",
    "Nippon Steel",
];
const JA_COMPANIES: &[&str] = &[
    "クアルコム",
    "トヨタ",
    "ソニーグループ",
    "日本製鉄",
    "メタ",
    "ソフトバンク",
];

/// Characters that break naive code: controls, zero-width and combining
/// marks, surrogate-pair emoji, full-width digits, minus signs, line breaks.
const ODD: &[&str] = &[
    "\u{0}",
    "\u{1}",
    "\u{7}",
    "\u{1b}]0;x\u{7}",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "\n\n",
    "\u{200b}",
    "\u{301}",
    "\u{feff}",
    "😀",
    "𠮷",
    "０",
    "９",
    "．",
    "，",
    "−",
    "▲",
    "△",
    "〜",
    "%",
    "$",
    "¥",
    "億",
    "兆",
    "年",
    "月",
    "日",
    "#",
    "# ",
    "もっと見る\n",
    "Related\n",
    "\u{2028}",
    "…",
];

fn fill(rng: &mut Rng, template: &str, ja: bool) -> String {
    let mut out = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '{' {
            out.push(c);
            continue;
        }
        let key: String = chars.by_ref().take_while(|&c| c != '}').collect();
        let v = match key.as_str() {
            "C" => rng.pick(EN_COMPANIES).to_string(),
            "K" => rng
                .pick(if ja { JA_COMPANIES } else { EN_COMPANIES })
                .to_string(),
            "N" | "M" => match rng.below(6) {
                0 => format!("{}", rng.below(10)),
                1 => format!("{}.{}", rng.below(100), rng.below(100)),
                2 => format!("{},{:03}", 1 + rng.below(999), rng.below(1000)),
                3 => "1e308".to_string(),
                4 => format!("{}", rng.next() % 1_000_000_000_000),
                _ => format!("{}", rng.below(1000)),
            },
            "P" => format!("{}.{}", rng.below(120), rng.below(10)),
            "Y" => format!("{}", 1990 + rng.below(60)),
            "m" => format!("{}", rng.below(14)),
            "D" => format!("{}", rng.below(33)),
            "Q" => format!("{}", rng.below(6)),
            other => other.to_string(),
        };
        out.push_str(&v);
    }
    out
}

/// Mutate a text: insert odd characters, delete, duplicate or cut pieces.
fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..rng.below(6) {
        let at = rng.below(chars.len() + 1);
        match rng.below(5) {
            0 | 1 => {
                let odd: Vec<char> = rng.pick(ODD).chars().collect();
                chars.splice(at..at, odd);
            }
            2 if !chars.is_empty() => {
                chars.remove(at.min(chars.len() - 1));
            }
            3 if !chars.is_empty() => {
                let end = (at + rng.below(20)).min(chars.len());
                let piece: Vec<char> = chars[at.min(end)..end].to_vec();
                chars.splice(at..at, piece);
            }
            _ => chars.truncate(chars.len().max(at).saturating_sub(rng.below(3))),
        }
    }
    chars.into_iter().collect()
}

fn article(rng: &mut Rng) -> String {
    let ja = rng.chance(50);
    let mut text = String::new();
    if rng.chance(60) {
        text.push_str(if ja {
            "決算速報\n\n"
        } else {
            "Earnings update\n\n"
        });
    }
    for _ in 0..1 + rng.below(6) {
        let t = rng.pick(if ja { JA } else { EN });
        let s = fill(rng, t, ja);
        text.push_str(&if rng.chance(40) { mutate(rng, &s) } else { s });
        text.push(if rng.chance(30) { '\n' } else { ' ' });
        if rng.chance(10) {
            text.push_str("## Outlook\n");
        }
    }
    if rng.chance(5) {
        // A long line without sentence punctuation (a table dumped on one line).
        for _ in 0..200 + rng.below(400) {
            text.push_str(&fill(rng, "{K} {N}円 +{P}% ", true));
        }
    }
    text
}

/// The articles a round reads, by doc_id, as the tool must see them.
type Texts = HashMap<String, String>;

/// Write one round's inputs into `dir`; return the texts of the articles
/// whose offsets can be checked.
fn write_inputs(rng: &mut Rng, dir: &Path, n: usize) -> Texts {
    let mut texts = Texts::new();
    let mut dump: Vec<u8> = Vec::new();
    for i in 0..n {
        let id = format!("f{i}");
        match rng.below(12) {
            0 => dump.extend_from_slice(b"{not json\n"),
            1 => dump.extend_from_slice(b"{\"id\": \"x\", \"title\": \"no text\"}\n"),
            2 => dump.extend_from_slice(b"{\"text\": \"caf\xE9 \xFF\"}\n"),
            3 => dump.extend_from_slice(b"[1, 2, 3]\n"),
            4 => dump.extend_from_slice(b"{\"text\": 5}\n"),
            5 => dump
                .extend_from_slice(&[b"[".repeat(300), b"]".repeat(300), b"\n".to_vec()].concat()),
            6 => dump.extend_from_slice(b"\n   \n"),
            _ => {
                let text = article(rng);
                let mut obj = serde_json::json!({"id": id, "text": text});
                match rng.below(6) {
                    0 => obj["date"] = serde_json::json!("2025-06-09"),
                    1 => obj["date"] = serde_json::json!(1_749_427_200u64),
                    2 => obj["date"] = serde_json::json!("not a date"),
                    3 => obj["lang"] = serde_json::json!(if rng.chance(50) { "ja" } else { "en" }),
                    _ => {}
                }
                if !text.trim().is_empty() {
                    texts.insert(id, text);
                }
                dump.extend_from_slice(obj.to_string().as_bytes());
                dump.extend_from_slice(if rng.chance(10) { b"\r\n" } else { b"\n" });
            }
        }
    }
    fs::write(dir.join("dump.jsonl"), dump).unwrap();
    for i in 0..4 {
        let stem = format!("t{i}");
        let text = article(rng);
        let bytes: Vec<u8> = match rng.below(6) {
            0 => encoding_rs::SHIFT_JIS.encode(&text).0.into_owned(),
            1 => {
                let mut b = vec![0xFF, 0xFE];
                b.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
                b
            }
            2 => (0..rng.below(200)).map(|_| rng.next() as u8).collect(),
            3 => Vec::new(),
            _ => {
                if !text.trim().is_empty() && !text.contains('\u{0}') {
                    texts.insert(stem.clone(), text.clone());
                }
                text.into_bytes()
            }
        };
        fs::write(dir.join(format!("{stem}.txt")), bytes).unwrap();
    }
    texts
}

fn run(inp: &Path, out: &Path, threads: &str) -> i32 {
    let status = Command::new(assert_cmd::cargo::cargo_bin("newsfacts"))
        .args(["extract", "-q", "-j", threads])
        .arg(inp)
        .arg("--out")
        .arg(out)
        .output()
        .expect("run newsfacts");
    status.status.code().unwrap_or(-1)
}

fn chars(s: &str, start: usize, end: usize) -> String {
    s.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// Check one run's outputs; return the facts count.
fn check_outputs(out: &Path, code: i32, texts: &Texts, seed: u64) -> u64 {
    let ctx = format!("seed {seed}");
    let summary: Json =
        serde_json::from_str(&fs::read_to_string(out.join("summary.json")).expect("summary.json"))
            .unwrap_or_else(|e| panic!("{ctx}: summary.json: {e}"));
    assert_eq!(summary["complete"], true, "{ctx}");
    let skipped = summary["articles_skipped"].as_u64().unwrap();
    assert_eq!(code, if skipped > 0 { 1 } else { 0 }, "{ctx}: exit status");
    let n_facts = summary["facts"].as_u64().unwrap();
    for e in fs::read_dir(out).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.starts_with('.'), "{ctx}: temporary {name} left");
    }
    // facts.jsonl: each line a fact whose offsets hold.
    let jsonl = fs::read_to_string(out.join("facts.jsonl")).unwrap();
    let mut lines = 0u64;
    for line in jsonl.lines() {
        lines += 1;
        let f: Json = serde_json::from_str(line).unwrap_or_else(|e| panic!("{ctx}: {e}: {line}"));
        let text = f["text"].as_str().unwrap();
        let sentence = f["sentence"].as_str().unwrap();
        assert!(sentence.chars().count() <= 400, "{ctx}: long sentence");
        assert!(
            sentence.contains(text),
            "{ctx}: {text:?} not in {sentence:?}"
        );
        let in_title = f.get("field").and_then(Json::as_str) == Some("title");
        if let (Some(article), false) = (texts.get(f["doc_id"].as_str().unwrap()), in_title) {
            let (s, e) = (
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(chars(article, s, e), text, "{ctx}: offsets of {line}");
        }
    }
    assert_eq!(lines, n_facts, "{ctx}: facts.jsonl lines");
    // facts.csv and sections.csv: strict CSV, one column count throughout.
    for (file, expect) in [("facts.csv", Some(n_facts)), ("sections.csv", None)] {
        let mut r = csv::ReaderBuilder::new()
            .flexible(false)
            .from_path(out.join(file))
            .unwrap();
        let mut rows = 0u64;
        for rec in r.records() {
            rec.unwrap_or_else(|e| panic!("{ctx}: {file}: {e}"));
            rows += 1;
        }
        if let Some(n) = expect {
            assert_eq!(rows, n, "{ctx}: {file} rows");
        }
    }
    if let Ok(text) = fs::read_to_string(out.join("articles.json")) {
        let v: Json =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{ctx}: articles.json: {e}"));
        assert_eq!(
            v.as_array().unwrap().len() as u64,
            summary["articles_read"].as_u64().unwrap(),
            "{ctx}"
        );
    }
    if let Ok(text) = fs::read_to_string(out.join("articles.jsonl")) {
        for line in text.lines() {
            serde_json::from_str::<Json>(line)
                .unwrap_or_else(|e| panic!("{ctx}: articles.jsonl: {e}"));
        }
    }
    n_facts
}

/// Every output file but `summary.json` (which holds timings), with its bytes.
fn outputs(out: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_name() != "summary.json")
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// Run `rounds` rounds from `seed`; return (articles written, facts checked).
fn fuzz(seed: u64, rounds: u64, articles: usize) -> (u64, u64) {
    let (mut total_articles, mut total_facts) = (0u64, 0u64);
    for round in 0..rounds {
        let seed = seed + round;
        let mut rng = Rng(seed);
        let dir = tempfile::tempdir().unwrap();
        let inp = dir.path().join("in");
        fs::create_dir(&inp).unwrap();
        let texts = write_inputs(&mut rng, &inp, articles);
        let (o1, o2) = (dir.path().join("o1"), dir.path().join("o2"));
        let c1 = run(&inp, &o1, "1");
        let c2 = run(&inp, &o2, "2");
        assert!(c1 == 0 || c1 == 1, "seed {seed}: exit status {c1}");
        assert_eq!(c1, c2, "seed {seed}");
        total_facts += check_outputs(&o1, c1, &texts, seed);
        check_outputs(&o2, c2, &texts, seed);
        assert!(
            outputs(&o1) == outputs(&o2),
            "seed {seed}: 1 and 2 threads differ"
        );
        total_articles += texts.len() as u64;
    }
    (total_articles, total_facts)
}

#[test]
fn fuzz_quick() {
    let (articles, facts) = fuzz(1, 4, 120);
    assert!(
        articles > 100 && facts > 100,
        "{articles} articles, {facts} facts"
    );
}

#[test]
#[ignore = "soak run: cargo test --release --test fuzz -- --ignored"]
fn fuzz_soak() {
    let env = |k: &str, d: u64| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let rounds = env("NEWSFACTS_FUZZ_ROUNDS", 300);
    let seed = env("NEWSFACTS_FUZZ_SEED", 1000);
    let t = std::time::Instant::now();
    let (articles, facts) = fuzz(seed, rounds, 400);
    eprintln!(
        "fuzz soak: {rounds} rounds from seed {seed}, {articles} articles, {facts} facts checked, 0 failures, {:.0} s",
        t.elapsed().as_secs_f64()
    );
}
