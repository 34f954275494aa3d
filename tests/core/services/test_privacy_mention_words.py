"""What counts as naming the person an erase is about (review of 0cb590d): their name as a
whole word, not any word that starts with it. Erasing "Ana Max" listed an account whose notes
ask for "a quarterly analysis and the maximum discount", a follow-up "Send the analysis
tomorrow" and a deal "Analytics add-on", and counted three records still mentioning her after
the erase. Latvian, Slovenian and Lithuanian names change their ending in a sentence (Bērziņam,
Novakom, Petraičio): those forms are found from the name's stem, never from three letters."""

from __future__ import annotations

from datetime import datetime

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import DealInput, save_deal, save_note
from accountdesk.core.services.followups import FollowUpInput, schedule
from accountdesk.core.services.privacy import erase_contact, kept_mentions


def _account(db: Database, country: str, zone: str, notes: str | None = None) -> str:
    return create_account(
        db, AccountInput(name="Acme", country=country, timezone=zone, notes=notes)
    )


def _person(
    db: Database, account: str, given: str, family: str, country: str, zone: str, **kw: object
) -> str:
    data: dict[str, object] = {
        "account_id": account,
        "given_name": given,
        "family_name": family,
        "country": country,
        "timezone": zone,
        **kw,
    }
    return create_contact(db, ContactInput(**data))  # type: ignore[arg-type]


def _notes(db: Database, account: str, *bodies: str) -> dict[str, str]:
    """One note on the account per body; the note's id by its body."""
    return {save_note(db, body, account_id=account): body for body in bodies}


def _listed(db: Database, contact: str) -> set[str]:
    return {m.record_id for m in kept_mentions(db, contact)}


def test_a_word_that_only_starts_with_a_name_is_not_the_person(db: Database) -> None:
    riga = "Europe/Riga"
    account = _account(db, "LV", riga, "Wants a quarterly analysis and the maximum discount.")
    ana = _person(db, account, "Ana", "Max", "LV", riga, emails=["a.m@acme.example"])
    other = _person(db, account, "Jānis", "Ozols", "LV", riga)
    save_deal(db, DealInput(account_id=account, title="Analytics add-on", amount="1200",
                            currency="EUR"))  # fmt: skip
    schedule(db, FollowUpInput(other, "Send the analysis tomorrow", datetime(2026, 12, 1, 10)))
    _notes(
        db,
        account,
        "Anastasija and Maxim from logistics; the maxi order, an analyst",
        "wrote to ja.m@acme.example and a.m@acme.example.com",  # other addresses
    )
    hers = _notes(
        db,
        account,
        "Ana asked for the price list",  # her given name
        "MAX SAID YES",  # her family name, in any case
        "Ana's manager called",  # with an ending after an apostrophe
        "max ana at the fair",  # the name as shown, the other way round
        "wrote to A.M@acme.example.",  # her e-mail address
    )

    assert _listed(db, ana) == set(hers)
    assert erase_contact(db, ana).mentions_left == len(hers) == 5
    with db.reader() as session:  # kept, and no longer counted as naming her
        assert session.get_one(Account, account).notes is not None


def test_latvian_names_are_found_in_their_cases(db: Database) -> None:
    riga = "Europe/Riga"
    account = _account(db, "LV", riga)
    janis = _person(db, account, "Jānis", "Bērziņš", "LV", riga)
    ilze = _person(db, account, "Ilze", "Kalniņa", "LV", riga)
    his = _notes(
        db,
        account,
        "Bērziņa kungs zvanīja",  # genitive: Mr Bērziņš called
        "Nosūtīt cenas Bērziņam",  # dative
        "BERZINI atbrauks",  # the Bērziņš family, typed without accents
    )
    hers = _notes(db, account, "Kalniņas kundze zvanīja", "Piezvanīt Kalniņai")
    _notes(db, account, "Bērzs pie ieejas, Bērziņciems", "Kalnciems")  # other words
    assert _listed(db, janis) == set(his)
    assert _listed(db, ilze) == set(hers)


def test_slovenian_names_are_found_in_their_cases(db: Database) -> None:
    ljubljana = "Europe/Ljubljana"
    account = _account(db, "SI", ljubljana)
    janez = _person(db, account, "Janez", "Novak", "SI", ljubljana)
    maja = _person(db, account, "Mateja", "Kovač", "SI", ljubljana)
    his = _notes(db, account, "Sestanek z Novakom", "Novakova ponudba", "Pokliči Janeza")
    hers = _notes(db, account, "Poslati Mateji katalog", "Kovačeva naročila")
    neither = _notes(db, account, "Ponudba za Novakoviča", "Novaki d.o.o. in Janezovci")
    assert _listed(db, janez) == set(his) | {
        k for k, v in neither.items() if v.startswith("Novaki")
    }  # "Novaki" is his name in the plural; "Novakovič" and "Janezovci" are other words
    assert _listed(db, maja) == set(hers)


def test_other_languages_find_a_name_with_a_short_ending(db: Database) -> None:
    """Polish, Czech, Estonian, Hungarian, Russian, German … put case endings on names too:
    a name of four letters or more with up to three more letters is taken for it (review:
    the whole-word rule had dropped "Spotkanie z Kowalskim"); a longer word is not."""
    warsaw = "Europe/Warsaw"
    account = _account(db, "PL", warsaw)
    jan = _person(db, account, "Jan", "Kowalski", "PL", warsaw)
    his = _notes(db, account, "Zadzwonić do Kowalskiego", "Spotkanie z Kowalskim")
    _notes(db, account, "Kowalskiewicz i syn", "Janowi")  # a longer word; a 3-letter name
    assert _listed(db, jan) == set(his)
    berlin = "Europe/Berlin"
    other = _account(db, "DE", berlin)
    bernd = _person(db, other, "Bernd", "Novak", "DE", berlin)
    found = _notes(db, other, "Herrn Novaks Angebot")
    _notes(db, other, "Novakovič Transporte")
    assert _listed(db, bernd) == set(found)
    # a Slovenian who lives in Germany is read with the Slovenian table, by their language
    tina = _person(db, other, "Tina", "Zupan", "DE", berlin, preferred_language="sl")
    hers = _notes(db, other, "Zupanova ponudba")
    assert _listed(db, tina) == set(hers)


def test_a_three_letter_name_has_no_declined_forms(db: Database) -> None:
    riga = "Europe/Riga"
    account = _account(db, "LV", riga)
    eva = _person(db, account, "Eva", "Lapa", "LV", riga)  # stems "ev" and "lap"
    _notes(db, account, "Evas grāmata", "Lapas un zari")  # Eva's book, or "leaves"
    assert _listed(db, eva) == set()


def test_lithuanian_names_are_found_in_their_cases(db: Database) -> None:
    """Lithuanian names change their ending too, and a t or d before the ending -io, -iui …
    becomes č or dž (Petraitis: Petraičio, Petraičiui). Jonas has a three-letter stem: his
    given name is not looked for declined ("Jono"), his family name is."""
    vilnius = "Europe/Vilnius"
    account = _account(db, "LT", vilnius)
    jonas = _person(db, account, "Jonas", "Petraitis", "LT", vilnius)
    ruta = _person(db, account, "Rūta", "Vaitkutė", "LT", vilnius)
    mindaugas = _person(db, account, "Mindaugas", "Kazlauskas", "LT", vilnius)
    algis = _person(db, account, "Algirdas", "Bartkus", "LT", vilnius)
    his = _notes(
        db,
        account,
        "Jono Petraičio sąskaita",  # genitive
        "Paskambinti Petraičiui",  # dative
        "Susitikimas su PETRAICIU",  # instrumental, typed without accents
    )
    hers = _notes(db, account, "Vaitkutės pasiūlymas", "Išsiųsti Vaitkutei kainas")
    kazlauskas = _notes(db, account, "Mindaugo laiškas", "Kazlauskui patiko")
    bartkus = _notes(db, account, "Bartkaus užsakymas", "Algirdui skambinti")
    _notes(db, account, "Petraitienė ir Petras", "Jono gatvė", "Vaitkus, Kazlų Rūda")  # others
    assert _listed(db, jonas) == set(his)
    assert _listed(db, ruta) == set(hers)
    assert _listed(db, mindaugas) == set(kazlauskas)
    assert _listed(db, algis) == set(bartkus)
