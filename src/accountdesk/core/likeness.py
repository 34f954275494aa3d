"""Which contacts look like one person: the rules of likely duplicates, pure functions over
:class:`~accountdesk.core.queries.facts.ContactFacts` (no database, no Qt until a cluster's
names are put in order).

Likely duplicates (:func:`find_clusters`) are two live contacts with

- the same e-mail address, case aside;
- the same phone number, compared in the E.164 form every stored number has
  (:func:`accountdesk.core.validation.phone`);
- similar names at the same account: the names folded for search
  (:func:`accountdesk.core.db.fts.fold`: case, accents, Turkish ı, Arabic-script variants) and
  compared with rapidfuzz's ``token_sort_ratio`` (word order aside), at least
  :data:`NAME_SCORE` of 100; a name with ä, ö, ü, ø or å, or a given or family name of
  several words, is compared a second time as search spells it too
  (:func:`accountdesk.core.db.fts.spellings`: "Oestergaard" for Østergaard, each part's words
  written together: "علیزاده" for علی زاده, which is علی‌زاده with its half-space folded away,
  "عبدالله" for عبد الله), and the better score counts. A shared family name says little
  where a few cover most people (Nguyễn, Kim, Al Mansouri), and so does a shared given name
  (Jānis, Mehmet, Janez), so names that are not the same words need each part alike on its
  own as well (:func:`_parts_alike`):

  - given names one typo apart, or :data:`NAME_SCORE` alike: "Mariam Al Mansouri" and "Omar
    Al Mansouri" are two people; but not a man's name and a woman's made of it
    (:func:`_gendered`: Matej and Mateja, Jan and Jana, Aleksandr and Aleksandra, Mario and
    Maria);
  - a family name of one word the same, or one typo apart when it has at least
    :data:`LONG_FAMILY_NAME` letters: a short one a letter apart is often another family
    (Kaya and Kara, Zariņš and Kariņš, Krajnc and Kranjc), one with letters added another
    surname made of it (Kovač and Kovačič, Horvat and Horvatič, Ozols and Ozoliņš), and two
    that look alike only once their marks are folded away are two Latvian surnames
    (Kalniņš and Ķēniņš: "kalnins" and "kenins", still two letters apart). A family name of
    several words (García López, Al Mansouri) is left to the whole name's score.

  And two contacts with e-mail addresses, none of them the same, or with phone numbers (in
  E.164), none of them the same, count only when their names are the same words (the score
  is 100): one letter may be another person (Ivanov and Ivanova, Min-jun and Min-jung, Văn
  An and Văn Anh), and their different addresses or numbers say so too. The price: one
  person entered twice with a typo in a short family name, or with another number (a mobile,
  then the office), is found only by a shared address or number.

An address or number shared by more than :data:`MAX_SHARED` contacts is a switchboard or a
team mailbox, not a person, and says nothing. Candidates are found by blocking (one dictionary
per e-mail and per phone, names compared only within one account), never by comparing all
pairs. Pairs are grouped into clusters; every cluster says why (:class:`Reason`).

The reads are in :mod:`accountdesk.core.queries.duplicates`, the merging in
:mod:`accountdesk.core.services.duplicates`; an import's checking process counts the likely
duplicates among the rows it checked with :func:`duplicated_among`, and imports nothing of
SQLAlchemy for it (:mod:`accountdesk.core.io.csv_check`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from accountdesk.core import validation as v
from accountdesk.core.bidi import isolate, ltr
from accountdesk.core.db.fts import (
    fold,
    spellings,
    without_legal_forms,
    words,
    written_together,
)
from accountdesk.core.i18n import _, format_percent
from accountdesk.core.queries.facts import AccountFacts, ContactFacts
from accountdesk.core.records import tag_key

EMAIL = "email"
PHONE = "phone"
NAME = "name"
#: accounts: the same company name in one country, the same website
COMPANY = "company"
WEBSITE = "website"

#: Lowest rapidfuzz ``token_sort_ratio`` of two folded names at one account that counts.
NAME_SCORE = 88
#: The fewest letters of a family name (of one word) that a typo may be in: shorter ones
#: a letter apart are two names (Kaya and Kara; Zariņš and Kariņš).
LONG_FAMILY_NAME = 7
#: An e-mail address or phone number shared by more contacts than this is not a person's.
MAX_SHARED = 5

_E164 = re.compile(r"\+[1-9]\d{5,14}")


@dataclass(frozen=True)
class Reason:
    """Why two contacts look like one person."""

    rule: str  # EMAIL | PHONE | NAME; for accounts COMPANY | WEBSITE
    first: str  # contact ids (account ids)
    second: str
    value: str  # the shared address or number; for NAME the two names, "first ≈ second"
    score: int  # 100 for a shared address or number; the name similarity otherwise

    def text(self) -> str:
        """One sentence for a list or the command line."""
        if self.rule == EMAIL:
            return _("Same e-mail address: {email}").format(email=ltr(self.value))
        if self.rule == PHONE:
            return _("Same phone number: {phone}").format(phone=ltr(self.value))
        if self.rule == WEBSITE:
            return _("Same website: {domain}").format(domain=ltr(self.value))
        if self.rule == COMPANY:
            first, second = self.value.split(" ≈ ", 1)
            return _(
                "The same name, its legal form aside, in the same country: {first} and {second}"
            ).format(first=isolate(first), second=isolate(second))
        first, second = self.value.split(" ≈ ", 1)
        return _("Similar names at the same account: {first} and {second} ({score} alike)").format(
            first=isolate(first), second=isolate(second), score=format_percent(self.score, 0)
        )


@dataclass(frozen=True)
class Cluster:
    """Contacts that look like one person, and why."""

    contacts: tuple[ContactFacts, ...]
    reasons: tuple[Reason, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.contacts)

    def reason_lines(self) -> list[str]:
        """The reasons as sentences, each distinct one once: a value shared by three contacts
        is two reasons (the first with each other one) that read the same."""
        return list(dict.fromkeys(r.text() for r in self.reasons))


def email_key(value: str) -> str:
    return value.strip().casefold()


def phone_key(value: str, country: str) -> str | None:
    """The E.164 form of a stored number (stored numbers are E.164 already; one written
    otherwise is parsed for the contact's country by the same rule, or left out)."""
    value = value.strip()
    if _E164.fullmatch(value):
        return value
    try:
        return v.phone(value, country)
    except v.ValidationError:
        return None


def _shared(
    facts: Sequence[ContactFacts] | Sequence[AccountFacts],
    keys: Any,
    rule: str,
    only: set[str] | None,
) -> list[Reason]:
    groups: dict[str, list[str]] = defaultdict(list)
    for contact in facts:
        for key in {k for k in keys(contact) if k}:
            groups[key].append(contact.id)
    reasons: list[Reason] = []
    for key, ids in groups.items():
        if len(ids) < 2 or len(ids) > MAX_SHARED:
            continue
        if only is not None and not only.intersection(ids):
            continue
        reasons.extend(Reason(rule, ids[0], other, key, 100) for other in ids[1:])
    return reasons


#: The letters and digits of a name's parts ("Müller-Lüdenscheidt": two parts).
_PART = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65536)
def _typed(word: str) -> tuple[tuple[str, str], ...]:
    """The parts of a word of a name that search also spells another way, folded and so
    spelled: (("muller", "mueller"), ("ludenscheidt", "luedenscheidt")) for Müller-Lüdenscheidt.
    Parts of other scripts (Persian compounds, Thai runs …) are left to search alone."""
    found: list[tuple[str, str]] = []
    for part in _PART.findall(unicodedata.normalize("NFC", word)):
        folded = fold(part)
        if part.isascii() or not folded.isascii():
            continue
        other = spellings(part)
        if len(other) == 1:
            found.append((folded, other[0]))
    return tuple(found)


def _spelled(name: str, folded: str) -> str:
    """``folded`` (the folded ``name``) with ä, ö, ü, ø and å written as search's spellings of
    each part of the name write them (:func:`~accountdesk.core.db.fts.spellings`: ae, oe, ue,
    oe, aa): "ole oestergaard" for Ole Østergaard, as it is typed without those letters;
    ``folded`` itself for a name without them."""
    if name.isascii():
        return folded
    typed: dict[str, str] = {}
    for word in name.split():
        if not word.isascii():
            typed.update(_typed(word))
    if not typed:
        return folded
    return _PART.sub(lambda part: typed.get(part[0], part[0]), folded)


def _gendered(a: str, b: str) -> bool:
    """Whether two folded given names are a man's and a woman's of one name, the woman's
    ending in -a where the man's has no ending (Matej, Mateja; Jan, Jana; Aleksandr,
    Aleksandra), -o (Mario, Maria; Paolo, Paola) or -s (Aleksandrs, Aleksandra; Valērijs,
    Valērija): the feminine -a of Slovenian, Latvian, Russian, Italian … names. Not a name
    that ends in a vowel or a doubled letter without the -a: Mari and Maria, Ann and Anna are
    women's names both, or one name mistyped."""
    for man, woman in ((a, b), (b, a)):
        stem = woman[:-1]
        if not woman.endswith("a") or len(stem) < 2:
            continue
        if man == stem and stem[-1] not in "aeiouy" and stem[-1] != stem[-2]:
            return True
        if man in (stem + "o", stem + "s"):
            return True
    return False


def _alike(first: tuple[str, str], second: tuple[str, str]) -> bool:
    """Whether two given names (each folded, and as search spells it) are one name: at most
    one typo apart (a letter added, dropped or changed, or two letters swapped: "Jonh" for
    "John"), or :data:`NAME_SCORE` alike; "Sunita" and "Sita", "Mariam" and "Omar" are not,
    nor a man's and a woman's name (:func:`_gendered`: Matej and Mateja)."""
    return any(
        (
            OSA.distance(a, b, score_cutoff=1) <= 1
            or fuzz.ratio(a, b, score_cutoff=NAME_SCORE) >= NAME_SCORE
        )
        and not _gendered(a, b)
        for a in set(first)
        for b in set(second)
    )


def _family_alike(first: tuple[str, str], second: tuple[str, str]) -> bool:
    """Whether two family names (each folded, and as search spells it) are one name: the same,
    or one typo apart where both have at least :data:`LONG_FAMILY_NAME` letters. A family name
    of several words is not compared on its own (True)."""
    if len(words(first[0])) > 1 or len(words(second[0])) > 1:
        return True
    return any(
        a == b
        or (min(len(a), len(b)) >= LONG_FAMILY_NAME and OSA.distance(a, b, score_cutoff=1) <= 1)
        for a in set(first)
        for b in set(second)
    )


def _parts_alike(
    first: tuple[tuple[str, str], tuple[str, str]],
    second: tuple[tuple[str, str], tuple[str, str]],
) -> bool:
    """Whether two names whose words are not the same have alike given names
    (:func:`_alike`) and alike family names (:func:`_family_alike`); either name's given and
    family name may be in each other's place ("Yilmaz Aysee"), and then one pair is to be
    alike as given names, the other as family names. A name without a family name is
    compared as a whole only."""
    (given, family), (other_given, other_family) = first, second
    if not all(part[0] for part in (given, family, other_given, other_family)):
        return True
    if _alike(given, other_given) and _family_alike(family, other_family):
        return True
    one, two = (given, other_family), (family, other_given)
    return (_alike(*one) and _family_alike(*two)) or (_alike(*two) and _family_alike(*one))


def _part(text: str) -> tuple[str, str]:
    """A part of a name (its given or its family name) folded for search, and as search also
    spells it: ä, ö, ü, ø, å written out (:func:`_spelled`), and its words written together
    where search finds the part so (:func:`~accountdesk.core.db.fts.spellings`): "علیزاده"
    for علی زاده (علی‌زاده folds to it too), "عبدالله" for عبد الله, "almansouri" for Al
    Mansouri. A Persian or Arabic name is written with a half-space, a space or joined, and
    the same person is entered each way."""
    folded = fold(text)
    spelled = _spelled(text, folded)
    known = words(folded)
    if len(known) > 1 and written_together(known) in spellings(text):
        return folded, written_together(words(spelled))
    return folded, spelled


def _similar_names(facts: Sequence[ContactFacts], only: set[str] | None) -> list[Reason]:
    by_account: dict[str, list[ContactFacts]] = defaultdict(list)
    for contact in facts:
        by_account[contact.account_id].append(contact)
    reasons: list[Reason] = []
    for people in by_account.values():
        if len(people) < 2:
            continue
        if only is not None and not any(p.id in only for p in people):
            continue
        names = [f"{p.given_name} {p.family_name}" for p in people]
        folded = [fold(name) for name in names]
        # the same names as search also spells their parts (ä, ö, ü, ø, å written out, the
        # words of a part written together), where a name has such a part
        spelled = [_spelled_name(p, f) for p, f in zip(people, folded, strict=True)]
        # a pair after the last name that has them: its two names are as folded alone
        last = max((i for i, f in enumerate(folded) if spelled[i] != f), default=-1)
        for i in range(len(people) - 1):
            matches = process.extract(
                folded[i],
                folded[i + 1 :],
                scorer=fuzz.token_sort_ratio,
                score_cutoff=NAME_SCORE,
                limit=None,
            )
            scores = [(j, score) for _match, score, j in matches]
            if i < last or spelled[i] != folded[i]:  # the better score of the two spellings
                best = dict(scores)
                for _match, score, j in process.extract(
                    spelled[i],
                    spelled[i + 1 :],
                    scorer=fuzz.token_sort_ratio,
                    score_cutoff=NAME_SCORE,
                    limit=None,
                ):
                    if score > best.get(j, 0.0):
                        best[j] = score
                scores = list(best.items())
            for j, score in scores:
                a, b = people[i], people[i + 1 + j]
                if only is not None and a.id not in only and b.id not in only:
                    continue
                if score < 100 and not _one_name(a, b):
                    continue
                reasons.append(Reason(NAME, a.id, b.id, f"{a.name} ≈ {b.name}", round(score)))
    return reasons


def _spelled_name(contact: ContactFacts, folded: str) -> str:
    """The name of ``contact`` with each of its parts as search also spells it
    (:func:`_part`); ``folded`` (its folded name) when that changes nothing."""
    parts = [_part(p) for p in (contact.given_name, contact.family_name) if p.strip()]
    if all(f == spelled for f, spelled in parts):
        return folded
    return " ".join(spelled for _f, spelled in parts)


def _apart(mine: set[str | None], theirs: set[str | None]) -> bool:
    """Whether two contacts both have addresses (or numbers) of a kind, and none is the same."""
    mine, theirs = mine - {None, ""}, theirs - {None, ""}
    return bool(mine and theirs and not mine & theirs)


def _one_name(a: ContactFacts, b: ContactFacts) -> bool:
    """Whether the names of ``a`` and ``b``, alike but not the same words, may still be one
    person's: not when both have e-mail addresses and none is the same, nor when both have
    phone numbers and none is the same (as E.164: :func:`phone_key`), nor when their given
    or family names are not alike (:func:`_parts_alike`)."""
    if _apart({email_key(e) for e in a.emails}, {email_key(e) for e in b.emails}):
        return False
    if _apart(
        {phone_key(p, a.country) for p in a.phones}, {phone_key(p, b.country) for p in b.phones}
    ):
        return False
    return _parts_alike(
        (_part(a.given_name), _part(a.family_name)), (_part(b.given_name), _part(b.family_name))
    )


def _reasons(facts: Sequence[ContactFacts], wanted: set[str] | None) -> list[Reason]:
    """Every pair of ``facts`` that are likely duplicates, and why (with ``wanted``, the pairs
    that hold one of those contacts)."""
    return [
        *_shared(facts, lambda c: [email_key(e) for e in c.emails], EMAIL, wanted),
        *_shared(facts, lambda c: [phone_key(p, c.country) for p in c.phones], PHONE, wanted),
        *_similar_names(facts, wanted),
    ]


def find_clusters(
    facts: Sequence[ContactFacts], only: Iterable[str] | None = None
) -> list[Cluster]:
    """The clusters of likely duplicates among ``facts``; with ``only``, the clusters that
    hold one of those contacts. Largest clusters first, then by name."""
    reasons = _reasons(facts, None if only is None else set(only))
    return [Cluster(members, why) for members, why in _grouped(facts, reasons)]


def _grouped(
    facts: Sequence[Any], reasons: Sequence[Reason]
) -> list[tuple[tuple[Any, ...], tuple[Reason, ...]]]:
    """The records of ``facts`` (with an ``id`` and a ``name``) linked by ``reasons``, through
    one another, grouped: each group's records in the order of their names in the user's
    language, and its reasons. Largest groups first, then by name."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for reason in reasons:
        a, b = root(reason.first), root(reason.second)
        if a != b:
            parent[max(a, b)] = min(a, b)
    members: dict[str, list[str]] = defaultdict(list)
    why: dict[str, list[Reason]] = defaultdict(list)
    for reason in reasons:
        why[root(reason.first)].append(reason)
    by_id = {c.id: c for c in facts}
    for id_ in {i for r in reasons for i in (r.first, r.second)}:
        members[root(id_)].append(id_)
    from accountdesk.core import icu  # QtCore: not for every importer of this module

    # names in the order of the user's language
    place = icu.ranks(by_id[i].name for ids in members.values() for i in ids)
    groups = [
        (
            tuple(sorted((by_id[i] for i in ids), key=lambda c: (place[c.name], c.id))),
            tuple(why[key]),
        )
        for key, ids in members.items()
    ]
    groups.sort(key=lambda g: (-len(g[0]), place[g[0][0].name], tuple(c.id for c in g[0])))
    return groups


# --- accounts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountCluster:
    """Accounts that look like one company, and why."""

    accounts: tuple[AccountFacts, ...]
    reasons: tuple[Reason, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.accounts)

    def reason_lines(self) -> list[str]:
        """The reasons as sentences, each distinct one once."""
        return list(dict.fromkeys(r.text() for r in self.reasons))


def company_key(name: str) -> str:
    """What makes two account names one company's: the name without its legal form (search's
    rule, :func:`~accountdesk.core.db.fts.without_legal_forms`: "ACME Ltd" and "Acme Limited"
    are "ACME" and "Acme"), in the case tags and a CSV import's accounts ignore
    (:func:`~accountdesk.core.records.tag_key`: "IŞIK TEKSTİL" is "Işık Tekstil"), spaces and
    the punctuation around a removed legal form ("ACME, Inc.") aside."""
    own, _taken = without_legal_forms(name)
    return tag_key(" ".join(own.split())).strip(" ,.;:-–")


def website_key(website: str | None) -> str | None:
    """The domain of an account's website, case and a leading ``www.`` aside
    ("https://www.Acme.com/en" is "acme.com"); None for none, or for a stored text that is no
    web address (stored before websites were checked)."""
    if not website or not website.strip():
        return None
    value = website.strip()
    try:
        host = urlsplit(value if "//" in value else f"//{value}").hostname
    except ValueError:  # a bracketed host that is no IPv6 address
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.") or None


def _account_reasons(facts: Sequence[AccountFacts]) -> list[Reason]:
    """Every pair of ``facts`` that look like one company: the same :func:`company_key` in
    the same country, or the same :func:`website_key` (blocked by key, as contacts are by
    e-mail: a key more than :data:`MAX_SHARED` accounts share says nothing)."""
    names = {a.id: a.name for a in facts}
    reasons = [
        Reason(COMPANY, r.first, r.second, f"{names[r.first]} ≈ {names[r.second]}", 100)
        for r in _shared(facts, lambda a: [f"{a.country}\x1f{company_key(a.name)}"], COMPANY, None)
    ]
    reasons += _shared(facts, lambda a: [website_key(a.website)], WEBSITE, None)
    return reasons


def find_account_clusters(facts: Sequence[AccountFacts]) -> list[AccountCluster]:
    """The groups of likely duplicate accounts among ``facts`` (live accounts), largest first,
    then by name."""
    return [AccountCluster(*group) for group in _grouped(facts, _account_reasons(facts))]


def duplicated_among(facts: Sequence[ContactFacts]) -> int:
    """How many of ``facts`` have a likely duplicate among them: what
    :func:`~accountdesk.core.services.duplicates.likely_duplicates` counts of every contact of
    a database that holds only these (an import into an empty database: its checking process
    counts them from the rows it checked, :mod:`accountdesk.core.io.csv_check`)."""
    return len(paired(facts, None))


def paired_with_others(facts: Sequence[ContactFacts], wanted: set[str]) -> set[str]:
    """The contacts of ``wanted`` in a pair of likely duplicates with a contact of ``facts``
    that is not one of ``wanted`` (a file's new contacts that look like stored ones; two of
    the file alike are not counted)."""
    found: set[str] = set()
    for reason in _reasons(facts, wanted):
        first, second = reason.first in wanted, reason.second in wanted
        if first != second:
            found.add(reason.first if first else reason.second)
    return found


def paired(facts: Sequence[ContactFacts], wanted: set[str] | None) -> set[str]:
    """The contacts of ``facts`` in a pair of likely duplicates with one of ``wanted`` (any
    pair when None): the members of :func:`find_clusters`\'s clusters, without making the
    clusters."""
    return {i for reason in _reasons(facts, wanted) for i in (reason.first, reason.second)}
