"""Column mappings (core/io/mapping.py): the recognised mapping is the one the import reads
through, TOML round trips, a hand-made mapping for a header nothing recognises, the errors of a
bad mapping file, saved mappings matched to a header."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.io import mapping as m
from accountdesk.core.io.csv_format import CsvImportError, map_header
from accountdesk.core.io.csv_io import import_csv
from accountdesk.core.io.mapping import ColumnMapping, MappingError, Rule
from importfiles import write_csv

DATA = Path(__file__).parents[2] / "data"
SAMPLES = [*sorted(DATA.glob("*_contacts.csv")), DATA / "pipedrive_persons.csv"]

#: Headers as a Turkish user's spreadsheet writes them: nothing recognises them.
TURKISH = ["Şirket", "Ülke", "Ad", "Soyad", "E-posta", "Cep telefonu", "Doğum yeri"]
#: The same columns headed in Hungarian, a language whose headers are not recognised.
HUNGARIAN = [
    "Cég", "Ország", "Keresztnév", "Vezetéknév", "E-mail cím", "Mobil", "Születési hely",
]  # fmt: skip
TURKISH_ROWS = [
    ["Anadolu Tekstil", "Türkiye", "Ayşe", "Yılmaz", "ayse@anadolu.example", "0532 123 45 67",
     "İzmir"],
    ["Anadolu Tekstil", "TR", "Can", "Demir", "can@anadolu.example", "", ""],
]  # fmt: skip
TURKISH_MAPPING = ColumnMapping(
    {
        "Şirket": Rule("account_name"),
        "Ülke": Rule("account_country"),
        "Ad": Rule("given_name"),
        "Soyad": Rule("family_name"),
        "E-posta": Rule("emails", label="work"),
        "Cep telefonu": Rule("phones", label="mobile"),
        "Doğum yeri": Rule(m.NOTES),
    }
)


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def _people(db: Database) -> list[tuple[str, str, str, list[str], list[str], str | None]]:
    with db.reader() as s:
        rows = s.execute(select(Contact, Account).join(Account, Contact.account_id == Account.id))
        return sorted(
            (
                a.name,
                a.country,
                f"{c.given_name} {c.family_name}",
                [f"{e['label']}:{e['value']}" for e in c.emails],
                [f"{p['label']}:{p['value']}" for p in c.phones],
                c.personal_notes,
            )
            for c, a in rows
        )


def test_recognised_mapping_of_google_names_labels_and_unknown_columns() -> None:
    header = _header(DATA / "google_contacts.csv")
    found = m.recognise(header)
    assert found.source == "google"
    assert found.columns["First Name"] == Rule("given_name")
    assert found.columns["E-mail 1 - Value"] == Rule("emails", label_from="E-mail 1 - Label")
    assert found.columns["E-mail 1 - Label"] == Rule(m.LABEL)
    assert found.columns["Nickname"] == Rule(m.IGNORE)
    assert list(found.columns) == [h for h in header if h.strip()]
    assert m.recognise(header, keep_unknown=True).columns["Nickname"] == Rule(m.NOTES)


def test_a_common_phone_columns_name_gives_its_label(db: Database, tmp_path: Path) -> None:
    """A file no product wrote, with a "Mobile Phone" column: its numbers are mobile ones, as
    Outlook's table says of the same column (they were stored as work numbers)."""
    header = ["Company", "First Name", "Last Name", "Mobile Phone", "Business Phone", "Phone",
              "Country"]  # fmt: skip
    found = m.recognise(header)
    assert found.source is None
    assert found.columns["Mobile Phone"] == Rule("phones", "mobile")
    assert found.columns["Business Phone"] == Rule("phones", "work")
    assert found.columns["Phone"] == Rule("phones")  # says no kind
    path = tmp_path / "sheet.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(
            [header, ["Rīgas Piens", "Līga", "Ozoliņa", "+371 2912 3456", "", "67 123 456",
                      "Latvija"]]
        )  # fmt: skip
    import_csv(db, path)
    with db.reader() as session:
        assert session.scalars(select(Contact.phones)).one() == [
            {"label": "mobile", "value": "+37129123456"},
            {"label": "work", "value": "+37167123456"},
        ]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_toml_round_trip_of_every_recognised_mapping(sample: Path) -> None:
    found = m.recognise(_header(sample))
    assert m.loads(m.dumps(found)) == found
    assert found.source is not None and f'source = "{found.source}"' in m.dumps(found)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_the_import_reads_through_the_recognised_mapping(sample: Path, tmp_path: Path) -> None:
    """Recognised, saved, loaded and handed back: the same contacts arrive."""
    auto, chosen = open_database(tmp_path / "a.db"), open_database(tmp_path / "b.db")
    try:
        import_csv(auto, sample)
        path = tmp_path / "map.toml"
        m.save(m.recognise(_header(sample)), path)
        report = import_csv(chosen, sample, mapping=m.load(path))
        assert report.chosen_mapping and report.contacts_created >= 5
        assert _people(auto) == _people(chosen)
    finally:
        auto.close()
        chosen.close()


names = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=20).filter(
    lambda t: t.strip() and any(ch.isalnum() for ch in t)
)


@settings(max_examples=60)
@given(st.lists(names, min_size=1, max_size=6, unique_by=m.sources.normalise))
def test_toml_round_trip_of_any_column_names(columns: list[str]) -> None:
    """Quotes, backslashes, control characters, right-to-left text: written and read back."""
    targets = [Rule("account_name"), Rule(m.NOTES), Rule("phones", label="mobile"), Rule(m.IGNORE)]
    mapping = ColumnMapping({c: targets[i % len(targets)] for i, c in enumerate(columns)})
    if len(columns) > 1:
        mapping = mapping.with_rule(columns[0], Rule("emails", label_from=columns[1]))
    assert m.loads(m.dumps(mapping)) == mapping


def test_a_hand_made_mapping_imports_a_header_nothing_recognises(
    db: Database, tmp_path: Path
) -> None:
    """A header in a language AccountDesk does not read (Hungarian; those of the app's
    languages are recognised: tests/core/io/test_csv_sources.py)."""
    names = dict(zip(TURKISH, HUNGARIAN, strict=True))
    path = write_csv(tmp_path / "hu.csv", HUNGARIAN, TURKISH_ROWS)
    with pytest.raises(CsvImportError, match="names no column AccountDesk knows"):
        import_csv(db, path)
    mapping = ColumnMapping({names[k]: rule for k, rule in TURKISH_MAPPING.columns.items()})
    report = import_csv(db, path, mapping=mapping)
    assert report.contacts_created == 2 and report.accounts_created == 1
    assert report.kept_columns == ("Születési hely",) and report.unknown_columns == ()
    assert report.remarks() == [
        "1 column AccountDesk has no field for was kept in the notes: “\u2068Születési hely\u2069”."
    ]
    assert _people(db) == [
        ("Anadolu Tekstil", "TR", "Ayşe Yılmaz", ["work:ayse@anadolu.example"],
         ["mobile:+905321234567"], "Születési hely: İzmir"),
        ("Anadolu Tekstil", "TR", "Can Demir", ["work:can@anadolu.example"], [], None),
    ]  # fmt: skip


def test_ignored_columns_of_a_chosen_mapping_are_listed_without_the_cli_hint(
    db: Database, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "tr.csv", TURKISH, TURKISH_ROWS)
    chosen = TURKISH_MAPPING.with_rule("Doğum yeri", Rule(m.IGNORE))
    report = import_csv(db, path, mapping=chosen, dry_run=True)
    assert report.unknown_columns == ("Doğum yeri",) and report.kept_columns == ()
    assert report.remarks() == ["1 column was not imported: “\u2068Doğum yeri\u2069”."]
    assert _people(db) == []


def test_problems_carry_row_own_column_value_and_reason(db: Database, tmp_path: Path) -> None:
    rows = [*TURKISH_ROWS, ["Anadolu Tekstil", "TR", "Elif", "Kaya", "not-an-address", "", ""]]
    path = write_csv(tmp_path / "tr.csv", TURKISH, rows)
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path, mapping=TURKISH_MAPPING, dry_run=True)
    (problem,) = caught.value.details
    assert (problem.row, problem.column, problem.value) == (4, "E-posta", "not-an-address")
    assert problem.reason.startswith("E-mail: ")
    assert caught.value.problems == [problem.text]
    assert problem.text.startswith("Row 4, column E-posta: E-mail: “\u2066not-an-address\u2069”")


def test_two_columns_for_one_field_in_a_mapping_is_a_problem(tmp_path: Path) -> None:
    chosen = TURKISH_MAPPING.with_rule("Doğum yeri", Rule("given_name"))
    found = map_header(TURKISH, mapping=chosen)
    assert found.problems == [
        "Columns “Ad” and “Doğum yeri” both give given_name; keep one of them."
    ]


def test_a_mapping_naming_a_column_the_file_lacks(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "tr.csv", TURKISH[:-1], [r[:-1] for r in TURKISH_ROWS])
    saved = tmp_path / "tr.toml"
    m.save(TURKISH_MAPPING, saved)
    with pytest.raises(MappingError) as caught:
        import_csv(db, path, mapping=m.load(saved))
    assert caught.value.message == (
        f"The mapping file {saved} names a column tr.csv does not have: “Doğum yeri”."
    )
    assert _people(db) == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[columns]\n"Ad" = "given_name"\n"Soyad" = family_name\n', "it is not valid TOML (Invalid value (at line 3, column 11))"),  # noqa: E501
        ('[columns]\n"Ad" = "first_name"', "column “Ad” is mapped to “first_name”, which is not a column AccountDesk knows"),  # noqa: E501
        ('[columns]\n"Ad" = { to = "given_name", label = "work" }', "column “Ad” has a label, but only emails and phones take one"),  # noqa: E501
        ('[columns]\n"E" = { to = "emails", label = "work mail" }', "the label “work mail” of column “E” is not one word of letters"),  # noqa: E501
        ('[columns]\n"E" = { to = "emails", label_from = "Type" }', "column “E” takes its label from “Type”, which the mapping does not name"),  # noqa: E501
        ('[columns]\n"E" = 3', "column “E” must be mapped to a column name or to { to = …, label = … }"),  # noqa: E501
        ('source = "excel"\n[columns]\n"E" = "emails"', "the source “excel” is none of google, outlook, hubspot, salesforce, zoho, pipedrive"),  # noqa: E501
        ('"E" = "emails"', "it has an unknown key “E”"),
        ('source = "google"', "it has no [columns] table"),
        ('[columns]\n"E-mail" = "emails"\n"e mail" = "ignore"', "it names a column twice"),
    ],
)  # fmt: skip
def test_a_bad_mapping_file_is_one_sentence_naming_it(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        m.load(path)
    assert caught.value.message == f"The mapping file {path} cannot be used: {problem}."


def test_a_missing_mapping_file(tmp_path: Path) -> None:
    with pytest.raises(MappingError, match="cannot be used: there is no such file or folder"):
        m.load(tmp_path / "nowhere.toml")


def test_saved_mappings_matched_to_a_header(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    assert m.saved() == [] and m.matching_saved(TURKISH) is None
    other = m.save_named(m.recognise(_header(DATA / "hubspot_contacts.csv")), "HubSpot")
    (m.saved_folder() / "broken.toml").write_text("[columns", encoding="utf-8")
    path = m.save_named(TURKISH_MAPPING, "Türk: tablo/1")
    assert path == m.saved_folder() / "Türk_ tablo_1.toml"
    assert m.saved() == [m.saved_folder() / "broken.toml", other, path]
    found = m.matching_saved(list(reversed(TURKISH)))  # the order does not matter
    assert found is not None and found[0] == path and found[1] == TURKISH_MAPPING
    assert m.matching_saved(TURKISH[:-1]) is None
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_the_readme_example_is_a_valid_mapping() -> None:
    readme = (Path(__file__).parents[3] / "README.md").read_text(encoding="utf-8")
    example = readme.split("### Column mappings", 1)[1].split("```toml\n", 1)[1].split("```")[0]
    found = m.loads(example, "README.md")
    assert found.source is None and len(found.columns) == 10
    assert found.date_order == "dmy" and found.columns["Doğum günü"] == Rule("birthday")
    assert m.loads(example.replace("# source", "source"), "README.md").source == "google"
    assert found.columns["Telefon"] == Rule("phones", label_from="Telefon türü")
    assert found.columns["Doğum yeri"] == Rule(m.NOTES)


def test_a_label_column_no_e_mail_or_phone_reads_is_reported_not_dropped(tmp_path: Path) -> None:
    from accountdesk.core.io.csv_format import map_header

    header = ["Company", "Country", "First Name", "E-mail", "Kind", "Phone", "Phone kind"]
    chosen = m.ColumnMapping(
        {
            "Company": m.Rule("account_name"),
            "Country": m.Rule("account_country"),
            "First Name": m.Rule("given_name"),
            "E-mail": m.Rule("emails", label="work"),
            "Kind": m.Rule(m.LABEL),  # read by nothing
            "Phone": m.Rule("phones", label_from="Phone kind"),
            "Phone kind": m.Rule(m.LABEL),  # read by Phone
        }
    )
    found = map_header(header, mapping=chosen)
    assert found.unknown == [(4, "Kind")]
    assert found.lists["phones"] == [(5, None, 6)]
