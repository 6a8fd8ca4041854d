#!/usr/bin/env python3
"""Build tests/gold/{en,ja}.gold.jsonl from the annotations below.

Each annotation names the exact text of a fact; its offsets are found by
searching the article from the end of the previous fact (facts are listed in
document order), so no offset is ever written by hand. Names of people and
companies must also sit on word boundaries in Latin text. The script verifies
`text[start:end] == fact["text"]` for every line it writes, and prints person
and company names that occur in an article without being annotated there.

    python3 tests/gold/build_gold.py          # from the repository root
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = "ja-us-china-london-talks"


def M(text, amount, currency, q="exact", per=None, amax=None, opt=False):
    v = {"amount": amount, "currency": currency, "qualifier": q}
    if amax is not None:
        v["amount_max"] = amax
    if per is not None:
        v["per"] = per
    return ("money", text, v, opt)


def P(text, value, q="exact", unit="percent", vmax=None, opt=False):
    v = {"value": value, "qualifier": q, "unit": unit}
    if vmax is not None:
        v["value_max"] = vmax
    return ("percent", text, v, opt)


def D(text, iso, yi=False, rel=False, fy_end=None, opt=False):
    v = {"iso": iso}
    if yi:
        v["year_inferred"] = True
    if rel:
        v["relative"] = True
    if fy_end:
        v["fy_end"] = fy_end
    return ("date", text, v, opt)


def PE(text, title=None, canonical=None, name=None, opt=False):
    return ("person", text, {"name": name or text, "title": title, "canonical": canonical}, opt)


def C(text, canonical=None, name=None, opt=False):
    return ("company", text, {"name": name or text, "canonical": canonical}, opt)


B = 1e9
MN = 1e6
OKU = 1e8
CHO = 1e12

# Canonical names used more than once.
AVGO, MSFT, NVDA, SBG, TM = "Broadcom", "Microsoft", "Nvidia", "SoftBank Group", "Toyota Motor"
NS = "Nippon Steel"

EN = {
    "en-broadcom-veridian-deal": [
        C("Broadcom", AVGO), C("Veridian"), M("£11.2 billion", 11.2 * B, "GBP"),
        D("Nov 10, 2025", "2025-11-10"),
        C("Broadcom Inc.", AVGO), C("Veridian Networks PLC"),
        M("about £11.2 billion", 11.2 * B, "GBP", "approx"), M("$14.7 billion", 14.7 * B, "USD"),
        D("Monday", "2025-11-10", rel=True, opt=True),
        C("Broadcom", AVGO), M("1,085 pence", 10.85, "GBP", per="share"), C("Veridian"),
        P("47.3%", 47.3), M("736.5 pence", 7.365, "GBP", per="share"),
        D("Friday", "2025-11-07", rel=True, opt=True),
        C("Veridian"), M("roughly £640 million", 640 * MN, "GBP", "approx"),
        M("nearly £11.9 billion", 11.9 * B, "GBP", "under"),
        C("Veridian"), P("41%", 41), M("1,038 pence", 10.38, "GBP", per="share"),
        C("Broadcom", AVGO), P("1.2%", 1.2),
        C("Veridian"), D("2011", "2011"), P("62%", 62), M("£1.34 billion", 1.34 * B, "GBP"),
        D("June 30", "2025-06-30", yi=True), P("35%-40%", 35, "range", vmax=40),
        D("fiscal 2026", "FY2026"),
        C("Veridian"), C("Broadcom", AVGO),
        PE("Hock Tan", "Chief Executive", "Hock Tan"),
        C("Veridian"), PE("Priya Raman", "CEO"), C("Broadcom", AVGO),
        PE("Raman"), C("Veridian"),
        C("Broadcom", AVGO), M("$9 billion", 9 * B, "USD"),
        C("JPMorgan Chase & Co", "JPMorgan Chase"), C("Bank of America", "Bank of America"),
        M("about $450 million", 450 * MN, "USD", "approx"), D("fiscal 2028", "FY2028"),
        D("second half of 2026", "2026-H2"), C("Broadcom", AVGO), C("Veridian"),
        M("$1.1 billion", 1.1 * B, "USD"),
        C("Goldman Sachs", "Goldman Sachs"), C("Barclays", "Barclays"), C("Broadcom", AVGO),
        C("Morgan Stanley", "Morgan Stanley"), C("Rothschild & Co", "Rothschild & Co"),
        C("Veridian"),
        C("Wachtell, Lipton, Rosen & Katz", opt=True), C("Slaughter and May", opt=True),
        PE("Peter Kyle", "Business Secretary", "Peter Kyle"),
        C("Broadcom", AVGO), C("Redwater Capital"), PE("Hannah Oduya", "analyst"),
        C("Broadcom", AVGO), M("$69 billion", 69 * B, "USD"), C("VMware", "VMware"),
        D("November 2023", "2023-11"), PE("Tan", canonical="Hock Tan"),
        M("$60 billion to $90 billion", 60 * B, "USD", "range", amax=90 * B),
        D("fiscal 2027", "FY2027"),
        C("Veridian"), C("SoftBank Group Corp", SBG),
        C("Vision Fund", "SoftBank Vision Fund", opt=True), P("about 8.5%", 8.5, "approx"),
    ],
    "en-microsoft-q4-results": [
        C("Microsoft", MSFT), P("7%", 7),
        D("July 30, 2025", "2025-07-30"), C("Microsoft Corp.", MSFT),
        D("fiscal fourth-quarter", "FY2025-Q4"), D("Wednesday", "2025-07-30", rel=True, opt=True),
        P("about 7%", 7, "approx"), M("$4 trillion", 4 * CHO, "USD"),
        D("June 30", "2025-06-30", yi=True), P("18%", 18), M("$76.44 billion", 76.44 * B, "USD"),
        M("$73.81 billion", 73.81 * B, "USD"), C("LSEG", "LSEG", opt=True),
        P("24%", 24), M("$27.23 billion", 27.23 * B, "USD"), M("$3.65", 3.65, "USD", per="share"),
        M("$22.04 billion", 22.04 * B, "USD"), M("$2.95", 2.95, "USD", per="share"),
        M("$3.37", 3.37, "USD", per="share"),
        P("39%", 39), P("34%-35%", 34, "range", vmax=35), D("April", "2025-04", yi=True),
        C("Microsoft", MSFT), M("$75 billion", 75 * B, "USD"), D("fiscal 2025", "FY2025"),
        P("34%", 34), D("previous fiscal year", "FY2024", rel=True, opt=True),
        PE("Satya Nadella", "Chief Executive", "Satya Nadella"),
        M("$29.88 billion", 29.88 * B, "USD"), P("26%", 26), C("LinkedIn", "LinkedIn", opt=True),
        M("$33.11 billion", 33.11 * B, "USD"), M("$13.45 billion", 13.45 * B, "USD"),
        M("$24.2 billion", 24.2 * B, "USD"), D("fourth quarter", "FY2025-Q4"), P("27%", 27),
        D("third quarter", "FY2025-Q3"),
        PE("Amy Hood", "Chief Financial Officer", "Amy Hood"), M("$30 billion", 30 * B, "USD"),
        D("first quarter of fiscal 2026", "FY2026-Q1"),
        D("July through September", "2025-07/2025-09", yi=True),
        PE("Hood", canonical="Amy Hood"), D("fiscal first-quarter", "FY2026-Q1"),
        M("$30.1 billion to $30.4 billion", 30.1 * B, "USD", "range", amax=30.4 * B),
        P("about 37%", 37, "approx"), D("fiscal year 2026", "FY2026"),
        D("calendar 2025", "2025"), PE("Hood", canonical="Amy Hood"),
        C("Microsoft", MSFT), P("68.6%", 68.6), P("69.6%", 69.6), P("23%", 23),
        M("$34.32 billion", 34.32 * B, "USD"),
        C("Microsoft", MSFT), M("$13 billion-plus", 13 * B, "USD", "over"), C("OpenAI", "OpenAI"),
        PE("Nadella", canonical="Satya Nadella"),
        C("Alphabet Inc.", "Alphabet"), D("last week", None, rel=True, opt=True), D("2025", "2025"),
        M("$85 billion", 85 * B, "USD"), M("$75 billion", 75 * B, "USD"),
        C("Meta Platforms", "Meta Platforms"), D("Wednesday", "2025-07-30", rel=True, opt=True),
        C("Harbor Lane Securities"), PE("Marcus Feld", "analyst"), D("fiscal '26", "FY2026"),
        C("Microsoft", MSFT), P("21%", 21), D("this year", "2025", rel=True, opt=True),
        D("Wednesday", "2025-07-30", rel=True, opt=True), M("$513.24", 513.24, "USD", per="share"),
        P("10%", 10),
    ],
    "en-markets-wall-street-record": [
        D("Sept 19, 2025", "2025-09-19"), D("Friday", "2025-09-19", rel=True, opt=True),
        P("0.49%", 0.49), P("0.72%", 0.72), P("0.37%", 0.37), P("2.2%", 2.2),
        C("Apple Inc.", "Apple"), P("3.2%", 3.2), C("Wedbush", "Wedbush Securities"),
        C("Oracle Corp", "Oracle"), P("4.1%", 4.1), C("Nvidia", NVDA), P("0.3%", 0.3),
        M("$5 billion", 5 * B, "USD"), C("Intel Corp", "Intel"), P("1.8%", 1.8), P("22.8%", 22.8),
        D("Thursday", "2025-09-18", rel=True, opt=True),
        PE("Julia Marsh", "chief investment strategist"), C("Crestline Wealth Partners"),
        D("third quarter", "2025-Q3"),
        D("Wednesday", "2025-09-17", rel=True, opt=True),
        P("a quarter of a percentage point", 0.25, unit="point"),
        P("4.00%-4.25%", 4.0, "range", vmax=4.25), D("2025", "2025"),
        P("roughly 90%", 90, "approx"), P("25-basis-point", 0.25, unit="point", opt=True),
        D("October 28-29", "2025-10-28/2025-10-29", yi=True), C("CME Group", "CME Group", opt=True),
        P("3 basis points", 0.03, unit="point", opt=True), P("4.136%", 4.136), P("3.57%", 3.57),
        P("4.75%", 4.75),
        P("0.4%", 0.4), M("148.05 yen", 148.05, "JPY", opt=True), P("0.5%", 0.5), P("0.75%", 0.75),
        P("0.5%", 0.5), M("$1.1744", 1.1744, "USD", opt=True), P("0.8%", 0.8),
        M("$1.3470", 1.347, "USD", opt=True), M("£1.4 billion", 1.4 * B, "GBP"),
        D("August", "2025-08", yi=True),
        P("1.1%", 1.1), M("$66.68", 66.68, "USD", per="barrel"), P("1.4%", 1.4),
        M("$62.68", 62.68, "USD", per="barrel"), P("1.1%", 1.1),
        M("$3,683.90", 3683.9, "USD", per="ounce"),
        P("0.2%", 0.2), P("5.3%", 5.3), C("Novo Nordisk A/S", "Novo Nordisk"), P("0.6%", 0.6),
        P("0.08%", 0.08),
        C("FedEx Corp", "FedEx"), P("2.3%", 2.3), D("fiscal 2026", "FY2026"),
        M("$17.20 to $19", 17.2, "USD", "range", per="share", amax=19),
        C("Lennar Corp", "Lennar"), P("4.1%", 4.1), D("third-quarter", None, opt=True),
    ],
    "en-fed-december-decision": [
        D("this year", "2025", rel=True, opt=True),
        D("Dec 10, 2025", "2025-12-10"), P("a quarter of a percentage point", 0.25, unit="point"),
        D("Wednesday", "2025-12-10", rel=True, opt=True),
        P("3.50% to 3.75%", 3.5, "range", vmax=3.75), D("November 2022", "2022-11"),
        PE("Stephen Miran", "Governor", "Stephen Miran"),
        P("half-point", 0.5, unit="point", opt=True),
        PE("Jeffrey Schmid", "Kansas City Fed President", "Jeffrey Schmid"),
        PE("Austan Goolsbee", "Chicago Fed President", "Austan Goolsbee"),
        D("2026", "2026"), P("about 3.4%", 3.4, "approx"),
        D("next year", "2026", rel=True, opt=True),
        PE("Jerome Powell", "Fed Chair", "Jerome Powell"),
        PE("Powell", canonical="Jerome Powell"), P("4.4%", 4.4), D("September", "2025-09", yi=True),
        P("4.1%", 4.1), D("June", "2025-06", yi=True),
        P("roughly half a percentage point", 0.5, "approx", unit="point"),
        P("2.8%", 2.8), D("September", "2025-09", yi=True), D("2026", "2026"), P("2.3%", 2.3),
        P("1.8%", 1.8), P("2.5%", 2.5), D("next year", "2026", rel=True, opt=True),
        M("about $40 billion", 40 * B, "USD", "approx", per="month"),
        D("Dec. 12", "2025-12-12", yi=True), M("$6.6 trillion", 6.6 * CHO, "USD"),
        D("Dec. 1", "2025-12-01", yi=True),
        PE("Donald Trump", "President", "Donald Trump"), PE("Powell", canonical="Jerome Powell"),
        D("May 2026", "2026-05"), PE("Trump", canonical="Donald Trump"),
        D("early next year", "2026", rel=True, opt=True),
        PE("Kevin Hassett", "White House economic adviser", "Kevin Hassett"),
        PE("Scott Bessent", "Treasury Secretary", "Scott Bessent"),
        D("Tuesday", "2025-12-09", rel=True, opt=True),
        M("more than $195 billion", 195 * B, "USD", "over"), D("fiscal 2025", "FY2025"),
        D("Nov. 5", "2025-11-05", yi=True), P("10%", 10),
        PE("Bessent", canonical="Scott Bessent"), P("15%", 15), P("39%", 39),
        D("first quarter of 2026", "2026-Q1"),
        P("0.7%", 0.7), P("7 basis points", 0.07, unit="point", opt=True), P("3.54%", 3.54),
        PE("Lorena Vasquez", "chief U.S. economist"), C("Atherton Bay Advisors"),
        P("less than 25%", 25, "under"),
        D("Jan. 27-28, 2026", "2026-01-27/2026-01-28"),
    ],
    "en-lumora-funding-export-rules": [
        C("SoftBank", SBG), M("$4 billion", 4 * B, "USD"), C("Lumora"),
        D("Oct 7, 2025", "2025-10-07"), C("Lumora Systems"),
        D("Tuesday", "2025-10-07", rel=True, opt=True), M("$4 billion", 4 * B, "USD"),
        C("SoftBank Group Corp.", SBG), M("$31.5 billion", 31.5 * B, "USD"),
        D("January", "2025-01", yi=True),
        C("Microsoft", MSFT), C("Fidelity Management & Research", "Fidelity Investments"),
        C("Public Investment Fund", opt=True), C("Lumora"), C("Nvidia Corp", NVDA),
        C("NVentures", opt=True),
        C("Lumora"), D("2022", "2022"), C("Google", "Google"),
        PE("Daniel Okafor"), PE("Mei Lin Zhao"), P("about 60%", 60, "approx"),
        PE("Okafor", "chief executive"), C("Lumora"),
        M("$350 million to $400 million", 350 * MN, "USD", "range", amax=400 * MN),
        D("2026", "2026"), M("less than $50 million", 50 * MN, "USD", "under"),
        D("this year", "2025", rel=True, opt=True),
        C("Taiwan Semiconductor Manufacturing Co", "TSMC"),
        D("second quarter of 2026", "2026-Q2"),
        C("SoftBank", SBG), PE("Masayoshi Son", "CEO", "Masayoshi Son"),
        M("up to $30 billion", 30 * B, "USD", "at_most"), C("OpenAI", "OpenAI"),
        C("Ampere Computing", "Ampere Computing"), M("$6.5 billion", 6.5 * B, "USD"),
        D("earlier this year", "2025", rel=True, opt=True), C("SoftBank", SBG), P("4.7%", 4.7),
        D("Wednesday", "2025-10-08", rel=True, opt=True), M("19,480 yen", 19480, "JPY", per="share"),
        D("Monday", "2025-10-06", rel=True, opt=True), D("Nov. 15", "2025-11-15", yi=True),
        PE("Howard Lutnick", "Commerce Secretary", "Howard Lutnick"),
        D("August", "2025-08", yi=True), C("Nvidia", NVDA),
        C("Advanced Micro Devices Inc.", "AMD"), P("15%", 15),
        C("Nvidia", NVDA), PE("Jensen Huang", "CEO", "Jensen Huang"),
        M("about $50 billion", 50 * B, "USD", "approx", per="year"),
        C("Huawei Technologies", "Huawei"), PE("Huang", canonical="Jensen Huang"),
        C("Nvidia", NVDA), P("roughly 50%", 50, "approx"), P("95%", 95),
        D("four years ago", "2021", rel=True, opt=True),
        C("Lumora"), P("less than 10%", 10, "under"),
        M("$192.7 billion", 192.7 * B, "USD"), D("2025", "2025"), C("PitchBook", "PitchBook", opt=True),
        D("2024", "2024"),
        C("Nvidia", NVDA), M("$5 billion", 5 * B, "USD"), C("Intel", "Intel"),
        C("Nvidia", NVDA), P("roughly 4%", 4, "approx"), C("Intel", "Intel"),
        C("Microsoft", MSFT), M("$17.4 billion", 17.4 * B, "USD"), C("Nebius", "Nebius Group"),
        C("Rapidus", "Rapidus"), D("fiscal 2027", "FY2027"),
        M("¥1.72 trillion", 1.72 * CHO, "JPY"),
    ],
}

JA = {
    "ja-toyota-q1-earnings": [
        C("トヨタ", TM), D("4〜6月期", "2025-04/2025-06", yi=True), P("３７％", 37),
        C("トヨタ自動車株式会社", TM), D("2025年8月7日", "2025-08-07"),
        D("2026年3月期第1四半期", "FY2026-Q1", fy_end="2026-03"),
        D("4〜6月", "2025-04/2025-06", yi=True),
        P("36.9%", 36.9), M("8,413億円", 8413 * OKU, "JPY"), P("10.9%", 10.9),
        M("1兆1,661億円", 1.1661 * CHO, "JPY"), M("約4,500億円", 4500 * OKU, "JPY", "approx"),
        P("3.5%", 3.5), M("12兆2,533億円", 12.2533 * CHO, "JPY"),
        M("1兆4000億円", 1.4 * CHO, "JPY"),
        D("2026年3月期", "FY2026", fy_end="2026-03"),
        M("3兆8,000億円", 3.8 * CHO, "JPY"), M("3兆2,000億円", 3.2 * CHO, "JPY"),
        P("33.3%", 33.3), M("3兆1,000億円", 3.1 * CHO, "JPY"),
        M("２兆６６００億円", 2.66 * CHO, "JPY"),
        D("４月", "2025-04", yi=True), P("２７．５％", 27.5), P("15%", 15),
        M("約1兆4,000億円", 1.4 * CHO, "JPY", "approx"),
        M("1ドル=145円", 145, "JPY", opt=True), M("1ユーロ=160円", 160, "JPY", opt=True),
        PE("宮崎洋一", "副社長兼最高財務責任者(CFO)", "Yoichi Miyazaki"),
        PE("宮崎", canonical="Yoichi Miyazaki"), D("7月", "2025-07", yi=True),
        M("270ドル程度", 270, "USD", "approx"),
        C("ダイハツ工業", "Daihatsu Motor"), C("日野自動車", "Hino Motors"),
        P("5.0%", 5.0), P("47%", 47), P("2〜3%", 2, "range", vmax=3), P("8.5%", 8.5),
        C("トヨタ", TM), D("8日", "2025-08-08", yi=True, opt=True), P("3%", 3),
        M("2,592円", 2592, "JPY", per="share"), C("SMBC日興証券", "SMBC Nikko Securities"),
        D("下期", None, opt=True),
        PE("佐藤恒治", "社長", "Koji Sato"), D("5月", "2025-05", yi=True),
        D("2025年度", "FY2025"), D("2026年3月期", "FY2026", fy_end="2026-03"),
        M("95円", 95, "JPY", per="share"), D("前期", "FY2025", rel=True, opt=True),
        M("90円", 90, "JPY", per="share"), M("1兆2000億円", 1.2 * CHO, "JPY"),
        C("トヨタ", TM), D("今年", "2025", rel=True, opt=True),
        C("豊田自動織機", "Toyota Industries"), M("約4兆7,000億円", 4.7 * CHO, "JPY", "approx"),
    ],
    "ja-boj-rate-hike": [
        P("0.75%", 0.75), PE("植田", "総裁", "Kazuo Ueda"),
        D("2025年12月19日", "2025-12-19"), P("0.5%程度", 0.5, "approx"),
        P("0.75%程度", 0.75, "approx"), D("今年1月", "2025-01", rel=True), P("0.75%", 0.75),
        D("1995年", "1995"),
        PE("植田和男", "総裁", "Kazuo Ueda"), D("来年", "2026", rel=True, opt=True),
        D("令和7年", "2025"), P("5.25%", 5.25), P("5%超", 5, "over"),
        D("11月", "2025-11", yi=True), P("3.0%", 3.0), P("2%", 2), D("10月", "2025-10", yi=True),
        D("2025年度", "FY2025"), P("2.7%", 2.7), D("2026年度", "FY2026"), P("1.8%", 1.8),
        PE("植田", "総裁", "Kazuo Ueda"), P("1〜2.5%", 1, "range", vmax=2.5),
        M("1ドル=157円台", 157, "JPY", opt=True), PE("植田", canonical="Kazuo Ueda"),
        P("0.040%", 0.04), P("2.020%", 2.02), D("2006年5月", "2006-05"),
        PE("片山さつき", "財務相", "Satsuki Katayama"), D("先月", "2025-11", rel=True, opt=True),
        M("42兆8000億円", 42.8 * CHO, "JPY"), M("21兆3000億円程度", 21.3 * CHO, "JPY", "approx"),
        C("みずほ証券", "Mizuho Securities"), PE("山岸健吾", "チーフ債券ストラテジスト"),
        P("0.25%", 0.25), D("来年", "2026", rel=True, opt=True), P("1%", 1),
        C("大和証券", "Daiwa Securities"), PE("北村真理子"),
        D("2026年4〜6月期", "2026-04/2026-06"),
        D("2026年1月22〜23日", "2026-01-22/2026-01-23"),
    ],
    "ja-nipponsteel-hokuto-tob": [
        C("日本製鉄", NS), C("北斗製鋼"), M("2850円", 2850, "JPY", per="share"),
        M("2422億円", 2422 * OKU, "JPY"), PE("橋本", "会長", "Eiji Hashimoto"),
        C("日本製鉄(株)", NS), D("2025年11月4日", "2025-11-04"), C("北斗製鋼株式会社"),
        M("2,850円", 2850, "JPY", per="share"), M("2,056円", 2056, "JPY", per="share"),
        P("38.6%", 38.6), M("最大2,422億4,300万円", 242243000000, "JPY", "at_most"),
        C("北斗製鋼"),
        D("11月5日", "2025-11-05", yi=True), D("12月17日", "2025-12-17", yi=True),
        C("日本製鉄", NS), C("三菱UFJモルガン・スタンレー証券", "Mitsubishi UFJ Morgan Stanley Securities"),
        C("北斗製鋼"), C("野村證券", "Nomura Securities"),
        C("USスチール", "U.S. Steel"),
        C("日本製鉄", NS), D("今年6月", "2025-06", rel=True), C("USスチール", "U.S. Steel"),
        C("USS", "U.S. Steel"), M("約141億ドル", 141 * OKU, "USD", "approx"),
        M("約2兆円", 2 * CHO, "JPY", "approx"), D("2028年度", "FY2028"),
        M("約110億ドル", 110 * OKU, "USD", "approx"),
        D("2025年3月期", "FY2025", fy_end="2025-03"), M("8兆6,955億円", 8.6955 * CHO, "JPY"),
        PE("橋本英二", "会長兼最高経営責任者(CEO)", "Eiji Hashimoto"),
        D("同日", "2025-11-04", rel=True, opt=True), C("北斗製鋼"), C("USS", "U.S. Steel"),
        PE("橋本", canonical="Eiji Hashimoto"), M("約150億円", 150 * OKU, "JPY", "approx"),
        PE("今井正", "社長", "Tadashi Imai"), C("北斗製鋼"),
        C("北斗製鋼"),
        C("北斗製鋼"), D("1938年", "1938"), P("約３５％", 35, "approx"),
        D("2026年3月期第2四半期", "FY2026-Q2", fy_end="2026-03"),
        D("7〜9月", "2025-07/2025-09", yi=True), P("12.4%", 12.4),
        M("58億7,000万円", 58.7 * OKU, "JPY"),
        PE("西園寺聡子", "社長"), C("日鉄", NS), C("北斗製鋼"),
        D("5日", "2025-11-05", yi=True, opt=True), M("2,756円", 2756, "JPY", per="share"),
        C("日鉄", NS), C("SMBC日興証券", "SMBC Nikko Securities"), P("40%", 40),
        C("日本製鉄", NS), D("2027年度", "FY2027"), M("1兆円規模", 1 * CHO, "JPY", "approx"),
        C("日本製鉄", NS), C("USスチール", "U.S. Steel"),
        C("日本製鉄", NS), M("約141億ドル", 141 * OKU, "USD", "approx"), C("USスチール", "U.S. Steel"),
        C("JFEホールディングス", "JFE Holdings"), D("2026年3月期", "FY2026", fy_end="2026-03"),
        C("JFEホールディングス", "JFE Holdings"), P("23％", 23), M("700億円", 700 * OKU, "JPY"),
    ],
    "ja-nikkei-record-yen": [
        M("4万8000円台", 48000, "JPY", opt=True), M("1ドル=150円台", 150, "JPY", opt=True),
        D("2025年10月6日", "2025-10-06"),
        D("6日", "2025-10-06", yi=True, opt=True), M("2,175円", 2175, "JPY", opt=True),
        M("4万7,944円", 47944, "JPY", opt=True), M("2,400円", 2400, "JPY", opt=True),
        M("4万8000円台", 48000, "JPY", opt=True), P("３．１％", 3.1),
        PE("高市早苗", canonical="Sanae Takaichi"),
        M("約６兆２４００億円", 6.24 * CHO, "JPY", "approx"), M("４兆円", 4 * CHO, "JPY"),
        C("東京エレクトロン", "Tokyo Electron"), P("7.8%", 7.8), C("アドバンテスト", "Advantest"),
        P("8.1%", 8.1), C("ソフトバンクグループ", SBG), C("SBG", SBG), P("10%超", 10, "over"),
        M("1万9,480円", 19480, "JPY", per="share"), C("トヨタ自動車", TM), P("4.0%", 4.0),
        C("ファーストリテイリング", "Fast Retailing"), P("0.6%", 0.6),
        C("野村アセットマネジメント", "Nomura Asset Management"),
        PE("佐伯直人", "チーフ・ストラテジスト"),
        M("２円超", 2, "JPY", "over", opt=True),
        M("1ドル=150円20〜22銭", 150.2, "JPY", "range", amax=150.22, opt=True),
        M("2円06銭", 2.06, "JPY", opt=True), M("1ユーロ=176円台", 176, "JPY", opt=True),
        D("10月29〜30日", "2025-10-29/2025-10-30", yi=True), D("12月", "2025-12", yi=True),
        D("2026年1〜3月期", "2026-01/2026-03"),
        P("3.285%", 3.285), P("0.045%", 0.045), P("1.675%", 1.675),
        C("三井住友DSアセットマネジメント", "Sumitomo Mitsui DS Asset Management"),
        PE("森川亜紀", "チーフマーケットストラテジスト"), P("２〜３％", 2, "range", vmax=3),
        D("3日", "2025-10-03", yi=True, opt=True), M("238ドル", 238, "USD", opt=True),
        M("4万6,758ドル", 46758, "USD", opt=True),
    ],
    "ja-japan-us-tariff-order": [
        PE("トランプ", canonical="Donald Trump"), P("15%", 15), PE("赤沢", canonical="Ryosei Akazawa"),
        C("共同", "Kyodo News", opt=True), PE("トランプ", "米大統領", "Donald Trump"),
        D("2025年9月4日", "2025-09-04"), D("5日", "2025-09-05", yi=True, opt=True),
        P("２７．５％", 27.5), P("15%", 15), D("7月22日", "2025-07-22", yi=True),
        D("8月7日", "2025-08-07", yi=True), P("15%未満", 15, "under"), P("15%", 15),
        P("15%以上", 15, "at_least"), P("25%", 25),
        M("5500億ドル", 5500 * OKU, "USD"),
        M("5,500億ドル", 5500 * OKU, "USD"), M("約80兆円", 80 * CHO, "JPY", "approx"),
        C("国際協力銀行", "Japan Bank for International Cooperation", opt=True),
        C("JBIC", "Japan Bank for International Cooperation", opt=True),
        C("日本貿易保険", "Nippon Export and Investment Insurance", opt=True),
        C("NEXI", "Nippon Export and Investment Insurance", opt=True),
        P("５０％", 50), P("90%", 90),
        PE("赤沢亮正", "経済再生相", "Ryosei Akazawa"), PE("赤沢", canonical="Ryosei Akazawa"),
        PE("ラトニック", "商務長官", "Howard Lutnick"), PE("ラトニック", canonical="Howard Lutnick"),
        PE("石破茂", "首相", "Shigeru Ishiba"), D("5日", "2025-09-05", yi=True, opt=True),
        D("7月", "2025-07", yi=True), D("令和7年度", "FY2025"),
        PE("片山正則", "会長", "Masanori Katayama"), C("いすゞ自動車", "Isuzu Motors"), P("15%", 15),
        C("トヨタ自動車", TM), D("2026年3月期", "FY2026", fy_end="2026-03"),
        M("1兆4000億円", 1.4 * CHO, "JPY"), C("マツダ", "Mazda"), C("SUBARU", "Subaru"),
        C("スバル", "Subaru"),
        C("第一生命経済研究所", "Dai-ichi Life Research Institute", opt=True), P("15%", 15),
        P("0.5%程度", 0.5, "approx"), M("1兆2000億円", 1.2 * CHO, "JPY"),
        P("100%", 100),
    ],
}

LATIN = re.compile(r"[A-Za-z0-9]")


def on_boundary(text, s, e):
    """A Latin-script name must not be glued to letters or digits on either side."""
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    first, last = text[s], text[e - 1]
    if LATIN.match(first) and LATIN.match(before):
        return False
    if LATIN.match(last) and LATIN.match(after):
        return False
    return True


def normalise(v):
    out = {}
    for k, x in v.items():
        if isinstance(x, float):
            # Amounts are written as products (8.6955 * 1e12); snap float noise.
            r = round(x)
            x = int(r) if abs(x - r) <= 1e-9 * max(1.0, abs(x)) else round(x, 6)
        out[k] = x
    return out


def locate(doc, text, anns):
    facts, cursor, errors = [], 0, []
    for kind, t, value, opt in anns:
        pos = cursor
        while True:
            s = text.find(t, pos)
            if s < 0:
                break
            if kind in ("person", "company") and not on_boundary(text, s, s + len(t)):
                pos = s + 1
                continue
            break
        if s < 0:
            errors.append(f"{doc}: {kind} {t!r} not found after offset {cursor}")
            continue
        e = s + len(t)
        assert text[s:e] == t
        facts.append({"doc": doc, "kind": kind, "text": t, "start": s, "end": e,
                      "value": normalise(value), "optional": opt})
        cursor = e
    return facts, errors


def unannotated_names(doc, text, facts):
    """Occurrences of an annotated person/company string outside every fact."""
    spans = [(f["start"], f["end"]) for f in facts]
    names = {f["text"] for f in facts if f["kind"] in ("person", "company")}
    notes = []
    for n in sorted(names):
        for m in re.finditer(re.escape(n), text):
            s, e = m.start(), m.end()
            if not on_boundary(text, s, e):
                continue
            if not any(a <= s and e <= b for a, b in spans):
                notes.append(f"{doc}: {n!r} at {s} not annotated: …{text[max(0, s - 15):e + 15]}…")
    return notes


def build(lang, table, out_path):
    lines, errors, notes = [], [], []
    # Articles annotated elsewhere (the seed article's gold comes from the shared
    # seed file) are kept as they are in the existing output.
    if os.path.exists(out_path):
        with open(out_path, encoding="utf-8") as f:
            lines = [g for g in map(json.loads, filter(str.strip, f)) if g["doc"] not in table]
    for g in lines:
        with open(os.path.join(ROOT, "input", lang, g["doc"] + ".txt"), encoding="utf-8") as f:
            assert f.read()[g["start"]:g["end"]] == g["text"], g
    for doc, anns in table.items():
        with open(os.path.join(ROOT, "input", lang, doc + ".txt"), encoding="utf-8") as f:
            text = f.read()
        facts, errs = locate(doc, text, anns)
        errors += errs
        notes += unannotated_names(doc, text, facts)
        lines.extend(facts)
    with open(out_path, "w", encoding="utf-8") as f:
        for g in lines:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    return lines, errors, notes


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    bad = False
    for lang, table in (("en", EN), ("ja", JA)):
        lines, errors, notes = build(lang, table, os.path.join(here, f"{lang}.gold.jsonl"))
        for e in errors:
            print("ERROR", e)
        for n in notes:
            print("NOTE ", n)
        bad |= bool(errors)
        counts = {}
        for g in lines:
            key = (g["kind"], "optional" if g["optional"] else "required")
            counts[key] = counts.get(key, 0) + 1
        print(lang, len(lines), "facts:",
              ", ".join(f"{k}={counts.get((k, 'required'), 0)}+{counts.get((k, 'optional'), 0)}opt"
                        for k in ("money", "percent", "date", "person", "company")))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
