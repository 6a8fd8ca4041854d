#!/usr/bin/env python3
"""Gold links and events for the sample articles: writes tests/gold/links.gold.jsonl.

LINKS below lists, per article, every money and percent fact that is not optional in
en.gold.jsonl / ja.gold.jsonl, in document order, as
(text, subject, metric, period, change): subject is the company's canonical name (as
written when it has none) or None, metric a word of docs/LINKS.md, period the `iso` of
the date fact the figure covers or None, change increase/decrease/None (percentages).
The script pairs each row with the fact gold in order and asserts the text, so offsets
come from the fact gold and are never written by hand. EVENTS lists each article's deals.

    python3 tests/gold/build_links.py
"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))

LINKS = {
    'ja-us-china-london-talks': [
        ('約70%', None, 'share', None, None),  # 中国は世界のレアアース採掘の約70%、加工の90%以上を担い、米国や日本のハイテク産業にとって不可欠な資源です。
        ('90%以上', None, 'share', None, None),  # 中国は世界のレアアース採掘の約70%、加工の90%以上を担い、米国や日本のハイテク産業にとって不可欠な資源です。
        ('約24億ドル', 'Qualcomm', 'deal_value', None, None),  # クアルコム、英アルファウェーブを約24億ドルで買収合意 AI・データセンター覇権へ本格始動
        ('約24億ドル', 'Qualcomm', 'deal_value', None, None),  # クアルコムは2025年6月、英国の半導体企業アルファウェーブを約24億ドルで買収することで合意。
        ('1兆円超', 'Meta Platforms', 'investment', None, None),  # メタがスケールAIに1兆円超投資検討、AI覇権争いの本気度と市場の波紋
        ('100億ドル超', 'Meta Platforms', 'investment', None, None),  # メタがAIスタートアップのスケールAIに100億ドル超の投資を検討中。
    ],
    'ja-toyota-q1-earnings': [
        ('３７％', 'Toyota Motor', 'growth', '2025-04/2025-06', 'decrease'),  # トヨタ、4〜6月期の純利益３７％減 米関税が重荷 通期予想を下方修正
        ('36.9%', 'Toyota Motor', 'growth', 'FY2026-Q1', 'decrease'),  # 純利益は前年同期比36.9%減の8,413億円、営業利益は10.9%減の1兆1,661億円だった。
        ('8,413億円', 'Toyota Motor', 'net_profit', 'FY2026-Q1', None),  # 純利益は前年同期比36.9%減の8,413億円、営業利益は10.9%減の1兆1,661億円だった。
        ('10.9%', 'Toyota Motor', 'growth', 'FY2026-Q1', 'decrease'),  # 純利益は前年同期比36.9%減の8,413億円、営業利益は10.9%減の1兆1,661億円だった。
        ('1兆1,661億円', 'Toyota Motor', 'operating_profit', 'FY2026-Q1', None),  # 純利益は前年同期比36.9%減の8,413億円、営業利益は10.9%減の1兆1,661億円だった。
        ('約4,500億円', 'Toyota Motor', 'other', 'FY2026-Q1', None),  # 米国の関税引き上げが利益を約4,500億円押し下げ、円高も重荷となった。
        ('3.5%', 'Toyota Motor', 'growth', 'FY2026-Q1', 'increase'),  # 売上高は3.5%増の12兆2,533億円と、同期として過去最高を更新した。
        ('12兆2,533億円', 'Toyota Motor', 'revenue', 'FY2026-Q1', None),  # 売上高は3.5%増の12兆2,533億円と、同期として過去最高を更新した。
        ('1兆4000億円', 'Toyota Motor', 'cost', None, None),  # ■米関税の影響、通期で1兆4000億円
        ('3兆8,000億円', 'Toyota Motor', 'operating_profit', 'FY2026', None),  # 同社は2026年3月期通期の業績予想を下方修正し、営業利益を従来予想の3兆8,000億円から3兆2,000億円(前期比33.3%減)に引き下
        ('3兆2,000億円', 'Toyota Motor', 'operating_profit', 'FY2026', None),  # 同社は2026年3月期通期の業績予想を下方修正し、営業利益を従来予想の3兆8,000億円から3兆2,000億円(前期比33.3%減)に引き下
        ('33.3%', 'Toyota Motor', 'growth', 'FY2026', 'decrease'),  # 同社は2026年3月期通期の業績予想を下方修正し、営業利益を従来予想の3兆8,000億円から3兆2,000億円(前期比33.3%減)に引き下
        ('3兆1,000億円', 'Toyota Motor', 'net_profit', 'FY2026', None),  # 純利益見通しも3兆1,000億円から２兆６６００億円に見直した。
        ('２兆６６００億円', 'Toyota Motor', 'net_profit', 'FY2026', None),  # 純利益見通しも3兆1,000億円から２兆６６００億円に見直した。
        ('２７．５％', None, 'rate', None, None),  # 米国が日本からの輸入車に課す関税は４月以降２７．５％に引き上げられ、日米合意に基づき15%に下がる時期が不透明なことから、通期の関税影響額を
        ('15%', None, 'rate', None, None),  # 米国が日本からの輸入車に課す関税は４月以降２７．５％に引き上げられ、日米合意に基づき15%に下がる時期が不透明なことから、通期の関税影響額を
        ('約1兆4,000億円', 'Toyota Motor', 'cost', None, None),  # 米国が日本からの輸入車に課す関税は４月以降２７．５％に引き上げられ、日米合意に基づき15%に下がる時期が不透明なことから、通期の関税影響額を
        ('270ドル程度', 'Toyota Motor', 'other', None, None),  # 宮崎氏によると、関税のコストを一部価格に転嫁する方針で、7月には米国で平均270ドル程度の値上げを実施したという。
        ('5.0%', 'Toyota Motor', 'growth', 'FY2026-Q1', 'increase'),  # 世界販売台数(ダイハツ工業、日野自動車を含む)は前年同期比5.0%増の約264万台だった。
        ('47%', 'Toyota Motor', 'share', None, None),  # ハイブリッド車(HV)を中心とする電動車の比率は47%に達した。
        ('2〜3%', 'Toyota Motor', 'growth', None, 'increase'),  # 北米では、2〜3%の値上げにもかかわらずHVの需要が底堅く、販売は8.5%増えた。
        ('8.5%', 'Toyota Motor', 'growth', None, 'increase'),  # 北米では、2〜3%の値上げにもかかわらずHVの需要が底堅く、販売は8.5%増えた。
        ('3%', 'Toyota Motor', 'growth', None, 'increase'),  # 決算発表を受け、トヨタ株は8日の東京株式市場で一時前日比3%高の2,592円まで上昇した。
        ('2,592円', 'Toyota Motor', 'share_price', None, None),  # 決算発表を受け、トヨタ株は8日の東京株式市場で一時前日比3%高の2,592円まで上昇した。
        ('95円', 'Toyota Motor', 'dividend', 'FY2026', None),  # 同社は2026年3月期の年間配当を1株あたり95円(前期は90円)とする計画を据え置いた。
        ('90円', 'Toyota Motor', 'dividend', 'FY2025', None),  # 同社は2026年3月期の年間配当を1株あたり95円(前期は90円)とする計画を据え置いた。
        ('1兆2000億円', 'Toyota Motor', 'other', None, None),  # 自社株買いについては、上限を1兆2000億円とする枠の範囲で機動的に実施する考えを示した。
        ('約4兆7,000億円', 'Toyota Motor', 'deal_value', None, None),  # トヨタは今年、グループの豊田自動織機の非公開化に向けたTOB(株式公開買い付け)を予定しており、買収総額は約4兆7,000億円に上る。
    ],
    'ja-boj-rate-hike': [
        ('0.75%', None, 'rate', None, None),  # 日銀、政策金利を0.75%に引き上げ 30年ぶり水準 植田総裁「緩和的な環境は続く」
        ('0.5%程度', None, 'rate', None, None),  # 日本銀行は2025年12月19日、金融政策決定会合を開き、短期の政策金利(無担保コール翌日物金利)の誘導目標を0.5%程度から0.75%程度
        ('0.75%程度', None, 'rate', None, None),  # 日本銀行は2025年12月19日、金融政策決定会合を開き、短期の政策金利(無担保コール翌日物金利)の誘導目標を0.5%程度から0.75%程度
        ('0.75%', None, 'rate', None, None),  # 政策金利が0.75%となるのは1995年以来、約30年ぶりの高水準となる。
        ('5.25%', None, 'growth', '2025', 'increase'),  # 連合が集計した令和7年の春闘の賃上げ率は5.25%と、2年連続で5%超となっていた。
        ('5%超', None, 'growth', None, 'increase'),  # 連合が集計した令和7年の春闘の賃上げ率は5.25%と、2年連続で5%超となっていた。
        ('3.0%', None, 'growth', '2025-11', 'increase'),  # 総務省が発表した11月の全国消費者物価指数(生鮮食品を除く総合)は前年同月比3.0%上昇し、日銀が目標とする2%を44カ月連続で上回った。
        ('2%', None, 'rate', None, None),  # 総務省が発表した11月の全国消費者物価指数(生鮮食品を除く総合)は前年同月比3.0%上昇し、日銀が目標とする2%を44カ月連続で上回った。
        ('2.7%', None, 'rate', 'FY2025', None),  # 日銀は10月の展望リポートで、2025年度の物価上昇率見通しを2.7%、2026年度を1.8%と予想している。
        ('1.8%', None, 'rate', 'FY2026', None),  # 日銀は10月の展望リポートで、2025年度の物価上昇率見通しを2.7%、2026年度を1.8%と予想している。
        ('1〜2.5%', None, 'rate', None, None),  # 一方で、中立金利の水準については「1〜2.5%と幅をもって推計される」と述べるにとどめた。
        ('0.040%', None, 'growth', None, 'increase'),  # 長期金利の指標となる新発10年物国債利回りは一時、前日比0.040%高い2.020%と、2006年5月以来約19年半ぶりの水準に上昇した。
        ('2.020%', None, 'rate', None, None),  # 長期金利の指標となる新発10年物国債利回りは一時、前日比0.040%高い2.020%と、2006年5月以来約19年半ぶりの水準に上昇した。
        ('42兆8000億円', None, 'other', None, None),  # 政府は先月、事業規模42兆8000億円(国費21兆3000億円程度)の総合経済対策を決定しており、物価高対策と金融政策の整合性が問われている
        ('21兆3000億円程度', None, 'other', None, None),  # 政府は先月、事業規模42兆8000億円(国費21兆3000億円程度)の総合経済対策を決定しており、物価高対策と金融政策の整合性が問われている
        ('0.25%', None, 'rate', None, None),  # みずほ証券のチーフ債券ストラテジスト、山岸健吾氏は「利上げ幅は0.25%と小さいが、来年半ばには1%への引き上げがあり得る」とみる。
        ('1%', None, 'rate', None, None),  # みずほ証券のチーフ債券ストラテジスト、山岸健吾氏は「利上げ幅は0.25%と小さいが、来年半ばには1%への引き上げがあり得る」とみる。
    ],
    'ja-nipponsteel-hokuto-tob': [
        ('2850円', '北斗製鋼', 'share_price', None, None),  # 日本製鉄、特殊鋼の北斗製鋼にTOB 1株2850円、総額2422億円 橋本会長「高機能鋼で世界首位へ」
        ('2422億円', 'Nippon Steel', 'deal_value', None, None),  # 日本製鉄、特殊鋼の北斗製鋼にTOB 1株2850円、総額2422億円 橋本会長「高機能鋼で世界首位へ」
        ('2,850円', '北斗製鋼', 'share_price', None, None),  # TOB価格は1株あたり2,850円で、発表前営業日の終値(2,056円)に38.6%のプレミアムを上乗せした。
        ('2,056円', '北斗製鋼', 'share_price', None, None),  # TOB価格は1株あたり2,850円で、発表前営業日の終値(2,056円)に38.6%のプレミアムを上乗せした。
        ('38.6%', None, 'other', None, None),  # TOB価格は1株あたり2,850円で、発表前営業日の終値(2,056円)に38.6%のプレミアムを上乗せした。
        ('最大2,422億4,300万円', 'Nippon Steel', 'deal_value', None, None),  # 買収総額は最大2,422億4,300万円となる見通し。
        ('約141億ドル', 'Nippon Steel', 'deal_value', None, None),  # 日本製鉄は今年6月、米鉄鋼大手USスチール(USS)を約141億ドル(約2兆円)で買収した。
        ('約2兆円', 'Nippon Steel', 'deal_value', None, None),  # 日本製鉄は今年6月、米鉄鋼大手USスチール(USS)を約141億ドル(約2兆円)で買収した。
        ('約110億ドル', 'Nippon Steel', 'cost', None, None),  # さらに2028年度までに米国で約110億ドルの設備投資を行う計画で、連結売上高は2025年3月期の8兆6,955億円から大きく伸びる見込みだ
        ('8兆6,955億円', 'Nippon Steel', 'revenue', 'FY2025', None),  # さらに2028年度までに米国で約110億ドルの設備投資を行う計画で、連結売上高は2025年3月期の8兆6,955億円から大きく伸びる見込みだ
        ('約150億円', 'Nippon Steel', 'other', None, None),  # 橋本氏は、今回の買収で年間約150億円のシナジー効果を見込むと説明した。
        ('約３５％', '北斗製鋼', 'share', None, None),  # 北斗製鋼は1938年創業の老舗で、電気自動車(EV)のモーター部品に使う高級鋼で国内シェア約３５％を握る。
        ('12.4%', '北斗製鋼', 'growth', '2025-07/2025-09', 'increase'),  # 2026年3月期第2四半期(7〜9月)の純利益は前年同期比12.4%増の58億7,000万円だった。
        ('58億7,000万円', '北斗製鋼', 'net_profit', '2025-07/2025-09', None),  # 2026年3月期第2四半期(7〜9月)の純利益は前年同期比12.4%増の58億7,000万円だった。
        ('2,756円', '北斗製鋼', 'share_price', None, None),  # 北斗製鋼の株価は5日の東京市場でTOB価格にさや寄せする形で急伸し、2,756円で取引を終えた。
        ('40%', 'Nippon Steel', 'other', None, None),  # SMBC日興証券のアナリストは「自己資本比率は40%を割り込む可能性があり、財務の健全性に注意が必要」と指摘する。
        ('1兆円規模', 'Nippon Steel', 'other', None, None),  # 日本製鉄は2027年度までに1兆円規模の資産売却を進める方針を示している。
        ('約141億ドル', 'Nippon Steel', 'deal_value', None, None),  # 米政府の承認を得て、日本製鉄は約141億ドルでのUSスチール買収を完了した。
        ('23％', 'JFE Holdings', 'growth', 'FY2026', 'decrease'),  # JFEホールディングスは中国の鉄鋼輸出増による市況悪化を理由に、通期の純利益見通しを前期比23％減の700億円に引き下げた。
        ('700億円', 'JFE Holdings', 'net_profit', 'FY2026', None),  # JFEホールディングスは中国の鉄鋼輸出増による市況悪化を理由に、通期の純利益見通しを前期比23％減の700億円に引き下げた。
    ],
    'ja-nikkei-record-yen': [
        ('３．１％', None, 'growth', None, 'increase'),  # 東証株価指数(TOPIX)も３．１％高の3,297.45ポイントで取引を終え、最高値を更新した。
        ('約６兆２４００億円', None, 'other', None, None),  # 東証プライム市場の売買代金は約６兆２４００億円と、活況の目安とされる４兆円を大きく上回った。
        ('４兆円', None, 'other', None, None),  # 東証プライム市場の売買代金は約６兆２４００億円と、活況の目安とされる４兆円を大きく上回った。
        ('7.8%', 'Tokyo Electron', 'growth', None, 'increase'),  # 東京エレクトロンは前週末比7.8%高、アドバンテストは8.1%高となった。
        ('8.1%', 'Advantest', 'growth', None, 'increase'),  # 東京エレクトロンは前週末比7.8%高、アドバンテストは8.1%高となった。
        ('10%超', 'SoftBank Group', 'growth', None, 'increase'),  # ソフトバンクグループ(SBG)は一時10%超上昇し、終値は1万9,480円だった。
        ('1万9,480円', 'SoftBank Group', 'share_price', None, None),  # ソフトバンクグループ(SBG)は一時10%超上昇し、終値は1万9,480円だった。
        ('4.0%', 'Toyota Motor', 'growth', None, 'increase'),  # 円安進行を追い風に、トヨタ自動車も4.0%上昇した。
        ('0.6%', 'Fast Retailing', 'growth', None, 'decrease'),  # ファーストリテイリングは0.6%安と小幅に下落した。
        ('3.285%', None, 'rate', None, None),  # 債券市場では、新発30年物国債利回りが一時3.285%と過去最高を更新した。
        ('0.045%', None, 'growth', None, 'increase'),  # 10年債利回りは前週末比0.045%高い1.675%を付けた。
        ('1.675%', None, 'rate', None, None),  # 10年債利回りは前週末比0.045%高い1.675%を付けた。
        ('２〜３％', None, 'growth', None, 'decrease'),  # ２〜３％の調整は十分あり得る」と指摘した。
    ],
    'ja-japan-us-tariff-order': [
        ('15%', None, 'rate', None, None),  # 日米関税合意、トランプ氏が大統領令に署名 自動車関税15%へ 赤沢氏「ようやくスタートライン」
        ('２７．５％', None, 'rate', None, None),  # 日本から輸入する自動車と自動車部品への関税は、現行の２７．５％から15%に引き下げられる。
        ('15%', None, 'rate', None, None),  # 日本から輸入する自動車と自動車部品への関税は、現行の２７．５％から15%に引き下げられる。
        ('15%未満', None, 'rate', None, None),  # 既存の関税率が15%未満の品目は一律15%とし、15%以上の品目には上乗せしない。
        ('15%', None, 'rate', None, None),  # 既存の関税率が15%未満の品目は一律15%とし、15%以上の品目には上乗せしない。
        ('15%以上', None, 'rate', None, None),  # 既存の関税率が15%未満の品目は一律15%とし、15%以上の品目には上乗せしない。
        ('25%', None, 'rate', None, None),  # 米側は当初、日本に対して25%の相互関税を課すと通告していた。
        ('5500億ドル', None, 'investment', None, None),  # ■5500億ドルの対米投資
        ('5,500億ドル', None, 'investment', None, None),  # 合意の柱となるのが、日本による総額5,500億ドル(約80兆円)の対米投資だ。
        ('約80兆円', None, 'investment', None, None),  # 合意の柱となるのが、日本による総額5,500億ドル(約80兆円)の対米投資だ。
        ('５０％', None, 'share', None, None),  # 投資から生じる利益は、投資資金の回収までは日米で５０％ずつ、回収後は米国が90%を受け取る。
        ('90%', None, 'share', None, None),  # 投資から生じる利益は、投資資金の回収までは日米で５０％ずつ、回収後は米国が90%を受け取る。
        ('15%', None, 'rate', None, None),  # 日本自動車工業会の片山正則会長(いすゞ自動車会長)は「関税が15%になっても厳しい状況は変わらないが、予見可能性が高まったことを歓迎する」と
        ('1兆4000億円', 'Toyota Motor', 'cost', 'FY2026', None),  # トヨタ自動車は米関税による2026年3月期の減益影響を1兆4000億円と見込んでおり、マツダやSUBARU(スバル)は米国向け車両の値上げを
        ('15%', None, 'rate', None, None),  # 第一生命経済研究所の試算では、15%の関税が維持された場合、日本の実質国内総生産(GDP)は2〜3年で0.5%程度押し下げられる。
        ('0.5%程度', None, 'growth', None, 'decrease'),  # 第一生命経済研究所の試算では、15%の関税が維持された場合、日本の実質国内総生産(GDP)は2〜3年で0.5%程度押し下げられる。
        ('1兆2000億円', None, 'other', None, None),  # 一方、政府は関税の影響を受ける中小企業向けに、総額1兆2000億円の資金繰り支援策を用意した。
        ('100%', None, 'rate', None, None),  # 米政府は半導体に100%の関税を課す方針を示しており、日本側は「他国に劣後しない待遇」を求めている。
    ],
    'en-broadcom-veridian-deal': [
        ('£11.2 billion', 'Broadcom', 'deal_value', None, None),  # Broadcom to buy UK chip designer Veridian for £11.2 billion in AI netw
        ('about £11.2 billion', 'Broadcom', 'deal_value', None, None),  # LONDON, Nov 10, 2025 - Broadcom Inc. has agreed to buy Veridian Networ
        ('$14.7 billion', 'Broadcom', 'deal_value', None, None),  # LONDON, Nov 10, 2025 - Broadcom Inc. has agreed to buy Veridian Networ
        ('1,085 pence', 'Veridian Networks', 'share_price', None, None),  # Broadcom will pay 1,085 pence per Veridian share, a premium of 47.3% t
        ('47.3%', None, 'other', None, None),  # Broadcom will pay 1,085 pence per Veridian share, a premium of 47.3% t
        ('736.5 pence', 'Veridian Networks', 'share_price', None, None),  # Broadcom will pay 1,085 pence per Veridian share, a premium of 47.3% t
        ('roughly £640 million', 'Veridian Networks', 'other', None, None),  # Including Veridian's net debt of roughly £640 million, the deal gives 
        ('nearly £11.9 billion', 'Veridian Networks', 'valuation', None, None),  # Including Veridian's net debt of roughly £640 million, the deal gives 
        ('41%', 'Veridian Networks', 'growth', None, 'increase'),  # Veridian's shares jumped 41% to 1,038 pence by 0900 GMT in London, whi
        ('1,038 pence', 'Veridian Networks', 'share_price', None, None),  # Veridian's shares jumped 41% to 1,038 pence by 0900 GMT in London, whi
        ('1.2%', 'Broadcom', 'growth', None, 'increase'),  # Veridian's shares jumped 41% to 1,038 pence by 0900 GMT in London, whi
        ('62%', 'Veridian Networks', 'growth', None, 'increase'),  # Its revenue rose 62% to £1.34 billion in the year to June 30, and it e
        ('£1.34 billion', 'Veridian Networks', 'revenue', None, None),  # Its revenue rose 62% to £1.34 billion in the year to June 30, and it e
        ('35%-40%', 'Veridian Networks', 'growth', 'FY2026', 'increase'),  # Its revenue rose 62% to £1.34 billion in the year to June 30, and it e
        ('$9 billion', 'Broadcom', 'other', None, None),  # Broadcom said it would fund the purchase with cash on hand and $9 bill
        ('about $450 million', 'Broadcom', 'cost', None, None),  # It expects the deal to add to adjusted earnings per share in its first
        ('$1.1 billion', 'Broadcom', 'cost', None, None),  # Broadcom agreed to pay Veridian a break fee of $1.1 billion if it fail
        ('$69 billion', 'Broadcom', 'deal_value', None, None),  # The acquisition would be Broadcom's largest since it completed its $69
        ('$60 billion to $90 billion', 'Broadcom', 'revenue', 'FY2027', None),  # Tan has said the company's AI revenue could reach $60 billion to $90 b
        ('about 8.5%', 'SoftBank Group', 'share', None, None),  # Veridian investors including SoftBank Group Corp's Vision Fund, which 
    ],
    'en-microsoft-q4-results': [
        ('7%', 'Microsoft', 'growth', None, 'increase'),  # Microsoft beats estimates as cloud sales jump; shares rise 7% after ho
        ('about 7%', 'Microsoft', 'growth', None, 'increase'),  # Shares of the software maker rose about 7% in extended trading, puttin
        ('$4 trillion', 'Microsoft', 'market_cap', None, None),  # Shares of the software maker rose about 7% in extended trading, puttin
        ('18%', 'Microsoft', 'growth', None, 'increase'),  # Revenue in the quarter ended June 30 rose 18% year over year to $76.44
        ('$76.44 billion', 'Microsoft', 'revenue', None, None),  # Revenue in the quarter ended June 30 rose 18% year over year to $76.44
        ('$73.81 billion', 'Microsoft', 'revenue', None, None),  # Revenue in the quarter ended June 30 rose 18% year over year to $76.44
        ('24%', 'Microsoft', 'growth', 'FY2025-Q4', 'increase'),  # Net income climbed 24% to $27.23 billion, or $3.65 per share, from $22
        ('$27.23 billion', 'Microsoft', 'net_profit', 'FY2025-Q4', None),  # Net income climbed 24% to $27.23 billion, or $3.65 per share, from $22
        ('$3.65', 'Microsoft', 'other', None, None),  # Net income climbed 24% to $27.23 billion, or $3.65 per share, from $22
        ('$22.04 billion', 'Microsoft', 'net_profit', None, None),  # Net income climbed 24% to $27.23 billion, or $3.65 per share, from $22
        ('$2.95', 'Microsoft', 'other', None, None),  # Net income climbed 24% to $27.23 billion, or $3.65 per share, from $22
        ('$3.37', 'Microsoft', 'other', None, None),  # Analysts had expected earnings of $3.37 a share.
        ('39%', 'Microsoft', 'growth', None, 'increase'),  # Revenue from Azure and other cloud services grew 39%, beating the 34%-
        ('34%-35%', 'Microsoft', 'growth', None, 'increase'),  # Revenue from Azure and other cloud services grew 39%, beating the 34%-
        ('$75 billion', 'Microsoft', 'revenue', 'FY2025', None),  # Microsoft said for the first time that Azure's annual revenue surpasse
        ('34%', 'Microsoft', 'growth', 'FY2025', 'increase'),  # Microsoft said for the first time that Azure's annual revenue surpasse
        ('$29.88 billion', 'Microsoft', 'revenue', 'FY2025-Q4', None),  # The Intelligent Cloud segment posted revenue of $29.88 billion, up 26%
        ('26%', 'Microsoft', 'growth', 'FY2025-Q4', 'increase'),  # The Intelligent Cloud segment posted revenue of $29.88 billion, up 26%
        ('$33.11 billion', 'Microsoft', 'revenue', 'FY2025-Q4', None),  # Productivity and Business Processes, which includes Office software an
        ('$13.45 billion', 'Microsoft', 'revenue', 'FY2025-Q4', None),  # Productivity and Business Processes, which includes Office software an
        ('$24.2 billion', 'Microsoft', 'cost', 'FY2025-Q4', None),  # Capital expenditures including finance leases reached $24.2 billion in
        ('27%', 'Microsoft', 'growth', 'FY2025-Q4', 'increase'),  # Capital expenditures including finance leases reached $24.2 billion in
        ('$30 billion', 'Microsoft', 'cost', 'FY2026-Q1', None),  # Chief Financial Officer Amy Hood told analysts on a conference call th
        ('$30.1 billion to $30.4 billion', 'Microsoft', 'revenue', 'FY2026-Q1', None),  # Hood forecast fiscal first-quarter revenue for the Intelligent Cloud u
        ('about 37%', 'Microsoft', 'growth', 'FY2026-Q1', 'increase'),  # Hood forecast fiscal first-quarter revenue for the Intelligent Cloud u
        ('68.6%', 'Microsoft', 'margin', None, None),  # Microsoft's gross margin fell to 68.6% from 69.6% a year earlier, refl
        ('69.6%', 'Microsoft', 'margin', None, None),  # Microsoft's gross margin fell to 68.6% from 69.6% a year earlier, refl
        ('23%', 'Microsoft', 'growth', 'FY2025-Q4', 'increase'),  # Operating income increased 23% to $34.32 billion.
        ('$34.32 billion', 'Microsoft', 'operating_profit', 'FY2025-Q4', None),  # Operating income increased 23% to $34.32 billion.
        ('$13 billion-plus', 'Microsoft', 'investment', None, None),  # Investors have been watching whether Microsoft can turn its $13 billio
        ('$85 billion', 'Alphabet', 'cost', '2025', None),  # Rival Alphabet Inc. last week raised its 2025 capital spending plan to
        ('$75 billion', 'Alphabet', 'cost', '2025', None),  # Rival Alphabet Inc. last week raised its 2025 capital spending plan to
        ('21%', 'Microsoft', 'growth', None, 'increase'),  # Microsoft shares had gained 21% this year through Wednesday's close of
        ('$513.24', 'Microsoft', 'share_price', None, None),  # Microsoft shares had gained 21% this year through Wednesday's close of
        ('10%', None, 'growth', None, 'increase'),  # Microsoft shares had gained 21% this year through Wednesday's close of
    ],
    'en-markets-wall-street-record': [
        ('0.49%', None, 'growth', None, 'increase'),  # The S&P 500 rose 0.49%, or 32.4 points, to 6,664.36, and the Nasdaq Co
        ('0.72%', None, 'growth', None, 'increase'),  # The S&P 500 rose 0.49%, or 32.4 points, to 6,664.36, and the Nasdaq Co
        ('0.37%', None, 'growth', None, 'increase'),  # The Dow Jones Industrial Average added 172.85 points, or 0.37%, to 46,
        ('2.2%', None, 'growth', None, 'increase'),  # All three indexes logged a second straight weekly gain, with the Nasda
        ('3.2%', 'Apple', 'growth', None, 'increase'),  # Apple Inc. jumped 3.2% after analysts at Wedbush raised their price ta
        ('4.1%', 'Oracle', 'growth', None, 'increase'),  # Apple Inc. jumped 3.2% after analysts at Wedbush raised their price ta
        ('0.3%', 'Nvidia', 'growth', None, 'decrease'),  # Nvidia slipped 0.3%, a day after announcing a $5 billion investment in
        ('$5 billion', 'Nvidia', 'investment', None, None),  # Nvidia slipped 0.3%, a day after announcing a $5 billion investment in
        ('1.8%', 'Intel', 'growth', None, 'decrease'),  # Nvidia slipped 0.3%, a day after announcing a $5 billion investment in
        ('22.8%', 'Intel', 'growth', None, 'increase'),  # Nvidia slipped 0.3%, a day after announcing a $5 billion investment in
        ('a quarter of a percentage point', None, 'rate', None, None),  # The Fed on Wednesday lowered its benchmark rate by a quarter of a perc
        ('4.00%-4.25%', None, 'rate', None, None),  # The Fed on Wednesday lowered its benchmark rate by a quarter of a perc
        ('roughly 90%', None, 'other', None, None),  # Traders in fed funds futures priced a roughly 90% chance of another 25
        ('4.136%', None, 'rate', None, None),  # The yield on the benchmark 10-year Treasury note rose 3 basis points t
        ('3.57%', None, 'rate', None, None),  # The yield on the benchmark 10-year Treasury note rose 3 basis points t
        ('4.75%', None, 'other', None, None),  # The 30-year bond yielded 4.75%.
        ('0.4%', None, 'growth', None, 'increase'),  # In currencies, the dollar rose 0.4% to 148.05 yen after the BOJ kept i
        ('0.5%', None, 'rate', None, None),  # In currencies, the dollar rose 0.4% to 148.05 yen after the BOJ kept i
        ('0.75%', None, 'rate', None, None),  # In currencies, the dollar rose 0.4% to 148.05 yen after the BOJ kept i
        ('0.5%', None, 'growth', None, 'decrease'),  # The euro fell 0.5% to $1.1744, and sterling dropped 0.8% to $1.3470 af
        ('0.8%', None, 'growth', None, 'decrease'),  # The euro fell 0.5% to $1.1744, and sterling dropped 0.8% to $1.3470 af
        ('£1.4 billion', None, 'other', None, None),  # The euro fell 0.5% to $1.1744, and sterling dropped 0.8% to $1.3470 af
        ('1.1%', None, 'growth', None, 'decrease'),  # Brent crude futures settled down 1.1% at $66.68 a barrel, while U.S. W
        ('$66.68', None, 'other', None, None),  # Brent crude futures settled down 1.1% at $66.68 a barrel, while U.S. W
        ('1.4%', None, 'growth', None, 'decrease'),  # Brent crude futures settled down 1.1% at $66.68 a barrel, while U.S. W
        ('$62.68', None, 'other', None, None),  # Brent crude futures settled down 1.1% at $66.68 a barrel, while U.S. W
        ('1.1%', None, 'growth', None, 'increase'),  # Spot gold added 1.1% to $3,683.90 an ounce, near its all-time high.
        ('$3,683.90', None, 'other', None, None),  # Spot gold added 1.1% to $3,683.90 an ounce, near its all-time high.
        ('0.2%', None, 'growth', None, 'decrease'),  # In Europe, the pan-European STOXX 600 index closed down 0.2%, weighed 
        ('5.3%', 'Novo Nordisk', 'growth', None, 'decrease'),  # In Europe, the pan-European STOXX 600 index closed down 0.2%, weighed 
        ('0.6%', None, 'growth', None, 'decrease'),  # In Europe, the pan-European STOXX 600 index closed down 0.2%, weighed 
        ('0.08%', None, 'growth', None, 'decrease'),  # In Europe, the pan-European STOXX 600 index closed down 0.2%, weighed 
        ('2.3%', 'FedEx', 'growth', None, 'increase'),  # FedEx Corp shares climbed 2.3% after the parcel company forecast fisca
        ('$17.20 to $19', 'FedEx', 'other', None, None),  # FedEx Corp shares climbed 2.3% after the parcel company forecast fisca
        ('4.1%', 'Lennar', 'growth', None, 'decrease'),  # FedEx Corp shares climbed 2.3% after the parcel company forecast fisca
    ],
    'en-fed-december-decision': [
        ('a quarter of a percentage point', None, 'rate', None, None),  # WASHINGTON, Dec 10, 2025 - The Federal Reserve lowered interest rates 
        ('3.50% to 3.75%', None, 'rate', None, None),  # The Federal Open Market Committee voted 9-3 to set the federal funds r
        ('about 3.4%', None, 'rate', None, None),  # New projections showed the median official expects just one more cut i
        ('4.4%', None, 'rate', None, None),  # Powell said the labor market had "cooled gradually" and that the unemp
        ('4.1%', None, 'rate', None, None),  # Powell said the labor market had "cooled gradually" and that the unemp
        ('roughly half a percentage point', None, 'rate', None, None),  # He noted that tariffs were adding roughly half a percentage point to c
        ('2.8%', None, 'growth', None, 'increase'),  # The Fed's preferred inflation gauge, the core personal consumption exp
        ('2.3%', None, 'growth', '2026', None),  # Officials raised their forecast for economic growth in 2026 to 2.3% fr
        ('1.8%', None, 'growth', None, None),  # Officials raised their forecast for economic growth in 2026 to 2.3% fr
        ('2.5%', None, 'rate', None, None),  # Officials raised their forecast for economic growth in 2026 to 2.3% fr
        ('about $40 billion', None, 'other', None, None),  # The central bank also said it would begin buying Treasury bills at a p
        ('$6.6 trillion', None, 'other', None, None),  # The central bank also said it would begin buying Treasury bills at a p
        ('more than $195 billion', None, 'other', None, None),  # Treasury Secretary Scott Bessent said in an interview on Tuesday that 
        ('10%', None, 'rate', None, None),  # The court heard arguments on Nov. 5 in a challenge to levies imposed u
        ('15%', None, 'rate', None, None),  # Bessent also said a trade deal with Switzerland cutting U.S. tariffs o
        ('39%', None, 'rate', None, None),  # Bessent also said a trade deal with Switzerland cutting U.S. tariffs o
        ('0.7%', None, 'growth', None, 'increase'),  # Stocks rose after the decision, with the S&P 500 closing up 0.7%.
        ('3.54%', None, 'rate', None, None),  # The two-year Treasury yield, which is sensitive to policy expectations
        ('less than 25%', None, 'other', None, None),  # "The bar for a move at the next meeting is high, and markets are prici
    ],
    'en-lumora-funding-export-rules': [
        ('$4 billion', 'Lumora Systems', 'investment', None, None),  # SoftBank leads $4 billion round in AI chip startup Lumora as U.S. tigh
        ('$4 billion', 'Lumora Systems', 'investment', None, None),  # SAN FRANCISCO/TOKYO, Oct 7, 2025 - Lumora Systems, a Silicon Valley st
        ('$31.5 billion', 'Lumora Systems', 'valuation', None, None),  # SAN FRANCISCO/TOKYO, Oct 7, 2025 - Lumora Systems, a Silicon Valley st
        ('about 60%', None, 'growth', None, 'decrease'),  # It says its first product, the L1 accelerator, cuts the energy cost of
        ('$350 million to $400 million', 'Lumora Systems', 'revenue', '2026', None),  # The company expects revenue of $350 million to $400 million in 2026, u
        ('less than $50 million', 'Lumora Systems', 'revenue', '2025', None),  # The company expects revenue of $350 million to $400 million in 2026, u
        ('up to $30 billion', 'SoftBank Group', 'investment', None, None),  # SoftBank CEO Masayoshi Son has made AI hardware a central plank of his
        ('$6.5 billion', 'SoftBank Group', 'deal_value', None, None),  # SoftBank CEO Masayoshi Son has made AI hardware a central plank of his
        ('4.7%', 'SoftBank Group', 'growth', None, 'increase'),  # SoftBank shares rose 4.7% in Tokyo on Wednesday to 19,480 yen, their h
        ('19,480 yen', 'SoftBank Group', 'share_price', None, None),  # SoftBank shares rose 4.7% in Tokyo on Wednesday to 19,480 yen, their h
        ('15%', None, 'share', None, None),  # In August, the administration agreed to let Nvidia and Advanced Micro 
        ('about $50 billion', None, 'other', None, None),  # Nvidia CEO Jensen Huang, speaking at a company event in Washington, sa
        ('roughly 50%', 'Nvidia', 'share', None, None),  # "Export controls have been a failure," Huang said, adding that Nvidia’
        ('95%', 'Nvidia', 'share', None, None),  # "Export controls have been a failure," Huang said, adding that Nvidia’
        ('less than 10%', 'Lumora Systems', 'share', None, None),  # Lumora, which designs its chips to fall below the new thresholds, said
        ('$192.7 billion', None, 'investment', None, None),  # Startups in the sector raised $192.7 billion globally so far in 2025, 
        ('$5 billion', 'Nvidia', 'investment', None, None),  # Nvidia to invest $5 billion in Intel, co-develop data-center chips
        ('roughly 4%', 'Nvidia', 'share', None, None),  # The deal gives Nvidia a roughly 4% stake in Intel and ends years of ri
        ('$17.4 billion', 'Microsoft', 'other', None, None),  # Microsoft signs $17.4 billion GPU capacity deal with Nebius
        ('¥1.72 trillion', 'Rapidus', 'other', None, None),  # The government-backed chipmaker aims for mass production in fiscal 202
    ],
}

# (doc, type, status, acquirer, target, seller, amount, currency, stake, date)
EVENTS = [
    ("ja-us-china-london-talks", "acquisition", "agreed", "Qualcomm", "Alphawave IP Group", None, 2.4e9, "USD", None, "2025-06"),
    ("ja-us-china-london-talks", "investment", "talks", "Meta Platforms", "Scale AI", None, 1e10, "USD", None, None),
    ("ja-toyota-q1-earnings", "acquisition", "proposed", "Toyota Motor", "Toyota Industries", None, 4.7e12, "JPY", None, "2025"),
    ("ja-nipponsteel-hokuto-tob", "acquisition", "agreed", "Nippon Steel", "北斗製鋼", None, 242243000000, "JPY", None, "2025-11-04"),
    ("ja-nipponsteel-hokuto-tob", "acquisition", "completed", "Nippon Steel", "United States Steel", None, 1.41e10, "USD", None, "2025-06"),
    ("en-broadcom-veridian-deal", "acquisition", "agreed", "Broadcom", "Veridian Networks", None, 1.12e10, "GBP", None, "2025-11-10"),
    ("en-broadcom-veridian-deal", "acquisition", "completed", "Broadcom", "VMware", None, 6.9e10, "USD", None, "2023-11"),
    ("en-lumora-funding-export-rules", "investment", "completed", "SoftBank Group", "Lumora Systems", None, 4e9, "USD", None, "2025-10-07"),
    ("en-lumora-funding-export-rules", "investment", "agreed", "SoftBank Group", "OpenAI", None, 3e10, "USD", None, None),
    ("en-lumora-funding-export-rules", "acquisition", "completed", "SoftBank Group", "Ampere Computing", None, 6.5e9, "USD", None, "2025"),
    ("en-lumora-funding-export-rules", "investment", "agreed", "Nvidia", "Intel", None, 5e9, "USD", 4.0, None),
    ("en-markets-wall-street-record", "investment", "agreed", "Nvidia", "Intel", None, 5e9, "USD", None, None),
    ("en-microsoft-q4-results", "investment", "completed", "Microsoft", "OpenAI", None, 1.3e10, "USD", None, None),
]


def main():
    facts = []
    for name in ("ja.gold.jsonl", "en.gold.jsonl"):
        with open(os.path.join(HERE, name), encoding="utf-8") as f:
            facts += [json.loads(l) for l in f if l.strip()]
    out = []
    for doc, rows in LINKS.items():
        figures = [g for g in facts if g["doc"] == doc and g["kind"] in ("money", "percent") and not g["optional"]]
        assert len(figures) == len(rows), (doc, len(figures), len(rows))
        for g, (text, subject, metric, period, change) in zip(figures, rows):
            assert g["text"] == text, (doc, g["text"], text)
            line = {k: g[k] for k in ("doc", "kind", "text", "start", "end", "value", "optional")}
            line["link"] = {"subject": subject, "metric": metric, "period": period, "change": change}
            out.append(line)
    for doc, typ, status, acq, target, seller, amount, cur, stake, date in EVENTS:
        out.append({"doc": doc, "kind": "event", "type": typ, "status": status, "acquirer": acq, "target": target,
                    "seller": seller, "amount": amount, "currency": cur, "stake": stake, "date": date})
    with open(os.path.join(HERE, "links.gold.jsonl"), "w", encoding="utf-8") as f:
        for line in out:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{sum(len(r) for r in LINKS.values())} linked figures in {len(LINKS)} articles, {len(EVENTS)} events")


if __name__ == "__main__":
    main()
