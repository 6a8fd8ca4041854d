//! The `parquet` format: `facts.parquet`, `sections.parquet`,
//! `articles.parquet` and `events.parquet`, one table each, with the columns of the row types in
//! [`super::row`], typed: `Int64` offsets and counts, `Float64` amounts,
//! `Boolean` flags, `Date32` days, and dictionary-encoded strings for the
//! columns whose values repeat (kind, currency, rule, lang, doc_id, the
//! sentence…). A null is a null. Pages are Snappy-compressed.
//!
//! Rows are buffered in Arrow builders and handed to the Parquet encoder
//! every [`BATCH_ROWS`] rows; the encoder keeps only the encoded, compressed
//! pages of the open row group, which it closes every [`ROW_GROUP_ROWS`] rows
//! (and at the end). Memory is bounded by one batch of plain values and one
//! encoded row group per table, whatever the size of the dump. Row groups close at row
//! counts, never at chunk or thread boundaries, so the bytes are the same for
//! any number of threads.
//!
//! With [`super::Options::facts_by_kind`] the facts go to one file per kind,
//! `facts-<kind>.parquet` ([`by_kind_file`]), every kind's file written even when
//! empty, without the `kind` column: its name says the kind. Those are the files a
//! dataset partitioned by kind (`facts/kind=money/…`, as Spark and DuckDB lay
//! it out) is made of, with no pass over the facts to split them.

use super::row::{
    event_rows, fact_rows, section_rows, ArticleRow, Cell, Column, ColumnType, ARTICLE_COLUMNS,
    EVENT_COLUMNS, FACT_COLUMNS, SECTION_COLUMNS,
};
use super::sink::{OutFile, Sink};
use super::Writer;
use crate::analyze::Analysis;
use crate::fact::Kind;
use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, StringBuilder,
    StringDictionaryBuilder,
};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use std::io;
use std::sync::Arc;

/// Rows per row group: large enough for good compression and fast scans,
/// small enough that a row group of facts (with their sentences) stays in the
/// tens of megabytes.
pub const ROW_GROUP_ROWS: usize = 65_536;

/// Rows held as plain Arrow values before they are encoded: a row group's
/// worth of facts with their sentences would be tens of megabytes per table,
/// a batch of this size an eighth of that. Divides [`ROW_GROUP_ROWS`], so row
/// groups still close at the same rows.
pub const BATCH_ROWS: usize = 8_192;

/// The Arrow type of a column.
pub fn arrow_type(ty: ColumnType) -> DataType {
    match ty {
        ColumnType::Text => DataType::Utf8,
        ColumnType::Category => {
            DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
        }
        ColumnType::Int => DataType::Int64,
        ColumnType::Float => DataType::Float64,
        ColumnType::Bool => DataType::Boolean,
        ColumnType::Date => DataType::Date32,
    }
}

/// The Arrow schema of a table with these columns (every column nullable).
pub fn schema(columns: &[Column]) -> SchemaRef {
    Arc::new(Schema::new(
        columns
            .iter()
            .map(|c| Field::new(c.name, arrow_type(c.ty), true))
            .collect::<Vec<_>>(),
    ))
}

/// Days since 1970-01-01, as Arrow's `Date32` counts them.
fn date32(d: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    i32::try_from((d - epoch).num_days()).unwrap_or(i32::MAX)
}

/// The builder of one column.
enum Builder {
    Text(StringBuilder),
    Category(StringDictionaryBuilder<Int32Type>),
    Int(Int64Builder),
    Float(Float64Builder),
    Bool(BooleanBuilder),
    Date(Date32Builder),
}

impl Builder {
    fn new(ty: ColumnType) -> Builder {
        match ty {
            ColumnType::Text => Builder::Text(StringBuilder::new()),
            ColumnType::Category => Builder::Category(StringDictionaryBuilder::new()),
            ColumnType::Int => Builder::Int(Int64Builder::new()),
            ColumnType::Float => Builder::Float(Float64Builder::new()),
            ColumnType::Bool => Builder::Bool(BooleanBuilder::new()),
            ColumnType::Date => Builder::Date(Date32Builder::new()),
        }
    }

    /// Append a cell; a cell not of the column's type (which the row types'
    /// tests rule out) is written as a null rather than failing the run.
    fn append(&mut self, cell: Cell) -> io::Result<()> {
        match (self, cell) {
            (Builder::Text(b), Cell::Text(s)) => b.append_value(s),
            (Builder::Text(b), _) => b.append_null(),
            (Builder::Category(b), Cell::Text(s)) => {
                b.append(s).map_err(io::Error::other)?;
            }
            (Builder::Category(b), _) => b.append_null(),
            (Builder::Int(b), Cell::Int(n)) => b.append_value(i64::try_from(n).unwrap_or(i64::MAX)),
            (Builder::Int(b), _) => b.append_null(),
            (Builder::Float(b), Cell::Float(x)) => b.append_value(x),
            (Builder::Float(b), _) => b.append_null(),
            (Builder::Bool(b), Cell::Bool(x)) => b.append_value(x),
            (Builder::Bool(b), _) => b.append_null(),
            (Builder::Date(b), Cell::Date(d)) => b.append_value(date32(d)),
            (Builder::Date(b), _) => b.append_null(),
        }
        Ok(())
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Text(b) => Arc::new(b.finish()),
            Builder::Category(b) => Arc::new(b.finish()),
            Builder::Int(b) => Arc::new(b.finish()),
            Builder::Float(b) => Arc::new(b.finish()),
            Builder::Bool(b) => Arc::new(b.finish()),
            Builder::Date(b) => Arc::new(b.finish()),
        }
    }

    fn len(&self) -> usize {
        match self {
            Builder::Text(b) => b.len(),
            Builder::Category(b) => b.len(),
            Builder::Int(b) => b.len(),
            Builder::Float(b) => b.len(),
            Builder::Bool(b) => b.len(),
            Builder::Date(b) => b.len(),
        }
    }
}

/// The file of one kind's facts when they are written by kind.
pub fn by_kind_file(kind: Kind) -> String {
    format!("facts-{}.parquet", kind.as_str())
}

/// The facts' columns without `kind` (the files of facts by kind), and the
/// position of `kind` among [`FACT_COLUMNS`].
fn columns_without_kind() -> (Vec<Column>, usize) {
    let at = FACT_COLUMNS
        .iter()
        .position(|c| c.name == "kind")
        .unwrap_or(FACT_COLUMNS.len());
    let cols = FACT_COLUMNS
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != at)
        .map(|(_, c)| *c)
        .collect();
    (cols, at)
}

/// One Parquet file being written: its columns' builders and the file writer.
struct Table {
    /// The position of a cell that rows carry but this file does not store
    /// (`kind`, in the files of facts by kind).
    skip: Option<usize>,
    schema: SchemaRef,
    builders: Vec<Builder>,
    writer: ArrowWriter<OutFile>,
    /// Rows per row group.
    group: usize,
    /// Rows per batch handed to the encoder (divides `group`).
    batch: usize,
    /// Rows already encoded into the open row group.
    in_group: usize,
}

fn to_io(e: impl std::error::Error + Send + Sync + 'static) -> io::Error {
    io::Error::other(e)
}

impl Table {
    fn new(
        sink: &mut dyn Sink,
        name: &str,
        columns: &[Column],
        (group, batch): (usize, usize),
    ) -> io::Result<Table> {
        let schema = schema(columns);
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(group))
            .set_created_by(format!("newsfacts {}", env!("CARGO_PKG_VERSION")))
            .build();
        let file = sink.create(name)?;
        let writer = ArrowWriter::try_new(file, schema.clone(), Some(props)).map_err(to_io)?;
        Ok(Table {
            skip: None,
            schema,
            builders: columns.iter().map(|c| Builder::new(c.ty)).collect(),
            writer,
            group,
            batch,
            in_group: 0,
        })
    }

    fn push(&mut self, cells: &[Cell]) -> io::Result<()> {
        let stored = cells
            .iter()
            .enumerate()
            .filter(|&(i, _)| Some(i) != self.skip);
        for (b, (_, &cell)) in self.builders.iter_mut().zip(stored) {
            b.append(cell)?;
        }
        if self.builders.first().map_or(0, Builder::len) >= self.batch {
            self.encode()?;
            if self.in_group >= self.group {
                self.close_group()?;
            }
        }
        Ok(())
    }

    /// Hand the buffered rows to the encoder as one batch.
    fn encode(&mut self) -> io::Result<()> {
        let rows = self.builders.first().map_or(0, Builder::len);
        if rows == 0 {
            return Ok(());
        }
        let arrays: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        let batch = RecordBatch::try_new(self.schema.clone(), arrays).map_err(to_io)?;
        self.writer.write(&batch).map_err(to_io)?;
        self.in_group += rows;
        Ok(())
    }

    /// Close the open row group (written to the file).
    fn close_group(&mut self) -> io::Result<()> {
        self.in_group = 0;
        self.writer.flush().map_err(to_io)
    }

    fn finish(mut self) -> io::Result<()> {
        self.encode()?;
        self.close_group()?;
        let mut file = self.writer.into_inner().map_err(to_io)?;
        file.flush()
    }
}

use std::io::Write as _;

/// The `parquet` format.
pub struct ParquetWriter {
    /// The facts' table, or one per kind in [`Kind::ALL`] order; sections,
    /// articles, events.
    tables: Option<(Vec<Table>, [Table; 3])>,
    group: usize,
    batch: usize,
    /// Facts in one file per kind.
    by_kind: bool,
}

impl Default for ParquetWriter {
    fn default() -> Self {
        ParquetWriter::with_row_group_rows(ROW_GROUP_ROWS)
    }
}

impl ParquetWriter {
    /// A writer closing a row group every `rows` rows (at least one).
    pub fn with_row_group_rows(rows: usize) -> Self {
        let group = rows.max(1);
        let batch = if group.is_multiple_of(BATCH_ROWS) {
            BATCH_ROWS
        } else {
            group
        };
        ParquetWriter::with_sizes(group, batch)
    }

    /// Row groups of `group` rows encoded in batches of `batch` rows
    /// (`batch` must divide `group`).
    fn with_sizes(group: usize, batch: usize) -> Self {
        debug_assert!(batch > 0 && group.is_multiple_of(batch));
        ParquetWriter {
            tables: None,
            group,
            batch,
            by_kind: false,
        }
    }

    /// The same writer, writing facts to one file per kind (see the module docs).
    pub fn facts_by_kind(mut self, by_kind: bool) -> Self {
        self.by_kind = by_kind;
        self
    }
}

impl Writer for ParquetWriter {
    fn begin(&mut self, sink: &mut dyn Sink) -> io::Result<()> {
        let g = (self.group, self.batch);
        let facts = if self.by_kind {
            let (cols, at) = columns_without_kind();
            let mut tables = Vec::with_capacity(Kind::ALL.len());
            for kind in Kind::ALL {
                let mut t = Table::new(sink, &by_kind_file(kind), &cols, g)?;
                t.skip = Some(at);
                tables.push(t);
            }
            tables
        } else {
            vec![Table::new(sink, "facts.parquet", &FACT_COLUMNS, g)?]
        };
        self.tables = Some((
            facts,
            [
                Table::new(sink, "sections.parquet", &SECTION_COLUMNS, g)?,
                Table::new(sink, "articles.parquet", &ARTICLE_COLUMNS, g)?,
                Table::new(sink, "events.parquet", &EVENT_COLUMNS, g)?,
            ],
        ));
        Ok(())
    }

    fn write(&mut self, a: &Analysis) -> io::Result<()> {
        let (facts, [sections, articles, events]) = self
            .tables
            .as_mut()
            .ok_or_else(|| io::Error::other("parquet writer used before begin"))?;
        for r in fact_rows(a) {
            let at = if self.by_kind {
                Kind::parse(r.kind)
                    .ok_or_else(|| {
                        io::Error::other(format!("a fact of unknown kind {:?}", r.kind))
                    })?
                    .index()
            } else {
                0
            };
            facts[at].push(&r.cells())?;
        }
        for r in section_rows(a) {
            sections.push(&r.cells())?;
        }
        articles.push(&ArticleRow::new(a).cells())?;
        for r in event_rows(a) {
            events.push(&r.cells())?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if let Some((facts, rest)) = self.tables.take() {
            for t in facts.into_iter().chain(rest) {
                t.finish()?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{analyze, Resources};
    use crate::article::Article;
    use crate::export::sink::DirSink;
    use arrow_array::{Array, BooleanArray, Date32Array, Float64Array, Int64Array, StringArray};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    fn analyses() -> Vec<Analysis> {
        let texts = [
            "Apple paid $2.69 a share, about $2.4 billion, on June 9, 2025, Tim Cook said.\n",
            "トヨタ自動車の2026年3月期は、売上高が1兆円、前年比3%増。ソニーも5%伸びた。\n",
            "Nothing here.\n",
        ];
        (0..7)
            .map(|i| {
                let article = Article {
                    id: format!("a{i}"),
                    text: texts[i % texts.len()].into(),
                    date: chrono::NaiveDate::from_ymd_opt(2025, 6, 10),
                    source: format!("d.jsonl:{}", i + 1),
                    ..Default::default()
                };
                analyze(&article, &Resources::default())
            })
            .collect()
    }

    /// Written in row groups of 6 rows encoded 2 rows at a time, read back
    /// with the parquet crate: the same cells as the rows, and every row group
    /// but the last exactly 6 rows (batches never close a group early).
    #[test]
    fn facts_read_back_cell_for_cell() {
        let all = analyses();
        let dir = tempfile::tempdir().unwrap();
        let mut sink = DirSink::new(dir.path()).unwrap();
        let mut w = ParquetWriter::with_sizes(6, 2);
        w.begin(&mut sink).unwrap();
        for a in &all {
            w.write(a).unwrap();
        }
        w.finish().unwrap();

        let file = std::fs::File::open(dir.path().join("facts.parquet")).unwrap();
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
        let groups: Vec<i64> = builder
            .metadata()
            .row_groups()
            .iter()
            .map(|g| g.num_rows())
            .collect();
        assert!(groups.len() > 1);
        let (last, full) = groups.split_last().unwrap();
        assert!(full.iter().all(|&n| n == 6), "{groups:?}");
        assert!((1..=6).contains(last), "{groups:?}");
        assert_eq!(builder.schema().as_ref(), schema(&FACT_COLUMNS).as_ref());
        let batches: Vec<RecordBatch> = builder.build().unwrap().map(Result::unwrap).collect();
        let rows: Vec<_> = all.iter().flat_map(fact_rows).collect();
        let read: usize = batches.iter().map(|b| b.num_rows()).sum();
        assert_eq!(read, rows.len());
        let mut i = 0;
        for b in &batches {
            for r in 0..b.num_rows() {
                let cells = rows[i].cells();
                for (c, (col, cell)) in FACT_COLUMNS.iter().zip(cells).enumerate() {
                    let array = b.column(c);
                    let got = cell_at(array.as_ref(), r);
                    assert_eq!(got, cell, "row {i} {}", col.name);
                }
                i += 1;
            }
        }
    }

    /// Facts by kind: one file per kind, every kind's file written, each with
    /// the columns of facts.parquet but `kind`, holding exactly that kind's
    /// rows in the one file's order, cell for cell.
    #[test]
    fn facts_by_kind_are_the_facts_of_each_kind() {
        let all = analyses();
        let dir = tempfile::tempdir().unwrap();
        let mut sink = DirSink::new(dir.path()).unwrap();
        let mut w = ParquetWriter::with_sizes(6, 2).facts_by_kind(true);
        w.begin(&mut sink).unwrap();
        for a in &all {
            w.write(a).unwrap();
        }
        w.finish().unwrap();
        assert!(!dir.path().join("facts.parquet").exists());
        let (cols, at) = columns_without_kind();
        assert_eq!(FACT_COLUMNS[at].name, "kind");
        let rows: Vec<_> = all.iter().flat_map(fact_rows).collect();
        let mut seen = 0;
        for kind in Kind::ALL {
            let file = std::fs::File::open(dir.path().join(by_kind_file(kind))).unwrap();
            let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
            assert_eq!(builder.schema().as_ref(), schema(&cols).as_ref());
            let batches: Vec<RecordBatch> = builder.build().unwrap().map(Result::unwrap).collect();
            let want: Vec<_> = rows.iter().filter(|r| r.kind == kind.as_str()).collect();
            let mut i = 0;
            for b in &batches {
                for r in 0..b.num_rows() {
                    let mut cells = want[i].cells().to_vec();
                    cells.remove(at);
                    for (c, cell) in cells.into_iter().enumerate() {
                        assert_eq!(cell_at(b.column(c).as_ref(), r), cell, "{kind:?} row {i}");
                    }
                    i += 1;
                }
            }
            assert_eq!(i, want.len(), "{kind:?}");
            seen += i;
        }
        assert_eq!(seen, rows.len());
        // Every kind of the sample has facts, so no file above was trivially empty.
        assert!(Kind::ALL
            .iter()
            .all(|k| rows.iter().any(|r| r.kind == k.as_str())));
    }

    /// Events come back with their typed cells: Float64 amounts, Int64
    /// sections, dictionary strings for the names.
    #[test]
    fn events_read_back_cell_for_cell() {
        let article = Article {
            id: "deal".into(),
            text: "Broadcom Inc. has agreed to buy Veridian Networks PLC for about £11.2 billion ($14.7 billion) in cash.\n".into(),
            ..Default::default()
        };
        let a = analyze(&article, &Resources::default());
        assert_eq!(a.events.len(), 1, "{:?}", a.events);
        let dir = tempfile::tempdir().unwrap();
        let mut sink = DirSink::new(dir.path()).unwrap();
        let mut w = ParquetWriter::default();
        w.begin(&mut sink).unwrap();
        w.write(&a).unwrap();
        w.finish().unwrap();
        let file = std::fs::File::open(dir.path().join("events.parquet")).unwrap();
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
        assert_eq!(builder.schema().as_ref(), schema(&EVENT_COLUMNS).as_ref());
        let batches: Vec<RecordBatch> = builder.build().unwrap().map(Result::unwrap).collect();
        assert_eq!(batches.len(), 1);
        let row = event_rows(&a).next().unwrap();
        for (c, (col, cell)) in EVENT_COLUMNS.iter().zip(row.cells()).enumerate() {
            assert_eq!(
                cell_at(batches[0].column(c).as_ref(), 0),
                cell,
                "{}",
                col.name
            );
        }
        let col = |name: &str| EVENT_COLUMNS.iter().position(|c| c.name == name).unwrap();
        assert!((row.amount.unwrap() - 11.2e9).abs() < 1.0, "{row:?}");
        assert_eq!(
            cell_at(batches[0].column(col("currency")).as_ref(), 0),
            Cell::Text("GBP")
        );
        assert_eq!(
            cell_at(batches[0].column(col("acquirer")).as_ref(), 0),
            Cell::Text("Broadcom")
        );
    }

    /// The cell at `r` of an array, as a [`Cell`] (a dictionary's value looked up).
    fn cell_at(array: &dyn Array, r: usize) -> Cell<'_> {
        if array.is_null(r) {
            return Cell::Null;
        }
        let any = array.as_any();
        if let Some(a) = any.downcast_ref::<StringArray>() {
            return Cell::Text(a.value(r));
        }
        if let Some(a) = any.downcast_ref::<arrow_array::DictionaryArray<Int32Type>>() {
            let values = a.values().as_any().downcast_ref::<StringArray>().unwrap();
            return Cell::Text(values.value(a.keys().value(r) as usize));
        }
        if let Some(a) = any.downcast_ref::<Int64Array>() {
            return Cell::Int(a.value(r) as u64);
        }
        if let Some(a) = any.downcast_ref::<Float64Array>() {
            return Cell::Float(a.value(r));
        }
        if let Some(a) = any.downcast_ref::<BooleanArray>() {
            return Cell::Bool(a.value(r));
        }
        if let Some(a) = any.downcast_ref::<Date32Array>() {
            let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
            return Cell::Date(epoch + chrono::Days::new(a.value(r) as u64));
        }
        panic!("unexpected array type {:?}", array.data_type());
    }

    #[test]
    fn same_bytes_for_the_same_input() {
        let all = analyses();
        let bytes: Vec<Vec<u8>> = (0..2)
            .map(|_| {
                let dir = tempfile::tempdir().unwrap();
                let mut sink = DirSink::new(dir.path()).unwrap();
                let mut w = ParquetWriter::default();
                w.begin(&mut sink).unwrap();
                for a in &all {
                    w.write(a).unwrap();
                }
                w.finish().unwrap();
                std::fs::read(dir.path().join("facts.parquet")).unwrap()
            })
            .collect();
        assert_eq!(bytes[0], bytes[1]);
    }

    #[test]
    fn days_count_from_1970() {
        assert_eq!(date32(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()), 0);
        assert_eq!(date32(NaiveDate::from_ymd_opt(2025, 6, 9).unwrap()), 20248);
        assert_eq!(date32(NaiveDate::from_ymd_opt(1969, 12, 31).unwrap()), -1);
    }
}
