<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="lv" sourcelanguage="en">
<context>
    <name>Print Device Input Slot</name>
    <message>
        <source>Automatic</source>
        <translation>Automātiski</translation>
    </message>
</context>
<context>
    <name>Print Device Output Bin</name>
    <message>
        <source>Automatic</source>
        <translation>Automātiski</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>Dzinis</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Mape</translation>
    </message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message>
        <source>&amp;Billing information:</source>
        <translation>Informācija par &amp;rēķinu:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <comment>Banner page at end</comment>
        <translation>&amp;Beigas:</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <comment>Banner page at start</comment>
        <translation>&amp;Sākums:</translation>
    </message>
    <message>
        <source>Job &amp;priority:</source>
        <translation>Darba &amp;prioritāte:</translation>
    </message>
    <message>
        <source>Scheduled &amp;printing:</source>
        <translation>Plānotā &amp;drukāšana:</translation>
    </message>
</context>
<context>
    <name>QCupsPrinterSupport</name>
    <message>
        <source>Authentication Needed</source>
        <translation>Nepieciešama autentifikācija</translation>
    </message>
    <message>
        <source>Authentication needed to use %1 on %2.</source>
        <translation>Lai izmantotu %1 serverī %2, nepieciešama autentifikācija.</translation>
    </message>
    <message>
        <source>Authentication needed to use %1.</source>
        <translation>Lai izmantotu %1, nepieciešama autentifikācija.</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Parole:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Lietotājvārds:</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Meklēt:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Datnes ar &amp;tipu:</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Page &amp;order:</source>
        <translation>Lappušu &amp;secība:</translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>Lappuses uz &amp;loksnes:</translation>
    </message>
    <message>
        <source>Cicero (CC)</source>
        <translation>Cicero (CC)</translation>
    </message>
    <message>
        <source>Didot (DD)</source>
        <translation>Didot (DD)</translation>
    </message>
    <message>
        <source>in</source>
        <translation>coll.</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
</context>
<context>
    <name>QPageSize</name>
    <message>
        <source>%1 x %2 in</source>
        <translation>%1 × %2 collas</translation>
    </message>
    <message>
        <source>A3 Extra</source>
        <translation>A3, palielināts</translation>
    </message>
    <message>
        <source>A4 Extra</source>
        <translation>A4, palielināts</translation>
    </message>
    <message>
        <source>A4 Plus</source>
        <translation>A4 Plus</translation>
    </message>
    <message>
        <source>A4 Small</source>
        <translation>A4, samazināts</translation>
    </message>
    <message>
        <source>A5 Extra</source>
        <translation>A5, palielināts</translation>
    </message>
    <message>
        <source>Architect A</source>
        <translation>Arhitektūras A</translation>
    </message>
    <message>
        <source>Architect B</source>
        <translation>Arhitektūras B</translation>
    </message>
    <message>
        <source>Architect C</source>
        <translation>Arhitektūras C</translation>
    </message>
    <message>
        <source>Architect D</source>
        <translation>Arhitektūras D</translation>
    </message>
    <message>
        <source>Architect E</source>
        <translation>Arhitektūras E</translation>
    </message>
    <message>
        <source>B5 Extra</source>
        <translation>B5, palielināts</translation>
    </message>
    <message>
        <source>Ledger / ANSI B</source>
        <translation>Ledger / ANSI B</translation>
    </message>
    <message>
        <source>Legal</source>
        <translation>Legal</translation>
    </message>
    <message>
        <source>Legal Extra</source>
        <translation>Legal, palielināts</translation>
    </message>
    <message>
        <source>Letter / ANSI A</source>
        <translation>Letter / ANSI A</translation>
    </message>
    <message>
        <source>Letter Extra</source>
        <translation>Letter, palielināts</translation>
    </message>
    <message>
        <source>Letter Plus</source>
        <translation>Letter Plus</translation>
    </message>
    <message>
        <source>Letter Small</source>
        <translation>Letter, samazināts</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Piezīmju lapa</translation>
    </message>
    <message>
        <source>PRC 32K Big</source>
        <translation>PRC 32K, liels</translation>
    </message>
    <message>
        <source>Quarto</source>
        <translation>Kvarto</translation>
    </message>
    <message>
        <source>Super A</source>
        <translation>Super A</translation>
    </message>
    <message>
        <source>Super B</source>
        <translation>Super B</translation>
    </message>
    <message>
        <source>Tabloid / ANSI B</source>
        <translation>Tabloid / ANSI B</translation>
    </message>
    <message>
        <source>Tabloid Extra</source>
        <translation>Tabloid, palielināts</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Discard</source>
        <translation>Atmest</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>Invalid Pages Definition</source>
        <translation>Nederīgi norādītas lappuses</translation>
    </message>
    <message>
        <source>%1 does not follow the correct syntax. Please use &apos;,&apos; to separate ranges and pages, &apos;-&apos; to define ranges and make sure ranges do not intersect with each other.</source>
        <translation>%1 neatbilst pareizajai sintaksei. Lappuses un diapazonus atdaliet ar „,”, diapazonus norādiet ar „-” un pārliecinieties, ka diapazoni nepārklājas.</translation>
    </message>
    <message>
        <source>Duplex Settings Conflicts</source>
        <translation>Abpusējās drukāšanas iestatījumu pretrunas</translation>
    </message>
    <message>
        <source>There are conflicts in duplex settings. Do you want to fix them?</source>
        <translation>Abpusējās drukāšanas iestatījumi ir pretrunā. Vai vēlaties tos izlabot?</translation>
    </message>
    <message>
        <source>1 (1x1)</source>
        <translation>1 (1×1)</translation>
    </message>
    <message>
        <source>16 (4x4)</source>
        <translation>16 (4×4)</translation>
    </message>
    <message>
        <source>2 (2x1)</source>
        <translation>2 (2×1)</translation>
    </message>
    <message>
        <source>4 (2x2)</source>
        <translation>4 (2×2)</translation>
    </message>
    <message>
        <source>6 (2x3)</source>
        <translation>6 (2×3)</translation>
    </message>
    <message>
        <source>9 (3x3)</source>
        <translation>9 (3×3)</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesDialog</name>
    <message>
        <source>Printer Properties</source>
        <translation>Printera īpašības</translation>
    </message>
    <message>
        <source>Page Setup Conflicts</source>
        <translation>Lappuses iestatījumu pretrunas</translation>
    </message>
    <message>
        <source>Advanced Option Conflicts</source>
        <translation>Papildu opciju pretrunas</translation>
    </message>
    <message>
        <source>There are conflicts in page setup options. Do you want to fix them?</source>
        <translation>Lappuses iestatījumi ir pretrunā. Vai vēlaties tos izlabot?</translation>
    </message>
    <message>
        <source>There are conflicts in some advanced options. Do you want to fix them?</source>
        <translation>Dažas papildu opcijas ir pretrunā. Vai vēlaties tās izlabot?</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message>
        <source>Advanced</source>
        <translation>Papildu</translation>
    </message>
    <message>
        <source>There are conflicts in some options. Please fix them.</source>
        <translation>Dažas opcijas ir pretrunā. Lūdzu, izlabojiet tās.</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Double Sided Printing</source>
        <translation>Abpusēja drukāšana</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>Iesiešana pa garo malu</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Izslēgta</translation>
    </message>
    <message>
        <source>Page &amp;Set:</source>
        <translation>Lappušu &amp;kopa:</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Lappuses</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>Iesiešana pa īso malu</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>Norādiet lappuses vai diapazonus, atdalot tos ar komatiem. Diapazonu norāda ar diviem skaitļiem, kas atdalīti ar defisi. Piemēram, 3,5-7,9 drukā lappuses 3, 5, 6, 7 un 9.</translation>
    </message>
</context>
</TS>
