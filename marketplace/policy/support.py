"""Support beyond insurance: trade unions, professional titles, start-up support, housing and
schooling, and social assistance, each with its source (issue 16, part 5).

Sources (the originals are kept with POLICY.md; N = the Ningbo notice of 2021-12-28, P = the
city's summary of practice):

* P 五(二) 健全工会组织: 全面推进“三新”领域八大群体入会，组建快递行业工会联合会……养老服务行业
  工会联合会以及医养照护行业工会联合会等组织……确保互助保障、工会普惠活动、困难职工认定、送温暖送
  清凉慰问活动、劳模评选等工会福利对灵活就业人员无差别落实.
* N(八): 灵活就业人员中的专业技术人员，符合条件的可按规定申报评审相关专业技术职称. P 四(三): the
  same channel; 宁波市快递工程专业助理工程师和工程师职务任职资格评审会, in which couriers took part.
* P 二(一) 强化资金支持: 将创业担保贷款范围扩大到所有在宁波初创5年内的人员，创业者社保补贴、创业
  场租补贴、创业带动就业岗位补贴等政策覆盖所有在宁波初创3年内的人员。符合条件的巡游出租车营运司机和
  网约车平台专职司机购置车辆，可按规定申请不超过营运车辆购置总额的创业担保贷款和贴息.
* N(十二): 落户 (租赁落户、居住就业落户 for flexible workers, their spouses and minor children;
  集体户口 for those who rent), 保障性租赁住房 for 符合条件的 flexible workers.
* N(十三): 以居住证为主要依据的随迁子女义务教育入学政策; 符合条件的随迁子女应入尽入.
* N(十一): 对社会救助条件的灵活就业人员及时按规定纳入社会救助保障范围.

Our readings, documented so they can be checked:

* Only the start-up time limits are a rule the product can apply: "初创5年内/3年内" counts from
  the day the business started, that day not counted (民法典 第二百零一条); the last day is the
  same date 5 (or 3) years later, or the month's last day when it has no such date (第二百零二条):
  a business started on 2024-02-29 has its 3 years end on 2027-02-28. The figures are
  the ``start_up.*`` rows of seeds/policy_figures.csv. Every other condition (符合条件, 按规定) is
  checked by the office that grants the support, so the answers say "may apply", never "you get".
* The other sections rest on facts the product does not hold (union rules, the conditions of a
  title, of housing, school places and social assistance) or on someone's decision: they explain
  the rule, add what the product knows (the worker's trade, hukou and residence permit) and say
  where to ask, tagged ``ASK``; none of them is answered "yes".

This module is pure: no Flask, no database, standard library only.
"""

from __future__ import annotations

from datetime import date

from marketplace.policy.entitlements import Answer, Message, Person
from marketplace.policy.subsidy import FIGURES_CSV, add_years, read_figures

__all__ = [
    "ASK",
    "HOTLINE",
    "LOAN_YEARS",
    "SUBSIDY_YEARS",
    "housing_and_schooling",
    "loan_until",
    "professional_title",
    "social_assistance",
    "start_up",
    "subsidies_until",
    "trade_union",
]


def N_(message: str) -> str:
    """Mark a string for translation extraction and return it unchanged."""
    return message


def _say(msgid: str, **params: object) -> Message:
    """A message as the entitlement answers hold it: (msgid, params)."""
    return msgid, params


_FIGURES = read_figures(FIGURES_CSV, "start_up.")
# P 二(一): 创业担保贷款 for all who started a business in Ningbo within 5 years.
LOAN_YEARS: int = _FIGURES["start_up.loan_years"]
# P 二(一): 创业者社保补贴、创业场租补贴、创业带动就业岗位补贴 within 3 years of starting.
SUBSIDY_YEARS: int = _FIGURES["start_up.subsidy_years"]

# 12333: the national telephone service line of the human resources and social security
# administration (人社), which runs N(八) and leads N(十一).
HOTLINE = "12333"

# Tags shown instead of yes/no.
ASK = N_("Ask")
DATE_NEEDED = N_("Date needed")
PERIOD_OVER = N_("Period over")

ASK_HR = N_(
    "Ask at a gig station, or call the human resources and social security hotline %(hotline)s."
)

# --- P 五(二) ----------------------------------------------------------------------------
UNION = N_(
    "Ningbo is bringing workers of new kinds of work into trade unions. Flexible workers who "
    "are members get every union benefit as other members do: mutual-aid cover, union benefit "
    "activities, recognition as a worker in hardship, winter and summer care visits, and "
    "model-worker selection."
)
# The trade-union federations the city set up, by the skill categories they serve.
UNION_FOR_TRADE: dict[str, str] = {
    "delivery": N_(
        "A trade-union federation has been set up for express delivery (快递行业工会联合会)."
    ),
    "eldercare": N_(
        "Trade-union federations have been set up for elder-care services "
        "(养老服务行业工会联合会) and for medical care (医养照护行业工会联合会)."
    ),
}
UNION_ASK = N_("Ask at a gig station how to join the union of your trade.")

# --- N(八), P 四(三) ----------------------------------------------------------------------
TITLE = N_(
    "Professional and technical staff who work flexibly can apply for a professional title "
    "(职称) in their field through the channel opened for them, if they meet its conditions."
)
TITLE_COURIERS = N_(
    "Ningbo has held reviews for express-delivery engineering titles "
    "(快递工程专业助理工程师、工程师) in which couriers took part."
)
TITLE_NOT_HERE = N_(
    "The conditions depend on the field; the human resources and social security office (人社) "
    "checks them, not this site."
)

# --- P 二(一) ----------------------------------------------------------------------------
START_UP = N_(
    "Ningbo supports everyone who starts a business in Ningbo, flexible workers included: a "
    "start-up guaranteed loan (创业担保贷款) within %(loan_years)s years of starting; within "
    "%(subsidy_years)s years the founder's social-insurance subsidy, the rent subsidy for "
    "premises and the subsidy for jobs the business creates."
)
START_UP_VEHICLE = N_(
    "Taxi drivers and full-time ride-hailing drivers who meet the conditions can apply for a "
    "start-up guaranteed loan of up to the vehicle's price, with an interest subsidy, to buy "
    "the vehicle they drive."
)
START_UP_ENTER = N_(
    "If you run your own business in Ningbo, enter the date you started it on your entitlements "
    "page (“I run my own business in Ningbo since”): this section then shows until when the loan "
    "and the subsidies may apply."
)
START_UP_FUTURE = N_(
    "The date you gave for starting your business is after today: enter the day it started."
)
START_UP_STARTED = N_("You started your business on %(started)s.")
SUBSIDIES_UNTIL = N_(
    "The start-up subsidies (the founder's social insurance, rent for premises, jobs the "
    "business creates) may apply until %(until)s."
)
SUBSIDIES_ENDED = N_(
    "The start-up subsidies are for the first %(years)s years: for you they ended on %(until)s."
)
LOAN_UNTIL = N_("A start-up guaranteed loan (创业担保贷款) may apply until %(until)s.")
LOAN_ENDED = N_(
    "The start-up guaranteed loan is for the first %(years)s years: for you it ended on %(until)s."
)
START_UP_CHECKED = N_(
    "Only the time limits are worked out here; the other conditions are checked when you apply."
)

# --- N(十二), N(十三) ---------------------------------------------------------------------
SETTLE_NINGBO = N_(
    "You hold Ningbo hukou, so the easier settling (落户) rules for flexible workers from "
    "elsewhere do not concern you."
)
SETTLE_ELSEWHERE = N_(
    "Flexible workers from elsewhere can settle in Ningbo (落户) more easily: with their spouse "
    "and minor children, through renting (租赁落户) or through living and working here "
    "(居住就业落户), with the same basic public services as residents. Those who live in a "
    "rented home can settle in a collective household (集体户口)."
)
RENTAL_HOUSING = N_(
    "Ningbo is building more affordable rental housing (保障性租赁住房) for flexible workers "
    "who meet its conditions."
)
SCHOOL = N_(
    "Children who moved to Ningbo with a flexible-working parent (随迁子女) and meet the "
    "conditions get a compulsory-education school place, mostly at a public school or a place "
    "the government buys; the residence permit is the main document for it."
)
SCHOOL_PERMIT = N_("You have held a Ningbo residence permit since %(since)s.")
SCHOOL_NO_PERMIT = N_(
    "We have no Ningbo residence permit on record for you: for a school place for your "
    "children, apply for one first."
)
HOUSING_ASK = N_(
    "Ask the public security bureau (公安) about settling, the housing bureau (住建) about "
    "rental housing and the education bureau (教育局) about school places; a gig station can "
    "tell you where to go."
)

# --- N(十一) ------------------------------------------------------------------------------
ASSISTANCE = N_(
    "Flexible workers who meet the conditions for social assistance (社会救助) are brought into "
    "it promptly, under the rules."
)
ASSISTANCE_NOT_HERE = N_(
    "Whether you meet them depends on facts this site does not hold; the civil-affairs "
    "department (民政) decides."
)


def trade_union(person: Person) -> Answer:
    """Union membership and its benefits for flexible workers (P 五(二)); never decided here."""
    trades = sorted(person.skill_categories & UNION_FOR_TRADE.keys())
    says = [_say(UNION), *(_say(UNION_FOR_TRADE[c]) for c in trades), _say(UNION_ASK)]
    return Answer(ok=False, says=says, citation="P 五(二)", tag=ASK)


def professional_title(person: Person) -> Answer:
    """职称 for professional and technical staff who work flexibly (N(八), P 四(三))."""
    says = [_say(TITLE)]
    if "delivery" in person.skill_categories:
        says.append(_say(TITLE_COURIERS))
    says += [_say(TITLE_NOT_HERE), _say(ASK_HR, hotline=HOTLINE)]
    return Answer(ok=False, says=says, citation="N(八); P 四(三)", tag=ASK)


def loan_until(started_on: date) -> date:
    """The last day within the 5 years of a start-up guaranteed loan (P 二(一))."""
    return add_years(started_on, LOAN_YEARS)


def subsidies_until(started_on: date) -> date:
    """The last day within the 3 years of the start-up subsidies (P 二(一))."""
    return add_years(started_on, SUBSIDY_YEARS)


def _periods(started_on: date, on: date) -> tuple[list[Message], list[Message]]:
    """What still applies on ``on`` (until when) and what has ended (on which day)."""
    running: list[Message] = []
    ended: list[Message] = []
    for until, years, applies, over in (
        (subsidies_until(started_on), SUBSIDY_YEARS, SUBSIDIES_UNTIL, SUBSIDIES_ENDED),
        (loan_until(started_on), LOAN_YEARS, LOAN_UNTIL, LOAN_ENDED),
    ):
        if on <= until:
            running.append(_say(applies, until=until))
        else:
            ended.append(_say(over, years=years, until=until))
    return running, ended


def start_up(person: Person, on: date) -> Answer:
    """创业 support by the date the business started: loan within 5 years, subsidies within 3.

    P 二(一). Only the time limits are decided; the rest is checked when the person applies.
    """
    scope = _say(START_UP, loan_years=LOAN_YEARS, subsidy_years=SUBSIDY_YEARS)
    vehicle = [_say(START_UP_VEHICLE)] if "driving" in person.skill_categories else []
    ask = _say(ASK_HR, hotline=HOTLINE)
    citation = "P 二(一)"
    started = person.business_started_on
    if started is None or started > on:
        enter = _say(START_UP_ENTER if started is None else START_UP_FUTURE)
        says = [scope, *vehicle, ask]
        return Answer(ok=False, says=says, missing=[enter], citation=citation, tag=DATE_NEEDED)
    running, ended = _periods(started, on)
    says = [scope, _say(START_UP_STARTED, started=started), *running, *vehicle]
    says += [_say(START_UP_CHECKED), ask]
    within = on <= loan_until(started)
    tag = "" if within else PERIOD_OVER
    return Answer(ok=within, says=says, missing=ended, citation=citation, tag=tag)


def housing_and_schooling(person: Person, on: date) -> Answer:
    """Settling, rental housing and school places for children (N(十二), N(十三))."""
    from_elsewhere = person.hukou != "ningbo"
    says = [_say(SETTLE_ELSEWHERE if from_elsewhere else SETTLE_NINGBO), _say(RENTAL_HOUSING)]
    says.append(_say(SCHOOL))
    missing: list[Message] = []
    permit = person.residence_permit_since
    if from_elsewhere and permit is not None and permit <= on:
        says.append(_say(SCHOOL_PERMIT, since=permit))
    elif from_elsewhere:
        missing.append(_say(SCHOOL_NO_PERMIT))
    says.append(_say(HOUSING_ASK))
    return Answer(ok=False, says=says, missing=missing, citation="N(十二)、(十三)", tag=ASK)


def social_assistance() -> Answer:
    """社会救助 for flexible workers who meet its conditions (N(十一)); never decided here."""
    says = [_say(ASSISTANCE), _say(ASSISTANCE_NOT_HERE), _say(ASK_HR, hotline=HOTLINE)]
    return Answer(ok=False, says=says, citation="N(十一)", tag=ASK)
