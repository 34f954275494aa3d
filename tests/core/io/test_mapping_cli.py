"""``accountdesk import FILE --map MAPPING.toml`` and ``--save-map``, run in this process: the
detected mapping written for editing, an edited mapping read back, and every kind of bad
mapping file as one sentence with exit 1 and nothing written."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from accountdesk.cli import main
from accountdesk.core.io import mapping as m
from accountdesk.core.io.csv_format import read_sample

DATA = Path(__file__).parents[2] / "data"
PIPEDRIVE = DATA / "pipedrive_persons.csv"


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("ACCOUNTDESK_DB", raising=False)
    monkeypatch.chdir(tmp_path)


def test_save_map_writes_the_detected_mapping_and_map_reads_it_back(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["import", "--db", "a.db", str(PIPEDRIVE), "--dry-run"]
    assert main([*args, "--save-map", "pd.toml"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "Wrote the mapping to pd.toml; edit it and import with --map pd.toml.\n"
    assert captured.out.startswith("Checked 5 rows; nothing was written.")
    saved = m.load("pd.toml")
    assert saved == m.recognise(read_sample(PIPEDRIVE)[0])
    assert saved.source == "pipedrive" and saved.columns["Person - Labels"] == m.Rule(m.IGNORE)
    # The user keeps the labels in the notes and imports with the edited mapping.
    text = Path("pd.toml").read_text(encoding="utf-8")
    Path("pd.toml").write_text(
        text.replace('"Person - Labels" = "ignore"', '"Person - Labels" = "notes"'),
        encoding="utf-8",
    )
    assert main([*args, "--map", "pd.toml"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "Read as an export of Pipedrive.",
        "1 column AccountDesk has no field for was kept in the notes: “Person - Labels”.",
        "1 column was not imported: “Person - ID”.",
    ]
    assert main(["import", "--db", "a.db", str(PIPEDRIVE), "--map", "pd.toml"]) == 0
    assert "Added 5 contacts." in capsys.readouterr().out
    assert main(["search", "--db", "a.db", "Potočnik"]) == 0
    assert "Potočnik" in capsys.readouterr().out


def test_a_header_nothing_recognises_imports_with_a_hand_written_mapping(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Path("tr.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        # Hungarian: the headers of the app's languages are recognised
        writer.writerow(["Cég", "Ország", "Keresztnév", "Vezetéknév", "E-mail cím"])
        writer.writerow(["Anadolu Tekstil", "Türkiye", "Ayşe", "Yılmaz", "ayse@anadolu.example"])
    assert main(["import", "--db", "a.db", "tr.csv"]) == 1
    said = capsys.readouterr().err
    assert "names no column AccountDesk knows" in said
    # and says how to go on: a mapping file (or the dialog)
    assert "accountdesk import tr.csv --dry-run --save-map mapping.toml" in said
    assert "--map mapping.toml" in said
    Path("tr.toml").write_text(
        '[columns]\n"Cég" = "account_name"\n"Ország" = "account_country"\n'
        '"Keresztnév" = "given_name"\n"Vezetéknév" = "family_name"\n'
        '"E-mail cím" = { to = "emails", label = "work" }\n',
        encoding="utf-8",
    )
    assert main(["import", "--db", "a.db", "tr.csv", "--map", "tr.toml"]) == 0
    assert capsys.readouterr().out == ("Imported 1 row. Added 1 account. Added 1 contact.\n")


@pytest.mark.parametrize(
    ("mapping", "problem"),
    [
        ('[columns]\n"Person - Name" = full_name\n', "it is not valid TOML (Invalid value (at line 2, column 19))"),  # noqa: E501
        ('[columns]\n"Person - Name" = "fullname"\n', "column “Person - Name” is mapped to “fullname”, which is not a column AccountDesk knows"),  # noqa: E501
    ],
)  # fmt: skip
def test_a_bad_mapping_file_is_one_sentence_exit_1_nothing_written(
    capsys: pytest.CaptureFixture[str], mapping: str, problem: str
) -> None:
    Path("bad.toml").write_text(mapping, encoding="utf-8")
    for extra in ([], ["--dry-run"]):
        assert main(["import", "--db", "a.db", str(PIPEDRIVE), "--map", "bad.toml", *extra]) == 1
        assert capsys.readouterr().err == (
            f"accountdesk: The mapping file bad.toml cannot be used: {problem}.\n"
        )
    assert not Path("a.db").exists()


def test_a_mapping_naming_a_column_the_file_lacks(capsys: pytest.CaptureFixture[str]) -> None:
    found = m.recognise(read_sample(PIPEDRIVE)[0])
    m.save(found.with_rule("Person - Birthday", m.Rule(m.NOTES)), Path("pd.toml"))
    assert main(["import", "--db", "a.db", str(PIPEDRIVE), "--map", "pd.toml"]) == 1
    assert capsys.readouterr().err == (
        "accountdesk: The mapping file pd.toml names a column pipedrive_persons.csv does not "
        "have: “Person - Birthday”.\n"
    )
    assert not Path("a.db").exists()


def test_map_with_from_or_keep_unknown_or_a_vcard_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    m.save(m.recognise(read_sample(PIPEDRIVE)[0]), Path("pd.toml"))
    with pytest.raises(SystemExit) as usage:
        main(["import", "--db", "a.db", str(PIPEDRIVE), "--map", "pd.toml", "--from", "google"])
    assert usage.value.code == 2
    assert "argument --from: not allowed with argument --map" in capsys.readouterr().err
    args = ["import", "--db", "a.db", str(PIPEDRIVE), "--map", "pd.toml", "--keep-unknown"]
    assert main(args) == 1
    assert "--keep-unknown does not go with --map" in capsys.readouterr().err
    vcard = str(DATA / "apple_contacts_v3.vcf")
    assert main(["import", "--db", "a.db", vcard, "--map", "pd.toml"]) == 1
    assert "are for CSV files" in capsys.readouterr().err
    assert not Path("a.db").exists()
