//! The dump generator. Articles are built from the samples under `input/` (read
//! with the library's reader) with their numbers, dates and names varied, plus
//! sentences from built-in templates in both languages (money in 億/兆/万 and
//! dollars, percentages and points, full dates, people with titles, companies).
//! The language with fewer bytes so far is written next, so the dump is half
//! Japanese, half English by bytes.
//!
//! Everything depends only on the seed and the samples: the same command writes
//! the same bytes, and a smaller dump is a prefix of a larger one. Articles are
//! written as they are made, so memory does not grow with `--size`.

use crate::rng::Rng;
use anyhow::{bail, Context as _};
use newsfacts::input::{collect_sources, Item, Reader};
use newsfacts::Lang;
use serde::Serialize;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct GenArgs {
    /// Bytes of article text to write (decimal units: 10M, 100M, 1G), counted as
    /// the pipeline counts them (the `text`, not JSONL titles or syntax).
    #[arg(long, default_value = "100M")]
    size: String,
    /// Folder to create (outside the repository, e.g. /tmp/nf-bench/100M).
    #[arg(long)]
    out: PathBuf,
    /// jsonl (JSONL shards), txt (one .txt file per article) or both (1 article in 8
    /// as a .txt file, the rest in JSONL shards).
    #[arg(long, default_value = "both")]
    format: String,
    /// Write one article of --size bytes without any line break (single-line.txt).
    #[arg(long)]
    single_line: bool,
    /// Sample articles to vary.
    #[arg(long, default_value = "input")]
    samples: PathBuf,
    /// Seed of the generator: another seed, another dump of the same shape.
    #[arg(long, default_value_t = 20250609)]
    seed: u64,
    /// Replace --out if it holds an earlier generated dump.
    #[arg(long)]
    force: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Jsonl,
    Txt,
    Both,
}

/// Marks a folder as written by `bench gen`, so `--force` only ever deletes those.
const MARKER: &str = ".nf-bench-gen";

/// JSONL shards are closed at this many text bytes.
const SHARD_BYTES: u64 = 128_000_000;

pub fn main(args: GenArgs) -> anyhow::Result<()> {
    let size = crate::parse_size(&args.size).map_err(anyhow::Error::msg)?;
    let format = match args.format.as_str() {
        "jsonl" => Format::Jsonl,
        "txt" => Format::Txt,
        "both" | "mixed" => Format::Both,
        other => bail!("--format: {other:?} (expected jsonl, txt or both)"),
    };
    prepare_out(&args.out, args.force)?;
    let samples = load_samples(&args.samples);
    let started = Instant::now();
    let mut g = Generator::new(args.seed, samples);
    let stats = if args.single_line {
        write_single_line(&mut g, size, &args.out)?
    } else {
        write_dump(&mut g, size, format, &args.out)?
    };
    let marker = serde_json::json!({
        "size": size, "format": args.format, "single_line": args.single_line,
        "seed": args.seed, "articles": stats.articles, "bytes": stats.bytes(),
        "bytes_ja": stats.bytes_ja, "bytes_en": stats.bytes_en,
    });
    std::fs::write(args.out.join(MARKER), format!("{marker:#}\n"))?;
    if args.single_line {
        println!(
            "{}: one article without line breaks, {:.1} MB ({:.1} MB ja, {:.1} MB en), {:.1} s",
            args.out.join("single-line.txt").display(),
            stats.bytes() as f64 / 1e6,
            stats.bytes_ja as f64 / 1e6,
            stats.bytes_en as f64 / 1e6,
            started.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    println!(
        "{}: {} articles ({} ja, {} en), {:.1} MB of text ({:.1} MB ja, {:.1} MB en), {} files, {:.1} s",
        args.out.display(),
        stats.articles,
        stats.articles_ja,
        stats.articles - stats.articles_ja,
        stats.bytes() as f64 / 1e6,
        stats.bytes_ja as f64 / 1e6,
        stats.bytes_en as f64 / 1e6,
        stats.files,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn prepare_out(out: &Path, force: bool) -> anyhow::Result<()> {
    if out.exists() {
        let empty = std::fs::read_dir(out)
            .with_context(|| format!("{}: cannot read", out.display()))?
            .next()
            .is_none();
        if !empty {
            if !force {
                bail!("{}: exists and is not empty (pass --force to replace an earlier generated dump)", out.display());
            }
            if !out.join(MARKER).exists() {
                bail!(
                    "{}: not written by `bench gen` (no {MARKER}); refusing to delete it",
                    out.display()
                );
            }
            std::fs::remove_dir_all(out)
                .with_context(|| format!("{}: cannot remove", out.display()))?;
        }
    }
    std::fs::create_dir_all(out).with_context(|| format!("{}: cannot create", out.display()))?;
    Ok(())
}

#[derive(Default)]
struct Stats {
    articles: u64,
    articles_ja: u64,
    bytes_ja: u64,
    bytes_en: u64,
    files: u64,
}

impl Stats {
    fn bytes(&self) -> u64 {
        self.bytes_ja + self.bytes_en
    }

    fn add(&mut self, a: &GenArticle) {
        self.articles += 1;
        let n = a.text.len() as u64;
        match a.lang {
            Lang::Ja => {
                self.articles_ja += 1;
                self.bytes_ja += n;
            }
            Lang::En => self.bytes_en += n,
        }
    }
}

fn write_dump(g: &mut Generator, size: u64, format: Format, out: &Path) -> anyhow::Result<Stats> {
    let mut stats = Stats::default();
    let mut shard: Option<BufWriter<File>> = None;
    let (mut shard_no, mut shard_bytes) = (0u32, 0u64);
    while stats.bytes() < size {
        let idx = stats.articles;
        let lang = g.next_lang();
        let as_txt = match format {
            Format::Txt => true,
            Format::Jsonl => false,
            Format::Both => idx % 8 == 0,
        };
        let a = g.article(idx, lang, !as_txt);
        if as_txt {
            let dir = out
                .join("txt")
                .join(lang.as_str())
                .join(format!("{:05}", idx / 1000));
            std::fs::create_dir_all(&dir)?;
            let p = dir.join(format!("{}.txt", a.id));
            std::fs::write(&p, a.text.as_bytes())
                .with_context(|| format!("{}: cannot write", p.display()))?;
            stats.files += 1;
        } else {
            if shard.is_none() || shard_bytes >= SHARD_BYTES {
                if let Some(mut w) = shard.take() {
                    w.flush()?;
                }
                let dir = out.join("jsonl");
                std::fs::create_dir_all(&dir)?;
                let p = dir.join(format!("part-{shard_no:03}.jsonl"));
                shard = Some(BufWriter::with_capacity(
                    1 << 20,
                    File::create(&p).with_context(|| format!("{}: cannot create", p.display()))?,
                ));
                shard_no += 1;
                shard_bytes = 0;
                stats.files += 1;
            }
            if let Some(w) = shard.as_mut() {
                serde_json::to_writer(&mut *w, &a.record())?;
                w.write_all(b"\n")?;
            }
            shard_bytes += a.text.len() as u64;
        }
        g.account(&a);
        stats.add(&a);
    }
    if let Some(mut w) = shard {
        w.flush()?;
    }
    Ok(stats)
}

fn write_single_line(g: &mut Generator, size: u64, out: &Path) -> anyhow::Result<Stats> {
    let p = out.join("single-line.txt");
    let mut w = BufWriter::with_capacity(
        1 << 20,
        File::create(&p).with_context(|| format!("{}: cannot create", p.display()))?,
    );
    let mut stats = Stats::default();
    let mut written = 0u64;
    let mut idx = 0;
    while written < size {
        let lang = g.next_lang();
        let a = g.article(idx, lang, false);
        idx += 1;
        let flat: String = a
            .text
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        if written > 0 {
            w.write_all(b" ")?;
            written += 1;
        }
        w.write_all(flat.as_bytes())?;
        written += flat.len() as u64;
        g.account(&a);
        stats.add(&a);
    }
    w.flush()?;
    // One article, whatever it was assembled from.
    stats.articles = 1;
    stats.articles_ja = 0;
    stats.files = 1;
    Ok(stats)
}

/// One generated article.
struct GenArticle {
    id: String,
    lang: Lang,
    /// Given apart from the text (JSONL `title`), else the text's first line.
    title: Option<String>,
    text: String,
    date: Option<String>,
    /// Whether the JSONL record names the language.
    tag_lang: bool,
}

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    text: &'a str,
}

impl GenArticle {
    fn record(&self) -> Record<'_> {
        Record {
            id: &self.id,
            title: self.title.as_deref(),
            date: self.date.as_deref(),
            lang: self.tag_lang.then(|| self.lang.as_str()),
            text: &self.text,
        }
    }
}

// ---------------------------------------------------------------------------
// Samples: an article cut into literal text, numbers and names to vary.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NumCtx {
    Year,
    Month,
    Day,
    Percent,
    /// Before 億, 兆, 万: any 1–4 digit amount.
    Big,
    /// Anything else: the same number of digits.
    Same(usize),
}

#[derive(Clone, Debug)]
enum Seg {
    Lit(String),
    Num(NumCtx),
    Person,
    Company,
}

struct Sample {
    lang: Lang,
    segs: Vec<Seg>,
}

fn load_samples(path: &Path) -> Vec<Sample> {
    let (sources, _) = collect_sources(&[path.to_path_buf()]);
    let mut out = Vec::new();
    for item in Reader::new(sources) {
        if let Item::Article(a) = item {
            let lang = a
                .lang
                .unwrap_or_else(|| Lang::detect(&newsfacts::text::Normalized::new(&a.text).text));
            let text = match &a.title {
                Some(t) => format!("{t}\n{}", a.text),
                None => a.text.clone(),
            };
            out.push(Sample {
                lang,
                segs: segment(&text, lang),
            });
        }
    }
    out
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Cut a sample into literal runs, digit runs (classified by what follows them)
/// and known names.
fn segment(text: &str, lang: Lang) -> Vec<Seg> {
    let (people, companies) = match lang {
        Lang::Ja => (PEOPLE_JA, COMPANIES_JA),
        Lang::En => (PEOPLE_EN, COMPANIES_EN),
    };
    let mut segs = Vec::new();
    let mut lit = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if is_digit(c) {
            let n = rest.find(|c: char| !is_digit(c)).unwrap_or(rest.len());
            let digits = rest[..n].chars().count();
            let next = rest[n..].chars().next();
            let lead: String = rest[..n].chars().take(2).collect();
            let ctx = match next {
                Some('年') if digits == 4 => NumCtx::Year,
                Some('月') if digits <= 2 => NumCtx::Month,
                Some('日') if digits <= 2 => NumCtx::Day,
                Some('%' | '％') => NumCtx::Percent,
                Some('億' | '兆' | '万') => NumCtx::Big,
                _ if digits == 4 && (lead == "19" || lead == "20") => NumCtx::Year,
                _ => NumCtx::Same(digits),
            };
            if !lit.is_empty() {
                segs.push(Seg::Lit(std::mem::take(&mut lit)));
            }
            segs.push(Seg::Num(ctx));
            rest = &rest[n..];
            continue;
        }
        let name = people
            .iter()
            .map(|p| (p, Seg::Person))
            .chain(companies.iter().map(|c| (c, Seg::Company)))
            .filter(|(n, _)| rest.starts_with(**n))
            .max_by_key(|(n, _)| n.len());
        if let Some((n, seg)) = name {
            if !lit.is_empty() {
                segs.push(Seg::Lit(std::mem::take(&mut lit)));
            }
            segs.push(seg);
            rest = &rest[n.len()..];
            continue;
        }
        lit.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if !lit.is_empty() {
        segs.push(Seg::Lit(lit));
    }
    segs
}

// ---------------------------------------------------------------------------
// Names and templates. Placeholders: {Y} year, {M} month, {D} day, {MON} English
// month name, {WD} English weekday, {N} 1–999, {N4} 1000–9999, {S} 2–30, {X} 1.0–99.9,
// {R} 0.1–9.9, {P} a percentage, {KN} a number in kanji, {CO}/{CO2} companies, {PER} a person.

const PEOPLE_JA: &[&str] = &[
    "ベサント",
    "ラトニック",
    "グリア",
    "何立峰",
    "トランプ",
    "習近平",
    "植田和男",
    "石破茂",
    "孫正義",
    "豊田章男",
    "パウエル",
    "ラガルド",
];
const COMPANIES_JA: &[&str] = &[
    "クアルコム",
    "アルファウェーブ",
    "スケールAI",
    "トヨタ自動車",
    "ソフトバンクグループ",
    "日本製鉄",
    "ソニーグループ",
    "任天堂",
    "三菱UFJ銀行",
    "エヌビディア",
    "USスチール",
];
const PEOPLE_EN: &[&str] = &[
    "Scott Bessent",
    "Howard Lutnick",
    "Jamieson Greer",
    "He Lifeng",
    "Donald Trump",
    "Xi Jinping",
    "Cristiano Amon",
    "Mark Zuckerberg",
    "Kazuo Ueda",
    "Jerome Powell",
    "Christine Lagarde",
    "Masayoshi Son",
];
const COMPANIES_EN: &[&str] = &[
    "Qualcomm",
    "Alphawave",
    "Scale AI",
    "Toyota Motor",
    "SoftBank Group",
    "Nippon Steel",
    "Sony Group",
    "Nintendo",
    "Mitsubishi UFJ",
    "Nvidia",
    "U.S. Steel",
];
const TITLES_JA: &[&str] = &[
    "財務長官",
    "商務長官",
    "社長",
    "会長",
    "総裁",
    "首相",
    "副首相",
];
const TITLES_EN: &[&str] = &[
    "Treasury Secretary",
    "Commerce Secretary",
    "chief executive",
    "chairman",
    "central bank governor",
    "chief financial officer",
];

const SENTENCES_JA: &[&str] = &[
    "{CO}は{Y}年{M}月{D}日、{CO2}を約{N}億ドルで買収すると発表した。",
    "{CO}の{Y}年{M}月期の連結純利益は前年同期比{P}%増の{N4}億円だった。",
    "{PER}{TJ}は{M}月{D}日の記者会見で、総額{N}兆{N4}億円の経済対策を表明した。",
    "同社の売上高は{N}億{N4}万円と、市場予想を{P}ポイント上回った。",
    "政府は{Y}年度予算で{KN}億円を計上する方針だ。",
    "{CO}株は一時{P}%高の{N4}円まで上昇し、時価総額は{N}兆円を超えた。",
    "{CO}は{Y}年第{Q}四半期に、{CO2}へ最大{N}億ユーロを出資する。",
    "関係者によると、{CO}は{CO2}株の約{P}％を取得し、取得額は{N}億{N4}万ドル前後になる見通し。",
    "日銀の{PER}総裁は{M}月{D}日、政策金利を{R}%に据え置くと述べた。",
    "{Y}年{M}月の消費者物価指数は前年同月比{R}%上昇し、{S}カ月連続でプラスとなった。",
    "{CO}は今後{S}年間で{KN}億円を投じ、国内に新工場を建設する計画だ。",
    "{PER}{TJ}によると、交渉は{M}月{D}日から{D}日まで続き、関税率は{P}%から{P}%に引き下げられる。",
];
const FILLER_JA: &[&str] = &[
    "市場関係者の間では、今後の交渉の行方を見極めたいとの声が多い。",
    "同社の広報担当者は、詳細についてはコメントを控えるとしている。",
    "専門家は、供給網の再編には時間がかかると指摘する。",
    "規制当局の承認を得るまでには、数カ月を要する可能性がある。",
    "投資家の関心は、人工知能向けの需要がどこまで続くかに集まっている。",
    "一方で、国内の雇用への影響を懸念する声も根強い。",
    "政府関係者は、引き続き対話を重ねる考えを示した。",
    "業界団体は、急激な価格変動への対応を求める要望書を提出した。",
    "アナリストの間では、慎重な見方が広がっている。",
    "今回の判断は、長期的な成長戦略の一環と位置づけられている。",
];
const HEADINGS_JA: &[&str] = &[
    "市場の反応と今後の見通し",
    "買収の狙いはどこにあるのか",
    "業績の推移",
    "専門家はこう見る",
    "残る課題",
];
const TITLES_ART_JA: &[&str] = &[
    "{CO}、{CO2}を約{N}億ドルで買収へ　{Y}年{M}月に合意",
    "{CO}の純利益{P}%増、{N4}億円で過去最高",
    "{PER}{TJ}、{N}兆円規模の対策を表明",
];
const MARKERS_JA: &[&str] = &["もっと見る", "関連記事"];

const SENTENCES_EN: &[&str] = &[
    "{CO} said on {MON} {D}, {Y} that it had agreed to acquire {CO2} for about ${X} billion in cash, a premium of {P}% to the last close.",
    "{TE_CAP} {PER} told analysts on {WD} that the deal would add to earnings within {S} quarters.",
    "Revenue rose {P}% to ${N} million in the three months to {MON} {D}, while the operating margin slipped {R} percentage points.",
    "The company expects to complete the transaction in the first quarter of {Y}, subject to regulatory approval.",
    "Shares of {CO} jumped {P}% in early trading on {WD}, valuing the group at roughly ${X}bn.",
    "{PER} met {PER2} in London on {MON} {D} to discuss tariffs of up to {P}% on ${N} billion of goods.",
    "{CO} plans to invest ¥{N} billion in a new plant in Japan by {Y}, creating about {N4} jobs.",
    "Inflation slowed to {R}% in {MON}, from {R}% a year earlier, the statistics office said on {MON} {D}.",
    "The central bank held its policy rate at {R}% and said it would review the decision in {MON} {Y}.",
    "Analysts estimate the market will be worth ${X} trillion by {Y}, growing about {P}% a year.",
    "{CO} cut its full-year outlook to ${N4} million, down {P}% from its forecast in {MON}.",
    "Under the agreement, {CO2} shareholders will receive ${X} per share, and {CO} will take on {N} million euros of debt.",
];
const FILLER_EN: &[&str] = &[
    "The talks come at a delicate moment for both governments, which face pressure at home to show results.",
    "Investors have been cautious for weeks, waiting for clearer signals on supply chains and export controls.",
    "Officials on both sides declined to comment on the details of the negotiations.",
    "The agreement still needs the approval of regulators in several countries, a process that can take months.",
    "Executives argue that scale is now essential to compete for contracts from the largest cloud providers.",
    "Critics say the move concentrates too much power in the hands of a few suppliers.",
    "Demand for data centre equipment has surged as companies race to build artificial intelligence services.",
    "Traders said volumes were thin ahead of the holiday, and prices moved in a narrow range.",
    "The ministry said it would publish further guidance once the consultation period ends.",
    "Analysts warned that the outlook remains uncertain and that a rebound is not guaranteed.",
    "Union leaders welcomed the plan but asked for guarantees on jobs at existing sites.",
    "The decision follows months of speculation about the future of the business.",
    "Rare earths are used in magnets for electric vehicles, wind turbines and military equipment.",
    "Several lawmakers called for a public hearing before any final decision is made.",
    "The company did not say how it would finance the purchase.",
    "Both sides described the meeting as constructive, though no joint statement was issued.",
];
const HEADINGS_EN: &[&str] = &[
    "Why it matters",
    "Market reaction",
    "What comes next",
    "Regulatory hurdles",
    "The numbers",
];
const TITLES_ART_EN: &[&str] = &[
    "{CO} agrees to buy {CO2} for ${X} billion",
    "{CO} profit jumps {P}% as demand for chips grows",
    "{PER} meets {PER2} as tariff deadline nears",
];
const MARKERS_EN: &[&str] = &["Read more", "Related"];

const MONTHS_EN: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS_EN: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const KANJI_DIGITS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九'];

// ---------------------------------------------------------------------------

struct Generator {
    rng: Rng,
    samples: Vec<Sample>,
    bytes_ja: u64,
    bytes_en: u64,
}

impl Generator {
    fn new(seed: u64, samples: Vec<Sample>) -> Generator {
        Generator {
            rng: Rng::new(seed),
            samples,
            bytes_ja: 0,
            bytes_en: 0,
        }
    }

    /// The language behind in bytes.
    fn next_lang(&self) -> Lang {
        if self.bytes_ja <= self.bytes_en {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    fn account(&mut self, a: &GenArticle) {
        let n = a.text.len() as u64;
        match a.lang {
            Lang::Ja => self.bytes_ja += n,
            Lang::En => self.bytes_en += n,
        }
    }

    fn article(&mut self, idx: u64, lang: Lang, jsonl: bool) -> GenArticle {
        let own: Vec<usize> = (0..self.samples.len())
            .filter(|&i| self.samples[i].lang == lang)
            .collect();
        // Vary a sample when there is one (3 times in 4), else build from templates.
        let mut text = if !own.is_empty() && self.rng.chance(3, 4) {
            let i = *self.rng.pick(&own);
            self.vary_sample(i, lang)
        } else {
            self.compose(lang)
        };
        let date = (jsonl && self.rng.chance(2, 3)).then(|| {
            format!(
                "{}-{:02}-{:02}",
                self.rng.range(2019, 2026),
                self.rng.range(1, 12),
                self.rng.range(1, 28)
            )
        });
        // The title goes to its own field one time in two, when text remains.
        let split = text
            .split_once('\n')
            .filter(|(first, rest)| !first.trim().is_empty() && !rest.trim().is_empty())
            .map(|(first, rest)| (first.to_string(), rest.trim_start_matches('\n').to_string()));
        let title = match split {
            Some((t, rest)) if jsonl && self.rng.chance(1, 2) => {
                text = rest;
                Some(t)
            }
            _ => None,
        };
        GenArticle {
            id: format!("{}-{:07}", lang.as_str(), idx),
            lang,
            title,
            text,
            date,
            tag_lang: self.rng.chance(1, 2),
        }
    }

    /// A sample with its numbers and names varied, some lines dropped and
    /// template sentences added to some paragraphs.
    fn vary_sample(&mut self, i: usize, lang: Lang) -> String {
        let full = lang == Lang::Ja && self.rng.chance(1, 4);
        let mut rendered = String::new();
        for k in 0..self.samples[i].segs.len() {
            let seg = self.samples[i].segs[k].clone();
            match seg {
                Seg::Lit(s) => rendered.push_str(&s),
                Seg::Num(ctx) => {
                    let n = self.number(ctx);
                    push_digits(&mut rendered, &n, full);
                }
                Seg::Person => {
                    let p = *self.rng.pick(people(lang));
                    rendered.push_str(p);
                }
                Seg::Company => {
                    let c = *self.rng.pick(companies(lang));
                    rendered.push_str(c);
                }
            }
        }
        let mut out = String::with_capacity(rendered.len() + 1024);
        // Short samples (a title and a paragraph) keep every line.
        let droppable = rendered.split('\n').count() > 4;
        for (n, line) in rendered.split('\n').enumerate() {
            let long = line.len() > 120;
            if n > 0 && long && droppable && self.rng.chance(1, 6) {
                continue;
            }
            out.push_str(line);
            if n > 0 && long && self.rng.chance(1, 2) {
                for _ in 0..self.rng.range(1, 3) {
                    out.push_str(sep(lang));
                    let s = self.sentence(lang);
                    out.push_str(&s);
                }
            }
            out.push('\n');
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }

    /// An article made only of template sentences: title, body, headed
    /// paragraphs, sometimes a related-articles block.
    fn compose(&mut self, lang: Lang) -> String {
        let (titles, headings, markers) = match lang {
            Lang::Ja => (TITLES_ART_JA, HEADINGS_JA, MARKERS_JA),
            Lang::En => (TITLES_ART_EN, HEADINGS_EN, MARKERS_EN),
        };
        let mut out = String::new();
        let t = *self.rng.pick(titles);
        let t = self.fill(t, lang);
        out.push_str(&t);
        out.push_str("\n\n");
        let paragraphs = self.rng.range(4, 12);
        for p in 0..paragraphs {
            if p > 0 && self.rng.chance(1, 3) {
                out.push_str(self.rng.pick::<&str>(headings));
                out.push('\n');
            }
            for s in 0..self.rng.range(2, 6) {
                if s > 0 {
                    out.push_str(sep(lang));
                }
                let s = self.any_sentence(lang);
                out.push_str(&s);
            }
            out.push_str("\n\n");
        }
        if self.rng.chance(1, 3) {
            out.push_str(self.rng.pick::<&str>(markers));
            out.push_str("\n\n");
            for _ in 0..2 {
                let t = *self.rng.pick(titles);
                let t = self.fill(t, lang);
                out.push_str(&t);
                out.push('\n');
                let s = self.sentence(lang);
                out.push_str(&s);
                out.push_str("\n\n");
            }
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }

    /// A sentence of a composed article: half of them carry no figures.
    fn any_sentence(&mut self, lang: Lang) -> String {
        if self.rng.chance(1, 2) {
            let f = match lang {
                Lang::Ja => FILLER_JA,
                Lang::En => FILLER_EN,
            };
            return self.rng.pick::<&str>(f).to_string();
        }
        self.sentence(lang)
    }

    fn sentence(&mut self, lang: Lang) -> String {
        let t = match lang {
            Lang::Ja => *self.rng.pick(SENTENCES_JA),
            Lang::En => *self.rng.pick(SENTENCES_EN),
        };
        self.fill(t, lang)
    }

    /// Replace the placeholders of a template.
    fn fill(&mut self, template: &str, lang: Lang) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        let (mut last_co, mut last_per) = ("", "");
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let key = &rest[open + 1..open + close];
            rest = &rest[open + close + 1..];
            // Japanese digits are full-width one time in four.
            let full = lang == Lang::Ja && self.rng.chance(1, 4);
            match key {
                "Y" => push_digits(&mut out, &self.number(NumCtx::Year), full),
                "M" => push_digits(&mut out, &self.number(NumCtx::Month), full),
                "D" => push_digits(&mut out, &self.number(NumCtx::Day), full),
                "Q" => push_digits(&mut out, &self.rng.range(1, 4).to_string(), full),
                "S" => push_digits(&mut out, &self.rng.range(2, 30).to_string(), full),
                "R" => {
                    let s = format!("{}.{}", self.rng.range(0, 9), self.rng.range(1, 9));
                    push_digits(&mut out, &s, full)
                }
                "N" => push_digits(&mut out, &self.rng.range(1, 999).to_string(), full),
                "N4" => {
                    let n = self.rng.range(1000, 9999);
                    let s = if lang == Lang::En && self.rng.chance(1, 2) {
                        format!("{},{:03}", n / 1000, n % 1000)
                    } else {
                        n.to_string()
                    };
                    push_digits(&mut out, &s, full)
                }
                "X" => {
                    let s = format!("{}.{}", self.rng.range(1, 99), self.rng.range(0, 9));
                    push_digits(&mut out, &s, full)
                }
                "P" => push_digits(&mut out, &self.number(NumCtx::Percent), full),
                "KN" => {
                    let s = self.kanji_number();
                    out.push_str(&s)
                }
                "MON" => out.push_str(self.rng.pick::<&str>(MONTHS_EN)),
                "WD" => out.push_str(self.rng.pick::<&str>(WEEKDAYS_EN)),
                "CO" => {
                    last_co = *self.rng.pick(companies(lang));
                    out.push_str(last_co)
                }
                "CO2" => out.push_str(self.other(companies(lang), last_co)),
                "PER" => {
                    last_per = *self.rng.pick(people(lang));
                    out.push_str(last_per)
                }
                "PER2" => out.push_str(self.other(people(lang), last_per)),
                "TJ" => out.push_str(self.rng.pick::<&str>(TITLES_JA)),
                "TE_CAP" => {
                    let t = *self.rng.pick(TITLES_EN);
                    let mut cs = t.chars();
                    if let Some(c) = cs.next() {
                        out.extend(c.to_uppercase());
                        out.push_str(cs.as_str());
                    }
                }
                other => {
                    out.push('{');
                    out.push_str(other);
                    out.push('}');
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// A name from `names` other than `not`.
    fn other(&mut self, names: &[&'static str], not: &str) -> &'static str {
        loop {
            let n = *self.rng.pick(names);
            if n != not || names.len() < 2 {
                return n;
            }
        }
    }

    fn number(&mut self, ctx: NumCtx) -> String {
        match ctx {
            NumCtx::Year => self.rng.range(2015, 2027).to_string(),
            NumCtx::Month => self.rng.range(1, 12).to_string(),
            NumCtx::Day => self.rng.range(1, 28).to_string(),
            NumCtx::Percent => {
                if self.rng.chance(1, 3) {
                    format!("{}.{}", self.rng.range(0, 30), self.rng.range(1, 9))
                } else {
                    self.rng.range(1, 95).to_string()
                }
            }
            NumCtx::Big => self.rng.range(1, 9999).to_string(),
            NumCtx::Same(n) => {
                let n = n.clamp(1, 18) as u32;
                let lo = if n == 1 { 0 } else { 10u64.pow(n - 1) };
                self.rng.range(lo, 10u64.pow(n) - 1).to_string()
            }
        }
    }

    /// 二十四, 三百五, 千二百 …: a number from 1 to 9999 in kanji.
    fn kanji_number(&mut self) -> String {
        let n = self.rng.range(1, 9999);
        let mut out = String::new();
        for (unit, name) in [(1000, '千'), (100, '百'), (10, '十')] {
            let d = (n / unit) % 10;
            if d > 0 {
                if d > 1 {
                    out.push(KANJI_DIGITS[(d - 1) as usize]);
                }
                out.push(name);
            }
        }
        let d = n % 10;
        if d > 0 {
            out.push(KANJI_DIGITS[(d - 1) as usize]);
        }
        out
    }
}

fn people(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Ja => PEOPLE_JA,
        Lang::En => PEOPLE_EN,
    }
}

fn companies(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Ja => COMPANIES_JA,
        Lang::En => COMPANIES_EN,
    }
}

fn sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "",
        Lang::En => " ",
    }
}

/// Append ASCII digits, as full-width digits (and ．，％) when `full`.
fn push_digits(out: &mut String, s: &str, full: bool) {
    if !full {
        out.push_str(s);
        return;
    }
    out.extend(s.chars().map(|c| match c {
        '0'..='9' | '.' | ',' | '%' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c),
        _ => c,
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_classified_by_what_follows() {
        let segs = segment("2025年6月9日に約24億ドル、70%。No. 123", Lang::Ja);
        let ctxs: Vec<NumCtx> = segs
            .iter()
            .filter_map(|s| match s {
                Seg::Num(c) => Some(*c),
                _ => None,
            })
            .collect();
        assert_eq!(
            ctxs,
            vec![
                NumCtx::Year,
                NumCtx::Month,
                NumCtx::Day,
                NumCtx::Big,
                NumCtx::Percent,
                NumCtx::Same(3)
            ]
        );
    }

    #[test]
    fn names_are_found_longest_first() {
        let segs = segment("トランプ大統領とクアルコム", Lang::Ja);
        assert!(matches!(segs[0], Seg::Person));
        assert!(matches!(segs[2], Seg::Company));
    }

    #[test]
    fn generation_is_deterministic_and_balanced() {
        let make = || {
            let samples = vec![Sample {
                lang: Lang::Ja,
                segs: segment(
                    "見出し\n2025年6月9日、クアルコムは約24億ドルで買収。",
                    Lang::Ja,
                ),
            }];
            let mut g = Generator::new(1, samples);
            let mut texts = Vec::new();
            for i in 0..40 {
                let lang = g.next_lang();
                let a = g.article(i, lang, true);
                g.account(&a);
                texts.push(a.text);
            }
            (texts, g.bytes_ja, g.bytes_en)
        };
        let (a, ja, en) = make();
        let (b, _, _) = make();
        assert_eq!(a, b);
        let ratio = ja as f64 / (ja + en) as f64;
        assert!((0.4..0.6).contains(&ratio), "ja share {ratio}");
    }

    /// A small dump in every format reads back through the library's reader
    /// with nothing skipped, and its text adds up to the size asked for.
    #[test]
    fn dumps_read_back_whole() {
        let root = std::env::temp_dir().join(format!("nf-bench-test-{}", std::process::id()));
        for (name, format) in [
            ("j", Format::Jsonl),
            ("t", Format::Txt),
            ("b", Format::Both),
        ] {
            let out = root.join(name);
            prepare_out(&out, false).unwrap();
            let mut g = Generator::new(5, load_samples(Path::new("input")));
            let stats = write_dump(&mut g, 300_000, format, &out).unwrap();
            let (sources, _) = collect_sources(std::slice::from_ref(&out));
            let (mut n, mut bytes) = (0u64, 0u64);
            for item in Reader::new(sources) {
                match item {
                    Item::Article(a) => {
                        n += 1;
                        bytes += a.text.len() as u64;
                    }
                    other => panic!("{name}: {other:?}"),
                }
            }
            assert_eq!(n, stats.articles, "{name}");
            assert_eq!(bytes, stats.bytes(), "{name}");
            assert!(bytes >= 300_000);
        }
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn short_samples_never_give_empty_text() {
        let samples = vec![Sample {
            lang: Lang::En,
            segs: segment(
                "Startup raises $120 million\nNorthwind Robotics said on Tuesday it raised $120 million in a round led by investors from Tokyo and London, valuing it at $1.1 billion.",
                Lang::En,
            ),
        }];
        let mut g = Generator::new(9, samples);
        for i in 0..500 {
            let a = g.article(i, Lang::En, true);
            assert!(!a.text.trim().is_empty(), "article {i}");
        }
    }

    #[test]
    fn full_width_digits() {
        let mut s = String::new();
        push_digits(&mut s, "24.5%", true);
        assert_eq!(s, "２４．５％");
    }

    #[test]
    fn kanji_numbers() {
        let mut g = Generator::new(3, Vec::new());
        for _ in 0..50 {
            let k = g.kanji_number();
            assert!(!k.is_empty());
            assert!(k.chars().all(|c| "一二三四五六七八九十百千".contains(c)));
        }
    }
}
