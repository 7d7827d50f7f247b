"""Readable citations for the short source codes used across the code base (POLICY.md).

POLICY.md cites its two Ningbo sources as N(一)…N(十五) (the municipal notice of 2021-12-28,
items (一)…(十五)) and P (the city's summary of practice, by part and item); the ministry
documents by their number, e.g. 劳社部发〔2005〕12号. People read the full short title:
``readable("N(九)", "zh")`` gives 《宁波市关于进一步做好支持灵活就业工作的通知》第九条.

This module is pure: no Flask, no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """A source document's short title in each language and how its parts are named."""

    zh: str
    en: str
    number: str = ""  # the document number (文号), shown after the title


# Titles as given in the originals under /work/shared/policy/ and their headings.
NINGBO_NOTICE = Source(
    zh="宁波市关于进一步做好支持灵活就业工作的通知",
    en="Ningbo Notice on Further Supporting Flexible Employment (2021-12-28)",
)
NINGBO_PRACTICE = Source(
    zh="宁波市对灵活就业人员的支持政策和主要做法",
    en="Ningbo's Support Policies and Practices for Flexible Workers",
)
MINISTRY = {
    "劳社部发〔2005〕12号": Source(
        zh="关于确立劳动关系有关事项的通知",
        en="Notice on Matters Concerning the Establishment of Labour Relations",
        number="劳社部发〔2005〕12号",
    ),
    "劳社部发〔2003〕12号": Source(
        zh="关于非全日制用工若干问题的意见",
        en="Opinions on Several Issues of Part-time Employment",
        number="劳社部发〔2003〕12号",
    ),
}

# Sources are joined by ; or ；, or by a comma before the next code ("N(十五), P 五(三)").
_PARTS = re.compile(r"[;；]|[,，]\s*(?=N\s*[(（]|P(?:\s|$)|劳社部发)")
_DIGITS = {c: n for n, c in enumerate("零一二三四五六七八九", start=0)}
_ITEMS = r"[（(]\s*([一二三四五六七八九十]+)\s*[)）]"
_NOTICE = re.compile(rf"^N\s*{_ITEMS}((?:\s*[、,，]\s*{_ITEMS})*)$")
_NOTICE_LONG = re.compile(
    r"^宁波市支持灵活就业通知（2021-12-28）第((?:（[一二三四五六七八九十]+）、?)+)项$"
)
_PRACTICE = re.compile(rf"^P(?:\s+([一二三四五六七八九十]+)(?:\s*{_ITEMS})?)?$")
_MINISTRY = re.compile(
    r"^(劳社部发〔\d{4}〕\d+号)\s*(?:第([一二三四五六七八九十]+)条|Art(?:icle|\.)?\s*(\d+))?"
    r"\s*(.*)$"
)


def chinese_number(text: str) -> int:
    """一 → 1, 十 → 10, 十五 → 15, 二十三 → 23 (the numbers items and articles use)."""
    if "十" not in text:
        return _DIGITS[text]
    tens, _, units = text.partition("十")
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


def _chinese(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[units] if units else "")


def _title(source: Source, lang: str) -> str:
    if lang == "en":
        return f"{source.en}" + (f" ({source.number})" if source.number else "")
    return f"《{source.zh}》" + (f"（{source.number}）" if source.number else "")


def _notice(items: list[str], lang: str) -> str:
    if lang == "en":
        numbers = [str(chinese_number(i)) for i in items]
        word = "items" if len(numbers) > 1 else "item"
        return f"{_title(NINGBO_NOTICE, lang)}, {word} {', '.join(numbers)}"
    return f"{_title(NINGBO_NOTICE, lang)}第{'、'.join(items)}条"


def _one(part: str, lang: str) -> str:
    """One cited source, readable; a text that is no known code is returned unchanged."""
    if m := _NOTICE.match(part):
        return _notice([m.group(1), *re.findall(_ITEMS, m.group(2))], lang)
    if m := _NOTICE_LONG.match(part):
        return _notice(re.findall(r"（([一二三四五六七八九十]+)）", m.group(1)), lang)
    if m := _PRACTICE.match(part):
        section, item = m.group(1), m.group(2)
        title = _title(NINGBO_PRACTICE, lang)
        if not section:
            return title
        if lang == "en":
            where = f"part {chinese_number(section)}" + (
                f", item {chinese_number(item)}" if item else ""
            )
            return f"{title}, {where}"
        return f"{title}第{section}部分" + (f"第（{item}）项" if item else "")
    if (m := _MINISTRY.match(part)) and m.group(1) in MINISTRY:
        article = chinese_number(m.group(2)) if m.group(2) else (int(m.group(3) or 0) or None)
        text = _title(MINISTRY[m.group(1)], lang)
        if article is not None:
            text += f", article {article}" if lang == "en" else f"第{_chinese(article)}条"
        rest = m.group(4).strip()
        return f"{text} {rest}" if rest else text
    return part


def readable(citation: str, lang: str = "zh") -> str:
    """Every source code in ``citation`` (parts joined by ; or ；) as a readable citation."""
    parts = [p.strip() for p in _PARTS.split(citation) if p.strip()]
    joiner = "; " if lang == "en" else "；"
    return joiner.join(_one(p, lang) for p in parts)
