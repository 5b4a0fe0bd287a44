"""A deterministic generator of synthetic 政府信息公开工作年度报告 (and a few policy notices) for
benchmarks at any size.

    .venv/bin/python bench/generate_corpus.py OUT_DIR --count 3000 [--seed 1]

Every document is derived from (seed, index) alone: the same seed and count give byte-identical
files, and the first N documents of a larger run equal an N-document run. Indices come in blocks of
five, split into a group of two and a group of three; a group is one agency (a county-level
division's government, or one of its departments) reporting on consecutive years, so that
year-over-year comparisons exist and 上年结转 (N) equals 结转下年度 (N-1) inside a group.

The mix, roughly: 40% 2021-template text reports (tables as `` | `` rows), 20% 2019-template HTML
pages (<table> with rowspan/colspan, some stored in GBK), 20% pre-2019 prose reports (2008 format,
figures in sentences), 10% traditional-character copies (OpenCC s2twp of a 2019/2021 report), 10%
policy notices. Divisions and their codes are the real GB/T 2260 table that ``cpca`` ships (read
through ``disclosure_kg.extract.divisions``). The figures satisfy the table identities of
``metrics.md``; the national regulations cited are those of ``regulations.md`` (✔ rows only).
Everything else (figures, local 文号, sites ``*.example``, phone numbers) is invented; the wording
is this project's own.
"""
from __future__ import annotations

import argparse
import html as htmllib
import random
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]

# ---------------------------------------------------------------------------------------------
# Divisions
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    adcode: str
    name: str  # 武进区
    full: str  # 常州市武进区
    city: str  # 常州市 ('' for a county under a province directly)
    province: str  # 江苏省
    suffix: str  # 区 / 县 / 市 / 旗
    unique: bool  # the bare name names one division only


@lru_cache(maxsize=None)
def _places() -> tuple[Place, ...]:
    from disclosure_kg.extract import divisions as D

    idx = D.names_index()
    out = []
    for d in sorted(D.all_divisions(), key=lambda d: d.adcode):
        if d.level != "county" or d.placeholder or d.name[-1] not in "区县市旗":
            continue
        chain = [x for x in D.parent_chain(d.adcode) if not x.placeholder]
        province = chain[-1].name
        city = chain[1].name if len(chain) > 2 else ""
        full = D.full_name(d.adcode)
        if not city and full.startswith(province) and province not in ("北京市", "天津市", "上海市", "重庆市"):
            full = d.name  # a county-level city under its province directly (济源市): its own name
        out.append(Place(d.adcode, d.name, full, city, province, d.name[-1], len(idx.get(d.name, ())) == 1))
    return tuple(out)


@lru_cache(maxsize=None)
def _pool(seed: int) -> tuple[Place, ...]:
    pool = list(_places())
    random.Random(f"dkg-bench:{seed}:pool").shuffle(pool)
    return tuple(pool)


# ---------------------------------------------------------------------------------------------
# Agencies
# ---------------------------------------------------------------------------------------------

# Departments of a county-level government: (name, first year, last year) — the reforms of
# 2018-2019 created or renamed many of them.
DEPARTMENTS = [
    ("教育局", 2009, 2025), ("财政局", 2009, 2025), ("民政局", 2009, 2025), ("审计局", 2009, 2025),
    ("司法局", 2009, 2025), ("统计局", 2009, 2025), ("水利局", 2009, 2025), ("交通运输局", 2009, 2025),
    ("住房和城乡建设局", 2009, 2025), ("人力资源和社会保障局", 2010, 2025), ("林业局", 2009, 2018),
    ("卫生局", 2009, 2013), ("卫生和计划生育局", 2014, 2018), ("环境保护局", 2009, 2018),
    ("国土资源局", 2009, 2018), ("农业局", 2009, 2018), ("安全生产监督管理局", 2009, 2018),
    ("食品药品监督管理局", 2013, 2018), ("市场监督管理局", 2019, 2025), ("卫生健康局", 2019, 2025),
    ("应急管理局", 2019, 2025), ("医疗保障局", 2019, 2025), ("退役军人事务局", 2019, 2025),
    ("自然资源局", 2019, 2025), ("农业农村局", 2019, 2025), ("文化和旅游局", 2019, 2025),
    ("生态环境局", 2019, 2025),
]


@dataclass(frozen=True)
class Agency:
    place: Place
    dept: str  # '' for the people's government
    written: str  # as the title writes it: 常州市武进区人民政府, 武进区教育局

    @property
    def is_gov(self) -> bool:
        return not self.dept

    @property
    def office(self) -> str:
        """The office that signs a government's report."""
        return f"{self.place.full}人民政府办公室" if self.is_gov else self.written

    @property
    def we(self) -> str:
        return "我" + self.place.suffix if self.is_gov else "我局"

    @property
    def level(self) -> str:
        return self.place.suffix


# ---------------------------------------------------------------------------------------------
# National regulations (regulations.md, rows marked ✔ only)
# ---------------------------------------------------------------------------------------------

YAODIAN = {2016: "国办发〔2016〕19号", 2017: "国办发〔2017〕24号", 2018: "国办发〔2018〕23号",
           2019: "国办发〔2019〕14号", 2020: "国办发〔2020〕17号", 2021: "国办发〔2021〕12号",
           2022: "国办发〔2022〕8号"}
TIAOLI = "中华人民共和国政府信息公开条例"
TIAOLI_OLD, TIAOLI_NEW = "国务院令第492号", "国务院令第711号"
FORMAT_2019 = ("国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知", "国办公开办函〔2019〕60号")
FORMAT_2021 = ("国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知",
               "国办公开办函〔2021〕30号")
PLATFORM_2019 = ("国务院办公厅政府信息与政务公开办公室关于规范政府信息公开平台有关事项的通知", "国办公开办函〔2019〕61号")
FEES_2020 = ("政府信息公开信息处理费管理办法", "国办函〔2020〕109号")
OPINION_2016 = ("关于全面推进政务公开工作的意见", "中办发〔2016〕8号")
RULES_2016 = ("〈关于全面推进政务公开工作的意见〉实施细则", "国办发〔2016〕80号")
PILOT_2017 = ("国务院办公厅关于印发开展基层政务公开标准化规范化试点工作方案的通知", "国办发〔2017〕42号")
BASIC_2019 = ("国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见", "国办发〔2019〕54号")
PROJECTS_2017 = ("国务院办公厅关于推进重大建设项目批准和实施领域政府信息公开的意见", "国办发〔2017〕94号")
PROVINCIAL = {  # province → (title, 文号, first report year, last report year)
    "上海市": ("上海市政府信息公开规定", "上海市人民政府令第32号", 2020, 2025),
    "北京市": ("北京市政府信息公开规定", "北京市人民政府令第257号", 2015, 2019),
    "浙江省": ("浙江省政府信息公开暂行办法", "浙江省人民政府令第302号", 2012, 2025),
}


def cite(title: str, number: str = "", rng: Optional[random.Random] = None) -> str:
    """《title》（number） in one of the bracket styles reports use."""
    if not number:
        return f"《{title}》"
    style = rng.random() if rng else 0.0
    if style < 0.8:
        return f"《{title}》（{number}）"
    if style < 0.9:
        return f"《{title}》({number})"
    return f"《{title}》（{number.replace('〔', '[').replace('〕', ']')}）"


def yaodian_cite(rng: random.Random, year: int) -> str:
    no = YAODIAN[year]
    r = rng.random()
    if r < 0.55:
        return cite(f"国务院办公厅关于印发{year}年政务公开工作要点的通知", no, rng)
    if r < 0.85:
        return f"国务院办公厅《{year}年政务公开工作要点》（{no}）"
    return cite(f"{year}年政务公开工作要点", no, rng)


# ---------------------------------------------------------------------------------------------
# Domains (domains.md): phrases of this project's own, one domain each
# ---------------------------------------------------------------------------------------------

DOMAIN_PHRASES = {
    "重大建设项目": ["重大建设项目的批准、招标、施工和竣工信息按环节发布",
                  "列入年度计划的重大建设项目逐一建立公开台账，进度信息按季度更新"],
    "公共资源交易": ["公共资源交易的招标公告、中标结果和合同履约信息在交易平台集中发布",
                  "政府采购意向、采购公告和成交结果全流程公开"],
    "财政预决算": ["部门预算、决算和“三公”经费在批复后20日内向社会公开",
                "财政预决算报告和政府债务情况按要求在门户网站统一专栏发布"],
    "安全生产": ["安全生产监督检查计划和执法结果定期公布", "生产安全事故调查报告依法向社会公开"],
    "税收管理": ["减税降费政策和办税指南汇编成册，方便纳税人查询"],
    "征地补偿": ["征地补偿安置方案、补偿标准和资金发放情况在征地范围内公示",
              "土地征收启动公告和补偿登记结果及时公开"],
    "国有土地上房屋征收与补偿": ["房屋征收决定、补偿方案和评估结果依法公布",
                      "棚户区改造项目的征收范围、补偿标准和安置房源全程公开"],
    "环境保护": ["空气质量和饮用水水源水质监测数据按月公开", "建设项目环评受理和审批结果在网站公示",
              "生态环境执法检查和污染防治攻坚信息及时发布"],
    "公共文化服务": ["公共文化场馆开放时间和免费服务项目向社会公布", "文物保护单位名录和公共体育设施信息集中公开"],
    "公共法律服务": ["法律援助申请条件、办理流程和服务网点统一公开", "公共法律服务事项清单在网上可查"],
    "扶贫": ["扶贫项目安排和资金使用情况在村务公开栏公示", "精准扶贫对象认定和帮扶措施按规定公开"],
    "救灾": ["防汛抗旱和防灾减灾预警信息通过多渠道发布", "救灾资金和物资分配情况及时公示"],
    "保障性住房": ["保障性住房的房源、分配对象和轮候结果经公示后上网", "公租房申请条件、审核结果和配租信息定期公开"],
    "社会救助": ["低保、特困供养和临时救助的对象、标准和资金发放情况按月公示",
              "医疗救助政策和办理流程在便民服务中心张贴公开"],
    "养老服务": ["养老机构名录、床位数量和养老服务补贴政策集中公开", "居家养老服务项目和补贴标准向社会公布"],
    "户籍管理": ["户口迁移、落户条件和办理流程在公安服务窗口及网站公开"],
    "涉农补贴": ["耕地地力保护补贴等涉农补贴的发放对象和金额在村级公示", "惠农补贴资金“一卡通”发放情况定期公开"],
    "义务教育": ["义务教育招生入学政策、学区划分和招生结果及时公开", "中小学招生计划和收费项目在教育专栏集中发布"],
    "卫生健康": ["医疗卫生机构名录和服务项目集中公开", "公共卫生服务项目和传染病防控信息按规定发布"],
    "城乡规划": ["城乡规划编制、规划许可和批后公示信息全过程公开", "建设用地规划许可证核发结果在网站公示"],
    "市政服务": ["供水、供电、供气等公用事业服务信息和收费标准向社会公开", "垃圾分类工作进展和市政设施维护信息定期发布"],
    "就业": ["就业创业补贴政策和招聘信息通过网站与微信同步推送", "公益性岗位招聘和就业服务活动信息及时发布"],
    "社会保险": ["养老保险、医疗保险参保缴费政策和待遇标准集中公开", "社会保险基金收支情况按年度公布"],
    "食品药品监管": ["食品安全抽检结果按季度公开", "药品、医疗器械监督检查结果依法公示"],
    "农村危房改造": ["农村危房改造对象、补助标准和验收结果在村级公示"],
    "城市综合执法": ["城管执法事项清单和违法建设查处情况定期公开", "市容环境整治工作进展及时向社会通报"],
    "市场监管": ["“双随机一公开”抽查计划和抽查结果全部公开", "企业信用信息和产品质量抽检结果在网站公示"],
    "行政许可与政务服务": ["政务服务事项办事指南逐项更新，权力清单和责任清单动态调整",
                   "行政审批事项的办理依据、条件、时限和结果全部上网"],
    "行政处罚与行政强制": ["行政处罚决定在作出后7个工作日内公开，落实“双公示”要求", "执法信息公示平台集中发布执法主体、依据和结果"],
    "行政事业性收费": ["行政事业性收费目录清单和收费标准在网站常年公开"],
    "国有企业": ["国有企业主要财务指标和国有资产监管信息按年度公开"],
    "建议提案办理": ["人大代表建议和政协提案的办理复文全文公开"],
    "发展规划与统计": ["国民经济和社会发展规划及年度统计信息及时发布", "统计公报和主要经济指标按季度公开"],
    "应急管理": ["突发事件应急预案和预警信息通过多渠道及时发布", "应急避难场所分布和应急知识科普信息集中公开"],
    "公务员招考": ["公务员录用和事业单位招聘的岗位、条件和结果全程公开"],
    "审计": ["预算执行审计结果和整改情况依法向社会公告"],
    "交通运输": ["道路建设、公交线路调整和交通管制信息及时发布"],
}
DOMAINS = sorted(DOMAIN_PHRASES)


def domain_sentence(rng: random.Random, k: int) -> str:
    chosen = rng.sample(DOMAINS, k)
    parts = [rng.choice(DOMAIN_PHRASES[d]) for d in chosen]
    return "；".join(parts) + "。"


# ---------------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------------

APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
APPLICANT_WEIGHTS = [0.84, 0.09, 0.004, 0.008, 0.035, 0.023]

# table 三 outcome rows: (group label, row label, weight, format)
OUTCOMES = [
    ("（一）予以公开", "（一）予以公开", 0.36, "both"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 0.08, "both"),
    ("（三）不予公开", "1.属于国家秘密", 0.002, "both"),
    ("（三）不予公开", "2.其他法律行政法规禁止公开", 0.005, "both"),
    ("（三）不予公开", "3.危及“三安全一稳定”", 0.004, "both"),
    ("（三）不予公开", "4.保护第三方合法权益", 0.015, "both"),
    ("（三）不予公开", "5.属于三类内部事务信息", 0.01, "both"),
    ("（三）不予公开", "6.属于四类过程性信息", 0.015, "both"),
    ("（三）不予公开", "7.属于行政执法案卷", 0.01, "both"),
    ("（三）不予公开", "8.属于行政查询事项", 0.02, "both"),
    ("（四）无法提供", "1.本机关不掌握相关政府信息", 0.25, "both"),
    ("（四）无法提供", "2.没有现成信息需要另行制作", 0.03, "both"),
    ("（四）无法提供", "3.补正后申请内容仍不明确", 0.02, "both"),
    ("（五）不予处理", "1.信访举报投诉类申请", 0.03, "both"),
    ("（五）不予处理", "2.重复申请", 0.03, "both"),
    ("（五）不予处理", "3.要求提供公开出版物", 0.005, "both"),
    ("（五）不予处理", "4.无正当理由大量反复申请", 0.01, "both"),
    ("（五）不予处理", "5.要求行政机关确认或重新出具已获取信息", 0.01, "both"),
    ("（六）其他处理", "（六）其他处理", 0.06, "2019"),
    ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 0.04, "2021"),
    ("（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 0.003, "2021"),
    ("（六）其他处理", "3.其他", 0.02, "2021"),
]


def outcome_rows(fmt: str) -> list[tuple[str, str, float]]:
    return [(g, r, w) for g, r, w, f in OUTCOMES if f in ("both", fmt)]


def split(rng: random.Random, n: int, weights: list[float]) -> list[int]:
    """n units spread over len(weights) parts, in proportion to the weights, with noise."""
    k = len(weights)
    if n <= 0:
        return [0] * k
    if n <= 400:
        parts = [0] * k
        for i in rng.choices(range(k), weights=weights, k=n):
            parts[i] += 1
        return parts
    w = [x * rng.uniform(0.6, 1.4) for x in weights]
    s = sum(w)
    raw = [n * x / s for x in w]
    parts = [int(r) for r in raw]
    rem = n - sum(parts)
    for i in sorted(range(k), key=lambda i: raw[i] - parts[i], reverse=True)[:rem]:
        parts[i] += 1
    return parts


def lognorm_int(rng: random.Random, median: float, sigma: float = 0.9, lo: int = 0, hi: int = 10 ** 7) -> int:
    return max(lo, min(hi, int(round(rng.lognormvariate(0, sigma) * median))))


def small(rng: random.Random, mean: float) -> int:
    """A small count, often zero."""
    if mean <= 0:
        return 0
    return int(rng.expovariate(1 / mean))


@dataclass
class Table3:
    fmt: str
    new: list[int]  # per applicant column
    carry_in: list[int]
    carry_out: list[int]
    outcomes: list[list[int]]  # per outcome row, per column

    @property
    def handled(self) -> list[int]:
        return [sum(r[c] for r in self.outcomes) for c in range(6)]


@dataclass
class YearFigures:
    """One agency's figures for one year."""
    year: int
    scale: float
    # table 二 (2019/2021) or prose equivalents
    rules_made: int = 0
    rules_repealed: int = 0
    rules_valid: int = 0
    licences: int = 0
    other_services: int = 0
    penalties: int = 0
    coercions: int = 0
    fee_wan: float = 0.0
    items_prev: dict = field(default_factory=dict)  # 2019 table: 上一年项目数量
    items_delta: dict = field(default_factory=dict)  # 2019 table: 本年增/减
    purchases: int = 0
    purchase_wan: float = 0.0
    table3: Optional[Table3] = None
    reviews: list[int] = field(default_factory=list)  # 维持, 纠正, 其他, 尚未审结
    suits_direct: list[int] = field(default_factory=list)
    suits_after: list[int] = field(default_factory=list)
    proactive: int = 0
    channels: dict = field(default_factory=dict)
    conferences: int = 0
    interviews: int = 0
    readings: int = 0
    responses: int = 0
    staff_full: int = 0
    staff_part: int = 0
    trainings: int = 0
    trainees: int = 0
    meetings: int = 0
    reading_points: int = 0
    fee_yuan: int = 0
    complaints: int = 0
    app_channels: dict = field(default_factory=dict)
    old_outcomes: dict = field(default_factory=dict)
    suggestions: int = 0
    proposals: int = 0


OLD_OUTCOMES = [("属于已主动公开范围的", 0.22), ("同意公开的", 0.38), ("同意部分公开的", 0.07),
                ("不同意公开的", 0.05), ("不属于本行政机关公开的", 0.1), ("申请信息不存在的", 0.12),
                ("告知作出更改补充的", 0.04), ("告知通过其他途径办理的", 0.02)]


def _table3(rng: random.Random, fmt: str, scale: float, carry_in: list[int], carry_out: list[int]) -> Table3:
    total_new = lognorm_int(rng, 55 * scale, 1.0, 0, 4000)
    if scale < 0.3 and rng.random() < 0.3:
        total_new = 0
    new = split(rng, total_new, APPLICANT_WEIGHTS)
    for c in range(6):  # the carry-out of the year must be among what was to be handled
        if new[c] + carry_in[c] < carry_out[c]:
            new[c] = carry_out[c] - carry_in[c]
    rows = outcome_rows(fmt)
    weights = [w for _g, _r, w in rows]
    outcomes = [[0] * 6 for _ in rows]
    for c in range(6):
        handled = new[c] + carry_in[c] - carry_out[c]
        for i, v in enumerate(split(rng, handled, weights)):
            outcomes[i][c] = v
    return Table3(fmt, new, list(carry_in), list(carry_out), outcomes)


def _fmt_of(year: int) -> str:
    return "2008" if year <= 2018 else ("2019" if year <= 2020 else "2021")


def _review(rng: random.Random, mean: float) -> list[int]:
    n = small(rng, mean)
    return split(rng, n, [0.55, 0.15, 0.2, 0.1])


def agency_series(seed: int, g: int, years: list[int], is_gov: bool) -> dict[int, YearFigures]:
    """The figures of one agency over the group's years, in year order (stocks carry over)."""
    rng = random.Random(f"dkg-bench:{seed}:series:{g}")
    scale = rng.lognormvariate(0, 0.6) * (1.0 if is_gov else 0.12)
    first = years[0]
    carry = [small(rng, 1.5 * scale) if i == 0 else (small(rng, 0.3) if i == 4 else 0) for i in range(6)]
    valid = lognorm_int(rng, (80 if is_gov else 12) * max(scale, 0.3), 0.5, 0)
    items = {k: lognorm_int(rng, m * max(scale, 0.2), 0.5, 1) for k, m in
             (("行政许可", 260), ("其他对外管理服务事项", 90), ("行政处罚", 900), ("行政强制", 40), ("行政事业性收费", 25))}
    out: dict[int, YearFigures] = {}
    for year in range(first, years[-1] + 1):
        fmt = _fmt_of(year)
        f = YearFigures(year, scale)
        f.rules_made = small(rng, 9 * max(scale, 0.2))
        f.rules_repealed = min(small(rng, 4 * max(scale, 0.2)), valid + f.rules_made)
        valid = valid + f.rules_made - f.rules_repealed
        f.rules_valid = valid
        f.licences = lognorm_int(rng, 6000 * scale, 1.0)
        f.other_services = lognorm_int(rng, 1500 * scale, 1.0)
        f.penalties = lognorm_int(rng, 1500 * scale, 1.0)
        f.coercions = lognorm_int(rng, 60 * scale, 1.0)
        if not is_gov and rng.random() < 0.4:
            f.licences, f.coercions = 0, 0
        f.fee_wan = round(rng.lognormvariate(0, 1.0) * 1500 * scale, 2) if rng.random() < 0.85 else 0.0
        for k, v in items.items():
            d = int(round(rng.gauss(0, max(1.0, v * 0.04)))) if rng.random() < 0.7 else 0
            d = max(d, -v + 1)
            f.items_prev[k], f.items_delta[k] = v, d
            items[k] = v + d
        f.purchases = lognorm_int(rng, 300 * scale, 0.8)
        f.purchase_wan = round(f.purchases * rng.uniform(20, 160), 2)
        if fmt != "2008":
            carry_out = [small(rng, 1.8 * scale) if c == 0 else (small(rng, 0.4 * scale) if c in (1, 4) else 0)
                         for c in range(6)]
            f.table3 = _table3(rng, fmt, scale, carry, carry_out)
            carry = carry_out
        else:
            carry = [small(rng, 1.5 * scale)] + [0] * 5
        f.reviews = _review(rng, 2.0 * scale)
        f.suits_direct = _review(rng, 1.2 * scale)
        f.suits_after = _review(rng, 0.4 * scale)
        # prose figures
        f.proactive = lognorm_int(rng, 4000 * scale, 0.8, 3)
        f.channels = _channels(rng, year, f.proactive)
        f.conferences = small(rng, 6 * scale)
        f.interviews = small(rng, 4 * scale)
        f.readings = lognorm_int(rng, 30 * scale, 0.8)
        f.responses = small(rng, 15 * scale)
        f.staff_full = max(1, small(rng, 4 * max(scale, 0.4)))
        f.staff_part = small(rng, 30 * max(scale, 0.1)) + 1
        f.trainings = max(1, small(rng, 3))
        f.trainees = f.trainings * lognorm_int(rng, 50 * max(scale, 0.3), 0.5, 5)
        f.meetings = max(1, small(rng, 2.5))
        f.reading_points = max(1, small(rng, 3))
        f.fee_yuan = 0 if year >= 2015 or rng.random() < 0.7 else lognorm_int(rng, 120, 0.7, 5)
        f.complaints = small(rng, 0.5)
        apps = lognorm_int(rng, 45 * scale, 1.0, 0, 3000)
        if scale < 0.3 and rng.random() < 0.3:
            apps = 0
        chans = ["当面申请", "网络申请", "信函申请", "传真申请", "电子邮件申请"]
        web = min(0.75, 0.2 + 0.05 * (year - 2009))
        f.app_channels = dict(zip(chans, split(rng, apps, [0.55 - web * 0.5, web, 0.25, 0.05, 0.08])))
        f.old_outcomes = dict(zip([k for k, _ in OLD_OUTCOMES], split(rng, apps, [w for _, w in OLD_OUTCOMES])))
        f.suggestions = lognorm_int(rng, 70 * max(scale, 0.2), 0.5, 1)
        f.proposals = lognorm_int(rng, 90 * max(scale, 0.2), 0.5, 1)
        out[year] = f
    return out


def _channels(rng: random.Random, year: int, total: int) -> dict[str, int]:
    names = ["政府网站"]
    weights = [0.7]
    if year >= 2011:
        names.append("政务微博")
        weights.append(0.12)
    if year >= 2014:
        names.append("政务微信")
        weights.append(0.16)
    if rng.random() < 0.35:
        names.append("政府公报")
        weights.append(0.03)
    return dict(zip(names, split(rng, total, weights)))


# ---------------------------------------------------------------------------------------------
# Layout of indices: blocks of five = a group of two and a group of three
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Group:
    g: int
    agency: Agency
    years: tuple[int, ...]
    dept_full: bool


def group_of(index: int) -> tuple[int, int, int]:
    """(group number, position in the group, group size)."""
    block, r = divmod(index, 5)
    if r < 2:
        return 2 * block, r, 2
    return 2 * block + 1, r - 2, 3


def _years(rng: random.Random, n: int) -> tuple[int, ...]:
    r = rng.random()
    if r < 0.19:  # pre-2019 prose era
        y0 = rng.randint(2009, 2018 - n + 1)
    elif r < 0.53:  # the 2019 template, sometimes with a neighbour year
        y0 = rng.choice([2019] if n == 2 else [2018, 2019])
        if n == 2 and rng.random() < 0.15:
            y0 = 2020
    else:  # the 2021 template
        y0 = rng.randint(2021, 2025 - n + 1)
    return tuple(range(y0, y0 + n))


@lru_cache(maxsize=4096)
def group_plan(seed: int, g: int, size: int) -> Group:
    rng = random.Random(f"dkg-bench:{seed}:group:{g}")
    pool = _pool(seed)
    place = pool[g % len(pool)]
    years = _years(rng, size)
    dept = ""
    if rng.random() < 0.2:
        fits = [d for d, a, b in DEPARTMENTS if a <= years[0] and years[-1] <= b]
        dept = rng.choice(fits)
    dept_full = rng.random() < 0.6 or not place.unique
    if not dept:
        # a county, banner or county-level city often writes its name alone (沭阳县人民政府);
        # a district keeps its city (常州市武进区人民政府)
        alone = place.suffix != "区" and place.unique and rng.random() < 0.3
        written = f"{place.name if alone else place.full}人民政府"
    else:
        written = (place.full if dept_full else place.name) + dept
    return Group(g, Agency(place, dept, written), years, dept_full)


# ---------------------------------------------------------------------------------------------
# Shared wording
# ---------------------------------------------------------------------------------------------

_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]


def iso_date(y: int, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}"


def cn_date(y: int, m: int, d: int) -> str:
    return f"{y}年{m}月{d}日"


def site(place: Place) -> str:
    return f"www.gov{place.adcode}.example"


def phone(rng: random.Random) -> str:
    return "0000-0000000"


def approx(rng: random.Random, n: int, unit: str) -> str:
    """Exact or approximate (2.3万余条, 3000多条) as reports print."""
    r = rng.random()
    if n >= 20000 and r < 0.35:
        return f"{n / 10000:.1f}万余{unit}"
    if n >= 1000 and r < 0.2:
        return f"{n // 100 * 100}余{unit}"
    return f"{n}{unit}"


def fmt_wan(v: float) -> str:
    return f"{v:.2f}"


PROBLEMS = [
    "部分单位对政策文件的解读停留在转载原文，通俗易懂的图解和问答偏少",
    "依申请公开答复文书援引条款不够准确，个别答复被复议机关纠正",
    "镇（街道）一级栏目更新频次不均衡，个别栏目长期未更新",
    "主动公开目录与实际公开内容对应不够，部分信息归类不准确",
    "政务新媒体互动回应不够及时，部分留言答复内容过于简单",
    "工作人员调整较频繁，业务培训覆盖面不够",
    "重点领域信息公开的深度不够，项目进展类信息更新滞后",
    "历史文件清理不彻底，部分失效文件仍未标注",
    "政策发布与解读不同步的情况仍偶有发生",
    "公开数据多以文字形式发布，可下载、可利用的数据集偏少",
]
MEASURES = [
    "组织编写常见申请答复范本，开展答复文书专项评查",
    "推行图解、短视频和政策问答等多样化解读，文件与解读材料同步审签、同步发布",
    "对镇（街道）网站栏目实行清单化管理，按月通报更新情况",
    "按照最新的主动公开事项目录逐项核对栏目设置，错归、漏归信息限期整改",
    "建立政务新媒体留言办理台账，明确答复时限和审核责任",
    "分层分类开展业务培训，把政务公开纳入干部教育培训内容",
    "对重点领域公开情况开展季度检查，检查结果纳入年度绩效考核",
    "对现行有效文件开展全面清理，逐件标注有效、失效和废止状态",
    "完善政策文件库，提供按主题、按时间和按发文机关检索",
    "探索以数据集形式开放统计和监管数据，提高信息的可利用性",
]


def problems_and_measures(rng: random.Random, k: int = 3) -> tuple[str, str]:
    idx = rng.sample(range(len(PROBLEMS)), k)
    probs = "；".join(f"{_NUMERALS[i]}是{PROBLEMS[j]}" for i, j in enumerate(idx)) + "。"
    meas = "；".join(f"{_NUMERALS[i]}是{MEASURES[j]}" for i, j in enumerate(idx)) + "。"
    return probs, meas


ACTIVE_EXTRA = [
    "公文在起草时同步确定公开属性，需要公开的随文件一起报审。",
    "政策文件发布后，同步在政务新媒体推送摘要，方便群众用手机查阅。",
    "涉及群众切身利益的决策事项，事前通过网站公开征求意见，征集结束后公布采纳情况。",
    "坚持“公开为常态、不公开为例外”，应公开的信息做到及时、准确、完整。",
    "{we}在门户网站开设惠企政策专区，分类汇集扶持政策和申报指南。",
    "常务会议审议的议题，会后及时发布会议信息和相关文件。",
    "对新出台的规范性文件，起草部门同步准备解读材料，实现文件与解读同步发布。",
]
APPLY_EXTRA = [
    "申请内容主要涉及征地补偿、房屋征收和社会保障等方面。",
    "所有申请均在法定期限内答复。",
    "对内容不明确的申请，通过电话沟通等方式一次性告知补正要求。",
    "答复前由法制审核人员对引用的法律条款进行审核，答复文书质量有所提高。",
    "网上申请平台全年运行正常，群众可在线查询办理进度。",
    "疑难申请由承办单位会同法律顾问集体研究后答复。",
]
APPLY_EXTRA_2019 = ["依新修订的《条例》修订了受理、补正和答复文书模板。",
                    "对照新《条例》重新梳理了依申请公开的办理流程和时限。"]
MANAGE_EXTRA = [
    "对现行有效的政策文件开展集中清理，在网站上逐件标注有效、失效和废止状态。",
    "严格执行信息发布“三审”制度，落实发布前保密审查，全年未发生泄密和不当公开事件。",
    "按照主动公开基本目录动态调整栏目内容，规范文件的公开属性认定。",
    "建立政府信息公开工作台账，对各单位报送的信息逐条登记、按月统计。",
    "对照上级要求编制政府信息公开指南，明确申请渠道、办理流程和答复时限。",
]
PLATFORM_EXTRA = [
    "对门户网站政府信息公开专栏进行改版，新增政策文件库和智能问答功能。",
    "完善政务服务大厅和档案馆的政府信息查阅点，提供免费查阅服务。",
    "网站集约化平台运行平稳，各单位子站统一使用规范的栏目结构。",
    "政务新媒体实行信息发布审核制度，做到更新及时、内容准确。",
    "在门户网站增加无障碍浏览和适老化功能，方便老年人和残疾人查阅信息。",
]
SUPERVISE_EXTRA = [
    "将政务公开纳入年度绩效考核，每季度开展一次网站和新媒体检查并通报结果。",
    "调整政务公开工作领导小组，明确分管负责同志和经办人员。",
    "主动接受人大代表、政协委员和社会公众监督，未发生因政务公开工作被追责的情形。",
    "邀请第三方机构对政务公开工作开展评估，评估发现的问题逐项整改。",
    "对群众反映的公开不及时、不规范问题建立台账，限期整改并反馈。",
]

MECHANISM = [
    "{we}把政府信息公开列入年度重点工作，主要负责同志专题听取工作汇报。",
    "各单位均明确一名分管负责人和一名信息员，做到工作有人管、信息有人报。",
    "修订了政府信息公开保密审查、依申请公开办理和责任追究等制度。",
    "建立政府信息公开联络员制度，定期召开联络员会议通报工作情况。",
    "将政府信息公开工作纳入各单位年度目标考核，考核结果与评先评优挂钩。",
    "对照上级检查中指出的问题，逐项制定整改措施并按期完成。",
]


def pick(rng: random.Random, bank: list[str], k: int, **kw) -> str:
    return "".join(x.format(**kw) for x in rng.sample(bank, min(k, len(bank))))


# ---------------------------------------------------------------------------------------------
# Table rendering (2019 and 2021 templates): a grid of rows, written as text or HTML
# ---------------------------------------------------------------------------------------------

# A table cell: (text, rowspan, colspan). A grid row in the text form repeats spanned cells.

def table2_cells(f: YearFigures, fmt: str, rng: random.Random, is_gov: bool) -> list[list[tuple[str, int, int]]]:
    def c(t, rs=1, cs=1):
        return (str(t), rs, cs)

    rows: list[list] = []
    slash = (not is_gov) and rng.random() < 0.3
    if fmt == "2021":
        rows.append([c("第二十条第（一）项", 1, 4)])
        rows.append([c("信息内容"), c("本年制发件数"), c("本年废止件数"), c("现行有效件数")])
        rows.append([c("规章"), c("/" if slash else 0), c("/" if slash else 0), c("/" if slash else 0)])
        rows.append([c("行政规范性文件"), c(f.rules_made), c(f.rules_repealed), c(f.rules_valid)])
        rows.append([c("第二十条第（五）项", 1, 4)])
        rows.append([c("信息内容"), c("本年处理决定数量", 1, 3)])
        rows.append([c("行政许可"), c(f.licences, 1, 3)])
        rows.append([c("第二十条第（六）项", 1, 4)])
        rows.append([c("信息内容"), c("本年处理决定数量", 1, 3)])
        rows.append([c("行政处罚"), c(f.penalties, 1, 3)])
        rows.append([c("行政强制"), c(f.coercions, 1, 3)])
        rows.append([c("第二十条第（八）项", 1, 4)])
        rows.append([c("信息内容"), c("本年收费金额（单位：万元）", 1, 3)])
        rows.append([c("行政事业性收费"), c(fmt_wan(f.fee_wan), 1, 3)])
        return rows
    made = f.rules_made
    published = made if rng.random() < 0.8 else max(0, made - rng.randint(0, 2))
    rows.append([c("第二十条第（一）项", 1, 4)])
    rows.append([c("信息内容"), c("本年新制作数量"), c("本年新公开数量"), c("对外公开总数量")])
    rows.append([c("规章"), c("/" if slash else 0), c("/" if slash else 0), c("/" if slash else 0)])
    rows.append([c("规范性文件"), c(made), c(published), c(f.rules_valid)])
    rows.append([c("第二十条第（五）项", 1, 4)])
    rows.append([c("信息内容"), c("上一年项目数量"), c("本年增/减"), c("处理决定数量")])
    rows.append([c("行政许可"), c(f.items_prev["行政许可"]), c(f.items_delta["行政许可"]), c(f.licences)])
    rows.append([c("其他对外管理服务事项"), c(f.items_prev["其他对外管理服务事项"]),
                 c(f.items_delta["其他对外管理服务事项"]), c(f.other_services)])
    rows.append([c("第二十条第（六）项", 1, 4)])
    rows.append([c("信息内容"), c("上一年项目数量"), c("本年增/减"), c("处理决定数量")])
    rows.append([c("行政处罚"), c(f.items_prev["行政处罚"]), c(f.items_delta["行政处罚"]), c(f.penalties)])
    rows.append([c("行政强制"), c(f.items_prev["行政强制"]), c(f.items_delta["行政强制"]), c(f.coercions)])
    rows.append([c("第二十条第（八）项", 1, 4)])
    rows.append([c("信息内容"), c("上一年项目数量"), c("本年增/减", 1, 2)])
    rows.append([c("行政事业性收费"), c(f.items_prev["行政事业性收费"]), c(f.items_delta["行政事业性收费"], 1, 2)])
    rows.append([c("第二十条第（九）项", 1, 4)])
    rows.append([c("信息内容"), c("采购项目数量"), c("采购总金额", 1, 2)])
    rows.append([c("政府集中采购"), c(f.purchases), c(f"{fmt_wan(f.purchase_wan)}万元", 1, 2)])
    return rows


NOTE3 = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def table3_cells(t: Table3) -> list[list[tuple[str, int, int]]]:
    def c(t_, rs=1, cs=1):
        return (str(t_), rs, cs)

    def nums(vals):
        return [c(v) for v in vals] + [c(sum(vals))]

    rows_def = outcome_rows(t.fmt)
    rows = [
        [c(NOTE3, 3, 3), c("申请人情况", 1, 7)],
        [c("自然人", 2, 1), c("法人或其他组织", 1, 5), c("总计", 2, 1)],
        [c("商业企业"), c("科研机构"), c("社会公益组织"), c("法律服务机构"), c("其他")],
        [c("一、本年新收政府信息公开申请数量", 1, 3)] + nums(t.new),
        [c("二、上年结转政府信息公开申请数量", 1, 3)] + nums(t.carry_in),
    ]
    n_result_rows = len(rows_def) + 1
    groups_seen: dict[str, int] = {}
    for (grp, _r, _w) in rows_def:
        groups_seen[grp] = groups_seen.get(grp, 0) + 1
    started: set[str] = set()
    for i, (grp, label, _w) in enumerate(rows_def):
        row = []
        if i == 0:
            row.append(c("三、本年度办理结果", n_result_rows, 1))
        if grp == label:
            row.append(c(label, 1, 2))
        else:
            if grp not in started:
                row.append(c(grp, groups_seen[grp], 1))
                started.add(grp)
            row.append(c(label))
        rows.append(row + nums(t.outcomes[i]))
    rows.append([c("（七）总计", 1, 2)] + nums(t.handled))
    rows.append([c("四、结转下年度继续办理", 1, 3)] + nums(t.carry_out))
    return rows


def table4_cells(f: YearFigures) -> list[list[tuple[str, int, int]]]:
    def c(t, rs=1, cs=1):
        return (str(t), rs, cs)
    res = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    rows = [
        [c("行政复议", 1, 5), c("行政诉讼", 1, 10)],
        [c(x, 2, 1) for x in res] + [c("未经复议直接起诉", 1, 5), c("复议后起诉", 1, 5)],
        [c(x) for x in res] + [c(x) for x in res],
    ]
    vals = []
    for block in (f.reviews, f.suits_direct, f.suits_after):
        vals += block + [sum(block)]
    rows.append([c(v) for v in vals])
    return rows


def expand(cells: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    """rowspan/colspan → a full grid, each spanned cell repeated (what the HTML reader yields)."""
    grid: dict[tuple[int, int], str] = {}
    width = 0
    for r, row in enumerate(cells):
        col = 0
        for text, rs, cs in row:
            while (r, col) in grid:
                col += 1
            for dr in range(rs):
                for dc in range(cs):
                    grid[(r + dr, col + dc)] = text
            col += cs
            width = max(width, col)
    nrows = max(r for r, _ in grid) + 1
    return [[grid.get((r, c), "") for c in range(width)] for r in range(nrows)]


def html_table(cells, attrs: str = 'border="1" cellspacing="0"') -> str:
    out = [f"<table {attrs}>"]
    for row in cells:
        tds = []
        for text, rs, cs in row:
            a = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            tds.append(f"<td{a}>{htmllib.escape(text, quote=False)}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def text_table2(cells) -> str:
    """Table 二 in the text form: a heading row stands alone, value rows keep their own width."""
    lines = []
    for row in cells:
        if len(row) == 1:
            lines.append(row[0][0])
        else:
            lines.append(" | ".join(t for t, _rs, _cs in row))
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# The 2019 / 2021 report body
# ---------------------------------------------------------------------------------------------

@dataclass
class Report:
    title: str
    published: tuple[int, int, int]
    source: str
    paragraphs: list  # ("p", text) | ("h", text) | ("table", cells, kind) | ("sig", text)


def report_title(rng: random.Random, agency: Agency, year: int) -> str:
    r = rng.random()
    if r < 0.7:
        return f"{agency.written}{year}年政府信息公开工作年度报告"
    if r < 0.9:
        return f"{agency.written}{year}年度政府信息公开工作年度报告"
    return f"{year}年{agency.written}政府信息公开工作年度报告"


def _pub_date(rng: random.Random, year: int, early: bool) -> tuple[int, int, int]:
    if early:
        m = 1 if rng.random() < 0.85 else rng.choice([2, 3])
        return (year + 1, m, rng.randint(10, 31) if m == 1 else rng.randint(1, 28))
    m = rng.choice([1, 2, 3, 3, 3])
    return (year + 1, m, rng.randint(1, 28 if m == 2 else 31))


def modern_report(rng: random.Random, agency: Agency, year: int, f: YearFigures, fmt: str) -> Report:
    p = agency.place
    s = p.suffix
    we = agency.we
    gov = agency.is_gov
    title = report_title(rng, agency, year)
    pub = _pub_date(rng, year, True)
    paras: list = []
    t3 = f.table3
    assert t3 is not None

    # preamble
    fmt_title, fmt_no = FORMAT_2021 if fmt == "2021" else FORMAT_2019
    r = rng.random()
    if r < 0.45:
        basis = f"《{TIAOLI}》（以下简称《条例》）和{cite(fmt_title, fmt_no, rng)}"
    elif r < 0.75:
        basis = f"《{TIAOLI}》（{TIAOLI_NEW}，以下简称《条例》）和{fmt_no}文件"
    else:
        basis = f"新修订的《{TIAOLI}》（以下简称《条例》）及{cite('中华人民共和国政府信息公开工作年度报告格式', fmt_no, rng) if fmt == '2021' else cite(fmt_title, fmt_no, rng)}"
    prov = PROVINCIAL.get(p.province)
    if prov and prov[2] <= year <= prov[3] and rng.random() < 0.8:
        basis += f"、{cite(prov[0], prov[1], rng) if rng.random() < 0.5 else '《' + prov[0] + '》'}"
    verb = rng.choice(["根据", "依据", "按照"])
    period = rng.choice([f"{year}年1月1日至{year}年12月31日", f"{year}年1月1日至12月31日"])
    who = f"{s}政府门户网站" if gov else f"{s}政府门户网站{agency.dept}专栏"
    intro = (f"本报告{verb}{basis}编制，"
             + rng.choice(["统计期限为", "所列数据的统计期限为", "报告中所列数据统计期限为"]) + period + "。"
             + f"本报告电子版可在{who}（{site(p)}）查阅，如有疑问请与"
             + (f"{s}政务公开办公室" if gov else agency.written + "办公室") + f"联系（电话：{phone(rng)}）。")
    if rng.random() < 0.4:
        intro = (f"本报告由{agency.office if gov else agency.written}编制，内容包括总体情况、主动公开政府信息情况、"
                 "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、"
                 "其他需要报告的事项。") + intro
    paras.append(("p", intro))

    # 一、总体情况
    paras.append(("h", "一、总体情况"))
    lead = f"{year}年，{we}"
    if year in YAODIAN and rng.random() < 0.85:
        lead += rng.choice(["对照", "认真落实", "按照"]) + yaodian_cite(rng, year) + "，"
    lead += rng.choice([
        "把政务公开与优化营商环境、保障和改善民生结合起来，各项任务按期完成。",
        "坚持以公开促落实、以公开促规范、以公开促服务，全年公开工作平稳有序推进。",
        "围绕中心工作深化政务公开，推动决策、执行、管理、服务和结果公开。",
        "聚焦群众关切，持续提升政务公开的质量和实效。",
    ])
    if year >= 2020 and rng.random() < 0.5:
        lead += rng.choice(["对照", "依据"]) + cite(BASIC_2019[0], BASIC_2019[1], rng) + "，" + rng.choice([
            "完成了基层政务公开标准目录的梳理和发布。", "持续推进基层政务公开标准化规范化。"])
    paras.append(("p", lead))

    n_new, n_in, n_done, n_out = sum(t3.new), sum(t3.carry_in), sum(t3.handled), sum(t3.carry_out)
    natural = t3.new[0]
    legal = n_new - natural
    where = f"{s}政府门户网站" if gov else rng.choice(["门户网站部门专栏", f"{s}政府门户网站本局专栏"])
    sub1 = (f"（一）主动公开。全年在{where}发布各类政府信息{approx(rng, f.proactive, '条')}，"
            f"新制发{'行政' if fmt == '2021' else ''}规范性文件{f.rules_made}件"
            + (f"，废止{f.rules_repealed}件。" if fmt == "2021" else "。"))
    k = rng.randint(3, 7) if gov else rng.randint(1, 3)
    sub1 += rng.choice(["重点领域方面，", "在重点领域，", "围绕群众关切，", ""]) + domain_sentence(rng, k)
    sub1 += pick(rng, ACTIVE_EXTRA, rng.randint(1, 2), we=we, s=s)
    if gov and rng.random() < 0.7:
        sub1 += (f"全年召开新闻发布会{f.conferences}场，发布政策解读{f.readings}篇，"
                 f"其中图解和视频解读{min(f.readings, small(rng, 6) + 1)}篇。")
    paras.append(("p", sub1))
    if n_new == 0:
        sub2 = "（二）依申请公开。全年未收到政府信息公开申请"
        sub2 += f"，上年结转{n_in}件，本年办结{n_done}件。" if n_in else "。"
    else:
        sub2 = (f"（二）依申请公开。全年新收政府信息公开申请{n_new}件"
                + (f"，其中自然人提出{natural}件，法人或其他组织提出{legal}件" if legal and rng.random() < 0.6 else "")
                + f"；加上上年结转{n_in}件，本年办结{n_done}件，结转下年度{n_out}件。")
    sub2 += pick(rng, APPLY_EXTRA + (APPLY_EXTRA_2019 if fmt == "2019" else []), rng.randint(1, 2), we=we, s=s)
    paras.append(("p", sub2))
    paras.append(("p", "（三）政府信息管理。" + pick(rng, MANAGE_EXTRA, rng.randint(1, 3), we=we, s=s)))
    sub4 = "（四）平台建设。" + pick(rng, PLATFORM_EXTRA, rng.randint(1, 2), we=we, s=s)
    if year >= 2019 and rng.random() < 0.3:
        sub4 += "按照" + cite(PLATFORM_2019[0], PLATFORM_2019[1], rng) + "的要求，统一规范了政府信息公开专栏的栏目设置。"
    if rng.random() < 0.4:
        sub4 += f"整合政务新媒体账号，关停更新不及时的账号{rng.randint(1, 6)}个。"
    paras.append(("p", sub4))
    sub5 = "（五）监督保障。" + pick(rng, SUPERVISE_EXTRA, rng.randint(1, 2), we=we, s=s)
    sub5 += rng.choice([f"全年组织业务培训{f.trainings}次。", f"全年召开专题会议{f.meetings}次。", ""])
    paras.append(("p", sub5))

    # 二、三、四 tables
    paras.append(("h", "二、主动公开政府信息情况"))
    paras.append(("table", table2_cells(f, fmt, rng, gov), "2"))
    paras.append(("h", "三、收到和处理政府信息公开申请情况"))
    paras.append(("table", table3_cells(t3), "3"))
    paras.append(("h", "四、政府信息公开行政复议、行政诉讼情况"))
    paras.append(("table", table4_cells(f), "4"))

    # 五、六
    paras.append(("h", "五、存在的主要问题及改进情况"))
    probs, meas = problems_and_measures(rng, rng.randint(2, 3))
    paras.append(("p", f"（一）存在的主要问题。{probs}"))
    paras.append(("p", f"（二）改进情况。{year + 1}年，{we}将{meas.replace('是', '是', 1)}"))
    paras.append(("h", "六、其他需要报告的事项"))
    other = ""
    if fmt == "2021" or (year == 2020 and rng.random() < 0.3):
        other += "本年度依据" + cite(FEES_2020[0], FEES_2020[1], rng) + f"，{we}未收取信息处理费。"
    else:
        other += "本年度未收取信息处理费。"
    if gov:
        other += f"本年度{s}政府办理人大代表建议{f.suggestions}件、政协提案{f.proposals}件，办理结果均已按要求公开。"
    else:
        other += rng.choice(["无其他需要报告的事项。", f"本年度承办人大代表建议{small(rng, 8)}件、政协提案{small(rng, 10)}件。"])
    paras.append(("p", other))
    paras.append(("sig", agency.office))
    paras.append(("date", cn_date(*pub)))
    return Report(title, pub, agency.office, paras)


TEXT_LAYOUTS = [("grid", 0.6), ("rows", 0.15), ("cells", 0.25)]


def render_table_text(cells, which: str, layout: str) -> str:
    """A table in a text copy of the page: ``grid`` — the expanded grid, `` | `` between cells,
    spanned cells repeated (what the HTML reader yields); ``rows`` — each printed row with its own
    cells only; ``cells`` — one cell a line, as text copied from a web page arrives."""
    if layout == "cells":
        return "\n".join(t for row in cells for t, _rs, _cs in row)
    if which == "2" or layout == "rows":
        return text_table2(cells) if which == "2" else "\n".join(" | ".join(t for t, _r, _c in row) for row in cells)
    grid = expand(cells)
    if which == "3":
        # the note cell reads 项目 in the grid; the note itself stands above the table
        grid = [[("项目" if c == NOTE3 else c) for c in row] for row in grid]
        return NOTE3 + "\n" + "\n".join(" | ".join(row) for row in grid)
    return "\n".join(" | ".join(row) for row in grid)


def render_report_text(rng: random.Random, rep: Report, agency: Agency) -> str:
    out = [rep.title]
    y, m, d = rep.published
    r = rng.random()
    if r < 0.6:
        out.append(f"发布日期：{iso_date(y, m, d)}　　来源：{rep.source}")
    elif r < 0.8:
        out.append(f"（{cn_date(y, m, d)}）")
    out.append("")
    x = rng.random()
    layout = next(name for name, cum in _cumulative(TEXT_LAYOUTS) if x < cum)
    for para in rep.paragraphs:
        kind = para[0]
        if kind in ("p", "h"):
            out += [para[1], ""]
        elif kind == "table":
            out += [render_table_text(para[1], para[2], layout), ""]
        elif kind in ("sig", "date"):
            out.append(para[1])
    return "\n".join(out).rstrip("\n") + "\n"


def _cumulative(weights: list[tuple[str, float]]) -> list[tuple[str, float]]:
    total, out = 0.0, []
    for name, w in weights:
        total += w
        out.append((name, total))
    out[-1] = (out[-1][0], 1.01)
    return out


HTML_SKINS = ["classic", "trs", "zoom"]


def render_report_html(rng: random.Random, rep: Report, agency: Agency, charset: str) -> str:
    p = agency.place
    y, m, d = rep.published
    hh, mm = rng.randint(8, 17), rng.randint(0, 59)
    skin = rng.choice(HTML_SKINS)
    site_name = f"{p.full}人民政府门户网站" if rng.random() < 0.5 else f"{p.name}人民政府门户网站"
    body = []
    for para in rep.paragraphs:
        kind = para[0]
        esc = htmllib.escape(para[1], quote=False) if kind != "table" else ""
        if kind == "p":
            body.append(f"<p>{esc}</p>" if skin != "trs" else f'<p style="text-indent:2em;">{esc}</p>')
        elif kind == "h":
            body.append(f"<p><strong>{esc}</strong></p>" if skin != "zoom" else f"<h3>{esc}</h3>")
        elif kind == "table":
            attrs = 'border="1" cellspacing="0"' if skin != "trs" else 'class="MsoNormalTable" border="1" cellpadding="0" width="100%"'
            body.append(html_table(para[1], attrs))
        elif kind in ("sig", "date"):
            body.append(f'<p style="text-align:right;">{esc}</p>')
    content = "\n".join(body)
    title = htmllib.escape(rep.title, quote=True)
    source = htmllib.escape(rep.source, quote=True)
    head = [f'<meta charset="{charset}">']
    if skin != "zoom" or rng.random() < 0.5:
        head += [f'<meta name="ArticleTitle" content="{title}">',
                 f'<meta name="PubDate" content="{iso_date(y, m, d)} {hh:02d}:{mm:02d}">',
                 f'<meta name="ContentSource" content="{source}">']
    page_title = f"{title}_年度报告_{htmllib.escape(site_name)}"
    menu = ("<div class=\"menu\">\n<ul>\n<li><a href=\"/\">首页</a></li>\n<li><a href=\"/zwgk/\">政务公开</a></li>\n"
            "<li><a href=\"/zwfw/\">政务服务</a></li>\n<li><a href=\"/hdjl/\">互动交流</a></li>\n</ul>\n</div>")
    crumb = ("<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; "
             "<a href=\"/zwgk/ndbg/\">政府信息公开年报</a></div>")
    info = (f"<div class=\"info\">发布日期：{iso_date(y, m, d)} {hh:02d}:{mm:02d}　来源：{source}　"
            "浏览次数：<span id=\"hits\">0</span>　【字体：大 中 小】</div>")
    if skin == "classic":
        article = (f"<div class=\"article\">\n<h1>{title}</h1>\n{info}\n<div class=\"content\">\n{content}\n</div>\n"
                   "<div class=\"share\">分享到：<a href=\"#\">微信</a> <a href=\"#\">微博</a> | "
                   "<a href=\"javascript:window.print()\">打印本页</a> | <a href=\"javascript:window.close()\">关闭窗口</a></div>\n</div>")
    elif skin == "trs":
        article = (f"<div class=\"main-box\">\n<div class=\"xl-title\">{title}</div>\n{info}\n"
                   f"<div class=\"TRS_Editor\">\n{content}\n</div>\n</div>")
    else:
        article = (f"<div class=\"detail\">\n<h2 class=\"tit\">{title}</h2>\n{info}\n<div id=\"zoom\">\n{content}\n</div>\n"
                   "<div class=\"tools\"><a href=\"javascript:window.print()\">【打印】</a> <a href=\"javascript:window.close()\">【关闭】</a></div>\n</div>")
    footer = (f"<div class=\"footer\">\n<p>主办：{source}　网站标识码：0000000000　备案号：ICP备00000000号</p>\n</div>")
    script = ("<script type=\"text/javascript\">\n  var hits = document.getElementById(\"hits\");\n"
              "  if (hits) { hits.innerHTML = \"" + str(rng.randint(50, 9999)) + "\"; }\n</script>")
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n" + "\n".join(head)
            + f"\n<title>{page_title}</title>\n<link rel=\"stylesheet\" href=\"/css/main.css\">\n</head>\n<body>\n"
            + "<div class=\"top-bar\">无障碍浏览 | 登录</div>\n" + menu + "\n" + crumb + "\n" + article + "\n"
            + footer + "\n" + script + "\n</body>\n</html>\n")


# ---------------------------------------------------------------------------------------------
# Pre-2019 prose report (2008 format)
# ---------------------------------------------------------------------------------------------

def prose_report(rng: random.Random, agency: Agency, year: int, f: YearFigures) -> str:
    p = agency.place
    s = p.suffix
    we = agency.we
    gov = agency.is_gov
    title = report_title(rng, agency, year)
    pub = _pub_date(rng, year, False)
    lines: list[str] = []
    if rng.random() < 0.5:
        lines += [f"标题: {title}", f"发布时间: {iso_date(*pub)} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}",
                  "文号: ", f"发布机构: {agency.office}", "栏目: 政府信息公开年报",
                  f"原文链接: https://{site(p)}/zfxxgk/ndbg/{pub[0]}{pub[1]:02d}/t{pub[0]}{pub[1]:02d}{pub[2]:02d}_{rng.randint(1000, 9999)}.html",
                  "==================== 正文 ===================="]
    lines.append(title)
    lines.append("")
    r = rng.random()
    if r < 0.4:
        tl = f"《{TIAOLI}》（{TIAOLI_OLD}，以下简称《条例》）"
    elif r < 0.6:
        tl = f"《{TIAOLI}》（{TIAOLI_OLD}）"
    else:
        tl = f"《{TIAOLI}》（以下简称《条例》）"
    intro = f"本报告{rng.choice(['依据', '根据'])}{tl}"
    prov = PROVINCIAL.get(p.province)
    if prov and prov[2] <= year <= prov[3] and rng.random() < 0.8:
        intro += f"和{cite(prov[0], prov[1], rng)}"
    intro += "编制。"
    if gov:
        intro += f"报告汇总了{s}政府办公室、{s}政府各部门和各{'镇（街道）' if s == '区' else '乡镇'}报送的年度情况。"
    intro += ("全文包括概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、"
              "因政府信息公开申请行政复议和提起行政诉讼的情况、存在的主要问题及改进措施等部分。")
    intro += f"所列数据的统计期限为{year}年1月1日至{year}年12月31日。"
    intro += f"本报告电子版可在{s}人民政府门户网站（{site(p)}）“政府信息公开”栏目查阅，如有疑问请与"
    intro += (f"{s}政府信息公开办公室" if gov else agency.written + "办公室") + f"联系（电话：{phone(rng)}）。"
    lines += [intro, ""]

    sec = 0

    def head(t):
        nonlocal sec
        lines.append(f"{_NUMERALS[sec]}、{t}")
        lines.append("")
        sec += 1

    head("概述")
    ov = f"{year}年，{we}"
    if 2016 <= year <= 2018 and rng.random() < 0.7:
        ov += (f"以贯彻中共中央办公厅、国务院办公厅《{OPINION_2016[0]}》" + (f"（{OPINION_2016[1]}）" if rng.random() < 0.5 else "")
               + "为主线，")
    if year in YAODIAN and rng.random() < 0.8:
        ov += "对照" + yaodian_cite(rng, year) + "逐项分解任务，"
    if 2016 <= year <= 2018 and rng.random() < 0.4:
        ov += f"按照《{RULES_2016[0]}》（{RULES_2016[1]}）补充完善了工作清单，"
    if 2017 <= year <= 2018 and gov and rng.random() < 0.4:
        ov += "参照" + cite(PILOT_2017[0], PILOT_2017[1], rng) + "开展基层政务公开标准化规范化探索，"
    if year == 2018 and rng.random() < 0.4:
        ov += "落实" + cite(PROJECTS_2017[0], PROJECTS_2017[1], rng) + "，"
    ov += rng.choice(["进一步健全政府信息公开工作机制。", "扎实做好政府信息公开各项工作。", "政府信息公开工作稳步推进。"])
    ov += pick(rng, MECHANISM, rng.randint(1, 3), we=we, s=s)
    ov += (f"{'全' + s if gov else '局机关'}配备政府信息公开专职人员{f.staff_full}名、兼职人员{f.staff_part}名。"
           f"全年召开政务公开工作会议{f.meetings}次，举办业务培训班{f.trainings}期，培训{f.trainees}人次。")
    if rng.random() < 0.6:
        ov += f"我们修订了《{agency.written}政府信息公开指南》，补充了申请表下载、受理地点和办理时限等内容。"
    lines += [ov, ""]

    head("主动公开政府信息情况")
    ch = f.channels
    parts = []
    label = {"政府网站": "通过政府门户网站公开", "政务微博": "通过政务微博公开", "政务微信": "通过政务微信公开",
             "政府公报": "通过政府公报公开"}
    for k, v in ch.items():
        parts.append(f"{label[k]}{v}条")
    c1 = (f"（一）公开数量。{year}年{'全' + s if gov else '我局'}主动公开政府信息{f.proactive}条，其中" + "，".join(parts) + "；"
          f"主动公开规范性文件{f.rules_made}件。")
    lines += [c1, ""]
    k = rng.randint(3, 8) if gov else rng.randint(1, 3)
    lines += ["（二）重点领域。" + rng.choice(["围绕群众关注的事项，", "按照重点工作安排，", ""]) + domain_sentence(rng, k)
              + pick(rng, ACTIVE_EXTRA, rng.randint(1, 2), we=we, s=s), ""]
    c3 = (f"（三）解读回应。全年举办新闻发布会{f.conferences}次，开展政府网站在线访谈{f.interviews}次，"
          f"发布政策解读稿件{f.readings}篇，回应公众关注热点{f.responses}次。")
    if f.conferences == 0 and f.interviews == 0:
        c3 = f"（三）解读回应。全年发布政策解读稿件{f.readings}篇，回应公众关注热点{f.responses}次。"
    lines += [c3, ""]
    lines += [f"（四）公开渠道。除网站外，{rng.choice(['档案馆、图书馆和行政服务中心', '政务服务大厅和各镇便民服务中心'])}"
              f"设立政府信息公开查阅点{f.reading_points}个，供群众免费查阅。"
              + pick(rng, PLATFORM_EXTRA[2:4], rng.randint(0, 1), we=we, s=s), ""]
    if rng.random() < 0.6:
        lines += ["（五）目录和指南。" + pick(rng, MANAGE_EXTRA, rng.randint(1, 3), we=we, s=s), ""]

    head("依申请公开政府信息情况")
    apps = sum(f.app_channels.values())
    if apps == 0:
        lines += [f"{year}年{we}未收到政府信息公开申请。", ""]
    else:
        chs = [f"{k}{v}件" for k, v in f.app_channels.items() if v]
        lines += [f"{year}年{'全' + s if gov else '我局'}共收到政府信息公开申请{apps}件，其中" + "，".join(chs) + "。"
                  + rng.choice(["申请内容主要涉及征地拆迁、规划许可和社会保障等方面。", "申请主要集中在房屋征收、土地审批和行政执法等方面。", ""])
                  + pick(rng, APPLY_EXTRA[1:], rng.randint(0, 2), we=we, s=s),
                  ""]
        outs = [f"{k}{v}件" for k, v in f.old_outcomes.items() if v]
        lines += [f"全部{apps}件均已在《条例》规定的期限内答复：" + "，".join(outs) + "。", ""]

    head("政府信息公开的收费及减免情况")
    if f.fee_yuan:
        lines += [f"全年依申请公开收取检索、复制、邮寄等费用共计{f.fee_yuan}元，未发生减免情况。", ""]
    else:
        lines += [f"{we}在受理依申请公开过程中未收取任何费用，依申请公开收费金额为0元，也未发生减免情况。", ""]

    head("因政府信息公开申请行政复议和提起行政诉讼的情况")
    rv, sd, sa = f.reviews, f.suits_direct, f.suits_after
    n_rev = sum(rv)
    suits = [a + b for a, b in zip(sd, sa)]
    n_suit = sum(suits)
    res_words = ["维持具体行政行为", "被依法纠错", "其他情形", "尚未审结"]
    suit_words = ["法院判决维持", "被依法纠错", "其他情形", "尚未审结"]
    txt = ""
    if n_rev == 0 and n_suit == 0:
        txt = "全年未发生因政府信息公开申请引起的行政复议和行政诉讼。"
    else:
        if n_rev:
            txt += f"全年因政府信息公开申请引发行政复议{n_rev}件，其中" + "，".join(
                f"{w}{v}件" for w, v in zip(res_words, rv) if v) + "；"
        else:
            txt += "全年未发生因政府信息公开申请引起的行政复议；"
        if n_suit:
            txt += f"引发行政诉讼{n_suit}件，其中" + "，".join(f"{w}{v}件" for w, v in zip(suit_words, suits) if v) + "。"
        else:
            txt += "未发生行政诉讼。"
    txt += "未收到有关政府信息公开工作的举报投诉。" if f.complaints == 0 else f"收到有关政府信息公开工作的举报投诉{f.complaints}件。"
    lines += [txt, ""]

    head("存在的主要问题及改进措施")
    probs, meas = problems_and_measures(rng, rng.randint(2, 3))
    lines += [f"{we}政府信息公开工作仍有不足：{probs}", ""]
    lines += [f"{year + 1}年，{we}将重点做好以下工作：{meas}", ""]
    if gov and rng.random() < 0.4:
        head("其他需要报告的事项")
        lines += [f"本年度{s}政府办理人大代表建议{f.suggestions}件、政协提案{f.proposals}件，办理结果按规定公开。", ""]
    lines += [agency.office, cn_date(*pub)]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Policy notices
# ---------------------------------------------------------------------------------------------

def _local_docno(rng: random.Random, place: Place, year: int) -> str:
    from disclosure_kg.extract.divisions import short_name

    head = short_name(place.name)[0]
    return f"{head}{rng.choice(['政办发', '政办', '政发', '政办函'])}〔{year}〕{rng.randint(1, 180)}号"


def notice(rng: random.Random, agency: Agency, year: int) -> str:
    p = agency.place
    s = p.suffix
    base = agency.written[:-len("人民政府")] if agency.is_gov else p.full
    issuer = f"{base}人民政府办公室" if rng.random() < 0.75 else f"{base}人民政府"
    docno = _local_docno(rng, p, year)
    kinds = ["yaodian", "annual"]
    if year >= 2019:
        kinds.append("basic")
    if year <= 2015:
        kinds.append("improve")
    kind = rng.choice(kinds)
    # a notice on the annual reports goes out in January, before the 31 January deadline
    month = 1 if kind == "annual" else rng.randint(2, 9)
    day = rng.randint(3, 20) if kind == "annual" else rng.randint(1, 28)
    towns = "各镇人民政府、街道办事处" if s == "区" else "各乡镇人民政府"
    lines = []
    if rng.random() < 0.6:
        lines += ["首页 > 政务公开 > 政策文件 > 政府办公室文件", "字号：大 中 小 | 打印 | 关闭", ""]
    tl_ref = cite(TIAOLI, TIAOLI_NEW if year >= 2019 else TIAOLI_OLD, rng)
    if kind == "yaodian":
        inner = f"{year}年{p.name}政务公开工作要点"
        title = f"{issuer}关于印发《{inner}》的通知"
        cover = f"经{s}政府同意，现将《{inner}》印发给你们，请结合实际抓好落实。"
        body = [inner, ""]
        opening = f"{year}年全{s}政务公开工作要全面贯彻{tl_ref}"
        if year in YAODIAN:
            opening += "，落实" + yaodian_cite(rng, year) + "的部署"
        opening += "，以公开促落实、促规范、促服务。"
        body += [opening, ""]
        n = rng.randint(4, 7)
        heads = ["围绕重点工作加大公开力度", "推进重点领域信息公开", "提升政策解读和回应关切实效",
                 "加强制度执行和平台建设", "强化组织保障", "优化政务服务信息公开", "做好依申请公开工作"]
        for i, h in enumerate(rng.sample(heads, n)):
            body.append(f"{_NUMERALS[i]}、{h}")
            body.append("")
            body.append(f"（{_NUMERALS[i]}）" + rng.choice([
                "各部门要按照职责分工，", "各镇（街道）和有关部门要", "牵头单位要会同相关部门，"])
                + domain_sentence(rng, rng.randint(2, 5)))
            body.append("")
        if year >= 2019 and rng.random() < 0.6:
            body += [f"各部门要对照{cite(BASIC_2019[0], BASIC_2019[1], rng)}，完善本领域基层政务公开标准目录。", ""]
        body += [f"各部门落实本要点的情况，请于{year}年12月15日前报送{s}政务公开办公室。", ""]
    elif kind == "annual":
        ry = year - 1
        title = f"{issuer}关于做好{ry}年度政府信息公开工作年度报告编制发布工作的通知"
        cover = None
        fmt_ref = ""
        if ry >= 2021:
            fmt_ref = "和" + cite(FORMAT_2021[0], FORMAT_2021[1], rng)
        elif ry >= 2019:
            fmt_ref = "和" + cite(FORMAT_2019[0], FORMAT_2019[1], rng)
        body = [f"为做好{ry}年度政府信息公开工作年度报告的编制和发布工作，根据{tl_ref}{fmt_ref}的规定，现就有关事项通知如下：", ""]
        body += ["一、报告内容", "",
                 f"各单位要如实报告{ry}年度主动公开、依申请公开、行政复议和行政诉讼等情况，所列数据统计期限为{ry}年1月1日至{ry}年12月31日。"
                 + "重点领域要说明公开了哪些内容，例如：" + domain_sentence(rng, rng.randint(3, 5)), ""]
        body += ["二、发布要求", "",
                 f"各单位年度报告经本单位主要负责同志审定后，于{year}年1月31日前在门户网站政府信息公开专栏发布，同时报送{s}政务公开办公室。", ""]
        body += ["三、工作要求", "", "各单位要加强数据核对，确保表格数据之间的勾稽关系正确，文字表述与统计数据相互一致。", ""]
    elif kind == "basic":
        title = f"{issuer}关于印发{p.name}全面推进基层政务公开标准化规范化工作实施方案的通知"
        cover = f"经{s}政府同意，现将《{p.name}全面推进基层政务公开标准化规范化工作实施方案》印发给你们，请认真贯彻执行。"
        body = [f"{p.name}全面推进基层政务公开标准化规范化工作实施方案", "",
                f"为落实{tl_ref}和{cite(BASIC_2019[0], BASIC_2019[1], rng)}，结合本{s}实际，制定本方案。", "",
                "一、工作目标", "",
                f"到{year + 1}年底，编制完成{s}级部门和各{'镇（街道）' if s == '区' else '乡镇'}政务公开标准目录，"
                "形成标准统一、内容完整、便于查询的公开体系。", "",
                "二、重点任务", "",
                "（一）梳理公开事项。对照国务院有关部门发布的标准指引，重点梳理" + domain_sentence(rng, rng.randint(4, 7)), "",
                "（二）规范公开方式。依托门户网站设置基层政务公开专栏，按事项类别统一发布。", "",
                "三、保障措施", "", "各部门要明确分管负责同志和工作人员，工作进展情况纳入年度绩效考核。", ""]
    else:
        title = f"{issuer}关于进一步做好政府信息公开工作的通知"
        cover = None
        body = [f"为深入贯彻{tl_ref}，进一步提高政府信息公开工作水平，现就有关事项通知如下：", "",
                "一、加大主动公开力度", "", "各单位要重点公开" + domain_sentence(rng, rng.randint(3, 5)), "",
                "二、规范依申请公开", "", "各单位要健全依申请公开的受理、审查、答复和归档制度，严格在法定期限内答复。", "",
                "三、加强监督检查", "", f"{s}政府办公室每半年开展一次检查，检查结果在全{s}通报。", ""]
    lines.append(title)
    lines.append(docno)
    lines.append("")
    lines.append(f"{towns}，{s}政府各部门、各直属单位：")
    lines.append("")
    if cover:
        lines += [cover, "", issuer, cn_date(year, month, day), "", "（此件公开发布）", ""]
        lines += body
    else:
        lines += body
        lines += [issuer, cn_date(year, month, day), "", "（此件公开发布）", ""]
    if rng.random() < 0.5:
        lines += [f"主办：{issuer}　　网站标识码：0000000000"]
    return "\n".join(lines).rstrip("\n") + "\n"


# ---------------------------------------------------------------------------------------------
# One document
# ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _s2twp():
    import opencc
    return opencc.OpenCC("s2twp")


@lru_cache(maxsize=512)
def _series(seed: int, g: int, years: tuple[int, ...], is_gov: bool) -> dict[int, YearFigures]:
    return agency_series(seed, g, list(years), is_gov)


def document(seed: int, index: int) -> tuple[str, bytes, str]:
    """(file name, bytes, kind) of document ``index``."""
    g, pos, size = group_of(index)
    plan = group_plan(seed, g, size)
    year = plan.years[pos]
    agency = plan.agency
    rng = random.Random(f"dkg-bench:{seed}:doc:{index}")
    r = rng.random()
    fmt = _fmt_of(year)
    name = f"g{index:06d}_{agency.place.adcode}_{year}"
    if r < 0.10:
        return name + ".txt", notice(rng, agency, year).encode("utf-8"), "notice"
    f = _series(seed, g, plan.years, agency.is_gov)[year]
    traditional = fmt != "2008" and r < 0.10 + 0.135
    if fmt == "2008":
        return name + ".txt", prose_report(rng, agency, year, f).encode("utf-8"), "prose"
    rep = modern_report(rng, agency, year, f, fmt)
    if fmt == "2021":
        text = render_report_text(rng, rep, agency)
        if traditional:
            return name + ".txt", _s2twp().convert(text).encode("utf-8"), "traditional"
        return name + ".txt", text.encode("utf-8"), "2021-text"
    gbk = (not traditional) and rng.random() < 0.3
    page = render_report_html(rng, rep, agency, "gbk" if gbk else "utf-8")
    if traditional:
        return name + ".html", _s2twp().convert(page).encode("utf-8"), "traditional"
    return name + ".html", page.encode("gb18030" if gbk else "utf-8"), "2019-html"


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    out = Path(a.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    kinds: dict[str, int] = {}
    places: set[str] = set()
    chars = 0
    nbytes = 0
    for i in range(a.count):
        name, data, kind = document(a.seed, i)
        (out / name).write_bytes(data)
        kinds[kind] = kinds.get(kind, 0) + 1
        places.add(name.split("_")[1])
        nbytes += len(data)
        chars += len(data.decode("gb18030" if b'charset="gbk"' in data[:200] else "utf-8"))
    dt = time.perf_counter() - t0
    mix = ", ".join(f"{k} {kinds.get(k, 0)}" for k in ("2021-text", "2019-html", "prose", "traditional", "notice"))
    print(f"wrote {a.count} documents to {out} (seed {a.seed}): {mix}; {len(places)} divisions; "
          f"{chars:,} characters, {nbytes:,} bytes; {dt:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
