"""What each sector of the demo market looks like: employers, hours, pay and wording (pure data)."""

from __future__ import annotations

from dataclasses import dataclass

from marketplace.models import EmployerKind, WorkForm


@dataclass(frozen=True)
class Sector:
    """How gigs of one skill category are posted in the demo market."""

    company_names: tuple[str, ...]  # {place} is a district or town, {brand} a trade name
    individual_names: tuple[str, ...]  # {name} a person, {surname}, {place}
    requirements: tuple[str, ...]
    start_hours: tuple[float, ...]  # local wall-clock start, 7.5 = 07:30
    day_hours: tuple[int, ...]  # shift length of full-day gigs
    day_pay_yuan: tuple[int, int]
    forms: tuple[tuple[WorkForm, int], ...]  # weights for gigs outside a season
    piece: tuple[str, int, int, int, int] | None = None  # unit, fen lo/hi, pieces lo/hi
    credit_prefix: str = "91"
    piece_families: tuple[str, ...] = ()  # skill families whose work is counted in pieces


_FORMS_DAY = ((WorkForm.TEMPORARY, 5), (WorkForm.PART_TIME, 2), (WorkForm.FLEXIBLE, 1))
_FORMS_HOURLY = ((WorkForm.PART_TIME, 5), (WorkForm.TEMPORARY, 2), (WorkForm.FLEXIBLE, 2))
_FORMS_FLEX = ((WorkForm.FLEXIBLE, 5), (WorkForm.PART_TIME, 2), (WorkForm.TEMPORARY, 1))

SECTORS: dict[str, Sector] = {
    "fishing": Sector(
        (
            "{place}{brand}水产有限公司",
            "{place}{brand}海洋渔业有限公司",
            "宁波{brand}冷冻食品有限公司",
            "{place}{brand}水产品加工有限公司",
        ),
        ("{name}（渔船船东）", "{place}{surname}家海鲜加工坊"),
        (
            "有渔船或补网经验者优先，能吃苦耐劳。",
            "手脚麻利，新手可带教。",
            "需适应码头或冷库环境，工作服由我们提供。",
        ),
        (5, 6, 7),
        (8, 9, 10),
        (220, 320),
        _FORMS_DAY,
        ("斤", 200, 400, 60, 110),
        piece_families=("seafood_processing",),
    ),
    "farming": Sector(
        ("{place}{brand}农业开发有限公司", "{place}{brand}果蔬有限公司"),
        ("{name}家果园", "{name}（{place}种植户）", "{place}{surname}家庭农场"),
        (
            "身体健康，能适应户外作业。",
            "包午饭，自备草帽和雨鞋。",
            "会骑电瓶车者优先，山路需注意安全。",
        ),
        (5, 5.5, 6, 7),
        (6, 7, 8),
        (160, 260),
        _FORMS_DAY,
        ("斤", 80, 200, 150, 250),
        piece_families=("fruit_harvest", "tea", "vegetables", "forest_products"),
    ),
    "cleaning": Sector(
        (
            "宁波{brand}保洁服务有限公司",
            "宁波{brand}环境卫生管理有限公司",
            "宁波{brand}园林绿化工程有限公司",
        ),
        ("{name}保洁队",),
        ("做事细致，有保洁经验者优先。", "工具和清洁剂由公司提供。", "能登高作业者另加补贴。"),
        (7, 8, 9, 13),
        (6, 8),
        (150, 230),
        _FORMS_HOURLY,
        ("平方米", 500, 900, 30, 50),
        piece_families=("cleaning",),
    ),
    "domestic": Sector(
        ("宁波{brand}家政服务有限公司", "宁波{brand}家庭服务有限公司"),
        ("{surname}女士家", "{surname}先生家"),
        ("干净利落，有家政经验，为人诚实可靠。", "会做宁波家常菜者优先。", "需出示健康证。"),
        (8, 9, 13.5, 14),
        (8,),
        (180, 260),
        _FORMS_HOURLY,
    ),
    "eldercare": Sector(
        ("宁波{brand}居家养老服务有限公司", "{place}{brand}颐养院", "宁波{brand}护理院"),
        ("{surname}家（照护老人）",),
        ("有护理员证或照护经验者优先，有耐心和爱心。", "会说宁波话者优先。", "需出示健康证。"),
        (7, 8, 14, 20),
        (8, 10),
        (200, 300),
        _FORMS_HOURLY,
    ),
    "childcare": Sector(
        ("宁波{brand}母婴护理有限公司", "宁波{brand}托育服务有限公司"),
        ("{surname}女士家", "{surname}先生家"),
        ("有育婴员证或带娃经验者优先。", "性格开朗，喜欢孩子，需出示健康证。", "无不良记录。"),
        (7.5, 8, 15.5, 16),
        (8, 10),
        (220, 350),
        _FORMS_HOURLY,
    ),
    "renovation": Sector(
        ("宁波{brand}装饰工程有限公司", "宁波{brand}建筑劳务有限公司"),
        ("{name}装修队", "{surname}师傅装修班组"),
        ("有相关工种经验，自带常用工具。", "持电工证或焊工证者优先。", "注意高空作业安全。"),
        (7, 7.5, 8),
        (8, 9),
        (280, 450),
        _FORMS_DAY,
        ("平方米", 3500, 6000, 6, 9),
        piece_families=("masonry", "finishing"),
    ),
    "delivery": Sector(
        ("宁波{brand}物流有限公司", "宁波{brand}同城配送有限公司"),
        ("{place}{surname}记跑腿",),
        ("自备电动车，熟悉附近道路。", "会用智能手机导航接单。", "高峰期每单另有补贴。"),
        (7, 10, 10.5, 16.5),
        (4, 6, 8),
        (180, 320),
        _FORMS_FLEX,
        ("单", 500, 900, 25, 45),
        piece_families=("rider", "courier", "local_delivery"),
    ),
    "catering": Sector(
        ("宁波{brand}餐饮管理有限公司", "{place}{brand}大酒店"),
        ("{place}{surname}记小吃店", "{name}（乡厨）"),
        ("需出示健康证。", "手脚勤快，能适应饭点忙碌。", "提供工作餐。"),
        (9.5, 10, 16, 16.5),
        (6, 8, 10),
        (160, 250),
        _FORMS_HOURLY,
    ),
    "retail": Sector(
        ("宁波{brand}超市有限公司", "宁波{brand}商贸有限公司"),
        ("{place}{surname}记水果店", "{place}菜场{surname}家摊位"),
        ("会用收银系统者优先。", "服务热情，普通话流利。", "能早起到菜场帮忙。"),
        (6, 8.5, 14, 17),
        (6, 8),
        (150, 220),
        _FORMS_HOURLY,
    ),
    "warehouse": Sector(
        ("宁波{brand}仓储有限公司", "宁波{brand}国际物流有限公司", "宁波{brand}供应链管理有限公司"),
        ("{name}（装卸队）",),
        ("身体好，能搬重物。", "持叉车证者优先。", "夜班另加补贴，包接送。"),
        (8, 9, 18, 20),
        (8, 10),
        (180, 300),
        _FORMS_DAY,
        ("箱", 30, 60, 400, 700),
        piece_families=("sorting", "packing", "loading"),
    ),
    "manufacturing": Sector(
        (
            "宁波{brand}电器有限公司",
            "宁波{brand}服饰有限公司",
            "宁波{brand}模塑有限公司",
            "宁波{brand}五金制品有限公司",
            "{place}{brand}小家电有限公司",
        ),
        ("{name}（来料加工点）",),
        ("能适应站立作业，视力好。", "有工厂经验者优先，新手可培训。", "包工作餐，可安排住宿。"),
        (7.5, 8, 20),
        (8, 10),
        (170, 270),
        _FORMS_DAY,
        ("件", 20, 80, 300, 700),
        piece_families=("assembly", "packing", "garment", "piecework"),
    ),
    "community": Sector(
        ("{place}{brand}社会工作服务中心", "宁波{brand}公益服务中心"),
        ("{name}（社区志愿者团队）",),
        ("有社工证者优先，善于沟通。", "熟悉社区情况，会说宁波话者优先。", "会用电脑和手机填报。"),
        (8.5, 9, 14),
        (4, 8),
        (150, 230),
        _FORMS_HOURLY,
        None,
        "52",
    ),
    "ecommerce": Sector(
        ("宁波{brand}电子商务有限公司", "宁波{brand}网络科技有限公司"),
        ("{name}网店", "{place}{surname}家特产网店"),
        (
            "会用电脑和手机，打字快。",
            "形象好、口才好者优先（直播岗）。",
            "大促期间可能加班，另计工资。",
        ),
        (9, 13, 19),
        (4, 6, 8),
        (160, 280),
        _FORMS_FLEX,
        ("单", 80, 200, 150, 300),
        piece_families=("packing",),
    ),
    "driving": Sector(
        ("宁波{brand}汽车服务有限公司", "宁波{brand}出行科技有限公司"),
        ("{name}（车队）",),
        ("驾龄三年以上，无重大事故记录。", "熟悉宁波市区道路。", "需持有网约车驾驶员证。"),
        (7, 17, 20),
        (6, 8, 10),
        (250, 400),
        _FORMS_FLEX,
        ("单", 1500, 3000, 10, 18),
        piece_families=("ride_hailing", "chauffeur"),
    ),
    "events": Sector(
        (
            "宁波{brand}会展服务有限公司",
            "宁波{brand}文化传媒有限公司",
            "宁波{brand}婚庆策划有限公司",
        ),
        ("{name}婚庆", "{surname}师傅活动搭建队"),
        ("形象端正，统一着装。", "能吃苦，服从现场安排。", "活动结束当天结算。"),
        (7, 8, 16, 17),
        (4, 6, 8, 10),
        (150, 260),
        _FORMS_DAY,
    ),
    "property": Sector(
        ("宁波{brand}物业管理有限公司", "宁波{brand}保安服务有限公司"),
        ("{name}（小区业委会）",),
        ("持保安员证者优先，身体健康。", "责任心强，能上夜班。", "服从物业统一管理。"),
        (7, 8, 19),
        (8, 12),
        (150, 230),
        _FORMS_HOURLY,
    ),
}

DEFAULT_SECTOR = SECTORS["events"]

# Which sectors each kind of employer tends to hire for.
KIND_SECTORS: dict[EmployerKind, tuple[tuple[str, int], ...]] = {
    EmployerKind.HOUSEHOLD: (
        ("domestic", 5),
        ("eldercare", 3),
        ("childcare", 3),
        ("renovation", 2),
        ("cleaning", 1),
    ),
    EmployerKind.INDIVIDUAL: (
        ("fishing", 4),
        ("farming", 4),
        ("catering", 3),
        ("retail", 2),
        ("renovation", 2),
        ("events", 1),
        ("ecommerce", 1),
        ("manufacturing", 1),
        ("delivery", 1),
    ),
    EmployerKind.PLATFORM: (
        ("delivery", 4),
        ("driving", 3),
        ("domestic", 2),
        ("ecommerce", 2),
        ("cleaning", 1),
    ),
    EmployerKind.COMPANY: (
        ("fishing", 3),
        ("farming", 2),
        ("cleaning", 2),
        ("domestic", 1),
        ("eldercare", 2),
        ("childcare", 1),
        ("renovation", 2),
        ("delivery", 2),
        ("catering", 3),
        ("retail", 2),
        ("warehouse", 3),
        ("manufacturing", 4),
        ("community", 1),
        ("ecommerce", 2),
        ("driving", 1),
        ("events", 2),
        ("property", 2),
    ),
}
KIND_WEIGHTS = (
    (EmployerKind.COMPANY, 45),
    (EmployerKind.PLATFORM, 10),
    (EmployerKind.INDIVIDUAL, 25),
    (EmployerKind.HOUSEHOLD, 20),
)
PLATFORM_NAMES = ("{brand}到家平台宁波站", "{brand}同城服务平台", "{brand}灵工平台宁波分站")
# Gigs a verified employer of each kind posts, on average.
GIGS_PER_KIND = {
    EmployerKind.COMPANY: 8,
    EmployerKind.PLATFORM: 12,
    EmployerKind.INDIVIDUAL: 4,
    EmployerKind.HOUSEHOLD: 2,
}
SLOTS_PER_KIND = {
    EmployerKind.COMPANY: (1, 10),
    EmployerKind.PLATFORM: (3, 10),
    EmployerKind.INDIVIDUAL: (1, 5),
    EmployerKind.HOUSEHOLD: (1, 2),
}

# Skills whose work only exists inside a season (codes from seeds/seasons.csv); a gig
# built on one of them is tagged with that season and dated inside it.
SKILL_SEASONS: dict[str, tuple[str, ...]] = {
    "farming.bayberry_picking": ("harvest_bayberry",),
    "farming.peach_picking": ("harvest_peach",),
    "farming.citrus_picking": ("harvest_citrus",),
    "farming.strawberry": ("harvest_strawberry",),
    "farming.tea_picking": ("harvest_tea",),
    "farming.tea_processing": ("harvest_tea",),
    "farming.bamboo_shoot": ("harvest_bamboo_shoot",),
    "farming.rush_harvest": ("harvest_rush",),
    "farming.rice_harvest": ("harvest_early_rice", "harvest_late_rice"),
    "farming.rice_transplanting": ("harvest_early_rice",),  # 双抢: reap early, plant late rice
}
# Season kinds a gig in a category may be tagged with when its dates allow.
CATEGORY_SEASON_KINDS: dict[str, tuple[str, ...]] = {
    "fishing": ("moratorium", "harvest"),
    "manufacturing": ("farming_lull",),
    "warehouse": ("farming_lull",),
    "events": ("farming_lull",),
    "cleaning": ("farming_lull",),
}
# Harvest seasons that fishing gigs (processing the catch) may belong to.
FISHING_HARVESTS = ("harvest_seafood_processing",)

# Towns on the coast whose people fish (names as in seeds/towns.csv).
FISHING_TOWNS = (
    "石浦镇",
    "鹤浦镇",
    "高塘岛乡",
    "爵溪街道",
    "东陈乡",
    "涂茨镇",
    "贤庠镇",
    "西周镇",
    "黄避岙乡",
    "定塘镇",
    "咸祥镇",
    "瞻岐镇",
    "春晓街道",
    "梅山街道",
    "郭巨街道",
    "白峰街道",
    "松岙镇",
    "裘村镇",
    "莼湖街道",
    "长街镇",
    "强蛟镇",
    "一市镇",
    "越溪乡",
)

SEASON_TITLE_PREFIX = {"moratorium": "休渔期", "farming_lull": "农闲", "harvest": ""}
_ROLE_ENDINGS = ("员", "工", "师", "手", "嫂", "机", "姆", "安", "播", "者", "厨", "驾")
_TITLE_SUFFIXES: dict[WorkForm, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # (suffixes for role names such as 保洁员, suffixes for activities such as 补网)
    WorkForm.PART_TIME: (("（兼职）", "（每天4小时内）", "（钟点）"), ("钟点工", "兼职", "小时工")),
    WorkForm.TEMPORARY: (("（日结）", "（临时）", "（急招）"), ("临时工", "日结工", "帮工")),
    WorkForm.SEASONAL: (("（季节性）", "（旺季）"), ("季节工", "工", "帮工")),
    WorkForm.FLEXIBLE: (("（时间自由）", "（灵活排班）"), ("（灵活用工）", "人员（自由排班）")),
}


def short_place(name: str) -> str:
    """'石浦镇' → '石浦', '海曙区' → '海曙'."""
    for suffix in ("街道", "镇", "乡", "区", "县", "市"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def base_skill_name(name_zh: str) -> str:
    """A skill name without its bracketed gloss: '晒鲞（鱼干晾晒）' → '晒鲞'."""
    return name_zh.split("（", 1)[0].strip()


def title_suffixes(form: WorkForm, base: str) -> tuple[str, ...]:
    """Suffixes that read naturally after ``base`` for gigs of ``form``."""
    for_role, for_activity = _TITLE_SUFFIXES[form]
    return for_role if base.endswith(_ROLE_ENDINGS) else for_activity
