//! Word lists that tell a name from other words: surnames (Japanese, Chinese,
//! Korean), kanji given-name endings, katakana and English given names, and the
//! capitalised or katakana words that look like names but are places, months,
//! organisations or common nouns.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Japanese surnames (the most frequent ones, plus names often in the news).
const JA_SURNAMES: &str = "佐藤 鈴木 高橋 田中 伊藤 渡辺 渡邊 渡邉 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 斎藤 斉藤 齋藤 清水 山崎 山﨑 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 柴田 酒井 工藤 横山 宮崎 宮本 内田 高木 安藤 島田 谷口 大野 丸山 今井 高田 藤本 武田 村田 上野 杉山 増田 小山 大塚 平野 菅原 久保 松井 千葉 岩崎 桜井 櫻井 木下 野口 松尾 菊地 菊池 野村 新井 渡部 佐野 杉本 古川 小島 市川 水野 西田 関口 北村 安田 中西 五十嵐 川口 平田 東 川崎 飯田 吉川 本田 久保田 沢田 澤田 辻 関 吉村 渡部 岩田 中谷 服部 樋口 秋山 大西 永井 中田 荒井 松下 小松 大石 高野 浅野 大久保 松岡 熊谷 星野 土屋 吉岡 岩本 今村 大川 小池 松浦 岡崎 河野 川村 浅井 片山 内藤 大谷 北川 堀 原 森 林 菅 岸 石破 岸田 安倍 麻生 茂木 高市 小泉 野田 枝野 玉木 赤沢 赤澤 植田 黒田 白川 雨宮 氷見野 武藤 甘利 二階 萩生田 世耕 西村 林 加藤 上川 林芳 岩屋 中谷 林 石原 小渕 福島 志位 山尾 前原 蓮舫 泉 馬場 吉村 松井 橋下 小池 神谷 斎藤 十倉 新浪 柳井 豊田 孫 三木谷 永守 稲盛 盛田 井深 御手洗 出井 奥田 佐藤 似鳥 前澤 東原 中西 津賀 吉野 平井 十時 内山 宮内 澤田 島田 河合 奥 三毛 冨山 茂木 芳野 清家 宮沢 宮澤 細川 鳩山 羽田 村山 橋龍 福井 黒川 日覚 田代 柏木 中畑 栗原 矢野 福岡 大村 秋田 野上 谷 成田 大島 川上 堤 丹羽 水谷 桑原 西川 宇野 竹中 竹下 海部 宮沢 森山 石井 谷垣 大平 三木 田辺 中曽根 佐久間 長田 長島 長嶋 王 大坂 錦織 羽生 八村 大谷 松山 久保 三笘 井端 栗山 森保 原口 本田 香川 長友 吉田 遠藤 冨安 南野 鎌田 三苫 浅田 石井 高梨 小平 池江 萩野 瀬戸 内村 白井 村田 井岡 堂安 守田 伊東 上田 中村 古橋 前田 板倉 谷口 佐野 田嶋 小倉 宮川 大森 大宮 小西 浜田 濱田 野中 岡村 尾崎 梅田 梅津 神田 北野 高山 高井 坂口 坂井 坂田 杉浦 細野 細田 千田 塩田 塩谷 岡 笠井 藤川 稲田 稲葉 篠原 篠田 堀江 堀内 堀田 芦田 有馬 有田 宮下 宮田 森本 森下 森川 村井 西山 西岡 西野 西尾 中井 中尾 中嶋 中原 中沢 中澤 永田 長尾 長野 新田 若林 若松 若山 横田 横井 米田 米山 吉井 吉本 山内 山中 山川 山岸 矢島 安井 柳田 早川 林田 原口 平井 平山 広瀬 廣瀬 福井 福本 福永 藤岡 藤村 藤沢 藤野 古田 本間 前川 増井 松村 松永 松原 丸井 三宅 三上 三好 宮原 向井 武井 望月 元木 森岡 守屋 諸橋 八木 矢口 柳 山根 湯浅 横川 吉沢 吉澤 和泉 渡 赤木 秋元 浅田 足立 荒木 飯島 飯塚 池上 石橋 石塚 石黒 市村 井口 井手 今西 岩井 岩瀬 上原 内海 大木 大竹 大橋 大山 岡野 奥村 小沢 小澤 落合 甲斐 梶原 片岡 加納 鎌田 川端 川島 川田 菊田 岸本 北島 北原 木内 久米 栗田 黒木 桑田 小泉 小早川 小宮 小森 近藤 佐伯 酒井 坂上 桜田 笹川 佐竹 里見 沢井 椎名 篠崎 柴崎 島崎 清田 白石 杉田 鈴村 須藤 関根 瀬川 園田 高岡 高畑 竹田 竹本 武内 田口 田島 立花 田辺 谷川 玉井 千葉 辻本 土井 筒井 寺田 寺島 富田 豊島 内藤 仲田 長井 中丸 並木 成瀬 西本 沼田 根本 野崎 萩原 橋爪 長谷部 畑中 服部 浜口 早坂 林原 原島 樋口 日高 平川 平松 福原 藤木 藤原 船橋 古屋 北条 堀口 本多 真田 槙野 増田 町田 松島 松野 丸田 三島 水田 溝口 三田 南 宮城 宮地 村松 毛利 森永 八代 安川 柳沢 柳澤 山脇 由井 横溝 吉永 米沢 若田 鷲尾 山際 片山 城内 藤丸 寺尾 宮野 宮坂 宇田 渋沢 澁澤 岩倉 徳川 織田 豊臣 明智 坂本 西郷 大久保 伊達 武田 上杉 北条 真田";

/// Chinese and Korean surnames, as written in Japanese news (kanji).
const CJK_SURNAMES: &str = "李 王 張 劉 陳 楊 黄 趙 呉 周 徐 孫 馬 朱 胡 郭 何 高 林 羅 鄭 梁 謝 宋 唐 許 馮 鄧 曹 彭 曽 蕭 肖 董 袁 潘 于 蒋 蔡 余 杜 葉 程 蘇 魏 呂 丁 任 沈 姚 盧 姜 崔 鍾 譚 陸 汪 范 金 廖 賈 夏 韋 付 方 鄒 孟 熊 秦 邱 尹 薛 閻 段 雷 侯 龍 史 陶 黎 賀 顧 毛 郝 龔 邵 銭 厳 覃 戴 莫 孔 向 湯 習 温 薄 易 栗 汪 胡 朴 崔 申 権 安 柳 洪 全 文 裵 盧 沈 具 車 禹 辛 閔 玄 卞 秋 邊 黄 蔡 頼 賴 柯 游 翁 戚 喬 屠 苗 聶 尤 岳 柴 祝 鮑 鄺 卓 麦 欧陽 司馬 諸葛 上官 夏侯";

/// One-character names (Japanese and Chinese/Korean) accepted before a title or
/// honorific. Country abbreviations (米 中 英 韓 …) are deliberately absent.
const SINGLE_CHAR_NAMES: &str = "李 王 張 劉 陳 楊 黄 趙 呉 周 徐 孫 馬 朱 胡 郭 何 林 羅 鄭 梁 謝 宋 唐 許 馮 鄧 曹 彭 蕭 董 袁 潘 蒋 蔡 杜 葉 程 蘇 魏 呂 丁 沈 姚 盧 姜 崔 鍾 譚 汪 范 金 廖 賈 夏 熊 秦 邱 尹 薛 閻 侯 龍 陶 賀 顧 毛 郝 龔 邵 習 温 薄 易 朴 申 権 柳 洪 裵 禹 辛 閔 菅 森 原 辻 堀 関 岸 泉 谷 岡 堤 奥";

/// Last characters typical of Japanese given names (for kanji names standing
/// without a title or honorific).
const GIVEN_ENDINGS: &str = "一二三郎雄夫男彦介輔助也哉斗翔太樹子美恵香奈菜代江枝絵穂乃花華里理莉紀希佳織沙保那弘博浩宏洋隆剛誠実勝茂稔清勇進修治明昭晃亮良正昌昇聡智哲徹敏俊信伸晋仁秀英栄豊裕寛康泰靖義善孝幸喜健賢憲謙毅彰敦篤淳純潤順司吾朗平吉人蔵造臣典行之史志忠直尚久恒則道達文武学光和貴慎彬悟衛優";

/// Katakana given names (first parts of `ドナルド・トランプ`-style names).
const KATAKANA_GIVEN: &str = "ドナルド ジョー ジョセフ ジョン ジェームズ ジェイムズ ロバート マイケル ウィリアム デビッド デービッド デイビッド デヴィッド リチャード トーマス トマス チャールズ クリストファー ダニエル マシュー アンソニー アントニー マーク ポール スティーブン スティーヴン スティーブ アンドリュー ケネス ケビン ケヴィン ブライアン ジョージ ティモシー ロナルド エドワード ジェイソン ジェフリー ジェフ ライアン ジェイコブ ゲーリー ゲイリー ニコラス エリック ジョナサン ラリー ジャスティン スコット ブランドン ベンジャミン サミュエル フランク グレゴリー レイモンド アレクサンダー アレクサンドル パトリック ジャック デニス ジェリー タイラー アーロン ホセ ヘンリー アダム ダグラス ネイサン ピーター ザカリー カイル ウォルター ハロルド ジェレミー イーサン カール キース ロジャー ジェラルド クリスチャン テリー ショーン アーサー オースティン ノア ローレンス ジェシー ビリー ブルース アルバート ウィリー ガブリエル ローガン アラン フアン ウェイン ロイ ラルフ ランディ ユージン ビンセント ボビー ラッセル ルイ フィリップ ジョニー イーロン エロン サティア サム ジェンスン ジェンセン ティム ビル ウォーレン ハワード ジェイミソン ジャミーソン マルコ ピート ハワード ケビン クリスティン カマラ ヒラリー バラク ミシェル メアリー パトリシア ジェニファー リンダ エリザベス バーバラ スーザン ジェシカ サラ カレン ナンシー リサ ベティ マーガレット サンドラ アシュリー キンバリー エミリー ドナ ドロシー キャロル アマンダ メリッサ デボラ ステファニー レベッカ シャロン ローラ シンシア キャスリーン エイミー シャーリー アンジェラ ヘレン アンナ ブレンダ パメラ ニコール エマ サマンサ キャサリン レイチェル キャロリン ジャネット バージニア マリア ヘザー ダイアン ジュリー ジョイス ビクトリア ケリー クリスティーナ エブリン ローレン オリビア フランシス マーサ ミーガン アンドレア ハンナ ジャクリーン アン ジーン アリス グロリア テレサ ジュリア ケイト アンゲラ ウルズラ クリスティーヌ エマニュエル ウラジーミル ウラジミール ボリス オラフ フリードリヒ フリードリッヒ ジョルジャ キア ナレンドラ ルイス ルラ ジャイル ハビエル アンドレス ペドロ カルロス ミゲル ホルヘ リシ キール テリーザ テリーザ ゴードン トニー デービッド ニコラ ジャン ピエール フランソワ セルゲイ ドミトリー ミハイル アレクセイ ヴォロディミル ウォロディミル レジェプ ベンヤミン ヨアフ ムハンマド モハメド アブドラ ジェローム ジャネット ベン アラン ラエル クリスティーヌ ラガルド マリオ ジョルジア メローニ ペニー ピエール マーク ジェイク ケイティ ナオミ セリーナ ロジャー ラファエル ノバク タイガー レブロン ステフィン マイク ミッチ チャック ベン ラーム マルコ リンジー テッド ランド ジョシュ ロン ニッキー ビベック ヴィヴェック グレッグ ギャビン ジャレッド イバンカ メラニア バロン エリック タルシ ロバート ケネディ ブルック クリスティ ピート スティーブン カロライン ケビン マイケル スーザン ジェミソン";

/// Katakana words that are not names: countries, places, institutions and
/// common nouns that stand before titles or honorifics (`ロシア大統領`, `チーム監督`).
const KATAKANA_NOT_NAMES: &str = "アメリカ イギリス フランス ドイツ イタリア ロシア ウクライナ カナダ オーストラリア インド ブラジル メキシコ スペイン オランダ ベルギー スイス スウェーデン ノルウェー フィンランド デンマーク ポーランド トルコ イラン イラク イスラエル サウジアラビア サウジ エジプト ナイジェリア アルゼンチン チリ ペルー コロンビア ベネズエラ キューバ フィリピン ベトナム タイ マレーシア インドネシア シンガポール ミャンマー カンボジア ラオス パキスタン バングラデシュ アフガニスタン シリア レバノン ヨルダン カタール オマーン クウェート バーレーン ギリシャ ポルトガル オーストリア ハンガリー チェコ スロバキア ルーマニア ブルガリア セルビア クロアチア ベラルーシ ジョージア アルメニア アゼルバイジャン カザフスタン ウズベキスタン モンゴル ニュージーランド パレスチナ ガザ ヨーロッパ アジア アフリカ ユーラシア アラブ ロンドン パリ ニューヨーク ワシントン ジュネーブ ベルリン モスクワ ペキン ソウル シドニー ブリュッセル ホワイトハウス カリフォルニア テキサス フロリダ シリコンバレー ウォール ウォールストリート ハワイ アラスカ ミシガン オハイオ イリノイ バージニア ジュネーヴ ダボス ストックホルム ウィーン ローマ マドリード ミラノ ムンバイ デリー バンコク ハノイ ジャカルタ マニラ ドバイ テヘラン キーウ キエフ ガザ ケベック トロント バンクーバー チーム クラブ グループ ホールディングス メディア センター ファンド ユニオン プロジェクト チャンネル サイト ネット アプリ サービス システム グローバル ジャパン アジア パシフィック インターナショナル コーポレーション カンパニー ママ パパ ボランティア スタッフ メンバー ファン ユーザー リーダー トップ オーナー ゲスト ホスト プロ アマ チーム ビジネス マーケット データ テクノロジー エネルギー レアアース サプライチェーン ハイテク スタートアップ ベンチャー ネットワーク プラットフォーム パートナー ワーキング オリンピック パラリンピック ワールドカップ リーグ カップ ゲーム シリーズ ツアー オープン ホテル レストラン ショップ ストア モール ブランド ニュース タイムズ ポスト ジャーナル エコノミスト ロイター ブルームバーグ フィナンシャル テレビ ラジオ ネットフリックス ユーチューブ アカデミー ホーム ハウス ビル タワー ステーション エリア ゾーン ライン ルート コース クラス レベル スクール カレッジ ユニバーシティ インスティテュート フォーラム サミット ハイテク産業";

/// English given names (common first names and first names often in business
/// and political news).
const EN_GIVEN: &str = "James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald Steven Stephen Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Jeff Ryan Jacob Gary Nicholas Eric Jonathan Larry Justin Scott Brandon Benjamin Samuel Gregory Frank Alexander Raymond Patrick Jack Dennis Jerry Tyler Aaron Jose Henry Adam Douglas Nathan Peter Zachary Kyle Walter Harold Jeremy Ethan Carl Keith Roger Gerald Christian Terry Sean Arthur Austin Noah Lawrence Jesse Joe Bryan Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy Ralph Randy Eugene Vincent Bobby Russell Louis Philip Johnny Elon Satya Sam Jensen Tim Bill Warren Howard Jamieson Marco Pete Kamala Hillary Barack Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma Samantha Katherine Catherine Christine Debra Rachel Carolyn Janet Virginia Maria Heather Diane Julie Joyce Victoria Kelly Christina Joan Evelyn Lauren Judith Olivia Frances Martha Cheryl Megan Andrea Hannah Jacqueline Ann Anne Jean Alice Kathryn Gloria Teresa Doris Julia Kate Angela Ursula Christine Emmanuel Vladimir Boris Olaf Friedrich Giorgia Keir Narendra Rishi Liz Theresa Gordon Tony Jerome Janet Ben Jane Jamie Tom Dan Mike Bob Rob Jim Nick Chris Matt Steve Andy Greg Josh Ken Ted Ed Fred Mitch Chuck Lindsey Rand Ron Nikki Vivek Gavin Jared Ivanka Melania Tulsi Kristi Karoline Marco Pam Lael Michelle Philip Christopher Jay Jamie Brian Abigail Sundar Tim Jensen Lisa Reed Marc Mary Sheryl Ginni Arvind Safra Shantanu Andy Doug Brian Mary Ana Alex Alexandra Alexis Ali Amit Anil Arjun Carlos Miguel Pedro Luis Javier Jorge Francisco Antonio Manuel Fernando Sergio Ricardo Rafael Diego Pablo Luca Marco Giovanni Giuseppe Mario Paolo Francesco Matteo Hans Klaus Jurgen Wolfgang Dieter Stefan Markus Thomas Angela Annalena Christian Pierre Jean Francois Emmanuel Nicolas Bruno Christine Francoise Sophie Marine Dmitry Sergei Sergey Mikhail Alexei Alexey Volodymyr Recep Benjamin Yoav Mohammed Muhammad Mohammad Ahmed Abdullah Hassan Hussein Omar Yusuf Li Wang Hiroshi Takeshi Shigeru Fumio Shinzo Yoshihide Kazuo Akio Koji Kenichiro Masayoshi Tadashi Hiroaki Kenji Makoto Naoki Satoshi Takashi Yuki Yoko Keiko Haruhiko Shunichi Eiji Masato Taro Jiro Ichiro Sanae Shinjiro Yoshimasa Katsunobu Ryosei Akira Atsushi Daisuke Hideo Hideki Kazuhiro Koichi Masahiro Osamu Ryo Shinji Shunsuke Tetsuya Toshiaki Yasuhiro Yoshiro Yuji Yusuke Jamie Leslie Lesley Lynn Dana Jordan Morgan Taylor Casey Jessie Kerry Robin Shannon Tracy Craig Neil Ian Graham Colin Stuart Simon Nigel Rupert Oliver Harry Charlie Jake Luke Max Leo Oscar Hugo Felix Victor Martin Marcus Kurt Karl Otto Erik Lars Sven Nils Magnus Anders Jens Rolf Gustav Ingrid Astrid Greta Sara Nina Natalie Natasha Olga Irina Tatiana Svetlana Elena Yulia Julian Adrian Damian Dominic Sebastian Tristan Vivian Lillian Marian Beth Jill Jenny Judy Kathy Cathy Peggy Sally Wendy Cindy Vicki Tina Gina Rita Rosa Rose Grace Ruth Esther Sylvia Gail Joanne Joanna Suzanne Yvonne Marilyn Lorraine Denise Tammy Tanya Kim Lee Chan Hyun Jae Moon Yoon Kishida Mitch";

/// Capitalised words that start sequences which are not people: places, months,
/// days, organisations, titles of things.
const EN_CALENDAR: &str = "January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday";

const EN_NOT_NAME_WORDS: &str = "America American Americans British Britain England English London Paris Berlin Tokyo Beijing Washington York California Texas Florida Virginia Georgia Carolina Jersey Chicago Boston Seattle Brussels Geneva Moscow Kyiv Shanghai Hong Kong Japan Japanese China Chinese India Indian Korea Korean Europe European Asia Asian Africa African Germany German France French Italy Italian Spain Spanish Russia Russian Ukraine Ukrainian Canada Canadian Mexico Mexican Brazil Australia Street Avenue Road Square Park Beach City County State States Island Islands River Lake Mountain Valley Bay Bank Banks Group Inc Corp Corporation Company Co Ltd LLC Holdings Partners Capital Fund Funds Trust Securities Exchange Market Markets Index University College School Institute Institution Foundation Association Council Committee Commission Agency Authority Department Ministry Office Bureau Board Court Congress Senate House Parliament Government Administration Party Union Federation Federal Reserve Treasury Republic Kingdom National International Global World Center Centre Hospital Airport Station Church Times Post Journal News Street Airlines Airways Motors Motor Energy Oil Gas Steel Pharmaceutical Pharmaceuticals Technologies Technology Systems Software Semiconductor Electronics Industries Airlines Foods Media Entertainment Studios Labs Laboratories Brands Stores Insurance Financial Investments Ventures Sachs Stanley Chase Fargo Lynch Mellon Schwab Street Act Law Treaty Accord Agreement Plan Program Programme Project Initiative Summit Forum Conference Games Cup League Open Award Awards Prize Day Week Year Quarter Christmas Easter Ramadan Thanksgiving God Lord Jesus Christ Allah Boulevard Way Lane Drive Place Plaza Tower Towers Building Hall Palace Castle Bridge Harbor Harbour Port Coast Gulf Sea Ocean North South East West Northern Southern Eastern Western Central Upper Lower Greater New Old Saint St Fort Mount Lakes Hills Heights Springs Falls";

fn set(words: &'static str) -> HashSet<&'static str> {
    words.split_whitespace().collect()
}

static JA_SURNAME_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let mut s = set(JA_SURNAMES);
    s.extend(CJK_SURNAMES.split_whitespace());
    s
});
static SINGLE_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(SINGLE_CHAR_NAMES));
static KATAKANA_GIVEN_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(KATAKANA_GIVEN));
static KATAKANA_NOT_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(KATAKANA_NOT_NAMES));
static EN_GIVEN_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(EN_GIVEN));
static EN_NOT_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(EN_NOT_NAME_WORDS));
static EN_CALENDAR_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(EN_CALENDAR));

/// Length in characters of the longest known surname that starts `name`
/// (0 when none does).
pub fn surname_prefix(name: &str) -> usize {
    let mut best = 0;
    for (n, (i, c)) in name.char_indices().enumerate().take(3) {
        let end = i + c.len_utf8();
        if name.get(..end).is_some_and(|p| JA_SURNAME_SET.contains(p)) {
            best = n + 1;
        }
    }
    best
}

pub fn is_surname(s: &str) -> bool {
    JA_SURNAME_SET.contains(s)
}

/// One-character names allowed before a title or honorific.
pub fn is_single_char_name(s: &str) -> bool {
    SINGLE_SET.contains(s)
}

pub fn is_given_ending(c: char) -> bool {
    GIVEN_ENDINGS.contains(c)
}

pub fn is_katakana_given(s: &str) -> bool {
    KATAKANA_GIVEN_SET.contains(s)
}

/// Countries, places and common nouns written in katakana.
pub fn is_katakana_not_name(s: &str) -> bool {
    KATAKANA_NOT_SET.contains(s)
}

pub fn is_en_given(s: &str) -> bool {
    EN_GIVEN_SET.contains(s)
}

/// Places and organisation words: a capitalised word that is not part of a name.
pub fn is_en_not_name(s: &str) -> bool {
    EN_NOT_SET.contains(s.trim_end_matches('.'))
}

/// Months and weekdays (`May` is a month first, a surname only after a given name).
pub fn is_en_calendar(s: &str) -> bool {
    EN_CALENDAR_SET.contains(s)
}
