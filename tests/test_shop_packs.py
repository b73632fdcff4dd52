"""Packs built on the shop's pack: electronics (数码产品) and books (图书).

Read off phone, computer and tablet reviews (online_shopping_10_cats): with the shop's pack
the battery, the screen, the speed and the sound were one factor (功能性能), so "fix first"
named no part, and the phone's own messages and music counted as the seller's communication
and the shop's ambience. In book reviews the author's level, the book's explanations and the
story's surroundings were the seller's service, communication and a shop's ambience.
"""

from __future__ import annotations

import pytest
from conftest import extractor_for

from manyi.annotate.annotator import Annotator
from manyi.text.domains import guess_domain
from manyi.text.lexicon import Lexicon, pack_base, pack_paths

PHONES = ["电池不耐用，待机时间太短", "屏幕很清晰，分辨率高", "运行速度快，玩游戏不卡顿",
          "铃声太小，听筒声音也小", "拍照效果一般，摄像头像素低", "信号不好，蓝牙经常断",
          "键盘按键手感好", "用久了机身发烫，散热不行"]


BOOKS = ["文笔流畅，故事情节引人入胜", "作者的水平很高", "纸张很薄，印刷模糊", "翻译太烂了",
         "这本书内容空洞", "讲解很详细，例题丰富", "孩子很喜欢这本书的插图", "结局有点仓促"]
COURSES = ["老师讲课很生动，课程内容丰富", "这门课的作业太多了", "慕课的视频清晰，老师很负责",
           "课程安排合理，老师讲解深入浅出", "期末考试太难了，助教也不回复"]


@pytest.fixture(scope="module")
def devices():
    return Annotator(lexicon=Lexicon.load("electronics"))


@pytest.fixture(scope="module")
def books():
    return Annotator(lexicon=Lexicon.load("books"))


@pytest.fixture(scope="module")
def shop():
    return Annotator(lexicon=Lexicon.load("ecommerce"))


def mentions_of(annotator: Annotator, text: str):
    """The mentions of one comment, as a table."""
    return annotator.annotate(["1"], [text])[1]


def test_the_pack_keeps_the_shops_words():
    lexicon = Lexicon.load("electronics")
    assert pack_base("electronics") == "ecommerce" and pack_base("hotel") is None
    assert [p.name for p in pack_paths("electronics")] == ["core", "ecommerce", "electronics"]
    assert lexicon.terms["宝贝"].key == "item" and lexicon.terms["尺码"].dimension == "product"
    assert lexicon.terms["售后服务"].dimension == "service"


@pytest.mark.parametrize("text, term, factor", [
    ("电池不耐用，待机时间太短", "电池", "battery"),
    ("屏幕很清晰", "屏幕", "screen"),
    ("运行速度快", "运行速度", "speed"),
    ("散热不行", "散热", "heat"),
    ("短信功能很好用", "短信", "system"),       # the phone's messages, not the seller's
    ("音乐播放效果不错", "音乐", "audio"),      # its music, not a shop's ambience
])
def test_a_devices_parts_are_factors_of_their_own(devices, text, term, factor):
    mentions = mentions_of(devices, text)
    filed = {(m.term, m.factor) for m in mentions.itertuples()}
    assert any(t.startswith(term) and f == factor for t, f in filed), filed


@pytest.mark.parametrize("text, dimension", [
    ("售后服务太差了", "service"),
    ("客服电话一直打不通", "communication"),    # 电话 stays the seller's line
    ("物流快捷，第二天就到了", "logistics"),
])
def test_the_sellers_words_keep_their_filing(devices, text, dimension):
    mentions = mentions_of(devices, text)
    assert dimension in set(mentions.dimension), list(mentions.itertuples())


def test_device_reviews_choose_the_pack():
    guess = guess_domain(PHONES * 3)
    assert guess.domain == "electronics" and guess.fits


def test_a_near_tie_with_the_shops_pack_keeps_the_pack_built_on_it():
    """A tablet dump held the device's words in 35 % of comments and the shop's own in 28 %:
    the electronics pack keeps every shop word, so the tie goes to it, and the note says so."""
    texts = ["屏幕很清晰", "电池很耐用", "运行速度快", "音量太小", "键盘好用",
             "宝贝收到了", "颜色有色差", "好评返现", "尺码合适", "不错"] * 3
    guess = guess_domain(texts)
    assert guess.shares["electronics"] > guess.shares["ecommerce"] > 0
    assert guess.confidence < 0.25
    assert guess.domain == "electronics"
    assert "built on ecommerce" in guess.note()


def test_shop_reviews_of_other_goods_keep_the_shops_pack():
    clothes = ["衣服质量很好，尺码标准", "颜色有色差，面料一般", "宝贝收到了，很满意",
               "物流很快，包装完好"] * 5
    assert guess_domain(clothes).domain == "ecommerce"


@pytest.mark.parametrize("text, term, dimension, factor", [
    ("这本书很好看", "好看", "product", "content"),       # a good read, not its looks
    ("这本书不错", "这本书", "overall", "item"),
    ("文笔流畅", "文笔", "product", "writing"),
    ("作者的水平很高", "水平", "product", "writing"),      # the author's, not a service's
    ("讲解很详细", "讲解", "product", "content"),          # the book's, not communication
    ("纸张很薄，印刷模糊", "纸张", "product", "printing"),
    ("翻译太烂了", "翻译", "product", "author"),
    ("作品很感人", "作品", "overall", "item"),             # the book named whole
])
def test_a_books_words_are_the_books(books, text, term, dimension, factor):
    mentions = mentions_of(books, text)
    filed = {(m.term, m.dimension, m.factor) for m in mentions.itertuples()}
    assert (term, dimension, factor) in filed, filed


@pytest.mark.parametrize("text", ["书中描写的环境很压抑，但是很真实",
                                  "这部小说中对旧中国城镇环境和人物的描写令我不快"])  # (real)
def test_a_storys_surroundings_are_no_shops_environment(books, text):
    assert "environment" not in set(mentions_of(books, text).dimension)


def test_book_and_course_reviews_choose_their_packs():
    assert guess_domain(BOOKS * 3).domain == "books"
    assert guess_domain(COURSES * 3).domain == "education"


@pytest.mark.parametrize("text, term, factor, polarity", [
    ("屏幕分辨率有点低", "屏幕分辨率", "screen", "negative"),  # two listed words, the scale
    ("前置摄像头像素比较低", "前置摄像头像素", "camera", "negative"),
    ("耳机档次更高", "耳机档次", "accessories", "positive"),        # a part, what of it, the scale
    ("听筒声音太小", "听筒声音", "audio", "negative"),
    ("内存占用很高", "内存占用", "speed", "negative"),
])
def test_a_listed_part_measured_by_a_scale_word_is_judged(devices, text, term, factor, polarity):
    """Listing the device's parts must not lose the judgement the shop's pack read of them
    (there 分辨率 and 耳机档次 were unlisted words, measured by the scale word after them)."""
    mentions = mentions_of(devices, text)
    judged = {(m.term, m.factor, m.polarity) for m in mentions.itertuples() if m.opinion}
    assert (term, factor, polarity) in judged, list(mentions.itertuples())


def test_the_report_says_which_pack_read_the_comments():
    """A report's reader sees the pack and how it was chosen (the terminal and meta.json said
    it; the HTML page and the workbook's summary now say it too)."""
    import manyi
    from manyi.report.render import render_html
    from manyi.report.workbook import excel_tables

    result = manyi.analyze(PHONES * 3, domain="auto", progress=False)
    assert "行业词典 数码产品 (electronics)，按评论用词自动选择" in render_html(result)
    summary = excel_tables(result)["summary"].set_index("item")["value"]
    assert summary["domain"].startswith("数码产品 (electronics)，按评论用词自动选择，置信度")


def test_the_book_named_whole_votes_for_the_books_pack():
    """这本书 is filed as the thing bought (a factor every shop pack has), so it votes only
    because the pack names it under ``[guess] words``; each such word is one of its terms."""
    assert guess_domain(["这本书很不错"] * 20).shares["books"] == 1.0
    assert guess_domain(["这本书很不错"] * 20).shares["ecommerce"] == 0.0
    for domain in ("books", "electronics"):
        lexicon = Lexicon.load(domain)
        assert lexicon.guess_words <= set(lexicon.terms), lexicon.guess_words - set(lexicon.terms)


# Real comments of the phone, tablet, computer and book reviews (online_shopping_10_cats),
# one for each word a pack moves and for words it leaves with the seller.
@pytest.mark.parametrize("pack, text, term, dimension", [
    ("electronics", "短信功能方便、输入法好用", "短信", "product"),
    ("electronics", "听音乐音质不错", "音乐", "product"),
    ("electronics", "菜单及界面设计很好", "界面", "product"),
    ("electronics", "它的滑盖技术确实没有三星的好", "技术", "product"),
    ("electronics", "唯一欠缺的一点就是没有耳机", "耳机", "product"),
    ("electronics", "网页上明明显示有货为什么要等6天才发货", "网页", "channel"),  # the shop's page
    ("electronics", "客服电话打了没人接", "客服电话", "communication"),
    ("electronics", "京东物流快捷给力", "物流", "logistics"),
    ("books", "语言风格我很喜欢", "风格", "product"),
    ("books", "作者就这水平", "水平", "product"),
    ("books", "请当当给我一个合理的解释", "解释", "communication"),            # the seller's
])
def test_a_moved_word_and_a_kept_one_on_real_comments(devices, books, pack, text, term,
                                                     dimension):
    mentions = mentions_of({"electronics": devices, "books": books}[pack], text)
    filed = {(m.term, m.dimension) for m in mentions.itertuples()}
    assert any(term in t and d == dimension for t, d in filed), filed


def test_extends_names_a_shipped_pack(tmp_path):
    """A shipped pack's base must be another shipped pack (a typo would load the pack without
    the shop's words, silently); a user's pack cannot have one (it is merged over --domain's)."""
    from manyi.errors import LexiconError
    from manyi.text.lexicon import DOMAINS, extended

    with pytest.raises(LexiconError, match="ecomerce"):
        extended({"extends": "ecomerce"}, "books", tmp_path / "taxonomy.toml")
    for domain in DOMAINS:  # every shipped base is loaded before its pack
        base = pack_base(domain)
        names = [p.name for p in pack_paths(domain)]
        assert names == (["core", base, domain] if base else ["core", domain])
    (tmp_path / "taxonomy.toml").write_text('[meta]\nextends = "books"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="shipped packs only"):
        Lexicon.from_packs([pack_paths(None)[0], tmp_path])


@pytest.mark.parametrize("text, judged", [
    ("京东越来越差", {("京东", "channel", "negative")}),           # (real: tablet reviews)
    ("没想到京东也会忽悠了", {("京东", "channel", "negative"),     # (real; 忽悠 says a promise
                              ("忽悠", "communication", "negative")}),  # too)
    ("值得信赖的京东", {("京东", "brand", "positive")}),           # (real; the cue's reputation)
    ("京东发货很慢", {("发货", "logistics", "negative")}),         # the platform's delivery
    ("京东客服态度很好", {("客服态度", "service", "positive")}),   # its service
    ("最近几次在当当买书质量都不错", {("质量", "product", "positive")}),  # (real) the books'
    ("京东客户端经常闪退", {("客户端", "channel", "negative")}),    # its app
    ("在京东买的，很满意", set()),                                  # where it was bought
    ("这是我在当当买过的最有用的一本书", set()),   # (real) where the book was bought
    ("在当当网购书有上当受骗的感觉", {("当当网", "channel", "negative")}),  # (real) buying there
    ("从当当买的最好的一本书", set()),             # where the book was bought
    ("看当当的推荐买的", set()),                   # (real) the platform recommends
    ("京东推荐的平板外套，真的渣渣", set()),       # (real) no praise of the platform
    ("第一次这么对京东失望", {("京东", "channel", "negative")}),          # (real) judged
    ("推荐京东", {("京东", "channel", "positive")}),                       # recommended
])
def test_a_shopping_platform_is_the_channel_bought_through(shop, text, judged):
    """The platforms were no listed word: in tablet reviews 京东 was a discovered attribute of
    the thing bought, the 18th complaint to fix (产品·京东（新发现）, 150 comments)."""
    mentions = mentions_of(shop, text)
    assert {(m.term, m.dimension, m.polarity) for m in mentions.itertuples() if m.term} \
        == judged, list(mentions.itertuples())


def test_a_device_maker_is_a_brand_not_a_part_of_the_device():
    """jieba calls 华为 a person's name and 苹果 a noun: in the tablet reviews both were
    discovered attributes of the thing bought (产品·华为（新发现）, 179 mentions). The
    electronics pack names the makers; judged in a dump, they are brands."""
    from manyi.annotate.prepass import learn_aspects

    texts = ["华为值得拥有", "华为越来越好", "华为真的很好", "一直支持华为，很好用",  # (real)
             "苹果太贵了", "苹果的系统很流畅", "屏幕很清晰", "电池很耐用",
             "玩王者荣耀不卡", "王者荣耀很流畅"] * 3   # a game, not the maker 荣耀 (review19)
    learned = {(word, dimension) for word, dimension, _ in
               learn_aspects(texts, Lexicon.load("electronics"))}
    assert {("华为", "brand"), ("苹果", "brand")} <= learned, learned
    assert not {word for word, dimension in learned if dimension == "product"} & {"华为", "苹果"}
    assert "荣耀" not in {word for word, _ in learned}


@pytest.mark.parametrize("text, term, factor", [
    ("手机很垃圾", "手机", "item"),          # (real: tablet reviews) the device named whole
    ("反应迟钝过慢", "反应", "speed"),        # (real) how fast it responds
    ("运行很流畅", "运行", "speed"),
    ("送的手机壳很差", "手机壳", "accessories"),  # (real) a case, not the phone (review19)
])
def test_the_device_named_whole_and_its_response(devices, text, term, factor):
    """In the tablet reviews 手机 (696 complaining comments) and 反应 (140) were discovered
    attributes, the 4th and 19th complaints to fix, beside 运行速度 and the verdict on the
    whole."""
    filed = {(m.term, m.factor) for m in mentions_of(devices, text).itertuples()}
    assert (term, factor) in filed, filed


@pytest.mark.parametrize("text", ["他怎有脸面做了汉奸还那么洋洋自得呢",  # (real)
                                  "却城府深、心机重"])
def test_a_storys_words_judged_once_are_no_aspects_of_the_book(shop, books, text):
    """Read with the shop's pack, a story's people and traits are discovered attributes of the
    thing bought. The books pack keeps only the words its corpus pass learns (judged in two
    comments): positive-labelled book reviews with a complaint about a factor 39 % → 22 %."""
    assert "discovered" in set(mentions_of(shop, text).source)
    assert "discovered" not in set(mentions_of(books, text).source)


def test_discover_once_must_be_true_or_false(tmp_path):
    from manyi.errors import LexiconError

    (tmp_path / "aspects.toml").write_text('[filing]\ndiscover_once = "no"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="discover_once"):
        Lexicon.load("books", [tmp_path])


@pytest.mark.parametrize("filing, discovers_once", [('verdicts = ["好读"]', False),
                                                     ("discover_once = true", True)])
def test_a_users_pack_keeps_the_books_packs_discovery_unless_it_says(tmp_path, filing,
                                                                      discovers_once):
    (tmp_path / "aspects.toml").write_text(f"[filing]\n{filing}\n", encoding="utf-8")
    assert Lexicon.load("books", [tmp_path]).discovers_once is discovers_once


@pytest.mark.parametrize("text, judged", [
    ("我在当当购卖<<求医不如求己1>>和<<求医不如求己2>>各一本", set()),  # (real)
    ("看了《不高兴》，很感动", {("很感动", "positive")}),
    ("《不一样的卡梅拉》很好看", {("好看", "positive")}),
    ("永远支持信誉商家《京东》", {("京东", "positive"), ("信誉", "positive"),  # (real) quoted,
                               ("商家", "positive")}),                 # not a title
])
def test_a_titles_words_are_no_opinion(books, text, judged):
    """A title names a book (or a film, a song): 不如 in 《求医不如求己》 made the platform a
    complaint (real: book reviews), 不高兴 would be a complaint of the book."""
    mentions = mentions_of(books, text)
    assert {(m.term or m.opinion, m.polarity) for m in mentions.itertuples()
            if m.source != "model"} == judged, list(mentions.itertuples())


@pytest.mark.parametrize("text", ["希望老板生意越来越兴旺", "希望商家生意越来越红火"])
def test_the_sellers_business_wished_well_is_no_complaint(shop, text):
    """Goodwill came out as a complaint against the service (服务·服务态度 negative, the
    clause model's reading of a wish): the seller's business named is not its service."""
    mentions = mentions_of(shop, text)
    assert not any(m.dimension == "service" for m in mentions.itertuples()), \
        list(mentions.itertuples())
    assert {m.polarity for m in mentions.itertuples()} == {"positive"}


@pytest.mark.parametrize("text, judged", [
    ("在京东的消费让人放心安心", ("京东", "channel", "positive")),    # (real) the platform's own
    ("老板生意做得很不厚道", ("老板", "service", "negative")),        # judged, not wished well
    ("卖家推荐的尺码很合适", ("卖家", "service", "positive")),        # a shop's advice: service
])
def test_a_seller_still_judged(shop, text, judged):
    """The rules above leave a seller that is judged (review26 of the first version)."""
    mentions = mentions_of(shop, text)
    assert judged in {(m.term, m.dimension, m.polarity) for m in mentions.itertuples()}, \
        list(mentions.itertuples())


@pytest.mark.parametrize("text, term, dimension, factor", [
    ("空调声音太大了", "声音", "environment", "noise"),  # a hotel's sounds are its noise
    ("酒店经理的态度很好", "经理", "service", "attitude"),  # people who serve, not the room's
    ("条件不错", "条件", "environment", "facilities"),
    ("软件需要跟上", "软件", "service", "attitude"),  # 硬件 and 软件: facilities and service
])
def test_a_hotels_words_are_the_hotels(text, term, dimension, factor):
    found = [(m.term, m.dimension, m.factor) for m in extractor_for("hotel")(text)]
    assert (term, dimension, factor) in found, found


@pytest.mark.parametrize("text", ["发热很严重", "机器发热有点大", "有点发热"])
def test_a_devices_heat_is_its_heat_factor(text):
    # 发热 named its factor (发热散热) but was not listed: learned as attribute:发热
    found = [(m.term, m.factor) for m in extractor_for("electronics")(text)]
    assert ("发热", "heat") in found, found


def test_a_hotels_grade_is_no_brand():
    from manyi.annotate.prepass import learn_aspects

    texts = ["最差的四星酒店", "见过差的四星酒店", "四星有点勉强", "四星还差不多", "不像四星",
             "四星标准", "四星太差了", "房间很干净"]
    learned = {w: d for w, d, _ in learn_aspects(texts * 2, Lexicon.load("hotel"))}
    assert learned.get("四星") != "brand", learned


TAKEAWAY = ["送餐小哥态度很好，还提醒我汤有点烫", "菜都凉了，骑手绕路送了一个小时",
            "分量太少了，两个人根本吃不饱", "配送费太贵了，比饭还贵", "骑手把餐放门口就走了",
            "打包盒漏了，袋子里全是油", "出餐太慢了，等了快一个小时", "外卖小哥送错地址了",
            "超时了还不让取消订单", "准时送达，饭菜还是热的"]


def test_riders_and_delivery_fees_vote_for_the_delivery_pack():
    """Takeaway reviews name the food a restaurant's reviews do; their riders and delivery fees
    (filed as core files them) are what tells the two apart."""
    assert guess_domain(TAKEAWAY * 2).domain == "delivery"
