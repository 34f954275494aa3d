"""Other products' CSV exports: which product wrote a file, and what its columns hold.

One table per product maps the product's export column names (normalised by
:func:`normalise`: lower case, punctuation as spaces) to AccountDesk's CSV columns
(:data:`accountdesk.core.io.csv_io.COLUMNS`) or to a :class:`Target` with more to say:

* ``full_name``: a name in one cell, split by :func:`accountdesk.core.io.names.split_full_name`
  when the file has no given name for the row;
* several e-mail and phone columns are all kept (``emails``/``phones`` with a label, or the
  label read from another column of the row, as Google writes ``E-mail 1 - Label``);
* a date of the contact (``birthday``, ``work_anniversary``, ``other_date``: one of
  :data:`accountdesk.core.io.mapping.DATES`), read by :mod:`accountdesk.core.io.dates` in the
  form the product writes it and stored among the contact's important dates. Google Contacts,
  Outlook, Salesforce (Birthdate) and Zoho CRM (Date of Birth) export a birthday (HubSpot's
  "Date of birth" is free text, not a date, and is not mapped); Outlook's "Anniversary" (a
  wedding anniversary) is another date, as the vCard import reads ANNIVERSARY. None of these
  products exports a work anniversary: a column holding one is mapped by hand.

The column names are the ones the products document for their contact exports (Google
Contacts, Outlook desktop and Outlook on the web, HubSpot, Salesforce reports and Data Loader,
Zoho CRM, Pipedrive). Only Outlook desktop writes its header in the language of its user
interface, and the file in that language's Windows code page (not UTF-8):
:data:`OUTLOOK_HEADERS` lists its Latvian, Slovenian, Thai and Turkish headers, as Microsoft's
own import of Outlook CSV files (Exchange) knows them; no Persian Outlook header set is known.
Microsoft's list gives none of those languages' names for Birthday and Anniversary, so a
localised export's date columns are mapped by hand (their dates are read day first, the order
of those languages: :func:`date_order`).
Google Contacts and Outlook on the web write English headers whatever the language;
HubSpot's Thai export and Salesforce's translated report labels are not known here (their
files go through the mapping dialog, whose mappings can be saved).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from unicodedata import category

from accountdesk.core.io.dates import DAY_FIRST

#: A column kept in the contact's notes ("Web Page: https://…"): the target of
#: :data:`accountdesk.core.io.mapping.NOTES`.
NOTES = "notes"


def normalise(name: str) -> str:
    """A header as the tables write it: lower case, letters (with their marks: Thai vowels
    and tones, combining accents) and digits, single spaces. A Turkish capital İ is i, as in
    the language ("ŞİRKET" is "şirket"; casefold() writes it with a combining dot above)."""
    cleaned = name.strip().lstrip("\ufeff").casefold().replace("i\u0307", "i")
    return " ".join(
        "".join(ch if ch.isalnum() or category(ch)[0] == "M" else " " for ch in cleaned).split()
    )


@dataclass(frozen=True)
class Target:
    """Where a column goes: ``column`` (one of ours, or ``full_name``), and for ``emails`` and
    ``phones`` the label of its values, or ``label_from``: the columns that may hold the label
    (the first the file has is read)."""

    column: str
    label: str | None = None
    label_from: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    key: str  # what --from takes
    name: str  # the product's name (a proper noun, not translated)
    columns: Mapping[str, Target]
    #: headers only this product writes: a file is this product's when it has some of them
    signature: frozenset[str]
    #: normalised header -> the values (folded) the product writes in that column of every
    #: contact when nothing was entered there (Outlook's "Priority: Normal"): not kept in the
    #: notes (:meth:`says`)
    defaults: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def says(self, header: str, value: str) -> bool:
        """Whether ``value`` in the column ``header`` of the product's export says something:
        not when it is the value the product writes for nothing entered."""
        return value.strip().casefold() not in self.defaults.get(normalise(header), ())


def _table(pairs: dict[str, str | Target]) -> dict[str, Target]:
    return {
        normalise(header): target if isinstance(target, Target) else Target(target)
        for header, target in pairs.items()
    }


def _google() -> dict[str, Target]:
    pairs: dict[str, str | Target] = {
        # the export since 2023
        "First Name": "given_name",
        "Last Name": "family_name",
        "Name Prefix": "honorific",
        "Organization Name": "account_name",
        "Organization Title": "job_title",
        "Notes": "personal_notes",
        "Birthday": "birthday",  # 1984-05-17, or --05-17 without the year (both exports)
        # the older "Google CSV"
        "Name": "full_name",
        "Given Name": "given_name",
        "Family Name": "family_name",
        "Organization 1 - Name": "account_name",
        "Organization 1 - Title": "job_title",
        # the contact's groups: "* myContacts ::: Clients" (tag_cell reads them)
        "Labels": "tags",
        "Group Membership": "tags",  # the older export's name of the column
    }
    for n in range(1, 5):
        for kind, ours in (("E-mail", "emails"), ("Phone", "phones")):
            words = ("Label", "Type")  # the export since 2023, the older one
            for word in words:
                pairs[f"{kind} {n} - {word}"] = Target("_label")
            pairs[f"{kind} {n} - Value"] = Target(
                ours, label_from=tuple(normalise(f"{kind} {n} - {w}") for w in words)
            )
    # the first address is the contact's; further ones are reported as unknown columns
    pairs["Address 1 - Country"] = "country"
    pairs["Address 1 - City"] = "city"
    pairs["Address 1 - Region"] = "subdivision"
    # the person's own web pages (a LinkedIn profile, a blog) are no field of the contact,
    # and not the account's website: kept in the notes (their labels are not imported)
    for n in range(1, 5):
        pairs[f"Website {n} - Value"] = NOTES
    return _table(pairs)


GOOGLE = Source(
    "google",
    "Google Contacts",
    _google(),
    frozenset(
        normalise(h)
        for h in (
            "Organization Name", "Organization Title", "Name Prefix", "E-mail 1 - Value",
            "E-mail 1 - Label", "Phone 1 - Value", "Address 1 - Country", "Organization 1 - Name",
            "Given Name", "Additional Name", "File As",
        )
    ),
)  # fmt: skip

#: What Outlook's (English) export columns hold.
_OUTLOOK: dict[str, str | Target] = {
    "Title": "honorific",  # Mr., Dr.: the job is "Job Title"
    "First Name": "given_name",
    "Last Name": "family_name",
    "Company": "account_name",
    "Job Title": "job_title",
    "Business City": "city",
    "Business Country/Region": "country",
    "Business Country": "country",  # Google Contacts' "Outlook CSV", older Outlooks
    "Business State": "subdivision",
    # the person's web page, not the company's website (colleagues give different ones)
    "Web Page": NOTES,
    "Personal Web Page": NOTES,  # Outlook on the web
    "Notes": "personal_notes",
    "Categories": "tags",  # "Key customer;Trade fair"
    "E-mail Address": Target("emails", "work"),
    "E-mail 2 Address": Target("emails", "other"),
    "E-mail 3 Address": Target("emails", "other"),
    "Business Phone": Target("phones", "work"),
    "Business Phone 2": Target("phones", "work"),
    "Mobile Phone": Target("phones", "mobile"),
    "Home Phone": Target("phones", "home"),
    "Home Phone 2": Target("phones", "home"),
    "Other Phone": Target("phones", "other"),
    "Company Main Phone": Target("phones", "work"),
    "Primary Phone": Target("phones", "other"),
    "Birthday": "birthday",  # Windows' short date (5/17/1984, 17.05.1984); 0/0/00 for none
    "Anniversary": "other_date",  # the wedding anniversary (vCard's ANNIVERSARY)
}
#: Headers only Outlook writes (with those of :data:`_OUTLOOK`, the product's signature).
_OUTLOOK_ONLY = (
    "Business Country/Region", "Home Country/Region", "E-mail 2 Address", "E-mail Display Name",
    "Business Street", "Home Street", "Given Yomi", "Surname Yomi", "Company Main Phone",
    "Business Phone 2",
)  # fmt: skip

#: Outlook desktop's header in other languages: language -> (the Windows code page Outlook
#: writes the file in, English header -> that language's). Where Microsoft's list has no
#: entry for a column (Latvian "Title"; Slovenian "Job Title", whose header there is not
#: one Outlook writes), the column is left out: the import reports it as unknown.
OUTLOOK_HEADERS: dict[str, tuple[str, dict[str, str]]] = {
    "lv": ("cp1257", {
        "First Name": "Vārds", "Last Name": "Uzvārds", "Company": "Uzņēmums",
        "Job Title": "Amats", "Business City": "Darbavietas pilsēta",
        "Business Country/Region": "Darbavietas valsts/reģions", "Web Page": "Tīmekļa lapa",
        "Notes": "Piezīmes", "E-mail Address": "E-pasta adrese",
        "E-mail 2 Address": "2. e-pasta adrese", "E-mail 3 Address": "3. e-pasta adrese",
        "Business Phone": "Tālrunis darbā", "Business Phone 2": "2. tālrunis darbā",
        "Mobile Phone": "Mobilais tālrunis", "Home Phone": "Tālrunis mājās",
        "Home Phone 2": "2. tālrunis mājās", "Other Phone": "Cits tālrunis",
        "Company Main Phone": "Uzņēmuma galvenais tālrunis",
        "Primary Phone": "Primārais tālrunis",
        "Home Country/Region": "Dzīvesvietas valsts/reģions",
        "E-mail Display Name": "E-pasta parādāmais vārds",
        "Business Street": "Darbavietas iela", "Home Street": "Dzīvesvietas iela",
    }),
    "sl": ("cp1250", {
        "Title": "Naziv", "First Name": "Ime", "Last Name": "Priimek", "Company": "Podjetje",
        "Business City": "Službeni naslov - kraj",
        "Business Country/Region": "Službeni naslov – država/regija",
        "Web Page": "Spletna stran", "Notes": "Opombe", "E-mail Address": "E-poštni naslov",
        "E-mail 2 Address": "E-poštni naslov 2", "E-mail 3 Address": "E-poštni naslov 3",
        "Business Phone": "Službeni telefon", "Business Phone 2": "Službeni telefon 2",
        "Mobile Phone": "Prenosni telefon", "Home Phone": "Domači telefon",
        "Home Phone 2": "Domači telefon 2", "Other Phone": "Drugi telefon",
        "Company Main Phone": "Centrala podjetja", "Primary Phone": "Primarni telefon",
        "Home Country/Region": "Domači naslov – država/regija",
        "E-mail Display Name": "E-poštno ime za prikaz",
        "Business Street": "Službeni naslov - ulica", "Home Street": "Domači naslov - ulica",
    }),
    "th": ("cp874", {
        "Title": "คำนำหน้า", "First Name": "ชื่อ", "Last Name": "นามสกุล",
        "Company": "บริษัท", "Job Title": "ตำแหน่งงาน", "Business City": "เมือง (ธุรกิจ)",
        "Business Country/Region": "ประเทศ/ภูมิภาค (ธุรกิจ)", "Web Page": "เว็บเพจ",
        "Notes": "บันทึกย่อ", "E-mail Address": "ที่อยู่อีเมล",
        "E-mail 2 Address": "ที่อยู่อีเมล 2", "E-mail 3 Address": "ที่อยู่อีเมล 3",
        "Business Phone": "โทรศัพท์ (ธุรกิจ)", "Business Phone 2": "โทรศัพท์ 2 (ธุรกิจ)",
        "Mobile Phone": "โทรศัพท์มือถือ", "Home Phone": "โทรศัพท์ (บ้าน)",
        "Home Phone 2": "โทรศัพท์ 2 (บ้าน)", "Other Phone": "โทรศัพท์อื่น",
        "Company Main Phone": "โทรศัพท์หลักของบริษัท", "Primary Phone": "โทรศัพท์หลัก",
        "Home Country/Region": "ประเทศ/ภูมิภาค (บ้าน)",
        "E-mail Display Name": "ชื่อที่ใช้แสดงของอีเมล",
        "Business Street": "ถนน (ธุรกิจ)", "Home Street": "ถนน (บ้าน)",
    }),
    "tr": ("cp1254", {
        "Title": "Unvan", "First Name": "İlk Adı", "Last Name": "Soyadı", "Company": "Şirket",
        "Job Title": "İş Unvanı", "Business City": "İş-Şehir",
        "Business Country/Region": "İş-Ülke/Bölge", "Web Page": "Web Sayfası",
        "Notes": "Notlar", "E-mail Address": "Elektronik Posta Adresi",
        "E-mail 2 Address": "Elektronik Posta 2 Adres",
        "E-mail 3 Address": "Elektronik Posta 3 Adres", "Business Phone": "İş Telefon No",
        "Business Phone 2": "İş Telefonu 2", "Mobile Phone": "Cep Telefonu",
        "Home Phone": "Ev Telefonu", "Home Phone 2": "Ev Telefonu 2",
        "Other Phone": "Diğer Telefon No", "Company Main Phone": "Şirket Santral Telefonu",
        "Primary Phone": "Birincil Telefon", "Home Country/Region": "Ev-Ülke/Bölge",
        "E-mail Display Name": "Elektronik Posta Görünen Adı", "Business Street": "İş-Cadde",
        "Home Street": "Ev-Cadde",
    }),
}  # fmt: skip


def _outlook() -> dict[str, Target]:
    pairs = dict(_OUTLOOK)
    for _code_page, names in OUTLOOK_HEADERS.values():
        for english, own in names.items():
            if english in _OUTLOOK:
                pairs[own] = _OUTLOOK[english]
    return _table(pairs)


#: What Outlook writes in a column of every contact when nothing was entered there: kept in
#: the notes (--keep-unknown), "Gender: Unspecified" and "Priority: Normal" would fill every
#: contact's notes with nothing.
_OUTLOOK_DEFAULTS = {
    "Gender": ("Unspecified",),
    "Priority": ("Normal",),
    "Private": ("False",),
    "Sensitivity": ("Normal",),
    # the kind of address, not the person's: SMTP, or EX for an Exchange mailbox
    "E-mail Type": ("SMTP", "EX"),
    "E-mail 2 Type": ("SMTP", "EX"),
    "E-mail 3 Type": ("SMTP", "EX"),
}

OUTLOOK = Source(
    "outlook",
    "Outlook",
    _outlook(),
    frozenset(
        normalise(h)
        for h in (
            *_OUTLOOK_ONLY,
            *(
                names[english]
                for _code_page, names in OUTLOOK_HEADERS.values()
                for english in _OUTLOOK_ONLY
                if english in names
            ),
        )
    ),
    {
        normalise(header): frozenset(value.casefold() for value in values)
        for header, values in _OUTLOOK_DEFAULTS.items()
    },
)


def _localised(cells: list[str], names: dict[str, str]) -> int:
    """How many of ``cells`` are headers of a localised Outlook (``names``)."""
    return len({normalise(cell) for cell in cells} & {normalise(name) for name in names.values()})


def outlook_language(header_line: bytes) -> tuple[str, str] | None:
    """(language, code page) of the Outlook whose localised header ``header_line`` (the first
    line of a file that is not UTF-8) is, or None: the language whose headers, read in its
    code page, make up most of the line (at least two)."""
    best: tuple[int, str, str] | None = None
    for language, (code_page, names) in OUTLOOK_HEADERS.items():
        try:
            line = header_line.decode(code_page)
        except UnicodeDecodeError:
            continue
        known = _localised([cell.strip().strip('"') for cell in re.split(r"[,;\t]", line)], names)
        if known >= 2 and (best is None or known > best[0]):
            best = (known, language, code_page)
    return (best[1], best[2]) if best else None


def header_language(header: list[str]) -> str | None:
    """The language of the localised Outlook whose header ``header`` (read) is, as
    :func:`outlook_language` tells it, or None: also for a file saved again as UTF-8."""
    found = [(_localised(header, names), lang) for lang, (_cp, names) in OUTLOOK_HEADERS.items()]
    known, language = max(found)
    return language if known >= 2 else None


#: The Windows code page of each of the app's languages: the encoding of a file that is not
#: UTF-8, when nothing in it says otherwise (an English header written on a Turkish Windows).
WINDOWS_CODE_PAGES = {
    "en": "cp1252",
    "lv": "cp1257",
    "sl": "cp1250",
    "th": "cp874",
    "tr": "cp1254",
    "fa": "cp1256",
}


def code_page_language(code_page: str | None) -> str | None:
    """The app's language whose Windows code page ``code_page`` is (a file read in it was
    written by a Windows in that language, or is taken to be: see ``csv_format._decode``); None for
    None (a UTF-8 file says nothing of its language)."""
    return next((lang for lang, cp in WINDOWS_CODE_PAGES.items() if cp == code_page), None)


#: The order of day and month in the short date Windows writes by default in each language's
#: country (Outlook desktop writes its dates so): 17.05.1984. in Latvian, 17. 05. 1984 in
#: Slovenian, 17/5/2527 in Thai, 17.05.1984 in Turkish. English is not here: Windows writes
#: 5/17/1984 in the United States and 17/05/1984 in the United Kingdom, and an English file
#: (Windows-1252) does not say which; nor is Persian, whose short date puts the year first
#: (1363/02/27), where the order is never in doubt.
_DAY_FIRST_LANGUAGES = frozenset({"lv", "sl", "th", "tr"})


def date_order(language: str | None) -> str | None:
    """:data:`~accountdesk.core.io.dates.DAY_FIRST` when a file of ``language`` (a localised
    Outlook header's, :func:`header_language`) writes its dates day first; None when the
    language does not say."""
    return DAY_FIRST if language in _DAY_FIRST_LANGUAGES else None


def code_page_name(code_page: str) -> str:
    """A code page as Windows names it to users: ``cp1254`` is "Windows-1254"."""
    return "Windows-" + code_page.removeprefix("cp")


HUBSPOT = Source(
    "hubspot",
    "HubSpot",
    _table(
        {
            "Salutation": "honorific",
            "First Name": "given_name",
            "Last Name": "family_name",
            "Company Name": "account_name",
            "Job Title": "job_title",
            "Country/Region": "country",
            "State/Region": "subdivision",
            "City": "city",
            "Website URL": "account_website",
            "Industry": "account_industry",
            "Email": Target("emails", "work"),
            "Additional email addresses": Target("emails", "other"),
            "Phone Number": Target("phones", "work"),
            "Mobile Phone Number": Target("phones", "mobile"),
            "Time Zone": "timezone",
        }
    ),
    frozenset(
        normalise(h)
        for h in (
            "Record ID", "Lifecycle Stage", "Lead Status", "Mobile Phone Number",
            "Country/Region", "State/Region", "Contact owner", "Associated Company",
        )
    ),
)  # fmt: skip

SALESFORCE = Source(
    "salesforce",
    "Salesforce",
    _table(
        {
            # report export (labels)
            "Salutation": "honorific",
            "First Name": "given_name",
            "Last Name": "family_name",
            "Title": "job_title",
            "Account Name": "account_name",
            "Mailing City": "city",
            "Mailing State/Province": "subdivision",
            "Mailing Country": "country",
            "Email": Target("emails", "work"),
            "Phone": Target("phones", "work"),
            "Mobile": Target("phones", "mobile"),
            "Home Phone": Target("phones", "home"),
            "Other Phone": Target("phones", "other"),
            "Description": "personal_notes",
            # a report writes the user's short date (5/17/1984), Data Loader 1984-05-17; the
            # label and the API name are the same
            "Birthdate": "birthday",
            # Data Loader (API names)
            "FirstName": "given_name",
            "LastName": "family_name",
            "MailingCity": "city",
            "MailingState": "subdivision",
            "MailingCountry": "country",
            "MobilePhone": Target("phones", "mobile"),
            "HomePhone": Target("phones", "home"),
            "OtherPhone": Target("phones", "other"),
        }
    ),
    frozenset(
        normalise(h)
        for h in (
            "Mailing State/Province", "Mailing Zip/Postal Code", "MailingCountry", "MailingCity",
            "MobilePhone", "FirstName", "Contact ID", "Lead Source", "Mailing Country",
        )
    ),
)  # fmt: skip

ZOHO = Source(
    "zoho",
    "Zoho CRM",
    _table(
        {
            "Salutation": "honorific",
            "First Name": "given_name",
            "Last Name": "family_name",
            "Title": "job_title",
            "Account Name": "account_name",
            "Mailing City": "city",
            "Mailing State": "subdivision",
            "Mailing Country": "country",
            "Email": Target("emails", "work"),
            "Secondary Email": Target("emails", "other"),
            "Phone": Target("phones", "work"),
            "Mobile": Target("phones", "mobile"),
            "Home Phone": Target("phones", "home"),
            "Other Phone": Target("phones", "other"),
            "Description": "personal_notes",
            "Date of Birth": "birthday",
            "Tag": "tags",
        }
    ),
    frozenset(
        normalise(h)
        for h in (
            "Secondary Email", "Skype ID", "Email Opt Out", "Asst Phone", "Mailing Zip",
            "Mailing State", "Contact Id", "Vendor Name", "Reports To",
        )
    ),
)  # fmt: skip

PIPEDRIVE = Source(
    "pipedrive",
    "Pipedrive",
    _table(
        {
            "Person - Name": "full_name",
            "Person - First name": "given_name",
            "Person - Last name": "family_name",
            "Person - Organization": "account_name",
            "Person - Job title": "job_title",
            "Person - Email - Work": Target("emails", "work"),
            "Person - Email - Home": Target("emails", "home"),
            "Person - Email - Other": Target("emails", "other"),
            "Person - Phone - Work": Target("phones", "work"),
            "Person - Phone - Mobile": Target("phones", "mobile"),
            "Person - Phone - Home": Target("phones", "home"),
            "Person - Phone - Other": Target("phones", "other"),
            "Person - Postal address - Country": "country",
            "Person - Postal address - City/town": "city",
            "Organization - Address - Country": "account_country",
        }
    ),
    frozenset(
        normalise(h)
        for h in (
            "Person - Name", "Person - Organization", "Person - Email - Work",
            "Person - Phone - Work", "Person - ID", "Organization - Name",
        )
    ),
)  # fmt: skip

SOURCES: dict[str, Source] = {
    s.key: s for s in (GOOGLE, OUTLOOK, HUBSPOT, SALESFORCE, ZOHO, PIPEDRIVE)
}


#: Header names of other address books and CRMs whose product is not recognised (our own
#: format with these names), normalised by :func:`normalise`; a phone column whose name says
#: its kind gives its numbers that label, as a product's table does ("Mobile Phone": mobile).
ALIASES: dict[str, str | Target] = {
    "company": "account_name",
    "company name": "account_name",
    "organization": "account_name",
    "organisation": "account_name",
    "account": "account_name",
    "account name": "account_name",
    # a whole name in one column (Dynamics 365's "Full Name", a spreadsheet's "Name")
    "name": "full_name",
    "full name": "full_name",
    "fullname": "full_name",
    "contact name": "full_name",
    "first name": "given_name",
    "firstname": "given_name",
    "given name": "given_name",
    "last name": "family_name",
    "lastname": "family_name",
    "surname": "family_name",
    "family name": "family_name",
    "email": "emails",
    "e mail": "emails",
    "email address": "emails",
    "e mail address": "emails",
    "primary email": "emails",
    "phone": "phones",
    "phone number": "phones",
    "mobile": Target("phones", "mobile"),
    "mobile phone": Target("phones", "mobile"),
    "mobile number": Target("phones", "mobile"),
    "cell phone": Target("phones", "mobile"),
    "business phone": Target("phones", "work"),
    "job title": "job_title",
    "title": "job_title",
    "position": "job_title",
    "country code": "country",
    "country region": "country",
    # Dynamics 365's "Export to Excel" of contacts: the first address is the contact's
    "address 1 country region": "country",
    "address 1 city": "city",
    "time zone": "timezone",
    "city": "city",
    "notes": "personal_notes",
    "website": "account_website",
    "web page": NOTES,  # a person's own page, as Outlook names it: not the account's website
    "industry": "account_industry",
    "birthday": "birthday",
    "birth date": "birthday",
    "birthdate": "birthday",
    "date of birth": "birthday",
    "work anniversary": "work_anniversary",
}

#: Headers that name two things, never read as a column (not even where the app's own label
#: is the word: :func:`accountdesk.core.io.mapping.label_headers`): Turkish "Unvan" (a job
#: title, or an honorific as Outlook uses it), Slovenian "Spletna stran" (a site or a
#: person's page). The import reports them as unknown; the dialog maps them by hand.
AMBIGUOUS: frozenset[str] = frozenset(normalise(word) for word in ("Unvan", "Spletna stran"))

#: The same columns as a spreadsheet in the app's languages heads them ("Vārds", "Priimek",
#: "Ad Soyad", "นามสกุล", "نام خانوادگی"), written as people write them and normalised here
#: (synonyms: the app's own labels of the columns are read besides these, from the catalogs:
#: :func:`accountdesk.core.io.mapping.label_headers`). None of :data:`AMBIGUOUS`.
_LOCAL_ALIASES: dict[str, str | Target] = {
    # Latvian
    "Vārds": "given_name", "Uzvārds": "family_name", "Vārds, uzvārds": "full_name",
    "Vārds un uzvārds": "full_name", "Uzņēmums": "account_name",
    "Uzņēmuma nosaukums": "account_name", "Firma": "account_name", "E-pasts": "emails",
    "E-pasta adrese": "emails", "Tālrunis": "phones", "Telefons": "phones",
    "Tālruņa numurs": "phones", "Mobilais": Target("phones", "mobile"),
    "Mobilais tālrunis": Target("phones", "mobile"), "Valsts": "country",
    "Pilsēta": "city", "Amats": "job_title", "Piezīmes": "personal_notes",
    "Dzimšanas diena": "birthday", "Dzimšanas datums": "birthday",
    "Mājaslapa": "account_website", "Nozare": "account_industry", "Laika josla": "timezone",
    # Slovenian
    "Ime": "given_name", "Priimek": "family_name", "Ime in priimek": "full_name",
    "Podjetje": "account_name", "Naziv podjetja": "account_name", "E-pošta": "emails",
    "E-poštni naslov": "emails", "Telefon": "phones", "Telefonska številka": "phones",
    "Mobilni telefon": Target("phones", "mobile"), "Mobitel": Target("phones", "mobile"),
    "GSM": Target("phones", "mobile"), "Država": "country", "Kraj": "city", "Mesto": "city",
    "Delovno mesto": "job_title", "Opombe": "personal_notes", "Datum rojstva": "birthday",
    "Rojstni dan": "birthday", "Panoga": "account_industry", "Časovni pas": "timezone",
    # Turkish
    "Ad": "given_name", "Adı": "given_name", "İsim": "given_name", "Soyad": "family_name",
    "Soyadı": "family_name", "Soyisim": "family_name", "Ad Soyad": "full_name",
    "Adı Soyadı": "full_name", "Ad Soyadı": "full_name", "İsim Soyisim": "full_name",
    "Şirket": "account_name", "Şirket Adı": "account_name", "Firma Adı": "account_name",
    "E-posta": "emails", "E-posta Adresi": "emails", "Telefon Numarası": "phones",
    "Telefon No": "phones", "Cep Telefonu": Target("phones", "mobile"),
    "Cep": Target("phones", "mobile"), "Ülke": "country", "Şehir": "city",
    "Görev": "job_title", "Pozisyon": "job_title", "Notlar": "personal_notes",
    "Doğum Tarihi": "birthday", "Doğum Günü": "birthday", "Web Sitesi": "account_website",
    "Sektör": "account_industry", "Saat Dilimi": "timezone",
    # Thai
    "ชื่อ": "given_name", "นามสกุล": "family_name", "ชื่อ-นามสกุล": "full_name",
    "บริษัท": "account_name", "ชื่อบริษัท": "account_name", "อีเมล": "emails",
    "โทรศัพท์": "phones", "เบอร์โทร": "phones", "เบอร์โทรศัพท์": "phones",
    "มือถือ": Target("phones", "mobile"), "เบอร์มือถือ": Target("phones", "mobile"),
    "ประเทศ": "country", "เมือง": "city", "ตำแหน่ง": "job_title", "หมายเหตุ": "personal_notes",
    "วันเกิด": "birthday", "เว็บไซต์": "account_website",
    # Persian
    "نام": "given_name", "نام خانوادگی": "family_name", "نام و نام خانوادگی": "full_name",
    "شرکت": "account_name", "نام شرکت": "account_name", "ایمیل": "emails",
    "پست الکترونیک": "emails", "تلفن": "phones", "شماره تلفن": "phones",
    "موبایل": Target("phones", "mobile"), "تلفن همراه": Target("phones", "mobile"),
    "کشور": "country", "شهر": "city", "سمت": "job_title", "عنوان شغلی": "job_title",
    "یادداشت": "personal_notes", "توضیحات": "personal_notes", "تاریخ تولد": "birthday",
    "وب سایت": "account_website", "وبسایت": "account_website",
}  # fmt: skip
ALIASES.update({normalise(name): target for name, target in _LOCAL_ALIASES.items()})


#: How other products separate the items of a cell of tags: Google's " ::: ", Outlook's and
#: Zoho's ";", and "," (which no tag holds).
_TAG_SEPARATORS = re.compile(r"\s*(?::::|[;,])\s*")


def tag_cell(cell: str) -> str:
    """A product's cell of tags (Outlook's Categories "Key customer;Trade fair", Google's
    Labels "* myContacts ::: Clients", Zoho's Tag) as our ``tags`` column writes them:
    separated by "; ", without the "*" Google writes before the groups it keeps itself
    (myContacts, starred: as its vCard export's CATEGORIES has them)."""
    items = (item.lstrip("*").strip() for item in _TAG_SEPARATORS.split(cell))
    return "; ".join(dict.fromkeys(item for item in items if item))


def region(country: str, written: str) -> str | None:
    """The region (ISO 3166-2, the part after the dash) that a product's state or region
    column names, by code or by name ("VIC", "Victoria", "São Paulo"), in the row's
    ``country`` (as people write it), as the import checks a region
    (:func:`accountdesk.core.validation.subdivision`); None when it names none of that
    country's ("Greater London", a county ISO does not list), or the country is none."""
    # (here: the command line reads this module for its options before the first paint, and
    # these load phonenumbers and the countries' names)
    from accountdesk.core import country_names
    from accountdesk.core import validation as v

    code = country_names.country_code(country)
    if code is None:
        return None
    try:
        return v.subdivision(code, written)
    except v.ValidationError:
        return None


def detect(headers: list[str]) -> Source | None:
    """The product whose export ``headers`` (as in the file) look like, or None.

    A product needs at least one of its signature headers; among those, the one that knows
    the most of the file's headers wins (Salesforce's and Zoho's contact exports share most
    names; their signatures tell them apart)."""
    names = {normalise(h) for h in headers}
    best: tuple[int, int, str] | None = None
    for source in SOURCES.values():
        signed = len(names & source.signature)
        if not signed:
            continue
        score = (signed, len(names & set(source.columns)), source.key)
        if best is None or score[:2] > best[:2]:
            best = score
    return SOURCES[best[2]] if best else None
