"""A spreadsheet headed as the app labels its fields is read so, in every UI language.

The Slovenian app labels the city "Mesto", but the import knew only "Kraj": a list headed
``Ime,Priimek,Podjetje,Država,Mesto,E-pošta,Mobilni telefon,Delovno mesto`` lost every city,
while the import dialog's own preview had a column "Mesto" (review rev31, 4). The headers the
app's labels give are read from the catalogs (``mapping.label_headers``), beside the
hand-written synonyms; a word that names two things (Turkish "Unvan") is still not read."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from accountdesk.core import i18n
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.io import mapping, sources
from accountdesk.core.io.csv_io import import_csv
from importfiles import write_csv

SLOVENIAN = ["Ime", "Priimek", "Podjetje", "Država", "Mesto", "E-pošta", "Mobilni telefon",
             "Delovno mesto"]  # fmt: skip
ROWS = [
    ["Špela", "Žagar", "Čebelarstvo Kranjc d.o.o.", "SI", "Kranj", "spela@cebelarstvo.example",
     "031 123 456", "Direktorica"],
    ["Žiga", "Šuštar", "Čebelarstvo Kranjc d.o.o.", "SI", "Ljubljana",
     "ziga@cebelarstvo.example", "+386 41 987 654", "Vodja nabave"],
]  # fmt: skip


def test_a_slovenian_list_headed_as_the_app_labels_its_fields_keeps_its_cities(
    db: Database, tmp_path: Path
) -> None:
    report = import_csv(db, write_csv(tmp_path / "sl_contacts.csv", SLOVENIAN, ROWS))
    assert report.unknown_columns == ()
    with db.reader() as s:
        found = {
            c.family_name: (c.city, c.job_title, a.name)
            for c, a in s.execute(
                select(Contact, Account).join(Account, Contact.account_id == Account.id)
            )
        }
    assert found == {
        "Žagar": ("Kranj", "Direktorica", "Čebelarstvo Kranjc d.o.o."),
        "Šuštar": ("Ljubljana", "Vodja nabave", "Čebelarstvo Kranjc d.o.o."),
    }


def test_mesto_is_the_city_and_delovno_mesto_the_job() -> None:
    """A header is matched whole: "Delovno mesto" (job title) holds "mesto" (city)."""
    found = mapping.recognise(["Mesto", "Delovno mesto", "Podjetje: mesto", "Kraj"]).columns
    assert {name: rule.target for name, rule in found.items()} == {
        "Mesto": "city",
        "Delovno mesto": "job_title",
        "Podjetje: mesto": "account_city",  # the import dialog's own name of the column
        "Kraj": "city",
    }


@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
def test_every_label_of_a_column_is_read_as_that_column(lang: str) -> None:
    """Each column as the app names it in ``lang`` (the import dialog's combo box, the
    editors' fields) heads a column of that column, unless the word names two things
    (``sources.AMBIGUOUS``). Two labels alike for different columns fail here too: one of
    them must change, or the word be declared ambiguous."""
    with i18n.use_language(lang):
        labels = {column: i18n._(message) for column, message in mapping.COLUMN_LABELS.items()}
    wrong = {}
    for column, label in labels.items():
        if sources.detect([label]) is not None:
            continue  # another product's export ("Contact: id" is Salesforce's "Contact ID")
        rule = mapping.recognise([label]).columns[label]
        if sources.normalise(label) in sources.AMBIGUOUS:
            assert rule.target == mapping.IGNORE, label
        elif rule.target != column:
            wrong[label] = (column, rule.target)
    assert wrong == {}


def test_the_labels_agree_with_the_hand_written_aliases() -> None:
    """A header both name goes to the same column (the aliases come first: a translation
    that said another column would be read against the app's own label)."""
    for key, column in mapping.label_headers().items():
        alias = sources.ALIASES.get(key)
        if alias is not None:
            assert (alias.column if isinstance(alias, sources.Target) else alias) == column, key


def test_unvan_is_not_read_though_the_turkish_app_labels_the_job_title_so() -> None:
    """Outlook's Turkish export heads the honorific "Unvan" (OUTLOOK_HEADERS); as a header of
    its own it names two things, and the dialog asks (review rev31, 5)."""
    with i18n.use_language("tr"):
        label = i18n._(mapping.COLUMN_LABELS["job_title"])
    header = ["Ad", "Soyad", "Şirket", "Ülke", "Şehir", "E-posta", "Cep Telefonu", "Unvan"]
    found = mapping.recognise(header).columns
    assert found["Unvan"].target == mapping.IGNORE
    assert found["Şehir"].target == "city"
    if sources.normalise(label) != "unvan":  # once the catalog says "Görev" or "İş unvanı"
        assert mapping.recognise([label]).columns[label].target == "job_title"
