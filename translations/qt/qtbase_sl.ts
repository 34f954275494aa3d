<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sl_SI" sourcelanguage="en">
<context>
    <name>Print Device Input Slot</name>
    <message>
        <source>Automatic</source>
        <translation>Samodejno</translation>
    </message>
</context>
<context>
    <name>Print Device Output Bin</name>
    <message>
        <source>Automatic</source>
        <translation>Samodejno</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>Pogon</translation>
    </message>
    <message>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>Datotečna mapa</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Mapa</translation>
    </message>
    <message>
        <source>Alias</source>
        <comment>macOS Finder</comment>
        <translation>Vzdevek</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation>Bližnjica</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Neznano</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datoteka</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Izberi vse</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>Korak navz&amp;gor</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>Korak navz&amp;dol</translation>
    </message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message>
        <source>&amp;Billing information:</source>
        <translation>Podatki za &amp;obračun:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <comment>Banner page at end</comment>
        <translation>&amp;Na koncu:</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <comment>Banner page at start</comment>
        <translation>Na &amp;začetku:</translation>
    </message>
    <message>
        <source>Banner Pages</source>
        <translation>Naslovne strani</translation>
    </message>
    <message>
        <source>Classified</source>
        <comment>CUPS Banner page</comment>
        <translation>Tajno</translation>
    </message>
    <message>
        <source>Confidential</source>
        <comment>CUPS Banner page</comment>
        <translation>Zaupno</translation>
    </message>
    <message>
        <source>Day (06:00 to 17:59)</source>
        <translation>Dan (od 6.00 do 17.59)</translation>
    </message>
    <message>
        <source>Hold Indefinitely</source>
        <translation>Zadrži za nedoločen čas</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Posel</translation>
    </message>
    <message>
        <source>Job &amp;priority:</source>
        <translation>&amp;Prednost posla:</translation>
    </message>
    <message>
        <source>Job Control</source>
        <translation>Upravljanje posla</translation>
    </message>
    <message>
        <source>Night (18:00 to 05:59)</source>
        <translation>Noč (od 18.00 do 5.59)</translation>
    </message>
    <message>
        <source>None</source>
        <comment>CUPS Banner page</comment>
        <translation>Brez</translation>
    </message>
    <message>
        <source>Print Immediately</source>
        <translation>Natisni takoj</translation>
    </message>
    <message>
        <source>Scheduled &amp;printing:</source>
        <translation>Načrtovano &amp;tiskanje:</translation>
    </message>
    <message>
        <source>Second Shift (16:00 to 23:59)</source>
        <translation>Druga izmena (od 16.00 do 23.59)</translation>
    </message>
    <message>
        <source>Secret</source>
        <comment>CUPS Banner page</comment>
        <translation>Strogo tajno</translation>
    </message>
    <message>
        <source>Specific Time</source>
        <translation>Ob določenem času</translation>
    </message>
    <message>
        <source>Standard</source>
        <comment>CUPS Banner page</comment>
        <translation>Običajno</translation>
    </message>
    <message>
        <source>Third Shift (00:00 to 07:59)</source>
        <translation>Tretja izmena (od 0.00 do 7.59)</translation>
    </message>
    <message>
        <source>Top Secret</source>
        <comment>CUPS Banner page</comment>
        <translation>Najvišja stopnja tajnosti</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <comment>CUPS Banner page</comment>
        <translation>Ni tajno</translation>
    </message>
    <message>
        <source>Weekend (Saturday to Sunday)</source>
        <translation>Konec tedna (od sobote do nedelje)</translation>
    </message>
</context>
<context>
    <name>QCupsPrinterSupport</name>
    <message>
        <source>Authentication Needed</source>
        <translation>Potrebna je prijava</translation>
    </message>
    <message>
        <source>Authentication needed to use %1 on %2.</source>
        <translation>Za uporabo %1 na %2 se morate prijaviti.</translation>
    </message>
    <message>
        <source>Authentication needed to use %1.</source>
        <translation>Za uporabo %1 se morate prijaviti.</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Geslo:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Uporabniško ime:</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Poglej v:</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Nazaj</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Pojdi nazaj</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Naprej</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Pojdi naprej</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Nadrejena mapa</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Pojdi v nadrejeno mapo</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Ustvari novo mapo</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Ustvari novo mapo</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Pogled seznama</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Preklopi na pogled seznama</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Podroben pogled</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Preklopi na podroben pogled</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Stranska vrstica</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Seznam mest in zaznamkov</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Datoteke</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Vrsta datotek:</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Izberi mapo</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Odpri</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Shrani kot</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Mapa:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Ime datoteke:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Odpri</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>Iz&amp;beri</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Shrani</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Vse datoteke (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Vse datoteke (*)</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Pokaži stolpec </translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>P&amp;reimenuj</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Izbriši</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Pokaži &amp;skrite datoteke</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;Nova mapa</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Mape</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Mape ni mogoče najti.
Preverite, ali ste vpisali pravo ime mape.</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>Datoteka %1 že obstaja.
Ali jo želite zamenjati?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Datoteke ni mogoče najti.
Preverite, ali ste vpisali pravo ime datoteke.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>Element »%1« je zaščiten pred pisanjem.
Ali ga kljub temu želite izbrisati?</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Nova mapa</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Izbriši</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Ali res želite izbrisati »%1«?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Mape ni bilo mogoče izbrisati.</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Nedavna mesta</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Odstrani</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Ime</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Velikost</translation>
    </message>
    <message>
        <source>Kind</source>
        <comment>Match OS X Finder</comment>
        <translation>Vrsta</translation>
    </message>
    <message>
        <source>Type</source>
        <comment>All other platforms</comment>
        <translation>Vrsta</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Datum spremembe</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Moj računalnik</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Računalnik</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;V redu</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Shrani</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Prekliči</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Zapri</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Zapri brez shranjevanja</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <comment>Translate this string to the string &apos;LTR&apos; in left-to-right languages or to &apos;RTL&apos; in right-to-left languages (such as Hebrew and Arabic) to get proper widget layout.</comment>
        <translation>LTR</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation>Vnesite vrednost:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Razveljavi</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Uveljavi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>I&amp;zreži</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiraj</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Prilepi</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Izbriši</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Izberi vse</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Pokaži podrobnosti …</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Skrij podrobnosti …</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>O Qt</translation>
    </message>
    <message>
        <source>&lt;h3&gt;About Qt&lt;/h3&gt;&lt;p&gt;This program uses Qt version %1.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;O Qt&lt;/h3&gt;&lt;p&gt;Ta program uporablja Qt različice %1.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Cicero (CC)</source>
        <translation>Cicero (CC)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Po meri</translation>
    </message>
    <message>
        <source>Didot (DD)</source>
        <translation>Didot (DD)</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Višina:</translation>
    </message>
    <message>
        <source>Inches (in)</source>
        <translation>Palci (in)</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Ležeče</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>Robovi</translation>
    </message>
    <message>
        <source>Millimeters (mm)</source>
        <translation>Milimetri (mm)</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Usmerjenost</translation>
    </message>
    <message>
        <source>Page &amp;order:</source>
        <translation>&amp;Vrstni red strani:</translation>
    </message>
    <message>
        <source>Page Layout</source>
        <translation>Postavitev strani</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>Velikost strani:</translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>Strani &amp;na list:</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papir</translation>
    </message>
    <message>
        <source>Paper source:</source>
        <translation>Vir papirja:</translation>
    </message>
    <message>
        <source>Pica (P̸)</source>
        <translation>Pike (P̸)</translation>
    </message>
    <message>
        <source>Points (pt)</source>
        <translation>Točke (pt)</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Pokončno</translation>
    </message>
    <message>
        <source>Reverse landscape</source>
        <translation>Obrnjeno ležeče</translation>
    </message>
    <message>
        <source>Reverse portrait</source>
        <translation>Obrnjeno pokončno</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Širina:</translation>
    </message>
    <message>
        <source>bottom margin</source>
        <translation>spodnji rob</translation>
    </message>
    <message>
        <source>left margin</source>
        <translation>levi rob</translation>
    </message>
    <message>
        <source>in</source>
        <translation>pal.</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>right margin</source>
        <translation>desni rob</translation>
    </message>
    <message>
        <source>top margin</source>
        <translation>zgornji rob</translation>
    </message>
</context>
<context>
    <name>QPageSize</name>
    <message>
        <source>%1 x %2 in</source>
        <translation>%1 × %2 in</translation>
    </message>
    <message>
        <source>A3 Extra</source>
        <translation>A3, povečan</translation>
    </message>
    <message>
        <source>A4 Extra</source>
        <translation>A4, povečan</translation>
    </message>
    <message>
        <source>A4 Plus</source>
        <translation>A4 Plus</translation>
    </message>
    <message>
        <source>A4 Small</source>
        <translation>A4, pomanjšan</translation>
    </message>
    <message>
        <source>A5 Extra</source>
        <translation>A5, povečan</translation>
    </message>
    <message>
        <source>Architect A</source>
        <translation>Arhitekturni A</translation>
    </message>
    <message>
        <source>Architect B</source>
        <translation>Arhitekturni B</translation>
    </message>
    <message>
        <source>Architect C</source>
        <translation>Arhitekturni C</translation>
    </message>
    <message>
        <source>Architect D</source>
        <translation>Arhitekturni D</translation>
    </message>
    <message>
        <source>Architect E</source>
        <translation>Arhitekturni E</translation>
    </message>
    <message>
        <source>B5 Extra</source>
        <translation>B5, povečan</translation>
    </message>
    <message>
        <source>Double Postcard</source>
        <translation>Dvojna dopisnica</translation>
    </message>
    <message>
        <source>Envelope B4</source>
        <translation>Ovojnica B4</translation>
    </message>
    <message>
        <source>Envelope B5</source>
        <translation>Ovojnica B5</translation>
    </message>
    <message>
        <source>Envelope B6</source>
        <translation>Ovojnica B6</translation>
    </message>
    <message>
        <source>Envelope C0</source>
        <translation>Ovojnica C0</translation>
    </message>
    <message>
        <source>Envelope C1</source>
        <translation>Ovojnica C1</translation>
    </message>
    <message>
        <source>Envelope C2</source>
        <translation>Ovojnica C2</translation>
    </message>
    <message>
        <source>Envelope C3</source>
        <translation>Ovojnica C3</translation>
    </message>
    <message>
        <source>Envelope C4</source>
        <translation>Ovojnica C4</translation>
    </message>
    <message>
        <source>Envelope C5</source>
        <translation>Ovojnica C5</translation>
    </message>
    <message>
        <source>Envelope C6</source>
        <translation>Ovojnica C6</translation>
    </message>
    <message>
        <source>Envelope C65</source>
        <translation>Ovojnica C65</translation>
    </message>
    <message>
        <source>Envelope C7</source>
        <translation>Ovojnica C7</translation>
    </message>
    <message>
        <source>Envelope Chou 3</source>
        <translation>Ovojnica Chou 3</translation>
    </message>
    <message>
        <source>Envelope Chou 4</source>
        <translation>Ovojnica Chou 4</translation>
    </message>
    <message>
        <source>Envelope DL</source>
        <translation>Ovojnica DL</translation>
    </message>
    <message>
        <source>Envelope Invite</source>
        <translation>Ovojnica za vabilo</translation>
    </message>
    <message>
        <source>Envelope Italian</source>
        <translation>Italijanska ovojnica</translation>
    </message>
    <message>
        <source>Envelope Kaku 2</source>
        <translation>Ovojnica Kaku 2</translation>
    </message>
    <message>
        <source>Envelope Kaku 3</source>
        <translation>Ovojnica Kaku 3</translation>
    </message>
    <message>
        <source>Envelope Monarch</source>
        <translation>Ovojnica Monarch</translation>
    </message>
    <message>
        <source>Envelope PRC 1</source>
        <translation>Ovojnica PRC 1</translation>
    </message>
    <message>
        <source>Envelope PRC 10</source>
        <translation>Ovojnica PRC 10</translation>
    </message>
    <message>
        <source>Envelope PRC 2</source>
        <translation>Ovojnica PRC 2</translation>
    </message>
    <message>
        <source>Envelope PRC 3</source>
        <translation>Ovojnica PRC 3</translation>
    </message>
    <message>
        <source>Envelope PRC 4</source>
        <translation>Ovojnica PRC 4</translation>
    </message>
    <message>
        <source>Envelope PRC 5</source>
        <translation>Ovojnica PRC 5</translation>
    </message>
    <message>
        <source>Envelope PRC 6</source>
        <translation>Ovojnica PRC 6</translation>
    </message>
    <message>
        <source>Envelope PRC 7</source>
        <translation>Ovojnica PRC 7</translation>
    </message>
    <message>
        <source>Envelope PRC 8</source>
        <translation>Ovojnica PRC 8</translation>
    </message>
    <message>
        <source>Envelope PRC 9</source>
        <translation>Ovojnica PRC 9</translation>
    </message>
    <message>
        <source>Envelope Personal</source>
        <translation>Osebna ovojnica</translation>
    </message>
    <message>
        <source>Envelope US 10</source>
        <translation>Ovojnica US 10</translation>
    </message>
    <message>
        <source>Envelope US 11</source>
        <translation>Ovojnica US 11</translation>
    </message>
    <message>
        <source>Envelope US 12</source>
        <translation>Ovojnica US 12</translation>
    </message>
    <message>
        <source>Envelope US 14</source>
        <translation>Ovojnica US 14</translation>
    </message>
    <message>
        <source>Envelope US 9</source>
        <translation>Ovojnica US 9</translation>
    </message>
    <message>
        <source>Executive (7.25 x 10.5 in)</source>
        <translation>Executive (7,25 × 10,5 in)</translation>
    </message>
    <message>
        <source>Executive (7.5 x 10 in)</source>
        <translation>Executive (7,5 × 10 in)</translation>
    </message>
    <message>
        <source>Fan-fold German (8.5 x 12 in)</source>
        <translation>Nemški neskončni papir (8,5 × 12 in)</translation>
    </message>
    <message>
        <source>Fan-fold German Legal (8.5 x 13 in)</source>
        <translation>Nemški neskončni papir Legal (8,5 × 13 in)</translation>
    </message>
    <message>
        <source>Fan-fold US (14.875 x 11 in)</source>
        <translation>Ameriški neskončni papir (14,875 × 11 in)</translation>
    </message>
    <message>
        <source>Folio (8.27 x 13 in)</source>
        <translation>Folio (8,27 × 13 in)</translation>
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
        <translation>Legal, povečan</translation>
    </message>
    <message>
        <source>Letter / ANSI A</source>
        <translation>Letter / ANSI A</translation>
    </message>
    <message>
        <source>Letter Extra</source>
        <translation>Letter, povečan</translation>
    </message>
    <message>
        <source>Letter Plus</source>
        <translation>Letter Plus</translation>
    </message>
    <message>
        <source>Letter Small</source>
        <translation>Letter, pomanjšan</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Beležka</translation>
    </message>
    <message>
        <source>PRC 32K Big</source>
        <translation>PRC 32K, velik</translation>
    </message>
    <message>
        <source>Postcard</source>
        <translation>Dopisnica</translation>
    </message>
    <message>
        <source>Quarto</source>
        <translation>Kvart</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Statement</translation>
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
        <translation>Tabloid, povečan</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>V redu</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Shrani</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Shrani vse</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Odpri</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Da</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Da za &amp;vse</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Ne</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Ne za v&amp;se</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Prekini</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Poskusi znova</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Prezri</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zapri</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Prekliči</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Zavrzi</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Pomoč</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Uporabi</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Ponastavi</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Obnovi privzete</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>&amp;Options &lt;&lt;</source>
        <translation>&amp;Možnosti &lt;&lt;</translation>
    </message>
    <message>
        <source>&amp;Options &gt;&gt;</source>
        <translation>&amp;Možnosti &gt;&gt;</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Natisni</translation>
    </message>
    <message>
        <source>1 (1x1)</source>
        <translation>1 (1 × 1)</translation>
    </message>
    <message>
        <source>16 (4x4)</source>
        <translation>16 (4 × 4)</translation>
    </message>
    <message>
        <source>2 (2x1)</source>
        <translation>2 (2 × 1)</translation>
    </message>
    <message>
        <source>4 (2x2)</source>
        <translation>4 (2 × 2)</translation>
    </message>
    <message>
        <source>6 (2x3)</source>
        <translation>6 (2 × 3)</translation>
    </message>
    <message>
        <source>9 (3x3)</source>
        <translation>9 (3 × 3)</translation>
    </message>
    <message>
        <source>All Pages</source>
        <translation>Vse strani</translation>
    </message>
    <message>
        <source>Bottom to Top, Left to Right</source>
        <translation>Od spodaj navzgor, od leve proti desni</translation>
    </message>
    <message>
        <source>Bottom to Top, Right to Left</source>
        <translation>Od spodaj navzgor, od desne proti levi</translation>
    </message>
    <message>
        <source>Even Pages</source>
        <translation>Sode strani</translation>
    </message>
    <message>
        <source>Left to Right, Bottom to Top</source>
        <translation>Od leve proti desni, od spodaj navzgor</translation>
    </message>
    <message>
        <source>Left to Right, Top to Bottom</source>
        <translation>Od leve proti desni, od zgoraj navzdol</translation>
    </message>
    <message>
        <source>Local file</source>
        <translation>Datoteka na računalniku</translation>
    </message>
    <message>
        <source>Odd Pages</source>
        <translation>Lihe strani</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Natisni</translation>
    </message>
    <message>
        <source>Print To File ...</source>
        <translation>Natisni v datoteko …</translation>
    </message>
    <message>
        <source>Print to File (PDF)</source>
        <translation>Natisni v datoteko (PDF)</translation>
    </message>
    <message>
        <source>Right to Left, Bottom to Top</source>
        <translation>Od desne proti levi, od spodaj navzgor</translation>
    </message>
    <message>
        <source>Right to Left, Top to Bottom</source>
        <translation>Od desne proti levi, od zgoraj navzdol</translation>
    </message>
    <message>
        <source>Top to Bottom, Left to Right</source>
        <translation>Od zgoraj navzdol, od leve proti desni</translation>
    </message>
    <message>
        <source>Top to Bottom, Right to Left</source>
        <translation>Od zgoraj navzdol, od desne proti levi</translation>
    </message>
    <message>
        <source>Write PDF file</source>
        <translation>Zapiši datoteko PDF</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to overwrite it?</source>
        <translation>%1 že obstaja.
Jo želite prepisati?</translation>
    </message>
    <message>
        <source>%1 is a directory.
Please choose a different file name.</source>
        <translation>%1 je mapa.
Izberite drugo ime datoteke.</translation>
    </message>
    <message>
        <source>Invalid Pages Definition</source>
        <translation>Neveljaven izbor strani</translation>
    </message>
    <message>
        <source>%1 does not follow the correct syntax. Please use &apos;,&apos; to separate ranges and pages, &apos;-&apos; to define ranges and make sure ranges do not intersect with each other.</source>
        <translation>%1 ni pravilno zapisano. Strani in obsege ločite z »,«, obseg označite z »-« in pazite, da se obsegi ne prekrivajo.</translation>
    </message>
    <message>
        <source>Duplex Settings Conflicts</source>
        <translation>Nastavitve obojestranskega tiskanja si nasprotujejo</translation>
    </message>
    <message>
        <source>There are conflicts in duplex settings. Do you want to fix them?</source>
        <translation>Nastavitve obojestranskega tiskanja si nasprotujejo. Jih želite popraviti?</translation>
    </message>
    <message>
        <source>Options &apos;Pages Per Sheet&apos; and &apos;Page Set&apos; cannot be used together.
Please turn one of those options off.</source>
        <translation>Možnosti »Strani na list« in »Nabor strani« ni mogoče uporabiti hkrati.
Izklopite eno od njiju.</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesDialog</name>
    <message>
        <source>Job Options</source>
        <translation>Možnosti posla</translation>
    </message>
    <message>
        <source>Printer Properties</source>
        <translation>Lastnosti tiskalnika</translation>
    </message>
    <message>
        <source>Page Setup Conflicts</source>
        <translation>Nastavitve strani si nasprotujejo</translation>
    </message>
    <message>
        <source>Advanced Option Conflicts</source>
        <translation>Napredne možnosti si nasprotujejo</translation>
    </message>
    <message>
        <source>There are conflicts in page setup options. Do you want to fix them?</source>
        <translation>Nastavitve strani si nasprotujejo. Jih želite popraviti?</translation>
    </message>
    <message>
        <source>There are conflicts in some advanced options. Do you want to fix them?</source>
        <translation>Nekatere napredne možnosti si nasprotujejo. Jih želite popraviti?</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message>
        <source>Advanced</source>
        <translation>Napredno</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Stran</translation>
    </message>
    <message>
        <source>There are conflicts in some options. Please fix them.</source>
        <translation>Nekatere možnosti si nasprotujejo. Popravite jih.</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Collate</source>
        <translation>Zloži po izvodih</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>Barvno</translation>
    </message>
    <message>
        <source>Color Mode</source>
        <translation>Barve</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Izvodi</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>Izvodi:</translation>
    </message>
    <message>
        <source>Current Page</source>
        <translation>Trenutna stran</translation>
    </message>
    <message>
        <source>Double Sided Printing</source>
        <translation>Obojestransko tiskanje</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>Sivinsko</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>Vezava po daljši stranici</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Izklopljeno</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Možnosti</translation>
    </message>
    <message>
        <source>Output Settings</source>
        <translation>Nastavitve izpisa</translation>
    </message>
    <message>
        <source>Page &amp;Set:</source>
        <translation>Na&amp;bor strani:</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Strani</translation>
    </message>
    <message>
        <source>Pages from</source>
        <translation>Strani od</translation>
    </message>
    <message>
        <source>Print all</source>
        <translation>Natisni vse</translation>
    </message>
    <message>
        <source>Print range</source>
        <translation>Obseg tiskanja</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>Obratni vrstni red</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Izbor</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>Vezava po krajši stranici</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>Navedite strani ali obsege, ločene z vejicami. Obseg sta dve števili, ločeni z vezajem. Npr. 3,5-7,9 natisne strani 3, 5, 6, 7 in 9.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>do</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Ime:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Mesto:</translation>
    </message>
    <message>
        <source>Output &amp;file:</source>
        <translation>Izhodna &amp;datoteka:</translation>
    </message>
    <message>
        <source>P&amp;roperties</source>
        <translation>&amp;Lastnosti</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Predogled</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Tiskalnik</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Vrsta:</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Prekliči</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation>Drsi levo</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>Drsi desno</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Razveljavi</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Uveljavi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>I&amp;zreži</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiraj</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Kopiraj &amp;naslov povezave</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Prilepi</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Izbriši</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Izberi vse</translation>
    </message>
</context>
</TS>
