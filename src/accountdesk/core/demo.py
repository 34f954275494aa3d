"""Realistic, deterministic demo data.

The same seed and the same anchor date give the same data. Dates are spread around the anchor
(by default today): three years of interactions, deals and survey answers before it, follow-ups
around it, so that every screen and report has something true to show. Names are written in the
local script (Thai, Persian, Arabic, Japanese, Latvian and Turkish letters …), contacts live in
real cities with their IANA zones, and phone numbers are valid for their country.

Everything is written in one transaction with bulk inserts, so ``--accounts 100000`` takes
seconds, and a cancelled run leaves nothing behind.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from types import MappingProxyType
from typing import Any

import phonenumbers
from sqlalchemy import insert

from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.culture.countries import country_currency
from accountdesk.core.db import search
from accountdesk.core.db.bulk import bulk_insert
from accountdesk.core.db.engine import Database
from accountdesk.core.db.ids import uuid7_from
from accountdesk.core.db.models import (
    Account,
    Contact,
    CountryNote,
    Deal,
    FollowUp,
    Gift,
    ImportantDate,
    Interaction,
    Note,
    SurveyResponse,
    Tag,
    account_tags,
    interaction_participants,
    table,
)
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import N_, _, format_list, format_number, ngettext
from accountdesk.core.labels import DEAL_STAGE
from accountdesk.core.records import SIZE_BANDS, tag_key
from accountdesk.core.services.followups import start_stay_in_touch_clock
from accountdesk.core.timekeeping.zones import to_instant


@dataclass(frozen=True)
class CountryData:
    code: str
    language: str
    cities: Sequence[tuple[str, str, str | None]]  # (city, IANA zone, ISO 3166-2 suffix)
    given_m: Sequence[str]
    given_f: Sequence[str]
    family: Sequence[str]
    family_f: Sequence[str] | None = None  # gendered family names (Latvian …)
    companies: Sequence[str] = ()
    company_pattern: str = "{root}"
    name_order: str = "given_first"
    honorifics: tuple[str, str] = ("Mr", "Ms")

    @property
    def currency(self) -> str:
        """The country's currency, from CLDR (:func:`~accountdesk.core.culture.countries.
        country_currency`), as everywhere else."""
        found = country_currency(self.code)
        assert found is not None, self.code
        return found


COUNTRIES: tuple[CountryData, ...] = (
    CountryData(
        "LV",
        "lv",
        [
            ("Rīga", "Europe/Riga", "RIX"),
            ("Liepāja", "Europe/Riga", "LPX"),
            ("Daugavpils", "Europe/Riga", "DGV"),
            ("Jelgava", "Europe/Riga", "JEL"),
        ],
        ["Jānis", "Andris", "Kārlis", "Mārtiņš", "Edgars", "Raimonds", "Aigars"],
        ["Ilze", "Līga", "Inese", "Dace", "Kristīne", "Anete", "Zane"],
        ["Bērziņš", "Kalniņš", "Ozoliņš", "Liepiņš", "Krūmiņš", "Zariņš", "Vītols"],
        ["Bērziņa", "Kalniņa", "Ozoliņa", "Liepiņa", "Krūmiņa", "Zariņa", "Vītola"],
        ["Dzintars", "Baltijas Koks", "Saules Enerģija", "Rīgas Tekstils", "Vējš", "Ābele"],
        "SIA {root}",
        honorifics=("kungs", "kundze"),
    ),
    CountryData(
        "SI",
        "sl",
        [
            ("Ljubljana", "Europe/Ljubljana", "061"),
            ("Maribor", "Europe/Ljubljana", "070"),
            ("Celje", "Europe/Ljubljana", "011"),
            ("Koper", "Europe/Ljubljana", "050"),
        ],
        ["Janez", "Luka", "Matej", "Žiga", "Blaž", "Rok"],
        ["Maja", "Špela", "Nina", "Urška", "Tjaša", "Mojca"],
        ["Novak", "Horvat", "Kranjc", "Žagar", "Zupančič", "Kovačič", "Potočnik"],
        companies=["Šodien", "Alpska Mlekarna", "Kras Vino", "Soča Tech", "Triglav Les"],
        company_pattern="{root} d.o.o.",
        honorifics=("g.", "ga."),
    ),
    CountryData(
        "TH",
        "th",
        [
            ("กรุงเทพมหานคร", "Asia/Bangkok", "10"),
            ("เชียงใหม่", "Asia/Bangkok", "50"),
            ("ภูเก็ต", "Asia/Bangkok", "83"),
            ("ขอนแก่น", "Asia/Bangkok", "40"),
        ],
        ["สมชาย", "วิชัย", "ประเสริฐ", "ธนากร", "อนุชา", "สุรชัย"],
        ["สมศรี", "นภา", "กัญญา", "พรทิพย์", "สุดารัตน์", "วันเพ็ญ"],
        ["ใจดี", "ศรีสุข", "วงศ์ใหญ่", "บุญมา", "แสงทอง", "รัตนพันธ์", "สุขสวัสดิ์"],
        companies=["สยามอาหาร", "ไทยพัฒนา", "เจ้าพระยาโลจิสติกส์", "ล้านนาดีไซน์", "อันดามันเทค"],
        company_pattern="บริษัท {root} จำกัด",
        honorifics=("คุณ", "คุณ"),
    ),
    CountryData(
        "TR",
        "tr",
        [
            ("İstanbul", "Europe/Istanbul", "34"),
            ("Ankara", "Europe/Istanbul", "06"),
            ("İzmir", "Europe/Istanbul", "35"),
            ("Bursa", "Europe/Istanbul", "16"),
        ],
        ["Mehmet", "Mustafa", "Emre", "Burak", "Oğuz", "Kağan"],
        ["Ayşe", "Fatma", "Elif", "Zeynep", "Gülşen", "Şule"],
        ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın"],
        companies=["Boğaziçi Tekstil", "Anadolu Gıda", "Ege Lojistik", "Kapadokya Seramik"],
        company_pattern="{root} A.Ş.",
        honorifics=("Bey", "Hanım"),
    ),
    CountryData(
        "IR",
        "fa",
        [
            ("تهران", "Asia/Tehran", "23"),
            ("اصفهان", "Asia/Tehran", "10"),
            ("شیراز", "Asia/Tehran", "07"),
            ("تبریز", "Asia/Tehran", "03"),
        ],
        ["علی", "رضا", "حسین", "محمد", "امیر", "مهدی"],
        ["مریم", "زهرا", "فاطمه", "سارا", "نگار", "شیرین"],
        ["محمدی", "حسینی", "رضایی", "کریمی", "احمدی", "موسوی", "جعفری"],
        companies=["پارس صنعت", "آریا تجارت", "سپاهان فولاد", "البرز دارو", "کاسپین"],
        company_pattern="شرکت {root}",
        honorifics=("آقای", "خانم"),
    ),
    CountryData(
        "DE",
        "de",
        [
            ("Berlin", "Europe/Berlin", "BE"),
            ("München", "Europe/Berlin", "BY"),
            ("Hamburg", "Europe/Berlin", "HH"),
            ("Köln", "Europe/Berlin", "NW"),
        ],
        ["Jürgen", "Stefan", "Matthias", "Lukas"],
        ["Katrin", "Sabine", "Jana", "Lea"],
        ["Müller", "Schmidt", "Schäfer", "Groß", "Weiß", "Köhler"],
        companies=["Nordlicht Maschinenbau", "Rheintal Logistik", "Bäckerei Sonnenschein"],
        company_pattern="{root} GmbH",
        honorifics=("Herr", "Frau"),
    ),
    CountryData(
        "US",
        "en",
        [
            ("New York", "America/New_York", "NY"),
            ("Chicago", "America/Chicago", "IL"),
            ("Denver", "America/Denver", "CO"),
            ("San Francisco", "America/Los_Angeles", "CA"),
        ],
        ["James", "Michael", "David", "Daniel"],
        ["Jennifer", "Emily", "Sarah", "Olivia"],
        ["Smith", "Johnson", "Garcia", "Miller", "Davis", "Wilson"],
        companies=["Lakeshore Analytics", "Pioneer Freight", "Summit Health", "Redwood Labs"],
        company_pattern="{root} Inc.",
        honorifics=("Mr.", "Ms."),
    ),
    CountryData(
        "JP",
        "ja",
        [
            ("東京", "Asia/Tokyo", "13"),
            ("大阪", "Asia/Tokyo", "27"),
            ("名古屋", "Asia/Tokyo", "23"),
        ],
        ["太郎", "健", "翔太", "大輔"],
        ["花子", "美咲", "由美", "陽子"],
        ["田中", "佐藤", "鈴木", "高橋", "渡辺"],
        companies=["桜精機", "富士物流", "大和商事", "青空電子"],
        company_pattern="{root}株式会社",
        name_order="family_first",
        honorifics=("様", "様"),
    ),
    CountryData(
        "CN",
        "zh",
        [
            ("上海", "Asia/Shanghai", "SH"),
            ("北京", "Asia/Shanghai", "BJ"),
            ("深圳", "Asia/Shanghai", "GD"),
        ],
        ["伟", "强", "磊", "军"],
        ["芳", "娜", "敏", "静"],
        ["王", "李", "张", "刘", "陈"],
        companies=["华南电子", "长江贸易", "东方纺织", "金龙物流"],
        company_pattern="{root}有限公司",
        name_order="family_first",
        honorifics=("先生", "女士"),
    ),
    CountryData(
        "SA",
        "ar",
        [
            ("الرياض", "Asia/Riyadh", "01"),
            ("جدة", "Asia/Riyadh", "02"),
            ("الدمام", "Asia/Riyadh", "04"),
        ],
        ["محمد", "عبدالله", "فهد", "خالد"],
        ["نورة", "سارة", "ريم", "هند"],
        ["العتيبي", "القحطاني", "الغامدي", "الشهري", "الدوسري"],
        companies=["الخليج للتجارة", "نجد للصناعة", "الواحة", "صحارى"],
        company_pattern="شركة {root}",
        honorifics=("السيد", "السيدة"),
    ),
    CountryData(
        "AE",
        "ar",
        [("Dubai", "Asia/Dubai", "DU"), ("Abu Dhabi", "Asia/Dubai", "AZ")],
        ["Ahmed", "Omar", "Saeed", "Rashid"],
        ["Fatima", "Mariam", "Aisha", "Noura"],
        ["Al Maktoum", "Al Nahyan", "Al Mansouri", "Al Falasi"],
        companies=["Gulf Horizon Trading", "Palm Logistics", "Desert Rose Hospitality"],
        company_pattern="{root} LLC",
        honorifics=("Mr", "Ms"),
    ),
    CountryData(
        "BR",
        "pt",
        [
            ("São Paulo", "America/Sao_Paulo", "SP"),
            ("Rio de Janeiro", "America/Sao_Paulo", "RJ"),
            ("Manaus", "America/Manaus", "AM"),
        ],
        ["João", "Luís", "Gonçalo", "Antônio"],
        ["Conceição", "Luíza", "Beatriz", "Fernanda"],
        ["Silva", "Conceição", "Araújo", "Gonçalves", "Magalhães"],
        companies=["Café Paulista", "Amazônia Verde", "Aço Forte", "Ipanema Têxtil"],
        company_pattern="{root} Ltda.",
        honorifics=("Sr.", "Sra."),
    ),
    CountryData(
        "IN",
        "hi",
        [
            ("Mumbai", "Asia/Kolkata", "MH"),
            ("Bengaluru", "Asia/Kolkata", "KA"),
            ("New Delhi", "Asia/Kolkata", "DL"),
        ],
        ["Rahul", "Arjun", "Vikram", "Sanjay"],
        ["Priya", "Ananya", "Kavya", "Meera"],
        ["Sharma", "Patel", "Iyer", "Reddy", "Gupta"],
        companies=["Lotus Software", "Ganga Textiles", "Deccan Pharma", "Indus Motors"],
        company_pattern="{root} Pvt. Ltd.",
        honorifics=("Mr", "Ms"),
    ),
    CountryData(
        "GB",
        "en",
        [
            ("London", "Europe/London", "LND"),
            ("Manchester", "Europe/London", "MAN"),
            ("Edinburgh", "Europe/London", "EDH"),
        ],
        ["Oliver", "Harry", "George", "William"],
        ["Amelia", "Isla", "Charlotte", "Sophie"],
        ["Taylor", "Brown", "Evans", "Thomas", "Roberts"],
        companies=["Thames Advisory", "Pennine Foods", "Highland Tweed"],
        company_pattern="{root} Ltd",
        honorifics=("Mr", "Ms"),
    ),
    CountryData(
        "FR",
        "fr",
        [
            ("Paris", "Europe/Paris", "75C"),
            ("Lyon", "Europe/Paris", "69M"),
            ("Marseille", "Europe/Paris", "13"),
        ],
        ["François", "Jérôme", "Benoît", "Noël"],
        ["Élodie", "Chloé", "Hélène", "Céline"],
        ["Lefèvre", "Girard", "Moreau", "Béranger", "Dubois"],
        companies=["Côte d'Azur Parfums", "Lumière Optique", "Forêt Noire Bois"],
        company_pattern="{root} SAS",
        honorifics=("M.", "Mme"),
    ),
    CountryData(
        "NG",
        "en",
        [("Lagos", "Africa/Lagos", "LA"), ("Abuja", "Africa/Lagos", "FC")],
        ["Chinedu", "Oluwaseun", "Emeka", "Tunde"],
        ["Ngozi", "Adaeze", "Funmilayo", "Chiamaka"],
        ["Okafor", "Adeyemi", "Balogun", "Eze", "Nwosu"],
        companies=["Niger Delta Energy", "Eko Foods", "Sahel Logistics"],
        company_pattern="{root} Ltd",
        honorifics=("Mr", "Mrs"),
    ),
    CountryData(
        "MX",
        "es",
        [
            ("Ciudad de México", "America/Mexico_City", "CMX"),
            ("Guadalajara", "America/Mexico_City", "JAL"),
            ("Tijuana", "America/Tijuana", "BCN"),
        ],
        ["José", "Andrés", "Sebastián", "Raúl"],
        ["María", "Sofía", "Lucía", "Verónica"],
        ["Hernández", "García", "Martínez", "López", "Pérez"],
        companies=["Maíz Dorado", "Azteca Cerámica", "Pacífico Exportaciones"],
        company_pattern="{root} S.A. de C.V.",
        honorifics=("Sr.", "Sra."),
    ),
    CountryData(
        "KR",
        "ko",
        [("서울", "Asia/Seoul", "11"), ("부산", "Asia/Seoul", "26")],
        ["민준", "서준", "도윤", "지호"],
        ["서연", "지우", "하은", "민서"],
        ["김", "이", "박", "최", "정"],
        companies=["한빛전자", "푸른바다물산", "새벽기술"],
        company_pattern="{root} 주식회사",
        name_order="family_first",
        honorifics=("님", "님"),
    ),
    CountryData(
        "NP",
        "ne",
        [("Kathmandu", "Asia/Kathmandu", None)],
        ["Ram", "Bikash", "Suman"],
        ["Sita", "Anita", "Sunita"],
        ["Shrestha", "Thapa", "Gurung", "Tamang"],
        companies=["Himalaya Treks", "Everest Tea"],
        company_pattern="{root} Pvt. Ltd.",
        honorifics=("Mr", "Ms"),
    ),
)
# Weights: the markets a rep of this app cares most about come up more often.
WEIGHTS = {"LV": 10, "SI": 8, "TH": 10, "TR": 10, "IR": 8, "DE": 8, "US": 8}

#: The demo's industries and tags are the rep's own words, not the customers': they are written
#: in the language of whoever makes the demo (translated when it is made), one language for all
#: accounts, as a rep's own labels are.
INDUSTRIES = (
    # TRANSLATORS: an industry of the demo's accounts (the same for the tags below)
    N_("Manufacturing"), N_("Logistics"), N_("Retail"), N_("Software"), N_("Food and beverage"),
    N_("Textiles"), N_("Energy"), N_("Healthcare"), N_("Hospitality"), N_("Construction"),
)  # fmt: skip
#: The demo user's own note on Thailand ("Your notes on Thailand"): the rep's words too, written
#: in the language of whoever makes the demo, as the industries and tags are.
# TRANSLATORS: a note the demo's user keeps on Thailand, shown under "Your notes on Thailand"
COUNTRY_NOTE = N_("Our Bangkok partners expect a follow-up call within a week of every visit.")
#: Roughly how many units of a currency one euro buys, late in 2025 (the ECB's reference rates;
#: the Saudi riyal, the dirham and the Nepalese rupee by their pegs to the dollar and the Indian
#: rupee; the naira at the Central Bank of Nigeria's rate; the rial at Tehran's open market, where
#: business is priced, not the official rate of a few essential imports): the demo draws its
#: amounts in euros and writes them in an account's currency at these, so an Iranian deal is
#: worth about as much as a German one (drawn as euros, a rial deal was worth a few cents).
EUR_RATES: Mapping[str, Decimal] = MappingProxyType({
    "EUR": Decimal(1), "USD": Decimal("1.16"), "GBP": Decimal("0.88"), "JPY": Decimal(180),
    "CNY": Decimal("8.2"), "KRW": Decimal(1700), "INR": Decimal(103), "NPR": Decimal(165),
    "THB": Decimal("37.5"), "TRY": Decimal(49), "IRR": Decimal(1_300_000),
    "SAR": Decimal("4.35"), "AED": Decimal("4.26"), "BRL": Decimal("6.2"), "MXN": Decimal("21.3"),
    "NGN": Decimal(1680),
})  # fmt: skip


def in_currency(euros: int, currency: str) -> Decimal:
    """An amount drawn as whole ``euros`` written in ``currency`` (:data:`EUR_RATES`), rounded
    as a price in it is: to as many figures as the euro amount had, in whole units at least (a
    rial amount to the million, baht to ten, pounds to one), so never finer than a currency's
    minor unit (none for the rial, the yen and the won: ``validation.currency_decimals``)."""
    rate = EUR_RATES[currency]
    step = Decimal(10) ** max(rate.adjusted(), 0)
    return ((Decimal(euros) * rate / step).quantize(Decimal(1), ROUND_HALF_EVEN) * step).quantize(
        Decimal(1)
    )


NPS_SCORES = (10, 9, 9, 8, 7, 6, 3)
CSAT_SCORES = (5, 4, 4, 3, 2)
TIERS = ("gold", "silver", "bronze")
OWNERS = ("Anna Ozola", "Deniz Arslan", "Marko Novak", "Ploy Srisuk", "Sara Karimi")
TAGS = (
    # TRANSLATORS: a tag of the demo's accounts, as a sales rep would label them
    N_("key account"), N_("distributor"), N_("trade fair"), N_("referral"), N_("pilot"),
    N_("renewal due"),
)  # fmt: skip
ROLES = ("decision_maker", "influencer", "champion", "gatekeeper", "user")
CHANNELS = ("email", "phone", "video", "messaging", "in_person")
KINDS = ("call", "meeting", "visit", "email", "message")


@dataclass(frozen=True)
class DemoTexts:
    """What the demo writes for the people of one language: interaction subjects (deal titles
    too), outcomes, follow-up titles, gifts and their occasions, notes, personal notes and job
    titles. Every language has the same entries in the same order as English (a test checks
    it), so a seed draws the same records whatever the language; ``*_f`` are the forms for a
    woman where the language marks them (empty: the same as for a man)."""

    subjects: tuple[str, ...]
    outcomes: tuple[str, ...]
    follow_up_titles: tuple[str, ...]
    gifts: tuple[str, ...]
    occasions: tuple[str, ...]
    notes: tuple[str, ...]
    personal_notes: tuple[str, ...]
    job_titles: tuple[str, ...]
    personal_notes_f: tuple[str, ...] = ()
    job_titles_f: tuple[str, ...] = ()


#: Demo texts by language (``CountryData.language``). A language missing here (Hindi and Nepali:
#: their business contacts write to a foreign partner in English) falls back to English.
DEMO_TEXTS: dict[str, DemoTexts] = {
    "en": DemoTexts(
        subjects=("Quarterly review", "Price negotiation", "Product demo", "Delivery delay",
                  "Contract renewal", "Site visit", "Introduction", "Support follow-up"),
        outcomes=("Agreed next steps", "Sent proposal", "Waiting for budget", "Order placed",
                  "Needs a technical answer"),
        follow_up_titles=("Call about the proposal", "Send price list", "Check delivery status",
                          "Prepare renewal offer", "Thank them for the visit"),
        gifts=("Box of local chocolates", "Company calendar", "Tea selection", "Book about Riga",
               "Desk plant"),
        occasions=("New Year", "Visit"),
        notes=("Prefers short meetings in the morning.", "Budget cycle starts in October.",
               "Very interested in the new product line.", "Ask about the new warehouse.",
               "Met at the trade fair in Hannover."),
        personal_notes=("Two children; loves football.", "Vegetarian.", "Does not drink alcohol.",
                        "Enjoys classical music.", "Keen cyclist."),
        job_titles=("CEO", "Purchasing Manager", "Head of Operations", "CFO", "Project Lead",
                    "Sales Director", "Office Manager", "Engineer"),
    ),
    "lv": DemoTexts(
        subjects=("Ceturkšņa pārskats", "Cenu sarunas", "Produkta demonstrācija",
                  "Piegādes kavējums", "Līguma pagarināšana", "Objekta apmeklējums",
                  "Iepazīšanās", "Atbalsta pieprasījuma pārbaude"),
        outcomes=("Vienojāmies par nākamajiem soļiem", "Nosūtīts piedāvājums", "Gaida budžetu",
                  "Saņemts pasūtījums", "Vajadzīga tehniska atbilde"),
        follow_up_titles=("Piezvanīt par piedāvājumu", "Nosūtīt cenrādi",
                          "Pārbaudīt piegādes statusu", "Sagatavot pagarināšanas piedāvājumu",
                          "Pateikties par vizīti"),
        gifts=("Vietējās šokolādes kārba", "Uzņēmuma kalendārs", "Tējas izlase",
               "Grāmata par Rīgu", "Augs rakstāmgaldam"),
        occasions=("Jaunais gads", "Vizīte"),
        notes=("Dod priekšroku īsām sanāksmēm no rīta.", "Budžeta cikls sākas oktobrī.",
               "Ļoti interesējas par jauno produktu līniju.", "Pajautāt par jauno noliktavu.",
               "Iepazināmies izstādē Hannoverē."),
        personal_notes=("Divi bērni; patīk futbols.", "Neēd gaļu.", "Nelieto alkoholu.",
                        "Patīk klasiskā mūzika.", "Aizrautīgi brauc ar velosipēdu."),
        job_titles=("Valdes priekšsēdētājs", "Iepirkumu vadītājs",
                    "Operatīvās darbības vadītājs", "Finanšu direktors", "Projekta vadītājs",
                    "Pārdošanas direktors", "Biroja vadītājs", "Inženieris"),
        job_titles_f=("Valdes priekšsēdētāja", "Iepirkumu vadītāja",
                      "Operatīvās darbības vadītāja", "Finanšu direktore", "Projekta vadītāja",
                      "Pārdošanas direktore", "Biroja vadītāja", "Inženiere"),
    ),
    "sl": DemoTexts(
        subjects=("Četrtletni pregled", "Pogajanja o ceni", "Predstavitev izdelka",
                  "Zamuda pri dobavi", "Podaljšanje pogodbe", "Obisk na lokaciji",
                  "Uvodni sestanek", "Spremljanje zahtevka za podporo"),
        outcomes=("Dogovorjeni naslednji koraki", "Poslana ponudba", "Čakamo na proračun",
                  "Naročilo oddano", "Potreben tehnični odgovor"),
        follow_up_titles=("Poklicati glede ponudbe", "Poslati cenik", "Preveriti stanje dobave",
                          "Pripraviti ponudbo za podaljšanje", "Zahvaliti se za obisk"),
        gifts=("Škatla lokalne čokolade", "Koledar podjetja", "Izbor čajev", "Knjiga o Rigi",
               "Rastlina za pisalno mizo"),
        occasions=("Novo leto", "Obisk"),
        notes=("Raje ima kratke sestanke zjutraj.", "Proračunsko obdobje se začne oktobra.",
               "Zelo jih zanima nova linija izdelkov.", "Vprašati o novem skladišču.",
               "Spoznali smo se na sejmu v Hannovru."),
        personal_notes=("Dva otroka; spremlja nogomet.", "Ne je mesa.", "Ne pije alkohola.",
                        "Posluša klasično glasbo.", "Veliko kolesari."),
        job_titles=("Generalni direktor", "Vodja nabave", "Vodja operative",
                    "Finančni direktor", "Vodja projekta", "Prodajni direktor", "Vodja pisarne",
                    "Inženir"),
        job_titles_f=("Generalna direktorica", "Vodja nabave", "Vodja operative",
                      "Finančna direktorica", "Vodja projekta", "Prodajna direktorica",
                      "Vodja pisarne", "Inženirka"),
    ),
    "th": DemoTexts(
        subjects=("ทบทวนผลงานรายไตรมาส", "เจรจาต่อรองราคา", "สาธิตผลิตภัณฑ์", "การจัดส่งล่าช้า",
                  "ต่ออายุสัญญา", "เยี่ยมชมสถานที่", "แนะนำตัว", "ติดตามเรื่องบริการหลังการขาย"),
        outcomes=("ตกลงขั้นตอนต่อไปแล้ว", "ส่งข้อเสนอแล้ว", "รองบประมาณ", "ได้รับคำสั่งซื้อแล้ว",
                  "ต้องการคำตอบด้านเทคนิค"),
        follow_up_titles=("โทรคุยเรื่องข้อเสนอ", "ส่งรายการราคา", "ตรวจสอบสถานะการจัดส่ง",
                          "เตรียมข้อเสนอต่ออายุสัญญา", "ขอบคุณสำหรับการเยี่ยมชม"),
        gifts=("กล่องช็อกโกแลตท้องถิ่น", "ปฏิทินบริษัท", "ชุดชาคัดสรร", "หนังสือเกี่ยวกับริกา",
               "ต้นไม้ตั้งโต๊ะ"),
        occasions=("ปีใหม่", "การเยี่ยมเยียน"),
        notes=("ชอบประชุมสั้น ๆ ช่วงเช้า", "รอบงบประมาณเริ่มเดือนตุลาคม", "สนใจสินค้าไลน์ใหม่มาก",
               "สอบถามเรื่องคลังสินค้าแห่งใหม่", "รู้จักกันที่งานแสดงสินค้าที่ฮันโนเวอร์"),
        personal_notes=("มีลูกสองคน ชอบฟุตบอล", "ทานมังสวิรัติ", "ไม่ดื่มแอลกอฮอล์",
                        "ชอบฟังเพลงคลาสสิก", "ชอบปั่นจักรยานมาก"),
        job_titles=("ประธานเจ้าหน้าที่บริหาร", "ผู้จัดการฝ่ายจัดซื้อ", "หัวหน้าฝ่ายปฏิบัติการ",
                    "ประธานเจ้าหน้าที่ฝ่ายการเงิน", "หัวหน้าโครงการ", "ผู้อำนวยการฝ่ายขาย",
                    "ผู้จัดการสำนักงาน", "วิศวกร"),
    ),
    "tr": DemoTexts(
        subjects=("Üç aylık değerlendirme", "Fiyat görüşmesi", "Ürün tanıtımı",
                  "Teslimat gecikmesi", "Sözleşme yenileme", "Yerinde ziyaret",
                  "Tanışma toplantısı", "Destek talebi takibi"),
        outcomes=("Sonraki adımlarda anlaşıldı", "Teklif gönderildi", "Bütçe bekleniyor",
                  "Sipariş verildi", "Teknik yanıt gerekiyor"),
        follow_up_titles=("Teklif hakkında ara", "Fiyat listesini gönder",
                          "Teslimat durumunu kontrol et", "Yenileme teklifini hazırla",
                          "Ziyaret için teşekkür et"),
        gifts=("Yöresel çikolata kutusu", "Şirket takvimi", "Çay seçkisi",
               "Riga hakkında bir kitap", "Masa bitkisi"),
        occasions=("Yılbaşı", "Ziyaret"),
        notes=("Sabahları kısa toplantıları tercih ediyor.", "Bütçe dönemi ekimde başlıyor.",
               "Yeni ürün serisiyle çok ilgileniyor.", "Yeni depoyu sor.",
               "Hannover'deki fuarda tanıştık."),
        personal_notes=("İki çocuğu var; futbolu seviyor.", "Vejetaryen.", "Alkol kullanmıyor.",
                        "Klasik müzikten hoşlanıyor.", "Bisiklete binmeyi çok seviyor."),
        job_titles=("Genel Müdür", "Satın Alma Müdürü", "Operasyon Müdürü", "Finans Direktörü",
                    "Proje Yöneticisi", "Satış Direktörü", "Ofis Müdürü", "Mühendis"),
    ),
    # Persian: U+200C (zero-width non-joiner) keeps the parts of a word apart, as in گام‌ها.
    "fa": DemoTexts(
        subjects=("بررسی فصلی", "مذاکره بر سر قیمت", "نمایش محصول", "تأخیر در تحویل",
                  "تمدید قرارداد", "بازدید از محل", "آشنایی", "پیگیری پشتیبانی"),
        outcomes=("برای گام\u200cهای بعدی توافق شد", "پیشنهاد فرستاده شد", "در انتظار بودجه",
                  "سفارش ثبت شد", "پاسخ فنی لازم است"),
        follow_up_titles=("تماس درباره پیشنهاد", "فرستادن فهرست قیمت", "بررسی وضعیت تحویل",
                          "آماده\u200cکردن پیشنهاد تمدید", "تشکر برای بازدید"),
        gifts=("جعبه شکلات محلی", "تقویم شرکت", "مجموعه چای", "کتابی درباره ریگا",
               "گیاه رومیزی"),
        occasions=("نوروز", "بازدید"),
        notes=("جلسه\u200cهای کوتاه صبحگاهی را ترجیح می\u200cدهد.",
               "چرخه بودجه از مهر آغاز می\u200cشود.",
               "به خط محصولات جدید بسیار علاقه\u200cمند است.", "درباره انبار جدید بپرسید.",
               "در نمایشگاه هانوفر آشنا شدیم."),
        personal_notes=("دو فرزند دارد؛ عاشق فوتبال است.", "گیاه\u200cخوار است.",
                        "الکل نمی\u200cنوشد.", "به موسیقی کلاسیک علاقه دارد.",
                        "دوچرخه\u200cسواری را بسیار دوست دارد."),
        job_titles=("مدیرعامل", "مدیر خرید", "مدیر عملیات", "مدیر مالی", "مدیر پروژه",
                    "مدیر فروش", "مدیر دفتر", "مهندس"),
    ),
    "de": DemoTexts(
        subjects=("Quartalsgespräch", "Preisverhandlung", "Produktvorführung", "Lieferverzug",
                  "Vertragsverlängerung", "Besuch vor Ort", "Kennenlernen",
                  "Rückfrage zum Supportfall"),
        outcomes=("Nächste Schritte vereinbart", "Angebot geschickt", "Wartet auf Budget",
                  "Auftrag erteilt", "Technische Antwort nötig"),
        follow_up_titles=("Wegen des Angebots anrufen", "Preisliste schicken",
                          "Lieferstatus prüfen", "Verlängerungsangebot vorbereiten",
                          "Für den Besuch bedanken"),
        gifts=("Schachtel regionaler Pralinen", "Firmenkalender", "Teeauswahl",
               "Buch über Riga", "Schreibtischpflanze"),
        occasions=("Neujahr", "Besuch"),
        notes=("Bevorzugt kurze Termine am Vormittag.", "Der Budgetzyklus beginnt im Oktober.",
               "Sehr interessiert an der neuen Produktlinie.", "Nach dem neuen Lager fragen.",
               "Auf der Messe in Hannover kennengelernt."),
        personal_notes=("Zwei Kinder; liebt Fußball.", "Isst kein Fleisch.",
                        "Trinkt keinen Alkohol.", "Hört gern klassische Musik.",
                        "Fährt begeistert Rad."),
        job_titles=("Geschäftsführer", "Einkaufsleiter", "Betriebsleiter",
                    "Kaufmännischer Leiter", "Projektleiter", "Vertriebsleiter", "Büroleiter",
                    "Ingenieur"),
        job_titles_f=("Geschäftsführerin", "Einkaufsleiterin", "Betriebsleiterin",
                      "Kaufmännische Leiterin", "Projektleiterin", "Vertriebsleiterin",
                      "Büroleiterin", "Ingenieurin"),
    ),
    "fr": DemoTexts(
        subjects=("Revue trimestrielle", "Négociation tarifaire", "Démonstration produit",
                  "Retard de livraison", "Renouvellement du contrat", "Visite sur site",
                  "Prise de contact", "Suivi d'une demande d'assistance"),
        outcomes=("Prochaines étapes convenues", "Proposition envoyée", "En attente du budget",
                  "Commande passée", "Réponse technique nécessaire"),
        follow_up_titles=("Appeler au sujet de la proposition", "Envoyer la grille tarifaire",
                          "Vérifier l'état de la livraison", "Préparer l'offre de renouvellement",
                          "Remercier pour la visite"),
        gifts=("Boîte de chocolats locaux", "Calendrier de l'entreprise", "Assortiment de thés",
               "Livre sur Riga", "Plante de bureau"),
        occasions=("Nouvel An", "Visite"),
        notes=("Préfère les réunions courtes le matin.",
               "Le cycle budgétaire commence en octobre.",
               "Grand intérêt pour la nouvelle gamme de produits.",
               "Poser des questions sur le nouvel entrepôt.",
               "Premier contact au salon de Hanovre."),
        personal_notes=("Deux enfants, adore le football.", "Ne mange pas de viande.",
                        "Ne boit pas d'alcool.", "Aime la musique classique.",
                        "Fait beaucoup de vélo."),
        job_titles=("Directeur général", "Responsable des achats", "Directeur des opérations",
                    "Directeur financier", "Chef de projet", "Directeur commercial",
                    "Responsable administratif", "Ingénieur"),
        job_titles_f=("Directrice générale", "Responsable des achats",
                      "Directrice des opérations", "Directrice financière", "Cheffe de projet",
                      "Directrice commerciale", "Responsable administrative", "Ingénieure"),
    ),
    "es": DemoTexts(
        subjects=("Revisión trimestral", "Negociación de precios", "Demostración del producto",
                  "Retraso en la entrega", "Renovación del contrato",
                  "Visita a las instalaciones", "Presentación", "Seguimiento de soporte"),
        outcomes=("Se acordaron los siguientes pasos", "Propuesta enviada",
                  "En espera de presupuesto", "Pedido realizado", "Requiere respuesta técnica"),
        follow_up_titles=("Llamar sobre la propuesta", "Enviar lista de precios",
                          "Revisar el estado de la entrega", "Preparar oferta de renovación",
                          "Agradecer la visita"),
        gifts=("Caja de chocolates locales", "Calendario de la empresa", "Selección de tés",
               "Libro sobre Riga", "Planta de escritorio"),
        occasions=("Año Nuevo", "Visita"),
        notes=("Prefiere reuniones cortas por la mañana.",
               "El ciclo presupuestario empieza en octubre.",
               "Mucho interés en la nueva línea de productos.",
               "Preguntar por el nuevo almacén.", "Nos conocimos en la feria de Hannover."),
        personal_notes=("Dos hijos; le encanta el fútbol.", "No come carne.", "No bebe alcohol.",
                        "Le gusta la música clásica.", "Sale mucho en bicicleta."),
        job_titles=("Director general", "Gerente de compras", "Director de operaciones",
                    "Director de finanzas", "Líder de proyecto", "Director de ventas",
                    "Gerente de oficina", "Ingeniero"),
        job_titles_f=("Directora general", "Gerente de compras", "Directora de operaciones",
                      "Directora de finanzas", "Líder de proyecto", "Directora de ventas",
                      "Gerente de oficina", "Ingeniera"),
    ),
    "pt": DemoTexts(
        subjects=("Revisão trimestral", "Negociação de preço", "Demonstração do produto",
                  "Atraso na entrega", "Renovação do contrato", "Visita às instalações",
                  "Apresentação", "Acompanhamento do suporte"),
        outcomes=("Próximos passos combinados", "Proposta enviada", "Aguardando orçamento",
                  "Pedido feito", "Precisa de resposta técnica"),
        follow_up_titles=("Ligar sobre a proposta", "Enviar tabela de preços",
                          "Verificar o status da entrega", "Preparar oferta de renovação",
                          "Agradecer pela visita"),
        gifts=("Caixa de chocolates locais", "Calendário da empresa", "Seleção de chás",
               "Livro sobre Riga", "Planta de mesa"),
        occasions=("Ano-Novo", "Visita"),
        notes=("Prefere reuniões curtas pela manhã.", "O ciclo orçamentário começa em outubro.",
               "Muito interesse na nova linha de produtos.", "Perguntar sobre o novo armazém.",
               "Nos conhecemos na feira de Hannover."),
        personal_notes=("Dois filhos; adora futebol.", "Não come carne.", "Não bebe álcool.",
                        "Gosta de música clássica.", "Pedala muito."),
        job_titles=("Diretor-presidente", "Gerente de compras", "Diretor de operações",
                    "Diretor financeiro", "Líder de projeto", "Diretor comercial",
                    "Gerente administrativo", "Engenheiro"),
        job_titles_f=("Diretora-presidente", "Gerente de compras", "Diretora de operações",
                      "Diretora financeira", "Líder de projeto", "Diretora comercial",
                      "Gerente administrativa", "Engenheira"),
    ),
    "ja": DemoTexts(
        subjects=("四半期レビュー", "価格交渉", "製品デモ", "納期遅延", "契約更新", "現地訪問",
                  "初回面談", "サポート対応のフォローアップ"),
        outcomes=("次のステップで合意", "提案書を送付", "予算待ち", "受注", "技術的な回答が必要"),
        follow_up_titles=("提案書の件で電話する", "価格表を送る", "納品状況を確認する",
                          "更新の提案を準備する", "訪問のお礼を伝える"),
        gifts=("地元のチョコレート詰め合わせ", "会社カレンダー", "お茶の詰め合わせ",
               "リガについての本", "卓上の観葉植物"),
        occasions=("新年", "訪問"),
        notes=("午前中の短い打ち合わせを好む。", "予算サイクルは10月に始まる。",
               "新製品ラインに強い関心あり。", "新しい倉庫について聞くこと。",
               "ハノーファーの見本市で知り合った。"),
        personal_notes=("子ども2人、サッカー好き。", "ベジタリアン。", "お酒は飲まない。",
                        "クラシック音楽が好き。", "サイクリングが趣味。"),
        job_titles=("代表取締役社長", "購買部長", "業務部長", "最高財務責任者",
                    "プロジェクトリーダー", "営業部長", "総務マネージャー", "エンジニア"),
    ),
    "zh": DemoTexts(
        subjects=("季度回顾", "价格谈判", "产品演示", "交货延迟", "合同续签", "现场拜访",
                  "初次介绍", "售后支持跟进"),
        outcomes=("已商定后续步骤", "已发送方案", "等待预算", "已下订单", "需要技术答复"),
        follow_up_titles=("就方案致电", "发送价目表", "查询交货状态", "准备续约报价", "感谢来访"),
        gifts=("本地巧克力礼盒", "公司台历", "茶叶礼盒", "关于里加的书", "桌面盆栽"),
        occasions=("春节", "拜访"),
        notes=("喜欢上午开简短的会议。", "预算周期从十月开始。", "对新产品线很感兴趣。",
               "询问新仓库的情况。", "在汉诺威展会上认识。"),
        personal_notes=("有两个孩子；喜欢足球。", "素食。", "不喝酒。", "喜欢古典音乐。",
                        "热爱骑行。"),
        job_titles=("首席执行官", "采购经理", "运营总监", "首席财务官", "项目负责人", "销售总监",
                    "行政经理", "工程师"),
    ),
    "ko": DemoTexts(
        subjects=("분기 검토", "가격 협상", "제품 시연", "납품 지연", "계약 갱신", "현장 방문",
                  "첫 인사", "지원 요청 후속 조치"),
        outcomes=("다음 단계 합의", "제안서 발송", "예산 대기 중", "주문 완료", "기술 답변 필요"),
        follow_up_titles=("제안서 관련 전화", "가격표 발송", "배송 상태 확인", "갱신 제안 준비",
                          "방문 감사 인사"),
        gifts=("지역 초콜릿 세트", "회사 달력", "차 선물 세트", "리가에 관한 책", "탁상용 화분"),
        occasions=("설날", "방문"),
        notes=("오전의 짧은 회의를 선호함.", "예산 주기는 10월에 시작됨.",
               "새 제품군에 관심이 많음.", "새 창고에 대해 물어볼 것.", "하노버 박람회에서 만남."),
        personal_notes=("자녀 둘; 축구를 좋아함.", "채식주의자.", "술을 마시지 않음.",
                        "클래식 음악을 즐김.", "자전거 타기를 좋아함."),
        job_titles=("대표이사", "구매 팀장", "운영 본부장", "최고재무책임자", "프로젝트 리더",
                    "영업 이사", "총무 팀장", "엔지니어"),
    ),
    "ar": DemoTexts(
        subjects=("مراجعة ربع سنوية", "مفاوضات الأسعار", "عرض توضيحي للمنتج", "تأخر التسليم",
                  "تجديد العقد", "زيارة ميدانية", "لقاء تعارف", "متابعة طلب الدعم"),
        outcomes=("تم الاتفاق على الخطوات التالية", "تم إرسال العرض", "بانتظار الميزانية",
                  "تم تقديم الطلب", "يلزم رد فني"),
        follow_up_titles=("الاتصال بشأن العرض", "إرسال قائمة الأسعار",
                          "التحقق من حالة التسليم", "إعداد عرض التجديد", "الشكر على الزيارة"),
        gifts=("علبة شوكولاتة محلية", "تقويم الشركة", "تشكيلة من الشاي", "كتاب عن ريغا",
               "نبتة مكتبية"),
        occasions=("رأس السنة", "زيارة"),
        notes=("يُفضَّل عقد اجتماعات قصيرة صباحًا.", "تبدأ دورة الميزانية في أكتوبر.",
               "اهتمام كبير بخط المنتجات الجديد.", "الاستفسار عن المستودع الجديد.",
               "تعارفنا في معرض هانوفر التجاري."),
        personal_notes=("لديه طفلان؛ يحب كرة القدم.", "نباتي.", "لا يشرب الكحول.",
                        "يستمتع بالموسيقى الكلاسيكية.", "يحب ركوب الدراجات."),
        personal_notes_f=("لديها طفلان؛ تحب كرة القدم.", "نباتية.", "لا تشرب الكحول.",
                          "تستمتع بالموسيقى الكلاسيكية.", "تحب ركوب الدراجات."),
        job_titles=("الرئيس التنفيذي", "مدير المشتريات", "مدير العمليات", "المدير المالي",
                    "مدير المشروع", "مدير المبيعات", "مدير المكتب", "مهندس"),
        job_titles_f=("الرئيسة التنفيذية", "مديرة المشتريات", "مديرة العمليات",
                      "المديرة المالية", "مديرة المشروع", "مديرة المبيعات", "مديرة المكتب",
                      "مهندسة"),
    ),
}  # fmt: skip


def demo_texts(language: str) -> DemoTexts:
    """The demo texts for people who speak ``language``; English where there are none."""
    return DEMO_TEXTS.get(language, DEMO_TEXTS["en"])


@dataclass
class DemoSummary:
    accounts: int = 0
    contacts: int = 0
    interactions: int = 0
    follow_ups: int = 0
    deals: int = 0
    surveys: int = 0
    gifts: int = 0
    notes: int = 0
    countries: set[str] = field(default_factory=set)

    def describe(self) -> str:
        """One line for the status bar and the command line: what was added, as a list of
        counts (each with its own plural), then the number of countries."""
        n = format_number
        items = (
            ngettext("{n} account", "{n} accounts", self.accounts).format(n=n(self.accounts)),
            ngettext("{n} contact", "{n} contacts", self.contacts).format(n=n(self.contacts)),
            ngettext("{n} interaction", "{n} interactions", self.interactions).format(
                n=n(self.interactions)
            ),
            ngettext("{n} follow-up", "{n} follow-ups", self.follow_ups).format(
                n=n(self.follow_ups)
            ),
            ngettext("{n} deal", "{n} deals", self.deals).format(n=n(self.deals)),
            ngettext("{n} survey answer", "{n} survey answers", self.surveys).format(
                n=n(self.surveys)
            ),
        )
        countries = len(self.countries)
        where = ngettext(
            "The accounts are in {n} country.", "The accounts are in {n} countries.", countries
        ).format(n=n(countries))
        return _("Added demo data: {items}.").format(items=format_list(items)) + " " + where


class DemoCancelled(UserError):
    pass


def _stage(deal_id: str, status: str) -> str:
    """A deal's stage, drawn from its id so that the data's own random draws stay as they
    were: a won deal went through negotiation; open and lost deals stand at any stage, open
    ones more often early."""
    if status == "won":
        return "negotiation"  # the last of DEAL_STAGE
    draw = random.Random(deal_id)
    return draw.choices(tuple(DEAL_STAGE), (35, 30, 20, 15))[0]


def _make_id(rng: random.Random, when: datetime) -> str:
    """A deterministic UUIDv7: the instant's milliseconds, then seeded random bits."""
    return uuid7_from(int(when.timestamp() * 1000), rng.getrandbits(74))


class _Phones:
    """Valid numbers per country: the example number with its last digits varied."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], list[str]] = {}
        self._next: dict[str, int] = {}  # a drawn number's first digits -> the next ending
        self._start: dict[str, int] = {}  # those first digits -> the ending their steps start at

    def own(self, drawn: str) -> str:
        """A number no other demo contact has, from one :meth:`pool` drew: the last six digits
        of the numbers with its first digits stepped through every ending once (by a stride
        prime to 10**6, so that they look drawn, from the ending of the first one drawn), the
        valid ones only. Drawn as they were, numbers were shared by dozens of strangers, each
        pair a "likely duplicate" on the Duplicates screen of a new user's demo data; stepped
        from each drawn number's own ending, two of them met now and then (2,673 pairs in a
        100,000-account demo)."""
        prefix = drawn[:-6]
        start = self._start.setdefault(prefix, int(drawn[-6:]))
        step = self._next.get(prefix, 0)
        for _attempt in range(100):
            if step >= 1_000_000:
                break
            candidate = f"{prefix}{(start + step * 104_729) % 1_000_000:06d}"
            step += 1
            if phonenumbers.is_valid_number(phonenumbers.parse(candidate, None)):
                self._next[prefix] = step
                return candidate
        self._next[prefix] = step
        return drawn  # no valid ending left there: shared, as before

    def pool(self, country: str, kind: str) -> list[str]:
        key = (country, kind)
        if key not in self._cache:
            types = {
                "mobile": phonenumbers.PhoneNumberType.MOBILE,
                "work": phonenumbers.PhoneNumberType.FIXED_LINE,
            }
            example = phonenumbers.example_number_for_type(country, types[kind])
            numbers: list[str] = []
            if example is not None:
                national = str(example.national_number)
                local = random.Random(f"{country}{kind}")
                for _attempt in range(60):
                    tail = "".join(str(local.randrange(10)) for _digit in range(4))
                    candidate = phonenumbers.parse(
                        f"+{example.country_code}{national[:-4]}{tail}", None
                    )
                    if phonenumbers.is_valid_number(candidate):
                        numbers.append(
                            phonenumbers.format_number(
                                candidate, phonenumbers.PhoneNumberFormat.E164
                            )
                        )
            self._cache[key] = numbers
        return self._cache[key]


def _ascii_handle(text: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", search.fold(text))
    handle = "".join(ch for ch in folded if ch.isascii() and ch.isalnum())
    return handle


def generate(
    db: Database,
    *,
    accounts: int = 500,
    seed: int = 1,
    anchor: date | None = None,
    clock: Clock = system_clock,
    progress: Callable[[int, int], bool] | None = None,
) -> DemoSummary:
    """Add ``accounts`` demo accounts with contacts and history to ``db`` in one transaction."""
    rng = random.Random(seed)
    now = clock()
    today = anchor or now.date()
    start = today - timedelta(days=3 * 365)
    phones = _Phones()
    summary = DemoSummary()
    weights = [WEIGHTS.get(c.code, 4) for c in COUNTRIES]
    rows: dict[str, list[dict[str, Any]]] = {
        name: []
        for name in ("accounts", "contacts", "dates", "interactions", "participants",
                     "follow_ups", "deals", "surveys", "gifts", "notes", "account_tags")
    }  # fmt: skip
    docs: list[search.Document] = []
    tag_ids = {name: _make_id(rng, now) for name in TAGS}
    industries = [_(name) for name in INDUSTRIES]
    tag_names = {name: _(name) for name in TAGS}  # in the language of whoever makes the demo
    account_ids: list[str] = []

    def stamp(day: date) -> datetime:
        return datetime.combine(day, time(9), UTC) + timedelta(minutes=rng.randrange(600))

    for index in range(accounts):
        if progress is not None and index % 500 == 0 and not progress(index, accounts):
            raise DemoCancelled(_("Demo generation was cancelled; nothing was added."))
        country = rng.choices(COUNTRIES, weights)[0]
        texts = demo_texts(country.language)
        summary.countries.add(country.code)
        city, zone, subdivision = rng.choice(country.cities)
        root = rng.choice(country.companies)
        name = country.company_pattern.format(root=root)
        if index >= 40:  # beyond the first few, keep the names apart with a number
            name = f"{name} {index + 1}"
        status = rng.choices(("active", "prospect", "lost"), (70, 20, 10))[0]
        since = (
            start + timedelta(days=rng.randrange(3 * 365 - 30)) if status != "prospect" else None
        )
        lost_on = None
        if status == "lost" and since is not None:
            lost_on = min(today, since + timedelta(days=rng.randrange(60, 900)))
        created = stamp(since or today - timedelta(days=rng.randrange(200)))
        account_id = _make_id(rng, created)
        referred = rng.choice(account_ids) if account_ids and rng.random() < 0.15 else None
        handle = _ascii_handle(root) or f"company{index}"
        account = {
            "id": account_id, "name": name, "industry": rng.choice(industries),
            "size_band": rng.choice(SIZE_BANDS),
            "website": f"https://www.{handle}.example", "country": country.code,
            "subdivision": subdivision, "city": city, "address": None, "timezone": zone,
            "currency": country.currency, "tier": rng.choice(TIERS), "status": status,
            "customer_since": since, "lost_on": lost_on, "owner": rng.choice(OWNERS),
            "referred_by_id": referred,
            "acquisition_cost": (
                in_currency(rng.randrange(200, 5000), country.currency) if since else None
            ),
            "notes": rng.choice(texts.notes) if rng.random() < 0.3 else None,
            "created_at": created, "updated_at": created, "deleted_at": None,
        }  # fmt: skip
        rows["accounts"].append(account)
        account_ids.append(account_id)
        chosen_tags = rng.sample(TAGS, rng.choice((0, 0, 1, 1, 2)))
        for tag in chosen_tags:
            rows["account_tags"].append({"account_id": account_id, "tag_id": tag_ids[tag]})
        docs.append(search.account_document(account, [tag_names[t] for t in chosen_tags]))
        summary.accounts += 1
        contact_ids: list[tuple[str, str]] = []
        for _person in range(rng.choice((1, 2, 3, 3, 4, 5))):
            female = rng.random() < 0.5
            given = rng.choice(country.given_f if female else country.given_m)
            families = country.family_f if (female and country.family_f) else country.family
            family = rng.choice(families)
            contact_id = _make_id(rng, created)
            email_given = _ascii_handle(given) or "contact"
            email_family = _ascii_handle(family) or str(summary.contacts)
            email = f"{email_given}.{email_family}@{handle}.example"
            numbers = phones.pool(country.code, "mobile")
            phone_list = (
                [{"label": "mobile", "value": phones.own(rng.choice(numbers))}] if numbers else []
            )
            personal = rng.choice(
                (*((female and texts.personal_notes_f) or texts.personal_notes), None, None)
            )
            job = rng.choice((female and texts.job_titles_f) or texts.job_titles)
            honorific = country.honorifics[1 if female else 0]
            early = rng.random() < 0.1  # a contact who works 08:00-16:00
            rows["contacts"].append({
                "id": contact_id, "account_id": account_id, "given_name": given,
                "family_name": family, "name_order": country.name_order, "honorific": honorific,
                "job_title": job, "buying_role": rng.choice(ROLES),
                "emails": [{"label": "work", "value": email}], "phones": phone_list,
                "preferred_channel": rng.choice(CHANNELS), "preferred_language": country.language,
                "formality": rng.choice(("formal", "formal", "informal")), "country": country.code,
                "subdivision": subdivision, "city": city, "timezone": zone,
                "work_start": "08:00" if early else None,
                "work_end": "16:00" if early else None,
                "personal_notes": personal, "how_we_met": None,
                "lawful_basis": rng.choice(("legitimate_interests", "consent", "contract")),
                "consent_given_on": None, "consent_withdrawn_on": None,
                "marketing_opt_in": rng.random() < 0.4,
                "stay_in_touch_days": rng.choice((None, None, 30, 60, 90)),
                "created_at": created, "updated_at": created, "deleted_at": None,
            })  # fmt: skip
            if rng.random() < 0.6:
                birthday = date(
                    rng.randrange(1960, 2000), rng.randrange(1, 13), rng.randrange(1, 29)
                )
                rows["dates"].append({
                    "id": _make_id(rng, created), "contact_id": contact_id, "kind": "birthday",
                    "label": None, "month": birthday.month, "day": birthday.day,
                    "year": birthday.year, "remind": True,
                })  # fmt: skip
            docs.append(search.contact_document(rows["contacts"][-1]))
            contact_ids.append((contact_id, zone))
            summary.contacts += 1
        # History: interactions over three years (more for active customers).
        touches = rng.randrange(2, 10) if status == "active" else rng.randrange(0, 4)
        for _touch in range(touches):
            day = start + timedelta(days=rng.randrange((today - start).days))
            when = stamp(day)
            who = rng.sample(contact_ids, min(len(contact_ids), rng.choice((1, 1, 2))))
            interaction_id = _make_id(rng, when)
            kind = rng.choice(KINDS)
            rows["interactions"].append({
                "id": interaction_id, "account_id": account_id, "kind": kind,
                "occurred_at": when, "occurred_zone": who[0][1],
                "duration_minutes": rng.choice((15, 30, 45, 60, 90)),
                "subject": rng.choice(texts.subjects), "notes": rng.choice(texts.notes),
                "outcome": rng.choice((*texts.outcomes, None)),
                "sentiment": rng.choice(("positive", "positive", "neutral", "negative")),
                "csat_score": rng.choice((None, None, 3, 4, 5, 5)),
                "created_at": when, "updated_at": when, "deleted_at": None,
            })  # fmt: skip
            for contact_id, _zone in who:
                rows["participants"].append(
                    {"interaction_id": interaction_id, "contact_id": contact_id}
                )
            summary.interactions += 1
        # Follow-ups around today, at a sensible local time in the contact's zone.
        for _item in range(rng.choice((0, 1, 1, 2))):
            contact_id, zone = rng.choice(contact_ids)
            local_day = today + timedelta(days=rng.randrange(-10, 30))
            local = datetime.combine(local_day, time(rng.choice((9, 10, 11, 14, 15)), 0))
            due = to_instant(local, zone)
            done = local_day < today and rng.random() < 0.5
            rule = "FREQ=MONTHLY;INTERVAL=3" if rng.random() < 0.1 else None
            rows["follow_ups"].append({
                "id": _make_id(rng, created), "contact_id": contact_id, "account_id": account_id,
                "title": rng.choice(texts.follow_up_titles), "notes": None,
                "local_due": local.isoformat(timespec="seconds"), "zone": zone, "due_at": due,
                "duration_minutes": 30, "status": "done" if done else "open",
                "completed_at": due if done else None, "snoozed_until": None, "notified_at": None,
                "rrule": rule, "rrule_start": local.isoformat(timespec="seconds") if rule else None,
                "move_to_working_day": True, "origin": "manual",
                "created_at": created, "updated_at": created, "deleted_at": None,
            })  # fmt: skip
            summary.follow_ups += 1
        if since is not None:
            for _deal in range(rng.randrange(0, 5)):
                closed = since + timedelta(days=rng.randrange(max(1, (today - since).days)))
                deal_status = rng.choices(("won", "lost", "open"), (70, 15, 15))[0]
                deal_id = _make_id(rng, stamp(closed))
                title = rng.choice(texts.subjects)  # drawn in this order: a seed's data stays
                euros = rng.randrange(500, 50000)
                currency = country.currency if rng.random() < 0.5 else "EUR"
                rows["deals"].append({
                    "id": deal_id, "account_id": account_id, "stage": _stage(deal_id, deal_status),
                    "title": title, "amount": in_currency(euros, currency), "currency": currency,
                    "status": deal_status,
                    "closed_on": None if deal_status == "open" else closed,
                    "created_at": stamp(closed), "updated_at": stamp(closed), "deleted_at": None,
                })  # fmt: skip
                summary.deals += 1
            for _answer in range(rng.randrange(0, 3)):
                answered = since + timedelta(days=rng.randrange(max(1, (today - since).days)))
                contact_id, _zone = rng.choice(contact_ids)
                nps = rng.random() < 0.6
                rows["surveys"].append({
                    "id": _make_id(rng, stamp(answered)), "account_id": account_id,
                    "contact_id": contact_id, "kind": "nps" if nps else "csat",
                    "score": rng.choice(NPS_SCORES if nps else CSAT_SCORES),
                    "answered_on": answered, "comment": None,
                    "created_at": stamp(answered), "updated_at": stamp(answered),
                    "deleted_at": None,
                })  # fmt: skip
                summary.surveys += 1
        if rng.random() < 0.25:
            given_on = start + timedelta(days=rng.randrange((today - start).days))
            contact_id, _zone = rng.choice(contact_ids)
            rows["gifts"].append({
                "id": _make_id(rng, stamp(given_on)), "account_id": account_id,
                "contact_id": contact_id, "direction": rng.choice(("given", "given", "received")),
                "description": rng.choice(texts.gifts),
                "occasion": rng.choice((*texts.occasions, None)),
                "given_on": given_on, "value": in_currency(rng.randrange(10, 80), "EUR"),
                "currency": "EUR",
                "notes": None, "created_at": stamp(given_on), "updated_at": stamp(given_on),
                "deleted_at": None,
            })  # fmt: skip
            summary.gifts += 1
        if rng.random() < 0.3:
            when = stamp(today - timedelta(days=rng.randrange(400)))
            rows["notes"].append({
                "id": _make_id(rng, when), "account_id": account_id, "contact_id": None,
                "body": rng.choice(texts.notes), "created_at": when, "updated_at": when,
                "deleted_at": None,
            })  # fmt: skip
            summary.notes += 1

    if progress is not None and not progress(accounts, accounts):
        raise DemoCancelled(_("Demo generation was cancelled; nothing was added."))
    tables = {
        "accounts": table(Account), "contacts": table(Contact),
        "dates": table(ImportantDate), "interactions": table(Interaction),
        "participants": interaction_participants, "follow_ups": table(FollowUp),
        "deals": table(Deal), "surveys": table(SurveyResponse), "gifts": table(Gift),
        "notes": table(Note), "account_tags": account_tags,
    }  # fmt: skip
    with db.transaction() as session:
        conn = session.connection()
        first = [row["id"] for row in rows["accounts"][:50]]
        account_table = table(Account)
        if (
            first
            and conn.execute(
                account_table.select()
                .with_only_columns(account_table.c.id)
                .where(account_table.c.id.in_(first))
            ).first()
        ):
            raise UserError(
                _(
                    "This database already holds the demo data made today with seed {seed}; "
                    "choose another seed (--seed) or another database."
                ).format(seed=seed)
            )
        # a tag already there is reused whatever its case, as every tag is (clean_tags)
        existing = {
            tag_key(name): tag_id for tag_id, name in conn.execute(
                table(Tag).select().with_only_columns(table(Tag).c.id, table(Tag).c.name))
        }  # fmt: skip
        new_tags = [
            {"id": tag_ids[n], "name": tag_names[n], "created_at": now}
            for n in TAGS
            if tag_key(tag_names[n]) not in existing
        ]
        for row in rows["account_tags"]:
            name = next(n for n, i in tag_ids.items() if i == row["tag_id"])
            row["tag_id"] = existing.get(tag_key(tag_names[name]), row["tag_id"])
        if new_tags:
            conn.execute(insert(table(Tag)), new_tags)
        # Referrers must exist before the accounts that name them: they come earlier in the list.
        for name, target in tables.items():
            batch = rows[name]
            for offset in range(0, len(batch), 20000):
                bulk_insert(conn, target, batch[offset : offset + 20000])
        if not existing:
            conn.execute(
                insert(table(CountryNote)),
                [{"id": _make_id(rng, now), "country": "TH", "body": _demo_country_note(),
                  "created_at": now, "updated_at": now, "deleted_at": None}],
            )  # fmt: skip
        search.index_documents(conn, docs, fresh=True)
        # Made-up history is not a backlog: stay-in-touch counts start now.
        start_stay_in_touch_clock(session, now)
    return summary


def _demo_country_note() -> str:
    """The demo user's own note on Thailand, in their language (:data:`COUNTRY_NOTE`)."""
    return _(COUNTRY_NOTE)
