//! Deals as files: the exact records of a small article in `events.jsonl`, and
//! the same events in every format a run writes (`events.csv`,
//! `events.parquet`, the `events` sheet, `articles.jsonl`, the record stream,
//! `summary.json`), with the same bytes whatever the number of threads.

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int32Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use assert_cmd::Command;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::{json, Value};
use std::path::Path;

const ALL_FORMATS: &str = "csv,jsonl,json,parquet,xlsx,records";

/// Run `extract` on `input` into `out` with these formats and threads.
fn extract(input: &Path, out: &Path, formats: &str, jobs: &str) {
    Command::cargo_bin("newsfacts")
        .unwrap()
        .args([
            "extract", "--quiet", "--format", formats, "-j", jobs, "--out",
        ])
        .arg(out)
        .arg(input)
        .assert()
        .success();
}

fn jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// One English and one Japanese deal, each named in the title line and again
/// in the body (one event each), with an amount, and a date in the body.
#[test]
fn events_of_a_small_article_are_exact() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("en-deal.txt"),
        "Broadcom to buy Veridian Networks\n\nBroadcom Inc. has agreed to buy Veridian Networks PLC for about £11.2 billion ($14.7 billion) in cash.\n",
    )
    .unwrap();
    std::fs::write(
        input.join("ja-deal.txt"),
        "クアルコム、英アルファウェーブを約24億ドルで買収合意\n\n米クアルコムは2025年6月9日、英アルファウェーブを約24億ドルで買収することで合意したと発表した。\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    extract(&input, &out, "csv,jsonl", "2");
    let events = jsonl(&out.join("events.jsonl"));
    let facts = jsonl(&out.join("facts.jsonl"));
    let text_of = |id: &Value| {
        facts
            .iter()
            .find(|f| f["id"] == *id)
            .map(|f| f["text"].clone())
            .unwrap_or(Value::Null)
    };
    assert_eq!(events.len(), 2, "{events:#?}");

    let en = &events[0];
    assert_eq!(
        *en,
        json!({
            "doc_id": "en-deal", "id": "en-deal@0", "type": "acquisition", "status": "agreed",
            "acquirer_id": en["acquirer_id"], "acquirer": "Broadcom",
            "target_id": en["target_id"], "target": "Veridian Networks",
            "seller_id": null, "seller": null,
            "amount_id": en["amount_id"], "amount": 11_200_000_000.0, "currency": "GBP",
            "amount_display": "£11.2B",
            "stake_id": null, "stake": null, "date_id": null, "date": null,
            "section": en["section"],
            "sentence": "Broadcom Inc. has agreed to buy Veridian Networks PLC for about £11.2 billion ($14.7 billion) in cash.",
            "rule": "event.en.acquisition"
        })
    );
    // The ids name the facts that fill the roles, in the body sentence.
    assert_eq!(text_of(&en["acquirer_id"]), "Broadcom Inc.");
    assert_eq!(text_of(&en["target_id"]), "Veridian Networks PLC");
    assert_eq!(text_of(&en["amount_id"]), "about £11.2 billion");

    let ja = &events[1];
    assert_eq!(
        *ja,
        json!({
            "doc_id": "ja-deal", "id": "ja-deal@0", "type": "acquisition", "status": "agreed",
            "acquirer_id": ja["acquirer_id"], "acquirer": "Qualcomm",
            "target_id": ja["target_id"], "target": "Alphawave IP Group",
            "seller_id": null, "seller": null,
            "amount_id": ja["amount_id"], "amount": 2_400_000_000.0, "currency": "USD",
            "amount_display": "$2.4B",
            "stake_id": null, "stake": null,
            "date_id": ja["date_id"], "date": "2025-06-09",
            "section": ja["section"],
            "sentence": "米クアルコムは2025年6月9日、英アルファウェーブを約24億ドルで買収することで合意したと発表した。",
            "rule": "event.ja.acquisition"
        })
    );
    assert_eq!(text_of(&ja["acquirer_id"]), "クアルコム");
    assert_eq!(text_of(&ja["target_id"]), "アルファウェーブ");
    assert_eq!(text_of(&ja["amount_id"]), "約24億ドル");
    assert_eq!(text_of(&ja["date_id"]), "2025年6月9日");
    // Every role id names a fact of the same article.
    for e in &events {
        for role in ["acquirer_id", "target_id", "amount_id", "date_id"] {
            if let Some(id) = e[role].as_str() {
                assert!(id.starts_with(&format!("{}#", e["doc_id"].as_str().unwrap())));
            }
        }
    }
}

/// A CSV cell as the JSON value it stands for, typed by its column.
fn csv_cell(column: &str, cell: &str) -> Value {
    if cell.is_empty() {
        return Value::Null;
    }
    match column {
        "amount" | "stake" => {
            assert!(cell.contains('.'), "{column}: {cell}");
            json!(cell.parse::<f64>().unwrap())
        }
        "section" => json!(cell.parse::<u64>().unwrap()),
        _ => json!(cell),
    }
}

/// The rows of a Parquet file as JSON objects (dictionary strings looked up).
fn parquet_rows(path: &Path) -> Vec<Value> {
    let file = std::fs::File::open(path).unwrap();
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let mut rows = Vec::new();
    for batch in reader {
        let batch: RecordBatch = batch.unwrap();
        let schema = batch.schema();
        for r in 0..batch.num_rows() {
            let mut row = serde_json::Map::new();
            for (c, field) in schema.fields().iter().enumerate() {
                let col = batch.column(c);
                let v = if col.is_null(r) {
                    Value::Null
                } else if let Some(d) = col.as_dictionary_opt::<Int32Type>() {
                    let values = d.values().as_string::<i32>();
                    json!(values.value(d.keys().value(r) as usize))
                } else if let Some(s) = col.as_string_opt::<i32>() {
                    json!(s.value(r))
                } else if let Some(x) = col.as_primitive_opt::<Float64Type>() {
                    json!(x.value(r))
                } else if let Some(n) = col.as_primitive_opt::<Int64Type>() {
                    json!(n.value(r))
                } else {
                    panic!("{}: unexpected type {:?}", field.name(), col.data_type());
                };
                row.insert(field.name().clone(), v);
            }
            rows.push(Value::Object(row));
        }
    }
    rows
}

/// Over the sample articles: events.jsonl, events.csv, events.parquet, the
/// record stream and articles.jsonl hold the same events, field for field;
/// summary.json counts and lists them; the bytes do not depend on the threads.
#[test]
fn events_agree_across_formats() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("j1"), dir.path().join("j2"));
    extract(&root.join("input"), &one, ALL_FORMATS, "1");
    extract(&root.join("input"), &two, ALL_FORMATS, "2");
    for f in [
        "events.jsonl",
        "events.csv",
        "events.parquet",
        "newsfacts.xlsx",
    ] {
        assert!(
            std::fs::read(one.join(f)).unwrap() == std::fs::read(two.join(f)).unwrap(),
            "{f} differs between -j 1 and -j 2"
        );
    }
    let events = jsonl(&one.join("events.jsonl"));
    assert!(events.len() >= 10, "{} events", events.len());
    // Field names and order are the contract's.
    let want = [
        "doc_id",
        "id",
        "type",
        "status",
        "acquirer_id",
        "acquirer",
        "target_id",
        "target",
        "seller_id",
        "seller",
        "amount_id",
        "amount",
        "currency",
        "amount_display",
        "stake_id",
        "stake",
        "date_id",
        "date",
        "section",
        "sentence",
        "rule",
    ];
    let first = std::fs::read_to_string(one.join("events.jsonl")).unwrap();
    let first = first.lines().next().unwrap();
    let places: Vec<usize> = want
        .iter()
        .map(|k| first.find(&format!("\"{k}\":")).unwrap())
        .collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{first}");
    assert_eq!(events[0].as_object().unwrap().len(), want.len());

    // events.csv: the same rows, cell for cell.
    let mut csv = csv::Reader::from_path(one.join("events.csv")).unwrap();
    let header: Vec<String> = csv.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, want);
    let rows: Vec<Value> = csv
        .records()
        .map(|r| {
            let r = r.unwrap();
            Value::Object(
                header
                    .iter()
                    .zip(r.iter())
                    .map(|(c, v)| (c.clone(), csv_cell(c, v)))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(rows, events);

    // events.parquet: the same rows, typed.
    assert_eq!(parquet_rows(&one.join("events.parquet")), events);

    // The record stream: the event records are the events.jsonl lines, tagged.
    let records: Vec<Value> = jsonl(&one.join("records.jsonl"))
        .into_iter()
        .filter(|r| r["record"] == "event")
        .map(|mut r| {
            r.as_object_mut().unwrap().remove("record");
            r
        })
        .collect();
    assert_eq!(records, events);

    // articles.jsonl nests each article's events (without its doc_id).
    let mut nested = Vec::new();
    for a in jsonl(&one.join("articles.jsonl")) {
        for e in a["events"].as_array().unwrap() {
            let mut e = e.clone();
            let mut full = serde_json::Map::new();
            full.insert("doc_id".into(), a["doc_id"].clone());
            full.append(e.as_object_mut().unwrap());
            nested.push(Value::Object(full));
        }
    }
    assert_eq!(nested, events);

    // summary.json counts them and lists the files.
    let summary: Value =
        serde_json::from_str(&std::fs::read_to_string(one.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["events"], events.len());
    let by_type: u64 = summary["events_by_type"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(by_type as usize, events.len());
    let files: Vec<&str> = summary["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    for f in ["events.csv", "events.jsonl", "events.parquet"] {
        assert!(files.contains(&f), "{files:?}");
    }
}

/// A JSONL title is read with the text: its figures are linked like the
/// text's, and a deal named in the title and again in the body is one event,
/// built from the fuller body sentence. Under `--kinds`, links and roles
/// whose facts are left out become null and every id still names a fact.
#[test]
fn a_jsonl_titles_figures_are_linked_and_its_deal_is_one_event() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("t.jsonl");
    let line = json!({
        "id": "t1",
        "lang": "en",
        "title": "Broadcom to buy Veridian Networks for $14.7 billion",
        "text": "Broadcom Inc. has agreed to buy Veridian Networks PLC for about £11.2 billion ($14.7 billion) in cash.\n",
    });
    std::fs::write(&input, format!("{line}\n")).unwrap();
    let out = dir.path().join("out");
    extract(&input, &out, "jsonl", "1");
    let facts = jsonl(&out.join("facts.jsonl"));
    let by_id = |id: &Value| facts.iter().find(|f| f["id"] == *id).cloned();
    let title_money = facts
        .iter()
        .find(|f| f["field"] == "title" && f["kind"] == "money")
        .unwrap();
    assert_eq!(title_money["text"], "$14.7 billion");
    assert_eq!(title_money["link"]["metric"], "deal_value");
    assert_eq!(title_money["link"]["subject"], "Broadcom");
    // A deal's price is its buyer's: the event's acquirer, named in the body.
    let subject = by_id(&title_money["link"]["subject_id"]).unwrap();
    assert_eq!(subject["kind"], "company");
    assert_eq!(subject["value"]["canonical"], "Broadcom");
    // The body's figures keep their links, with ids counted after the title's facts.
    let body_money = facts
        .iter()
        .find(|f| f["field"] == "text" && f["text"] == "about £11.2 billion")
        .unwrap();
    assert_eq!(body_money["link"]["subject"], "Broadcom");
    let subject = by_id(&body_money["link"]["subject_id"]).unwrap();
    assert_eq!(
        (&subject["field"], &subject["text"]),
        (&json!("text"), &json!("Broadcom Inc."))
    );

    let events = jsonl(&out.join("events.jsonl"));
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0];
    assert_eq!(
        (
            &e["type"],
            &e["status"],
            &e["acquirer"],
            &e["target"],
            &e["amount"],
            &e["currency"]
        ),
        (
            &json!("acquisition"),
            &json!("agreed"),
            &json!("Broadcom"),
            &json!("Veridian Networks"),
            &json!(11_200_000_000.0),
            &json!("GBP")
        )
    );
    assert_eq!(by_id(&e["acquirer_id"]).unwrap()["text"], "Broadcom Inc.");
    assert_eq!(by_id(&e["amount_id"]).unwrap()["field"], "text");

    // Only money facts: no company is written, so no subject and no buyer.
    let out = dir.path().join("money");
    Command::cargo_bin("newsfacts")
        .unwrap()
        .args([
            "extract", "--quiet", "--format", "jsonl", "--kinds", "money", "--out",
        ])
        .arg(&out)
        .arg(&input)
        .assert()
        .success();
    let facts = jsonl(&out.join("facts.jsonl"));
    let ids: Vec<&Value> = facts.iter().map(|f| &f["id"]).collect();
    for (n, f) in facts.iter().enumerate() {
        assert_eq!(f["id"], format!("t1#{n}"));
        assert_eq!(f["link"]["subject_id"], Value::Null, "{f}");
        assert_eq!(f["link"]["subject"], Value::Null, "{f}");
    }
    assert_eq!(facts[0]["link"]["metric"], "deal_value");
    let events = jsonl(&out.join("events.jsonl"));
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["acquirer"], Value::Null);
    assert_eq!(events[0]["acquirer_id"], Value::Null);
    assert!(ids.contains(&&events[0]["amount_id"]), "{events:?}");
    assert_eq!(events[0]["amount"], 11_200_000_000.0);
}
