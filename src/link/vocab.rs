//! The cue words of linking, per language, in one table each: what a figure
//! measures (売上高, revenue), how a percentage moves (増, rose), which deal a
//! sentence reports (買収, acquire) and how far it has got (合意, in talks), plus
//! the words that hand a sentence's subject over from the one before (同社, The
//! company). Each table is compiled once into an aho-corasick automaton, so a
//! sentence is scanned once whatever the number of cues.

use super::{Change, EventType, Metric, Status};
use crate::article::Lang;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

/// What a cue word says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// What a money amount measures.
    Money(Metric),
    /// What a percentage measures (growth, share, rate, margin).
    Percent(Metric),
    /// A change word: a percentage next to it is growth, in this direction.
    Change(Change),
    /// A deal of this type (a trigger of an event).
    Deal(EventType),
    /// How far a deal has got.
    Status(Status),
    /// A pronoun or anaphor standing for the subject of an earlier sentence.
    Carry,
    /// The start of a clause with a subject of its own (`while`, `whereas`).
    Break,
    /// A comparison base follows or precedes (`比`, `from`): the date next to it
    /// is not the figure's period.
    Base,
}

use Cue::*;
use EventType as E;
use Metric as M;

/// Japanese cues. A word may say several things (買収 is a deal and a deal value).
const JA: &[(&str, &[Cue])] = &[
    ("売上高", &[Money(M::Revenue)]),
    ("売上収益", &[Money(M::Revenue)]),
    ("売り上げ", &[Money(M::Revenue)]),
    ("売上", &[Money(M::Revenue)]),
    ("営業収益", &[Money(M::Revenue)]),
    ("経常収益", &[Money(M::Revenue)]),
    ("増収", &[Money(M::Revenue)]),
    ("営業利益", &[Money(M::OperatingProfit)]),
    ("営業益", &[Money(M::OperatingProfit)]),
    ("営業赤字", &[Money(M::Loss)]),
    ("営業損失", &[Money(M::Loss)]),
    ("純利益", &[Money(M::NetProfit)]),
    ("最終利益", &[Money(M::NetProfit)]),
    ("当期利益", &[Money(M::NetProfit)]),
    ("純益", &[Money(M::NetProfit)]),
    ("最終益", &[Money(M::NetProfit)]),
    ("最終赤字", &[Money(M::Loss)]),
    ("純損失", &[Money(M::Loss)]),
    ("赤字", &[Money(M::Loss)]),
    ("損失", &[Money(M::Loss)]),
    ("経常利益", &[Money(M::Profit)]),
    ("経常益", &[Money(M::Profit)]),
    ("税引き前利益", &[Money(M::Profit)]),
    ("税引前利益", &[Money(M::Profit)]),
    ("粗利益", &[Money(M::Profit)]),
    ("利益", &[Money(M::Profit)]),
    ("黒字", &[Money(M::Profit)]),
    ("EBITDA", &[Money(M::Profit)]),
    ("買収額", &[Money(M::DealValue)]),
    ("買収総額", &[Money(M::DealValue)]),
    ("買収金額", &[Money(M::DealValue)]),
    ("取得総額", &[Money(M::DealValue)]),
    ("取得額", &[Money(M::DealValue)]),
    ("買付総額", &[Money(M::DealValue)]),
    ("買い付け総額", &[Money(M::DealValue)]),
    ("買収", &[Money(M::DealValue), Deal(E::Acquisition)]),
    ("TOB", &[Money(M::DealValue), Deal(E::Acquisition)]),
    ("公開買い付け", &[Money(M::DealValue), Deal(E::Acquisition)]),
    ("公開買付け", &[Money(M::DealValue), Deal(E::Acquisition)]),
    ("公開買付", &[Money(M::DealValue), Deal(E::Acquisition)]),
    ("完全子会社化", &[Deal(E::Acquisition)]),
    ("子会社化", &[Deal(E::Acquisition)]),
    ("合併", &[Money(M::DealValue), Deal(E::Merger)]),
    ("経営統合", &[Deal(E::Merger)]),
    ("出資比率", &[Percent(M::Share)]),
    ("出資額", &[Money(M::Investment)]),
    ("出資", &[Money(M::Investment), Deal(E::Investment)]),
    ("資本業務提携", &[Deal(E::Investment)]),
    ("資本提携", &[Deal(E::Investment)]),
    ("投資額", &[Money(M::Investment)]),
    ("投資", &[Money(M::Investment), Deal(E::Investment)]),
    ("資金調達", &[Money(M::Investment)]),
    ("調達", &[Money(M::Investment)]),
    ("売却額", &[Money(M::DealValue)]),
    ("売却", &[Money(M::DealValue), Deal(E::Divestiture)]),
    ("譲渡", &[Money(M::DealValue), Deal(E::Divestiture)]),
    ("新規上場", &[Deal(E::Ipo)]),
    ("株式上場", &[Deal(E::Ipo)]),
    ("上場を", &[Deal(E::Ipo)]),
    ("上場する", &[Deal(E::Ipo)]),
    ("上場予定", &[Deal(E::Ipo)]),
    ("上場申請", &[Deal(E::Ipo)]),
    ("IPO", &[Deal(E::Ipo)]),
    ("企業価値", &[Money(M::Valuation)]),
    ("評価額", &[Money(M::Valuation)]),
    ("時価総額", &[Money(M::MarketCap)]),
    ("1株当たり利益", &[Money(M::Other)]),
    ("1株利益", &[Money(M::Other)]),
    ("1株当たり", &[Money(M::SharePrice)]),
    ("1株あたり", &[Money(M::SharePrice)]),
    ("株価", &[Money(M::SharePrice)]),
    ("買付価格", &[Money(M::SharePrice)]),
    ("買い付け価格", &[Money(M::SharePrice)]),
    ("TOB価格", &[Money(M::SharePrice)]),
    ("終値", &[Money(M::SharePrice)]),
    ("配当金", &[Money(M::Dividend)]),
    ("配当", &[Money(M::Dividend)]),
    ("設備投資", &[Money(M::Cost)]),
    ("研究開発費", &[Money(M::Cost)]),
    ("費用", &[Money(M::Cost)]),
    ("コスト", &[Money(M::Cost)]),
    ("罰金", &[Money(M::Cost)]),
    ("制裁金", &[Money(M::Cost)]),
    ("引当金", &[Money(M::Cost)]),
    ("支出", &[Money(M::Cost)]),
    ("負担", &[Money(M::Cost)]),
    ("押し下げ", &[Money(M::Other), Change(Change::Decrease)]),
    ("資産", &[Money(M::Other)]),
    ("負債", &[Money(M::Other)]),
    ("借入", &[Money(M::Other)]),
    ("価格", &[Money(M::Other)]),
    ("前年同期比", &[Percent(M::Growth), Base]),
    ("前年同月比", &[Percent(M::Growth), Base]),
    ("前年比", &[Percent(M::Growth), Base]),
    ("前期比", &[Percent(M::Growth), Base]),
    ("前月比", &[Percent(M::Growth), Base]),
    ("前日比", &[Percent(M::Growth), Base]),
    ("比", &[Base]),
    ("以来", &[Base]),
    ("増", &[Change(Change::Increase)]),
    ("増加", &[Change(Change::Increase)]),
    ("上昇", &[Change(Change::Increase)]),
    ("伸び", &[Change(Change::Increase)]),
    ("拡大", &[Change(Change::Increase)]),
    ("高", &[Change(Change::Increase)]),
    ("値上がり", &[Change(Change::Increase)]),
    ("上回", &[Change(Change::Increase)]),
    ("減", &[Change(Change::Decrease)]),
    ("減少", &[Change(Change::Decrease)]),
    ("下落", &[Change(Change::Decrease)]),
    ("低下", &[Change(Change::Decrease)]),
    ("縮小", &[Change(Change::Decrease)]),
    ("安", &[Change(Change::Decrease)]),
    ("値下がり", &[Change(Change::Decrease)]),
    ("下回", &[Change(Change::Decrease)]),
    ("成長率", &[Percent(M::Growth)]),
    ("伸び率", &[Percent(M::Growth)]),
    ("上昇率", &[Percent(M::Growth)]),
    ("騰落率", &[Percent(M::Growth)]),
    ("シェア", &[Percent(M::Share)]),
    ("占め", &[Percent(M::Share)]),
    ("占有率", &[Percent(M::Share)]),
    ("比率", &[Percent(M::Share)]),
    ("割合", &[Percent(M::Share)]),
    ("株式", &[Percent(M::Share)]),
    ("保有", &[Percent(M::Share)]),
    ("議決権", &[Percent(M::Share)]),
    ("担", &[Percent(M::Share)]),
    ("金利", &[Percent(M::Rate)]),
    ("利率", &[Percent(M::Rate)]),
    ("税率", &[Percent(M::Rate)]),
    ("関税", &[Percent(M::Rate)]),
    ("利回り", &[Percent(M::Rate)]),
    ("インフレ率", &[Percent(M::Rate)]),
    ("物価上昇率", &[Percent(M::Rate)]),
    ("消費者物価", &[Percent(M::Rate)]),
    ("失業率", &[Percent(M::Rate)]),
    ("利上げ", &[Percent(M::Rate)]),
    ("利下げ", &[Percent(M::Rate)]),
    ("政策金利", &[Percent(M::Rate)]),
    ("利益率", &[Percent(M::Margin)]),
    ("マージン", &[Percent(M::Margin)]),
    ("完了した", &[Status(Status::Completed)]),
    ("完了し", &[Status(Status::Completed)]),
    ("合意", &[Status(Status::Agreed)]),
    ("決定", &[Status(Status::Agreed)]),
    ("締結", &[Status(Status::Agreed)]),
    ("決議", &[Status(Status::Agreed)]),
    ("発表", &[Status(Status::Agreed)]),
    ("提案", &[Status(Status::Proposed)]),
    ("提示", &[Status(Status::Proposed)]),
    ("打診", &[Status(Status::Proposed)]),
    ("方針", &[Status(Status::Proposed)]),
    ("計画", &[Status(Status::Proposed)]),
    ("検討", &[Status(Status::Talks)]),
    ("協議", &[Status(Status::Talks)]),
    ("交渉", &[Status(Status::Talks)]),
    ("調整", &[Status(Status::Talks)]),
    ("模索", &[Status(Status::Talks)]),
    ("同社", &[Carry]),
    ("同グループ", &[Carry]),
    ("同行", &[Carry]),
    ("同事業", &[Carry]),
    ("同部門", &[Carry]),
    ("一方", &[Break]),
    ("影響", &[Money(M::Cost)]),
    ("相互関税", &[Percent(M::Rate)]),
    ("対米投資", &[Money(M::Investment)]),
    ("ずつ", &[Percent(M::Share)]),
    ("受け取", &[Percent(M::Share)]),
    ("総額", &[Money(M::DealValue)]),
    ("影響額", &[Money(M::Cost)]),
    ("シナジー", &[Money(M::Other)]),
    ("自社株買い", &[Money(M::Other)]),
    ("自己資本比率", &[Percent(M::Other)]),
    ("賃上げ率", &[Percent(M::Growth), Change(Change::Increase)]),
    ("値上げ", &[Change(Change::Increase)]),
    ("目標", &[Percent(M::Rate)]),
    ("買収した", &[Status(Status::Completed)]),
    ("取得した", &[Status(Status::Completed)]),
    ("子会社化した", &[Status(Status::Completed)]),
    ("出資した", &[Status(Status::Completed)]),
    ("統合した", &[Status(Status::Completed)]),
    ("売却した", &[Status(Status::Completed)]),
    ("合併した", &[Status(Status::Completed)]),
    ("予定", &[Status(Status::Proposed)]),
];

/// English cues, matched case-insensitively on word boundaries.
const EN: &[(&str, &[Cue])] = &[
    ("revenue", &[Money(M::Revenue)]),
    ("revenues", &[Money(M::Revenue)]),
    ("sales", &[Money(M::Revenue)]),
    ("turnover", &[Money(M::Revenue)]),
    ("operating income", &[Money(M::OperatingProfit)]),
    ("operating profit", &[Money(M::OperatingProfit)]),
    ("operating earnings", &[Money(M::OperatingProfit)]),
    ("operating loss", &[Money(M::Loss)]),
    ("net income", &[Money(M::NetProfit)]),
    ("net profit", &[Money(M::NetProfit)]),
    ("net earnings", &[Money(M::NetProfit)]),
    ("net loss", &[Money(M::Loss)]),
    ("loss", &[Money(M::Loss)]),
    ("losses", &[Money(M::Loss)]),
    ("profit", &[Money(M::Profit)]),
    ("profits", &[Money(M::Profit)]),
    ("pretax", &[Money(M::Profit)]),
    ("pre-tax", &[Money(M::Profit)]),
    ("ebitda", &[Money(M::Profit)]),
    ("gross profit", &[Money(M::Profit)]),
    ("earnings", &[Money(M::Profit)]),
    ("earned", &[Money(M::Profit)]),
    ("earnings per share", &[Money(M::Other)]),
    ("eps", &[Money(M::Other)]),
    ("deal", &[Money(M::DealValue)]),
    ("transaction", &[Money(M::DealValue)]),
    ("takeover", &[Money(M::DealValue), Deal(E::Acquisition)]),
    ("take over", &[Money(M::DealValue), Deal(E::Acquisition)]),
    ("acquisition", &[Money(M::DealValue), Deal(E::Acquisition)]),
    ("acquire", &[Money(M::DealValue), Deal(E::Acquisition)]),
    ("acquires", &[Money(M::DealValue), Deal(E::Acquisition)]),
    ("acquired", &[Money(M::DealValue), Deal(E::Acquisition)]),
    ("acquiring", &[Money(M::DealValue), Deal(E::Acquisition)]),
    ("buy", &[Money(M::DealValue), Deal(E::Acquisition)]),
    ("buys", &[Money(M::DealValue), Deal(E::Acquisition)]),
    ("buying", &[Money(M::DealValue), Deal(E::Acquisition)]),
    ("bought", &[Money(M::DealValue), Deal(E::Acquisition)]),
    ("buyout", &[Money(M::DealValue), Deal(E::Acquisition)]),
    ("tender offer", &[Money(M::DealValue), Deal(E::Acquisition)]),
    ("merger", &[Money(M::DealValue), Deal(E::Merger)]),
    ("merge", &[Deal(E::Merger)]),
    ("merges", &[Deal(E::Merger)]),
    ("merged", &[Deal(E::Merger)]),
    ("invest", &[Money(M::Investment), Deal(E::Investment)]),
    ("invests", &[Money(M::Investment), Deal(E::Investment)]),
    ("invested", &[Money(M::Investment), Deal(E::Investment)]),
    ("investing", &[Money(M::Investment), Deal(E::Investment)]),
    ("investment", &[Money(M::Investment), Deal(E::Investment)]),
    (
        "stake",
        &[Money(M::Investment), Percent(M::Share), Deal(E::Investment)],
    ),
    ("funding", &[Money(M::Investment), Deal(E::Investment)]),
    ("round", &[Money(M::Investment)]),
    ("sell", &[Money(M::DealValue), Deal(E::Divestiture)]),
    ("sells", &[Money(M::DealValue), Deal(E::Divestiture)]),
    ("sold", &[Money(M::DealValue), Deal(E::Divestiture)]),
    ("selling", &[Money(M::DealValue), Deal(E::Divestiture)]),
    ("sale of", &[Money(M::DealValue), Deal(E::Divestiture)]),
    ("divest", &[Money(M::DealValue), Deal(E::Divestiture)]),
    ("divestiture", &[Money(M::DealValue), Deal(E::Divestiture)]),
    ("ipo", &[Deal(E::Ipo)]),
    ("initial public offering", &[Deal(E::Ipo)]),
    ("go public", &[Deal(E::Ipo)]),
    ("valuation", &[Money(M::Valuation)]),
    ("valued at", &[Money(M::Valuation)]),
    ("valuing", &[Money(M::Valuation)]),
    ("market value", &[Money(M::MarketCap)]),
    ("market capitalization", &[Money(M::MarketCap)]),
    ("market capitalisation", &[Money(M::MarketCap)]),
    ("market cap", &[Money(M::MarketCap)]),
    ("per share", &[Money(M::SharePrice)]),
    ("a share", &[Money(M::SharePrice)]),
    ("share price", &[Money(M::SharePrice)]),
    ("dividend", &[Money(M::Dividend)]),
    ("dividends", &[Money(M::Dividend)]),
    ("capex", &[Money(M::Cost)]),
    ("capital expenditure", &[Money(M::Cost)]),
    ("capital expenditures", &[Money(M::Cost)]),
    ("capital spending", &[Money(M::Cost)]),
    ("spending", &[Money(M::Cost)]),
    ("spend", &[Money(M::Cost)]),
    ("cost", &[Money(M::Cost)]),
    ("costs", &[Money(M::Cost)]),
    ("charge", &[Money(M::Cost)]),
    ("charges", &[Money(M::Cost)]),
    ("fine", &[Money(M::Cost)]),
    ("fined", &[Money(M::Cost)]),
    ("penalty", &[Money(M::Cost)]),
    ("provision", &[Money(M::Cost)]),
    ("expenses", &[Money(M::Cost)]),
    ("cash flow", &[Money(M::Other)]),
    ("free cash flow", &[Money(M::Other)]),
    ("assets", &[Money(M::Other)]),
    ("debt", &[Money(M::Other)]),
    ("backlog", &[Money(M::Other)]),
    ("price", &[Money(M::Other)]),
    ("year on year", &[Percent(M::Growth)]),
    ("year-on-year", &[Percent(M::Growth)]),
    ("year over year", &[Percent(M::Growth)]),
    ("year-over-year", &[Percent(M::Growth)]),
    ("growth", &[Percent(M::Growth)]),
    ("from", &[Base]),
    ("compared with", &[Base]),
    ("compared to", &[Base]),
    ("since", &[Base]),
    ("than", &[Base]),
    ("rose", &[Change(Change::Increase)]),
    ("rise", &[Change(Change::Increase)]),
    ("rises", &[Change(Change::Increase)]),
    ("risen", &[Change(Change::Increase)]),
    ("rising", &[Change(Change::Increase)]),
    ("up", &[Change(Change::Increase)]),
    ("gain", &[Change(Change::Increase)]),
    ("gains", &[Change(Change::Increase)]),
    ("gained", &[Change(Change::Increase)]),
    ("increase", &[Change(Change::Increase)]),
    ("increased", &[Change(Change::Increase)]),
    ("increases", &[Change(Change::Increase)]),
    ("grew", &[Change(Change::Increase)]),
    ("grow", &[Change(Change::Increase)]),
    ("jump", &[Change(Change::Increase)]),
    ("jumped", &[Change(Change::Increase)]),
    ("climb", &[Change(Change::Increase)]),
    ("climbed", &[Change(Change::Increase)]),
    ("surge", &[Change(Change::Increase)]),
    ("surged", &[Change(Change::Increase)]),
    ("advance", &[Change(Change::Increase)]),
    ("advanced", &[Change(Change::Increase)]),
    ("higher", &[Change(Change::Increase)]),
    ("rally", &[Change(Change::Increase)]),
    ("rallied", &[Change(Change::Increase)]),
    ("fell", &[Change(Change::Decrease)]),
    ("fall", &[Change(Change::Decrease)]),
    ("falls", &[Change(Change::Decrease)]),
    ("fallen", &[Change(Change::Decrease)]),
    ("down", &[Change(Change::Decrease)]),
    ("drop", &[Change(Change::Decrease)]),
    ("dropped", &[Change(Change::Decrease)]),
    ("drops", &[Change(Change::Decrease)]),
    ("decline", &[Change(Change::Decrease)]),
    ("declined", &[Change(Change::Decrease)]),
    ("declines", &[Change(Change::Decrease)]),
    ("decrease", &[Change(Change::Decrease)]),
    ("decreased", &[Change(Change::Decrease)]),
    ("slid", &[Change(Change::Decrease)]),
    ("slipped", &[Change(Change::Decrease)]),
    ("slumped", &[Change(Change::Decrease)]),
    ("lower", &[Change(Change::Decrease)]),
    ("shrank", &[Change(Change::Decrease)]),
    ("plunged", &[Change(Change::Decrease)]),
    ("tumbled", &[Change(Change::Decrease)]),
    ("sank", &[Change(Change::Decrease)]),
    ("lost", &[Change(Change::Decrease)]),
    ("market share", &[Percent(M::Share)]),
    ("share of", &[Percent(M::Share)]),
    ("owns", &[Percent(M::Share)]),
    ("own", &[Percent(M::Share)]),
    ("holds", &[Percent(M::Share)]),
    ("holding", &[Percent(M::Share)]),
    ("voting rights", &[Percent(M::Share)]),
    ("rate", &[Percent(M::Rate)]),
    ("rates", &[Percent(M::Rate)]),
    ("interest", &[Percent(M::Rate)]),
    ("tariff", &[Percent(M::Rate)]),
    ("tariffs", &[Percent(M::Rate)]),
    ("tax", &[Percent(M::Rate)]),
    ("levy", &[Percent(M::Rate)]),
    ("duty", &[Percent(M::Rate)]),
    ("duties", &[Percent(M::Rate)]),
    ("inflation", &[Percent(M::Rate)]),
    ("yield", &[Percent(M::Rate)]),
    ("yields", &[Percent(M::Rate)]),
    ("unemployment", &[Percent(M::Rate)]),
    ("cpi", &[Percent(M::Rate)]),
    ("margin", &[Percent(M::Margin)]),
    ("margins", &[Percent(M::Margin)]),
    ("completed", &[Status(Status::Completed)]),
    ("closed", &[Status(Status::Completed)]),
    ("completes", &[Status(Status::Completed)]),
    ("finalized", &[Status(Status::Completed)]),
    ("agreed", &[Status(Status::Agreed)]),
    ("agrees", &[Status(Status::Agreed)]),
    ("signed", &[Status(Status::Agreed)]),
    ("definitive agreement", &[Status(Status::Agreed)]),
    ("will acquire", &[Status(Status::Agreed)]),
    ("will buy", &[Status(Status::Agreed)]),
    ("to acquire", &[Status(Status::Agreed)]),
    ("to buy", &[Status(Status::Agreed)]),
    ("announced", &[Status(Status::Agreed)]),
    ("offer", &[Status(Status::Proposed)]),
    ("offered", &[Status(Status::Proposed)]),
    ("bid", &[Status(Status::Proposed)]),
    ("proposed", &[Status(Status::Proposed)]),
    ("proposal", &[Status(Status::Proposed)]),
    ("plans to", &[Status(Status::Proposed)]),
    ("intends to", &[Status(Status::Proposed)]),
    ("seeks to", &[Status(Status::Proposed)]),
    ("talks", &[Status(Status::Talks)]),
    ("considering", &[Status(Status::Talks)]),
    ("weighing", &[Status(Status::Talks)]),
    ("exploring", &[Status(Status::Talks)]),
    ("reportedly", &[Status(Status::Talks)]),
    ("in discussions", &[Status(Status::Talks)]),
    ("negotiating", &[Status(Status::Talks)]),
    ("people familiar", &[Status(Status::Talks)]),
    ("the company", &[Carry]),
    ("the firm", &[Carry]),
    ("the group", &[Carry]),
    ("the chipmaker", &[Carry]),
    ("the software maker", &[Carry]),
    ("the automaker", &[Carry]),
    ("the startup", &[Carry]),
    ("segment", &[Carry]),
    ("division", &[Carry]),
    ("it", &[Carry]),
    ("its", &[Carry]),
    ("while", &[Break]),
    ("whereas", &[Break]),
    ("meanwhile", &[Break]),
    ("gave back", &[Change(Change::Decrease)]),
    ("added", &[Change(Change::Increase)]),
    ("brought in", &[Money(M::Revenue)]),
    ("close of", &[Money(M::SharePrice)]),
    ("closing price", &[Money(M::SharePrice)]),
    ("enterprise value", &[Money(M::Valuation)]),
    ("shares", &[Money(M::SharePrice)]),
    ("stock", &[Money(M::SharePrice)]),
    ("loans", &[Money(M::Other)]),
    ("savings", &[Money(M::Other)]),
    ("synergies", &[Money(M::Other)]),
    ("fee", &[Money(M::Cost)]),
    ("chance", &[Percent(M::Other)]),
    ("probability", &[Percent(M::Other)]),
    ("premium", &[Percent(M::Other)]),
    ("committing", &[Money(M::Investment)]),
    ("outpacing", &[Break]),
    ("outperforming", &[Break]),
];

/// A cue found in a text: byte range (absolute in the article) and what it says.
#[derive(Clone, Copy, Debug)]
pub struct Hit {
    /// The `start` field (see the module doc).
    pub start: usize,
    /// The `end` field (see the module doc).
    pub end: usize,
    /// The `cues` field (see the module doc).
    pub cues: &'static [Cue],
}

impl Hit {
    /// `has` (see the module doc).
    pub fn has(&self, f: impl Fn(&Cue) -> bool) -> bool {
        self.cues.iter().any(f)
    }
}

struct Table {
    ac: AhoCorasick,
    cues: Vec<&'static [Cue]>,
    words: bool,
}

fn build(table: &'static [(&'static str, &'static [Cue])], words: bool) -> Table {
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(words)
        .build(table.iter().map(|(w, _)| *w))
        .expect("cue words compile");
    Table {
        ac,
        cues: table.iter().map(|(_, c)| *c).collect(),
        words,
    }
}

static JA_TABLE: LazyLock<Table> = LazyLock::new(|| build(JA, false));
static EN_TABLE: LazyLock<Table> = LazyLock::new(|| build(EN, true));

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\''
}

/// Every cue in `text[start..end]`, overlapping ones included, in order of start.
/// English cues must sit on word boundaries.
pub fn scan(lang: Lang, text: &str, start: usize, end: usize) -> Vec<Hit> {
    let table: &Table = match lang {
        Lang::Ja => &JA_TABLE,
        Lang::En => &EN_TABLE,
    };
    let hay = &text[start..end];
    let mut hits = Vec::new();
    for m in table.ac.find_overlapping_iter(hay) {
        if table.words {
            let before = hay[..m.start()].chars().next_back();
            let after = hay[m.end()..].chars().next();
            if before.is_some_and(is_word) || after.is_some_and(is_word) {
                continue;
            }
        }
        hits.push(Hit {
            start: start + m.start(),
            end: start + m.end(),
            cues: table.cues[m.pattern().as_usize()],
        });
    }
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_have_no_duplicate_words() {
        for table in [JA, EN] {
            let mut words: Vec<&str> = table.iter().map(|(w, _)| *w).collect();
            words.sort_unstable();
            let n = words.len();
            words.dedup();
            assert_eq!(n, words.len());
        }
    }

    #[test]
    fn english_cues_sit_on_word_boundaries() {
        let t = "Revenue rose; the upside grew";
        let words: Vec<&str> = scan(Lang::En, t, 0, t.len())
            .iter()
            .map(|h| &t[h.start..h.end])
            .collect();
        assert_eq!(words, ["Revenue", "rose", "grew"]);
    }
}
