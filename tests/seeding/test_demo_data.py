"""The demo market's word tables in seeds/demo/: all there, well formed, and true to seeds/."""

from __future__ import annotations

import ast
import csv
import random
import shutil
from datetime import date
from pathlib import Path

import pytest

from marketplace.models import EmployerKind, WorkForm
from marketplace.policy.credit_code import normalise_credit_code
from marketplace.policy.identity import parse_id_number
from marketplace.seeding.demo import data
from marketplace.seeding.demo.codes import make_credit_code, make_id_number

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DEMO = SEEDS / "demo"
PACKAGE = Path(data.__file__).parent


def _reference(name: str, column: str) -> set[str]:
    with (SEEDS / name).open(encoding="utf-8-sig", newline="") as fh:
        return {row[column] for row in csv.DictReader(fh)}


def _cells(name: str, column: str, **only: str) -> set[str]:
    """Every value in a column (cells with several values split), of the rows matching ``only``."""
    rows = data.where(name, **only) if only else data.table(name)
    return {value for row in rows for value in row.items(column)}


def _data_calls() -> list[ast.Call]:
    """Every call ``data.<function>(...)`` in the generator's modules."""
    calls = []
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func = node.func if isinstance(node, ast.Call) else None
            if isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "data":
                calls.append(node)
    return calls


def test_every_file_is_a_known_table_and_every_table_a_file():
    assert sorted(p.name for p in DEMO.glob("*.csv")) == sorted(data.TABLES)


@pytest.mark.parametrize("name", sorted(data.TABLES))
def test_each_table_has_its_columns_and_rows(name):
    rows = data.read_table(name)
    assert rows, name
    assert all(tuple(row.cells) == data.TABLES[name].columns for row in rows)


def test_the_generator_reads_every_table_list_and_choice_there_is_and_no_other():
    """What the code names is in seeds/demo/, and nothing there is left unread (a typo)."""
    tables, lists, patterns = set(), set(), set()
    for call in _data_calls():
        name = call.func.attr
        args = [a.value for a in call.args if isinstance(a, ast.Constant)]
        constant = [k for k in call.keywords if isinstance(k.value, ast.Constant)]
        keywords = {k.arg: k.value.value for k in constant}
        if name == "weights":
            arg = call.args[0]  # f"sector.{kind.value}" reads every choice "sector.…"
            fixed = isinstance(arg, ast.Constant)
            patterns.add(arg.value if fixed else arg.values[0].value + "*")
            tables.add("weights.csv")
            continue
        assert args[0] in data.TABLES, args[0]
        tables.add(args[0])
        if name == "where":
            keys = {k.arg for k in call.keywords}
            assert keys <= set(data.TABLES[args[0]].columns), (args[0], keys)
        else:
            getattr(data, name)(*args, **keywords)  # raises for a missing column or list
        if name == "values":
            lists.add((args[0], args[1]))
    assert tables == set(data.TABLES)
    assert lists == {(n, r["list"]) for n in ("names.csv", "lists.csv") for r in data.table(n)}
    choices = {row["choice"] for row in data.table("weights.csv")}

    def matches(pattern: str, choice: str) -> bool:
        return choice.startswith(pattern[:-1]) if pattern.endswith("*") else choice == pattern

    assert all(any(matches(p, c) for c in choices) for p in patterns), patterns
    assert all(any(matches(p, c) for p in patterns) for c in choices), choices


def test_codes_in_the_tables_are_those_of_the_reference_seeds():
    """A typo would silently drop a sector, a season or what a gig asks workers to bring."""
    categories = _reference("skill_categories.csv", "code")
    skills = _reference("skills.csv", "code")
    families = _reference("skills.csv", "family")
    seasons = _reference("seasons.csv", "code")
    kinds = _reference("seasons.csv", "kind")

    assert _cells("sectors.csv", "category_code") == categories  # every category has a sector
    for name in ("employer_names.csv", "requirements.csv", "kiosk_work.csv"):
        assert _cells(name, "category_code") - {""} <= categories, name
    assert _cells("requirements.csv", "category_code") == categories
    assert _cells("category_seasons.csv", "category_code") <= categories
    for kind in EmployerKind:
        assert {c for c, _ in data.weights(f"sector.{kind.value}")} <= categories, kind

    assert _cells("sectors.csv", "piece_families") <= families
    assert _cells("what_to_bring.csv", "key", match="family") <= families
    assert _cells("what_to_bring.csv", "key", match="skill") <= skills
    assert _cells("skill_seasons.csv", "skill_code") <= skills
    assert _cells("story_gigs.csv", "skills") <= skills
    for name in ("moratorium_skills", "processing_skills", "demo_worker_skills"):
        assert set(data.values("lists.csv", name)) <= skills, name

    assert _cells("skill_seasons.csv", "season_codes") <= seasons
    assert _cells("story_gigs.csv", "season_codes") <= seasons
    assert set(data.values("lists.csv", "fishing_harvests")) <= seasons
    assert _cells("category_seasons.csv", "season_kinds") <= kinds
    assert _cells("season_wording.csv", "season_kind") == kinds

    assert set(data.column("fishing_towns.csv", "name_zh")) <= _reference("towns.csv", "name_zh")
    assert _cells("employer_kinds.csv", "kind") == {k.value for k in EmployerKind}
    assert _cells("title_suffixes.csv", "work_form") == {f.value for f in WorkForm}


def test_demo_id_numbers_and_credit_codes_carry_real_division_codes():
    """Every region and district the demo draws from makes numbers the sign-up checks accept."""
    rng = random.Random(7)
    divisions = set(data.column("regions.csv", "code")) | _reference("districts.csv", "code")
    prefixes = _cells("sectors.csv", "credit_prefix") | {"91", "92"}
    for division in sorted(divisions | {"330200", "330225"}):  # the generator's fallbacks
        parse_id_number(make_id_number(rng, division, date(1980, 5, 6), male=True))
        for prefix in sorted(prefixes):
            normalise_credit_code(make_credit_code(rng, prefix, division))


def test_a_broken_table_is_refused_naming_its_file_and_line(tmp_path):
    shutil.copytree(DEMO, tmp_path, dirs_exist_ok=True)
    roads = tmp_path / "roads.csv"
    roads.write_text("road\n中山路\n\n", encoding="utf-8")  # a blank line: a row without cells
    with pytest.raises(data.DemoDataError, match=r"roads\.csv, line 3: 0 cells, expected 1"):
        data.read_table("roads.csv", tmp_path)
    (tmp_path / "trade_names.csv").write_text("name\n甬港\n", encoding="utf-8")
    with pytest.raises(data.DemoDataError, match=r"trade_names\.csv: columns are \('name',\)"):
        data.read_table("trade_names.csv", tmp_path)
    (tmp_path / "regions.csv").unlink()
    with pytest.raises(data.DemoDataError, match=r"regions\.csv: the file is missing"):
        data.read_table("regions.csv", tmp_path)


def test_a_bad_number_names_its_file_line_and_column(tmp_path):
    (tmp_path / "employer_kinds.csv").write_text(
        "kind,weight,gigs_per_employer,slots_lo,slots_hi\ncompany,many,8,1,10\n", encoding="utf-8"
    )
    row = data.read_table("employer_kinds.csv", tmp_path)[0]
    with pytest.raises(data.DemoDataError, match=r"employer_kinds\.csv, line 2: bad weight 'many'"):
        row.convert("weight", int)
