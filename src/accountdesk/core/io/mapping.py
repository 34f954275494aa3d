"""A column mapping: what each column of a CSV file holds, as data.

The automatic recognition (:func:`recognise`: our own header, the common aliases and the
product tables of :mod:`accountdesk.core.io.sources`) produces a :class:`ColumnMapping`; a
mapping edited in the app's import dialog or loaded from a file (:func:`load`) is the same
object, and :func:`accountdesk.core.io.csv_format.map_header` reads a file through it. There is one
rule for reading a header, whatever chose the mapping.

A mapping is saved as TOML (:func:`dumps`, :func:`save`; the format is described in README.md,
"Column mappings")::

    source = "google"              # optional: the product whose export this is
    date_order = "dmy"             # optional: the file's dates give the day first ("mdy": month)

    [columns]
    "First Name" = "given_name"    # one of our columns
    "Name" = "full_name"           # a whole name, split in the order of the contact's country
    "E-mail 1 - Value" = { to = "emails", label_from = "E-mail 1 - Label" }
    "Mobile Phone" = { to = "phones", label = "mobile" }
    "E-mail 1 - Label" = "label"   # read as the label of another column
    "Nickname" = "notes"           # kept in the notes
    "Birthday" = "birthday"        # a date: birthday, work_anniversary or other_date
    "Photo" = "ignore"             # not imported

Saved mappings live as ``*.toml`` files in the ``mappings`` folder of the data folder
(:func:`saved_folder`); :func:`matching_saved` finds one whose columns are a file's header.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from accountdesk.core import paths
from accountdesk.core import validation as v
from accountdesk.core.errors import ImportFailed, os_reason
from accountdesk.core.i18n import N_, _, every_translation, join_list
from accountdesk.core.io import dates, sources
from accountdesk.core.labels import DATE_KIND

ACCOUNT_COLUMNS = (
    "account_id",
    "account_name",
    "account_industry",
    "account_size_band",
    "account_website",
    "account_country",
    "account_subdivision",
    "account_city",
    "account_address",
    "account_timezone",
    "account_currency",
    "account_tier",
    "account_status",
    "account_customer_since",
    "account_lost_on",
    "account_owner",
    "account_referred_by",
    "account_acquisition_cost",
    "account_tags",
    "account_notes",
)
CONTACT_COLUMNS = (
    "contact_id",
    "given_name",
    "family_name",
    "name_order",
    "honorific",
    "job_title",
    "buying_role",
    "emails",
    "phones",
    "preferred_channel",
    "preferred_language",
    "formality",
    "country",
    "subdivision",
    "city",
    "timezone",
    "work_start",
    "work_end",
    "personal_notes",
    "how_we_met",
    "lawful_basis",
    "consent_given_on",
    "consent_withdrawn_on",
    "marketing_opt_in",
    "stay_in_touch_days",
    "tags",
    "important_dates",
)
#: The columns of our CSV format (what ``accountdesk export --format csv`` writes).
COLUMNS = ACCOUNT_COLUMNS + CONTACT_COLUMNS

#: What a column may be mapped to besides one of :data:`COLUMNS`.
FULL_NAME = "full_name"  # a whole name, split by names.split_full_name
LABEL = "label"  # the label of an e-mail or phone column (``label_from``)
IGNORE = "ignore"  # not imported (listed in the report)
NOTES = "notes"  # kept in the notes ("Column: value")
SPECIAL = (FULL_NAME, LABEL, IGNORE, NOTES)
LISTS = ("emails", "phones")
#: A column of one date of the contact, read as the products write dates
#: (:mod:`accountdesk.core.io.dates`) and stored among its important dates with this kind.
#: Our own format writes every important date in ``important_dates``; a file may have both.
DATES = {"birthday": "birthday", "work_anniversary": "work_anniversary", "other_date": "custom"}
TARGETS = frozenset(COLUMNS) | frozenset(SPECIAL) | frozenset(DATES)

#: What each of our CSV columns holds, as the import dialog's mapping combo box shows it and as
#: the import's messages name a column (translated with ``_()`` where shown).
COLUMN_LABELS: dict[str, str] = {
    "account_id": N_("Account: id"),
    "account_name": N_("Account: name"),
    "account_industry": N_("Account: industry"),
    "account_size_band": N_("Account: size"),
    "account_website": N_("Account: website"),
    "account_country": N_("Account: country"),
    "account_subdivision": N_("Account: region"),
    "account_city": N_("Account: city"),
    "account_address": N_("Account: address"),
    "account_timezone": N_("Account: time zone"),
    "account_currency": N_("Account: currency"),
    "account_tier": N_("Account: tier"),
    "account_status": N_("Account: status"),
    "account_customer_since": N_("Account: customer since"),
    "account_lost_on": N_("Account: lost on"),
    "account_owner": N_("Account: owner"),
    "account_referred_by": N_("Account: referred by (id)"),
    "account_acquisition_cost": N_("Account: acquisition cost"),
    "account_tags": N_("Account: tags"),
    "account_notes": N_("Account: notes"),
    "contact_id": N_("Contact: id"),
    "given_name": N_("Given name"),
    "family_name": N_("Family name"),
    "name_order": N_("Name order"),
    "honorific": N_("Form of address"),
    "job_title": N_("Job title"),
    "buying_role": N_("Buying role"),
    "emails": N_("E-mail"),
    "phones": N_("Phone"),
    "preferred_channel": N_("Preferred channel"),
    "preferred_language": N_("Preferred language"),
    "formality": N_("Formality"),
    "country": N_("Country"),
    "subdivision": N_("Region"),
    "city": N_("City"),
    "timezone": N_("Time zone"),
    "work_start": N_("Working hours: start"),
    "work_end": N_("Working hours: end"),
    "personal_notes": N_("Personal notes"),
    "how_we_met": N_("How we met"),
    "lawful_basis": N_("Lawful basis"),
    "consent_given_on": N_("Consent given on"),
    "consent_withdrawn_on": N_("Consent withdrawn on"),
    "marketing_opt_in": N_("Marketing opt-in"),
    "stay_in_touch_days": N_("Stay in touch every (days)"),
    "tags": N_("Tags"),
    "important_dates": N_("Important dates"),
    # one date of the contact, stored among its important dates with its kind
    **{target: DATE_KIND[kind] for target, kind in DATES.items()},
}
#: What the combo box calls :data:`FULL_NAME`.
FULL_NAME_LABEL = N_("Full name (split into given and family name)")


def column_label(column: str) -> str:
    """What the import dialog calls our ``column`` (or :data:`FULL_NAME`), in the user's
    language: a message names a column so (never ``given_name``)."""
    return _(FULL_NAME_LABEL if column == FULL_NAME else COLUMN_LABELS.get(column, column))


@dataclass(frozen=True)
class Rule:
    """Where one column goes: ``target`` (one of :data:`TARGETS`); for ``emails`` and
    ``phones`` the ``label`` of its values, or ``label_from``: the file's column that holds
    each row's label (as Google writes ``E-mail 1 - Label``)."""

    target: str
    label: str | None = None
    label_from: str | None = None


@dataclass
class ColumnMapping:
    """The rule of each column of a file, in the file's order, by the file's own names.

    ``source`` is the key of the product (:data:`sources.SOURCES`) whose export the file is,
    None for our own format or a mapping made by hand; ``date_order`` the order of day and
    month in the file's dates (:data:`dates.ORDERS`), None to take it from the file
    (:mod:`accountdesk.core.io.dates`); ``origin`` the file it was loaded from (for
    messages)."""

    columns: dict[str, Rule]
    source: str | None = None
    origin: Path | None = field(default=None, compare=False)
    date_order: str | None = None

    def rule(self, name: str) -> Rule | None:
        """The rule for the file's column ``name`` (compared as :func:`sources.normalise`)."""
        key = sources.normalise(name)
        for own, rule in self.columns.items():
            if sources.normalise(own) == key:
                return rule
        return None

    def missing(self, header: list[str]) -> list[str]:
        """The mapping's columns that ``header`` lacks."""
        names = {sources.normalise(h) for h in header}
        return [c for c in self.columns if sources.normalise(c) not in names]

    def fits(self, header: list[str]) -> bool:
        """True when the mapping names exactly the (non-empty) columns of ``header``."""
        names = {sources.normalise(h) for h in header if h.strip()}
        return names == {sources.normalise(c) for c in self.columns}

    def with_rule(self, name: str, rule: Rule) -> ColumnMapping:
        """A copy with ``name`` mapped by ``rule``."""
        columns = {own: (rule if own == name else old) for own, old in self.columns.items()}
        if name not in columns:
            columns[name] = rule
        return ColumnMapping(columns, self.source, self.origin, self.date_order)

    def with_date_order(self, order: str | None) -> ColumnMapping:
        """A copy whose dates are read in ``order`` (None: as the file shows)."""
        return ColumnMapping(dict(self.columns), self.source, self.origin, order)

    def has_dates(self) -> bool:
        """True when a column is mapped to a date (:data:`DATES`)."""
        return any(rule.target in DATES for rule in self.columns.values())


class MappingError(ImportFailed):
    """A mapping file that cannot be used; nothing was written."""


# --- recognition ----------------------------------------------------------------------------


def label_headers() -> dict[str, str]:
    """Our columns as the app labels them (:data:`COLUMN_LABELS`: the import dialog's names,
    the same words as the editors' fields) in English and in every UI language's catalog,
    normalised (:func:`sources.normalise`) -> the column: a spreadsheet headed as the app
    names its fields is read so ("Mesto", "Delovno mesto", "Podjetje: mesto", "Hitap
    şekli"). One home for those headers: a translation changed in a catalog changes what is
    read with it. Left out: a header two labels give to different columns, and
    :data:`sources.AMBIGUOUS` (the Turkish "Unvan", the app's job title and Outlook's
    honorific). The hand-written :data:`sources.ALIASES` come first (:func:`_ours`). Read
    from the catalogs each time (they are loaded once: ``every_translation``), so that
    ``i18n.reload_catalogs`` is heeded."""
    found: dict[str, set[str]] = {}
    for column, message in COLUMN_LABELS.items():
        for text in every_translation(message):
            found.setdefault(sources.normalise(text), set()).add(column)
    return {
        key: columns.pop()
        for key, columns in found.items()
        if len(columns) == 1 and key and key not in sources.AMBIGUOUS
    }


def _ours(name: str) -> Rule | None:
    """The rule of a header of our own format, a common alias (with the label its name
    gives: "Mobile Phone" is a mobile number) or the app's label of a column in one of its
    languages (:func:`label_headers`), None if there is none."""
    cleaned = name.strip().lstrip("\ufeff")
    if cleaned in COLUMNS or cleaned in DATES:
        return Rule(cleaned)
    key = sources.normalise(cleaned)
    if key.replace(" ", "_") in COLUMNS or key.replace(" ", "_") in DATES:
        return Rule(key.replace(" ", "_"))
    alias = sources.ALIASES.get(key)
    if isinstance(alias, sources.Target):
        return Rule(alias.column, alias.label)
    if alias is None:
        labelled = label_headers().get(key)
        return None if labelled is None else Rule(labelled)
    return Rule(alias)


def recognise(
    header: list[str], source: str | None = None, *, keep_unknown: bool = False
) -> ColumnMapping:
    """The mapping of a file with ``header``: as the export of ``source`` (a key of
    :data:`sources.SOURCES`), or of the product the header shows, or our own format with the
    common aliases. Columns nothing reads are ``ignore`` (``notes`` when ``keep_unknown``).

    A name that comes twice keeps the rule of its first column (the import reports the
    duplicate)."""
    product = sources.SOURCES[source] if source else None
    if product is None and not any(h in COLUMNS for h in header):
        product = sources.detect(header)
    unknown = Rule(NOTES if keep_unknown else IGNORE)
    names = {sources.normalise(h): h for h in reversed(header)}  # normalised -> first spelling
    columns: dict[str, Rule] = {}
    seen: set[str] = set()
    for name in header:
        key = sources.normalise(name)
        if not name.strip() or key in seen:
            continue
        seen.add(key)
        if product is not None:
            target = product.columns.get(key)
            if target is None:
                columns[name] = unknown
            elif target.column == "_label":
                columns[name] = Rule(LABEL)
            else:
                label_from = next((names[k] for k in target.label_from if k in names), None)
                columns[name] = Rule(target.column, target.label, label_from)
        else:
            columns[name] = _ours(name) or unknown
    return ColumnMapping(columns, product.key if product else None)


# --- TOML -----------------------------------------------------------------------------------


def _problem(origin: Path | str, what: str) -> MappingError:
    return MappingError(
        _("The mapping file {path} cannot be used: {problem}.").format(path=origin, problem=what)
    )


def _rule(origin: Path | str, name: str, value: object, names: set[str]) -> Rule:
    target: object
    label: object = None
    label_from: object = None
    if isinstance(value, str):
        target = value
    elif isinstance(value, dict) and set(value) <= {"to", "label", "label_from"}:
        target, label, label_from = value.get("to"), value.get("label"), value.get("label_from")
        if not all(x is None or isinstance(x, str) for x in (target, label, label_from)):
            raise _problem(
                origin, _("the values of column “{name}” must be text").format(name=name)
            )
    else:
        raise _problem(
            origin,
            _(
                "column “{name}” must be mapped to a column name or to {{ to = …, label = … }}"
            ).format(name=name),
        )
    if not isinstance(target, str) or target not in TARGETS:
        raise _problem(
            origin,
            _("column “{name}” is mapped to “{target}”, which is not a column AccountDesk knows")
            .format(name=name, target=target),
        )  # fmt: skip
    if (label or label_from) and target not in LISTS:
        raise _problem(
            origin,
            _("column “{name}” has a label, but only emails and phones take one").format(name=name),
        )
    if isinstance(label, str) and not v.is_list_label(label):
        raise _problem(
            origin,
            _("the label “{label}” of column “{name}” is not one word of letters").format(
                label=label, name=name
            ),
        )
    if isinstance(label_from, str) and sources.normalise(label_from) not in names:
        raise _problem(
            origin,
            _("column “{name}” takes its label from “{other}”, which the mapping does not name")
            .format(name=name, other=label_from),
        )  # fmt: skip
    return Rule(
        target,
        label if isinstance(label, str) else None,
        label_from if isinstance(label_from, str) else None,
    )


def loads(text: str, origin: Path | str = "") -> ColumnMapping:
    """The mapping written in ``text`` (TOML); :class:`MappingError` names ``origin`` and
    what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _problem(origin, _("it is not valid TOML ({reason})").format(reason=exc)) from None
    extra = sorted(set(data) - {"source", "columns", "date_order"})
    if extra:
        raise _problem(origin, _("it has an unknown key “{key}”").format(key=extra[0]))
    source = data.get("source")
    if source is not None and source not in sources.SOURCES:
        raise _problem(
            origin,
            _("the source “{source}” is none of {choices}").format(
                source=source, choices=join_list(sources.SOURCES)
            ),
        )
    order = data.get("date_order")
    if order is not None and order not in dates.ORDERS:
        raise _problem(
            origin,
            _("the date order “{order}” is none of {choices}").format(
                order=order, choices=join_list(dates.ORDERS)
            ),
        )
    columns = data.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise _problem(origin, _("it has no [columns] table"))
    names = {sources.normalise(n) for n in columns}
    if len(names) != len(columns):
        raise _problem(origin, _("it names a column twice"))
    rules = {name: _rule(origin, name, value, names) for name, value in columns.items()}
    return ColumnMapping(rules, source, Path(origin) if origin else None, order)


def load(path: str | Path) -> ColumnMapping:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise _problem(path, os_reason(exc)) from exc
    except UnicodeDecodeError:
        raise _problem(path, _("it is not UTF-8 text")) from None
    return loads(text, path)


def _quoted(text: str) -> str:
    """``text`` as a TOML basic string."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def dumps(mapping: ColumnMapping) -> str:
    """``mapping`` as TOML that :func:`loads` reads back as it was."""
    lines = [
        "# An AccountDesk column mapping: what each column of a CSV file holds.",
        "# Targets: a column of AccountDesk's CSV format, full_name, label, notes or ignore;",
        "# a date: birthday, work_anniversary or other_date.",
    ]
    if mapping.source:
        lines.append(f"source = {_quoted(mapping.source)}")
    if mapping.date_order:
        lines.append(f"date_order = {_quoted(mapping.date_order)}")
    lines += ["", "[columns]"]
    for name, rule in mapping.columns.items():
        if rule.label is None and rule.label_from is None:
            value = _quoted(rule.target)
        else:
            parts = [f"to = {_quoted(rule.target)}"]
            if rule.label is not None:
                parts.append(f"label = {_quoted(rule.label)}")
            if rule.label_from is not None:
                parts.append(f"label_from = {_quoted(rule.label_from)}")
            value = "{ " + ", ".join(parts) + " }"
        lines.append(f"{_quoted(name)} = {value}")
    return "\n".join(lines) + "\n"


def save(mapping: ColumnMapping, path: str | Path) -> None:
    """Write ``mapping`` to ``path`` all at once (private, as every file the app keeps)."""
    from accountdesk.core.files import write_atomically

    write_atomically(Path(path), dumps(mapping).encode("utf-8"))


# --- saved mappings -------------------------------------------------------------------------


def saved_folder() -> Path:
    """Where the app keeps the user's saved mappings: ``mappings`` in the data folder."""
    return paths.data_dir() / "mappings"


def saved() -> list[Path]:
    """The saved mapping files, by name."""
    folder = saved_folder()
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.toml"), key=lambda p: p.stem.casefold())


def save_named(mapping: ColumnMapping, name: str) -> Path:
    """Save ``mapping`` in :func:`saved_folder` as ``name``.toml; returns the file."""
    stem = "".join(ch if ch.isalnum() or ch in " -_." else "_" for ch in name).strip(" .")
    if not stem:
        raise MappingError(_("A saved mapping needs a name of letters or digits."))
    path = paths.private_folder(saved_folder()) / f"{stem}.toml"
    save(mapping, path)
    return path


def matching_saved(header: list[str]) -> tuple[Path, ColumnMapping] | None:
    """The first saved mapping (by name) whose columns are exactly ``header``'s; files that
    are not valid mappings are passed over."""
    for path in saved():
        try:
            found = load(path)
        except MappingError:
            continue
        if found.fits(header):
            return path, found
    return None
