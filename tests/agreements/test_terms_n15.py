"""Publishing a template version needs the six terms of N(十五): service time, pay, pay date, rest,
labour protection, and dispute resolution with mediation before arbitration (POLICY §3, §9)."""

import re

import pytest

from marketplace.accounts.services import register
from marketplace.agreements import services, templating
from marketplace.errors import DomainError
from marketplace.models import Role
from marketplace.policy.agreement_terms import TERMS
from marketplace.policy.labour_relation import AgreementKind


@pytest.mark.parametrize("kind", list(AgreementKind))
def test_every_shipped_template_states_the_six_terms_n15(kind):
    """The templates shipped in templates/agreements/terms/ pass the N(十五) check."""
    _, source = templating.file_source(kind)
    templating.validate_source(source)


def _without(source: str, term: str) -> str:
    if term == "time":
        return source.replace("{{ shift.start }}", "")
    if term == "pay":
        return source.replace("{{ pay.amount }}", "")
    if term == "pay_date":
        return source.replace("{{ pay.due }}", "")
    if term == "rest":
        return source.replace("休息", "")
    if term == "protection":
        return source.replace("工伤保险", "保险")
    # dispute: arbitration named before mediation
    return re.sub(
        r'(data-clause="dispute">).*?(</section>)',
        r"\1<p>有争议的，先申请仲裁；仲裁后还可以调解。</p>\2",
        source,
        flags=re.S,
    )


@pytest.mark.parametrize("term", list(TERMS))
def test_a_version_missing_a_term_is_not_published_n15(app, term):
    """N(十五): dropping any one of the six terms refuses the version, naming the term."""
    admin = register("13800000097", "secret-pass-1", Role.ADMIN, "管理员")
    _, source = templating.file_source(AgreementKind.TEMPORARY)
    with pytest.raises(DomainError) as refused:
        services.publish_template(admin, AgreementKind.TEMPORARY, _without(source, term))
    assert refused.value.message == TERMS[term]
    assert services.template_versions(AgreementKind.TEMPORARY) <= 1  # nothing new published
