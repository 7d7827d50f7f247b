"""Names, places and phrases that make the demo market read like Ningbo (pure data)."""

from __future__ import annotations

import random

# Common surnames, heavier at the front; 应, 竺, 俞, 虞, 邬, 屠 are typical of Ningbo.
SURNAMES = (
    "王李张陈刘杨黄周吴徐赵孙胡朱林何郭马罗高梁郑谢宋唐许韩冯邓曹彭曾肖田董袁潘"
    "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹"
    "薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃戴莫孔汤应竺俞虞邬屠柴翁楼裘鲍乐"
)
_SURNAME_WEIGHTS = tuple(max(1.0, 30.0 - i * 0.4) for i in range(len(SURNAMES)))

GIVEN_MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁海东峰建国志林文俊浩宇兴忠良成康德水根荣福"
GIVEN_FEMALE = "芳娜敏静丽艳娟霞秀英华慧巧美玲燕红萍琴雪梅兰凤洁云莉珍婷倩颖佳月彩菊仙素"

# GB/T 2260 county codes of workers whose 户籍 is elsewhere in Zhejiang.
ZHEJIANG_REGIONS = (
    "330106",
    "330302",
    "330381",
    "330402",
    "330602",
    "330683",
    "330782",
    "331002",
    "331081",
    "331082",
    "330881",
    "331102",
)
# GB/T 2260 county codes of provinces many of Ningbo's migrant workers come from.
OTHER_REGIONS = (
    "340102",
    "341202",
    "341221",
    "340822",
    "360102",
    "360402",
    "410102",
    "411302",
    "420102",
    "430102",
    "450102",
    "500101",
    "510104",
    "511602",
    "520102",
    "530102",
    "610102",
    "620102",
    "320102",
    "350102",
    "370102",
)
NINGBO_CITY_REGION = "330201"

ROADS = (
    "中山路",
    "解放路",
    "人民路",
    "建设路",
    "海港路",
    "渔港路",
    "新华路",
    "兴宁路",
    "环城路",
    "工业路",
    "横街",
    "大桥路",
    "滨海路",
    "前进路",
    "民主路",
    "镇中路",
    "创业路",
)

# Trade names (字号) for made-up firms.
COMPANY_PREFIXES = (
    "甬港",
    "浙东",
    "四明",
    "东海",
    "海天",
    "三江",
    "和丰",
    "鼎盛",
    "永福",
    "天一",
    "月湖",
    "明州",
    "甬鑫",
    "恒达",
    "信诚",
    "宏远",
    "金港",
    "利民",
    "丰源",
    "聚力",
    "佳禾",
    "华腾",
    "博远",
    "瑞丰",
    "港城",
    "鄞江",
    "丹山",
    "象海",
    "阳明",
    "姚江",
    "达人",
    "众鑫",
    "安泰",
    "盛源",
    "惠民",
    "新海",
)

WORKER_COMMENTS = (
    "干活认真负责，下次还请他",
    "准时到岗，手脚麻利",
    "很能吃苦，推荐",
    "态度好，沟通顺畅",
    "活干得细，老板满意",
    "第一次合作，表现不错",
    "经验丰富，效率高",
    "有点迟到，其他都好",
)
EMPLOYER_COMMENTS = (
    "老板人好，工钱结得快",
    "工作环境不错，管饭",
    "说好的钱当天就到账了",
    "活不累，安排清楚",
    "现场负责人很客气",
    "工钱准时，会再来",
    "活比说的多一点，但钱给得足",
    "包接送，很方便",
)
LOW_ABOUT_WORKER = ("迟到了半小时", "干活不太仔细", "中途离开过一阵")
LOW_ABOUT_EMPLOYER = ("和说的不太一样", "结账拖了几天", "现场安排有点乱")

SKILL_LEADS = ("会", "擅长", "做过", "熟悉", "干过几年")


def weighted_surname(rng: random.Random) -> str:
    """A surname drawn with a rough frequency weighting."""
    return rng.choices(SURNAMES, weights=_SURNAME_WEIGHTS)[0]


def person_name(rng: random.Random, male: bool) -> str:
    """A two- or three-character Chinese name."""
    chars = GIVEN_MALE if male else GIVEN_FEMALE
    given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.7 else "")
    return weighted_surname(rng) + given


def street_address(rng: random.Random, town_name: str) -> str:
    """A plausible street address inside a town."""
    return f"{town_name}{rng.choice(ROADS)}{rng.randint(1, 388)}号"


def rating_comment(rng: random.Random, stars: int, about_worker: bool) -> str:
    """A short comment matching the number of stars."""
    if stars <= 3:
        return rng.choice(LOW_ABOUT_WORKER if about_worker else LOW_ABOUT_EMPLOYER)
    if rng.random() < 0.2:
        return ""
    return rng.choice(WORKER_COMMENTS if about_worker else EMPLOYER_COMMENTS)


def stars(rng: random.Random) -> int:
    """Mostly 4 or 5 stars, sometimes fewer."""
    return rng.choices((5, 4, 3, 2, 1), weights=(55, 32, 8, 3, 2))[0]
