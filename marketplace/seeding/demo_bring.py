"""What demo gigs ask workers to bring (issue 5), chosen from the gig's main skill.

The choice is a plain lookup, not a random draw, so adding it left every other demo value
(titles, pay, shifts) exactly as the seed made them before.
"""

from __future__ import annotations

from marketplace.seeding.demo_context import SkillRef

# A skill with needs of its own, before its family's.
BY_SKILL: dict[str, str] = {
    "fishing.net_mending": "手套、剪刀",
    "fishing.gear_maintenance": "手套、剪刀",
    "fishing.deck_hand": "雨靴、防水服、手套",
    "farming.tea_processing": "工作服、健康证",
    "farming.farm_machinery": "驾驶证（农机）",
    "cleaning.window_cleaning": "工作服、防滑鞋",
    "domestic.home_cooking": "健康证",
    "retail.fresh_counter": "健康证、工作服",
    "ecommerce.product_photo": "相机",
    "ecommerce.short_video": "笔记本电脑",
    "driving.car_wash": "雨靴、工作服",
    "events.photographer": "相机",
    "property.parking_attendant": "雨衣、身份证",
}

# Skill families (seeds/skills.csv) and what their gigs usually ask for.
BY_FAMILY: dict[str, str] = {
    "fishing_vessel": "工作服、手套",
    "fishing_port": "手套、雨靴",
    "seafood_processing": "雨靴、袖套",
    "aquaculture": "雨靴、草帽、手套",
    "fruit_harvest": "草帽、手套、水杯",
    "tea": "草帽、水杯",
    "grain": "雨靴、草帽、手套",
    "forest_products": "手套、雨靴",
    "rush": "手套、草帽",
    "vegetables": "草帽、手套、雨靴",
    "postharvest": "工作服",
    "livestock": "雨靴、工作服",
    "cleaning": "工作服",
    "cleaning_special": "工作服、手套",
    "sanitation": "工作服、雨衣",
    "greening": "手套、草帽",
    "housekeeper": "工作服",
    "moving": "手套、工作服",
    "handyman": "常用工具",
    "appliance": "常用工具",
    "care": "工作服、健康证",
    "infant": "健康证",
    "nanny": "健康证",
    "nursery": "健康证",
    "mep": "电工证、常用工具",
    "masonry": "手套、工作服",
    "carpentry": "常用工具",
    "finishing": "工作服、口罩",
    "general_labour": "手套、工作服",
    "installation": "常用工具",
    "metalwork": "焊工证",
    "rider": "电动车、手机",
    "courier": "手机",
    "freight_driving": "驾驶证",
    "local_delivery": "电动车、手机",
    "kitchen": "健康证",
    "front_of_house": "健康证、黑色平底鞋",
    "banquet": "健康证、白衬衫",
    "beverage": "健康证",
    "canteen": "健康证",
    "street_food": "健康证",
    "sorting": "手套",
    "packing": "手套",
    "loading": "手套、劳保鞋",
    "equipment": "叉车证",
    "machining": "劳保鞋",
    "setup": "手套、劳保鞋",
    "front": "黑色正装",
    "day_labour": "手套",
    "ceremony": "工作服",
    "ride_hailing": "驾驶证、网约车驾驶员证",
    "chauffeur": "驾驶证",
    "passenger": "驾驶证",
}

ID_CARD = "身份证"  # what every other gig asks for at the gate


def what_to_bring(skill: SkillRef) -> str:
    """The items a gig for ``skill`` asks a worker to bring, e.g. 补网 → '手套、剪刀'."""
    return BY_SKILL.get(skill.code) or BY_FAMILY.get(skill.family, ID_CARD)
