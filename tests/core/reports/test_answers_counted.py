"""Which survey answers the figures count, alike in the metrics, the at-risk score and the
account page: an answer is its own account's (a contact who moved or was merged does not take
it along), a person counts once per account, and a contact in the trash is out of every figure
(README, "How the relationship metrics are counted")."""

from __future__ import annotations

from datetime import UTC, date, datetime

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Contact, Interaction, SurveyResponse
from accountdesk.core.metrics import Period, SurveyRecord, last_year, latest_responses, nps
from accountdesk.core.money import RateBook
from accountdesk.core.queries.details import account_answers, account_detail
from accountdesk.core.reports.data import Scope, load_records, metrics_for, risk_facts

Q3 = Period(date(2026, 7, 1), date(2026, 9, 30))
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
RATES = RateBook("EUR", Q3.end)


def _account(s: object, name: str) -> Account:
    a = Account(name=name, country="TR", customer_since=date(2025, 1, 1), status="active")
    s.add(a)  # type: ignore[attr-defined]
    s.flush()  # type: ignore[attr-defined]
    return a


def _person(s: object, account: Account, given: str) -> Contact:
    c = Contact(account_id=account.id, given_name=given, family_name="Y", country="TR",
                timezone="Europe/Istanbul")  # fmt: skip
    s.add(c)  # type: ignore[attr-defined]
    s.flush()  # type: ignore[attr-defined]
    return c


def _answer(s: object, account: Account, contact: Contact | None, kind: str, score: int,
            on: date) -> None:  # fmt: skip
    s.add(SurveyResponse(account_id=account.id, contact_id=contact.id if contact else None,  # type: ignore[attr-defined]
                         kind=kind, score=score, answered_on=on))  # fmt: skip


def test_a_contacts_answers_about_two_accounts_each_count_for_their_account() -> None:
    about_a = SurveyRecord("ayse", "A", "nps", 9, date(2026, 8, 1))
    about_b = SurveyRecord("ayse", "B", "nps", 2, date(2026, 9, 1))
    later_a = SurveyRecord("ayse", "A", "nps", 10, date(2026, 9, 2))
    counted = latest_responses([about_a, about_b, later_a], "nps", Q3)
    assert sorted((s.account_id, s.score) for s in counted) == [("A", 10), ("B", 2)]
    assert nps([about_a, about_b], Q3).value == 0.0  # (1 − 1) / 2, not her 2 alone: −100


def test_an_answer_about_the_old_account_never_makes_the_new_one_a_detractor(
    db: Database,
) -> None:
    """Review 10, defect 4: after a move (or a merge) the portfolio's at-risk score charged
    Ayşe's NPS answer of 2 about B to A, her account now; A's own report did not."""
    with db.transaction() as s:
        a, b = _account(s, "Anadolu"), _account(s, "Boğaziçi")
        ayse = _person(s, a, "Ayşe")
        _answer(s, a, ayse, "nps", 9, date(2026, 8, 1))
        _answer(s, b, ayse, "nps", 2, date(2026, 9, 1))  # about B, before she moved
        a_id, b_id = a.id, b.id
    with db.reader() as s:
        everyone = load_records(s, Scope())
        only_a = load_records(s, Scope(account_ids=(a_id,)))
    portfolio = risk_facts(db, everyone, NOW, "UTC", RATES)
    own = risk_facts(db, only_a, NOW, "UTC", RATES)
    assert portfolio[a_id].signals.detractors == 0 and portfolio[a_id].detractor is None
    assert portfolio[a_id].score == own[a_id].score
    assert portfolio[b_id].signals.detractors == 0  # no one at B now
    assert metrics_for(db, Q3, RATES).nps.sample == 2  # each account's answer counts


def test_a_contact_in_the_trash_is_out_of_nps_csat_the_page_and_the_risk_alike(
    db: Database,
) -> None:
    """Review 10, defect 3: with Ana in the trash the at-risk score left her detractor answer
    out, while NPS, CSAT and the page's Latest NPS still counted it."""
    from accountdesk.core.services.trash import delete

    with db.transaction() as s:
        a = _account(s, "Andes")
        ana, luis = _person(s, a, "Ana"), _person(s, a, "Luis")
        _answer(s, a, ana, "nps", 3, date(2026, 9, 30))
        _answer(s, a, ana, "csat", 1, date(2026, 9, 29))
        _answer(s, a, luis, "nps", 10, date(2026, 9, 15))
        _answer(s, a, luis, "csat", 5, date(2026, 9, 20))
        account_id, ana_id = a.id, ana.id
    before = metrics_for(db, Q3, RATES)
    assert (before.nps.value, before.nps.sample, before.csat.sample) == (0.0, 2, 2)
    delete(db, "contact", ana_id)
    after = metrics_for(db, Q3, RATES)
    assert (after.nps.value, after.nps.sample) == (100.0, 1)
    assert (after.csat_mean.value, after.csat.sample) == (5.0, 1)
    page = account_detail(db, account_id)
    answers = account_answers(db, account_id, NOW.date())
    assert (answers.csat_mean.value, answers.csat_mean.sample) == (5.0, 1)
    assert (answers.nps.value, answers.nps.sample) == (100.0, 1)
    assert [s.score for s in page.surveys] == [5, 10]  # her answers are not listed either
    with db.reader() as s:
        records = load_records(s, Scope())
    assert risk_facts(db, records, NOW, "UTC", RATES)[account_id].signals.detractors == 0


def test_the_pages_mean_csat_counts_the_scores_logged_on_interactions(db: Database) -> None:
    """Review 10, defect 5: the page's Mean CSAT was the survey answers' alone (4.0), the
    reports' (2 + 5 + 4) / 3."""
    with db.transaction() as s:
        a = _account(s, "Andes")
        luis = _person(s, a, "Luis")
        _answer(s, a, luis, "csat", 4, date(2026, 9, 20))
        for score, when in (
            (2, datetime(2026, 10, 1, 5, 30, tzinfo=UTC)),
            (5, datetime(2026, 8, 10, 9, tzinfo=UTC)),
        ):
            s.add(Interaction(account_id=a.id, kind="call", subject="x", occurred_at=when,
                              occurred_zone="America/Mexico_City", csat_score=score))  # fmt: skip
        account_id = a.id
    page = account_answers(db, account_id, NOW.date()).csat_mean
    assert page.value is not None and round(page.value, 4) == round(11 / 3, 4)
    assert metrics_for(db, last_year(NOW.date()), RATES).csat_mean == page


def test_emptying_the_trash_leaves_the_figures_as_they_were(db: Database) -> None:
    """Review 10, defect 2: a contact deleted for good left their answers without a contact,
    each then counted on its own: Q3's NPS went from 0 (2 answers) to −33 (3) when the trash
    was emptied. Their answers go with them now (migration 0011)."""
    from sqlalchemy import func, select

    from accountdesk.core.services.trash import delete, empty_trash

    with db.transaction() as s:
        a = _account(s, "Andes")
        ana, luis = _person(s, a, "Ana"), _person(s, a, "Luis")
        _answer(s, a, ana, "nps", 2, date(2026, 8, 1))
        _answer(s, a, ana, "nps", 3, date(2026, 9, 30))
        _answer(s, a, luis, "nps", 10, date(2026, 9, 15))
        _answer(s, a, None, "nps", 9, date(2026, 9, 1))  # recorded without a contact
        ana_id = ana.id
    delete(db, "contact", ana_id)
    in_trash = metrics_for(db, Q3, RATES).nps
    assert (in_trash.value, in_trash.sample) == (100.0, 2)
    empty_trash(db)
    emptied = metrics_for(db, Q3, RATES).nps
    assert (emptied.value, emptied.sample) == (in_trash.value, in_trash.sample)
    with db.reader() as s:
        kept = s.scalar(select(func.count()).select_from(SurveyResponse))
    assert kept == 2  # Luis's and the one of no one recorded


def test_the_pages_nps_is_the_accounts_of_the_last_12_months_as_the_report_gives_it(
    db: Database,
) -> None:
    """Review rev14's 3rd: the page's "Latest NPS" was one person's latest answer (8), of any
    age, where the account report gave NPS 0 over 3 answers and the account at risk for a
    detractor's 3. The page gives the report's figure, its answers and since when."""
    from accountdesk.core.metrics import compute_all, last_year

    with db.transaction() as s:
        a = _account(s, "Siam Review")
        somchai, chen, fahad, old = (_person(s, a, n) for n in ("Somchai", "Chen", "Fahad", "Old"))
        _answer(s, a, somchai, "nps", 10, date(2026, 2, 1))
        _answer(s, a, chen, "nps", 3, date(2026, 9, 1))
        _answer(s, a, fahad, "nps", 8, date(2026, 10, 1))
        _answer(s, a, old, "nps", 0, date(2025, 11, 30))  # 366 days before: not counted
        account_id = a.id
    page = account_answers(db, account_id, NOW.date())
    assert (page.nps.value, page.nps.sample) == (0.0, 3)
    assert page.period == last_year(NOW.date()) == Period(date(2025, 12, 2), date(2026, 12, 1))
    with db.reader() as s:
        records = load_records(s, Scope(account_ids=(account_id,)))
    report = compute_all(records.customers, records.surveys, records.deals, page.period, RATES)
    assert report.nps == page.nps


def test_the_pages_mean_csat_is_the_reports_of_the_last_12_months(db: Database) -> None:
    """Review rev14's 3rd, followed up: the page's Mean CSAT was of all time (a 1 of two
    years ago pulled 5 and 4 down to 3.33), the report's CSAT of the last 12 months."""
    from accountdesk.core.metrics import compute_all

    with db.transaction() as s:
        a = _account(s, "Andes")
        luis = _person(s, a, "Luis")
        _answer(s, a, luis, "csat", 5, date(2026, 9, 20))
        _answer(s, a, None, "csat", 4, date(2025, 12, 2))  # the first day of the 12 months
        _answer(s, a, luis, "csat", 1, date(2025, 12, 1))  # 366 days before: not counted
        account_id = a.id
    page = account_answers(db, account_id, NOW.date())
    assert (page.csat_mean.value, page.csat_mean.sample) == (4.5, 2)
    with db.reader() as s:
        records = load_records(s, Scope(account_ids=(account_id,)))
    report = compute_all(records.customers, records.surveys, records.deals, page.period, RATES)
    assert report.csat_mean == page.csat_mean
