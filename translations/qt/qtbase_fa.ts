<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>Print Device Input Slot</name>
    <message>
        <source>Automatic</source>
        <translation>خودکار</translation>
    </message>
</context>
<context>
    <name>Print Device Output Bin</name>
    <message>
        <source>Automatic</source>
        <translation>خودکار</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>درایو</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>پوشه</translation>
    </message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message>
        <source>&amp;Billing information:</source>
        <translation>&amp;اطلاعات صورت‌حساب:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <comment>Banner page at end</comment>
        <translation>&amp;پایان:</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <comment>Banner page at start</comment>
        <translation>&amp;شروع:</translation>
    </message>
    <message>
        <source>Job &amp;priority:</source>
        <translation>&amp;اولویت وظیفه:</translation>
    </message>
    <message>
        <source>Scheduled &amp;printing:</source>
        <translation>&amp;چاپ زمان‌بندی‌شده:</translation>
    </message>
</context>
<context>
    <name>QCupsPrinterSupport</name>
    <message>
        <source>Authentication Needed</source>
        <translation>احراز هویت لازم است</translation>
    </message>
    <message>
        <source>Authentication needed to use %1 on %2.</source>
        <translation>برای استفاده از %1 در %2 احراز هویت لازم است.</translation>
    </message>
    <message>
        <source>Authentication needed to use %1.</source>
        <translation>برای استفاده از %1 احراز هویت لازم است.</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>نام کاربری:</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;جست‌وجو در:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;پرونده‌هایی از نوع:</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;لغو</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Page &amp;order:</source>
        <translation>&amp;ترتیب صفحه‌ها:</translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>&amp;تعداد صفحه در هر برگ:</translation>
    </message>
</context>
<context>
    <name>QPageSize</name>
    <message>
        <source>A3 Extra</source>
        <translation>A3 بزرگ</translation>
    </message>
    <message>
        <source>A4 Extra</source>
        <translation>A4 بزرگ</translation>
    </message>
    <message>
        <source>A4 Plus</source>
        <translation>A4 پلاس</translation>
    </message>
    <message>
        <source>A4 Small</source>
        <translation>A4 کوچک</translation>
    </message>
    <message>
        <source>A5 Extra</source>
        <translation>A5 بزرگ</translation>
    </message>
    <message>
        <source>Architect A</source>
        <translation>معماری A</translation>
    </message>
    <message>
        <source>Architect B</source>
        <translation>معماری B</translation>
    </message>
    <message>
        <source>Architect C</source>
        <translation>معماری C</translation>
    </message>
    <message>
        <source>Architect D</source>
        <translation>معماری D</translation>
    </message>
    <message>
        <source>Architect E</source>
        <translation>معماری E</translation>
    </message>
    <message>
        <source>B5 Extra</source>
        <translation>B5 بزرگ</translation>
    </message>
    <message>
        <source>Double Postcard</source>
        <translation>کارت‌پستال دوتایی</translation>
    </message>
    <message>
        <source>Envelope B4</source>
        <translation>پاکت B4</translation>
    </message>
    <message>
        <source>Envelope B5</source>
        <translation>پاکت B5</translation>
    </message>
    <message>
        <source>Envelope B6</source>
        <translation>پاکت B6</translation>
    </message>
    <message>
        <source>Envelope C0</source>
        <translation>پاکت C0</translation>
    </message>
    <message>
        <source>Envelope C1</source>
        <translation>پاکت C1</translation>
    </message>
    <message>
        <source>Envelope C2</source>
        <translation>پاکت C2</translation>
    </message>
    <message>
        <source>Envelope C3</source>
        <translation>پاکت C3</translation>
    </message>
    <message>
        <source>Envelope C4</source>
        <translation>پاکت C4</translation>
    </message>
    <message>
        <source>Envelope C5</source>
        <translation>پاکت C5</translation>
    </message>
    <message>
        <source>Envelope C6</source>
        <translation>پاکت C6</translation>
    </message>
    <message>
        <source>Envelope C65</source>
        <translation>پاکت C65</translation>
    </message>
    <message>
        <source>Envelope C7</source>
        <translation>پاکت C7</translation>
    </message>
    <message>
        <source>Envelope Chou 3</source>
        <translation>پاکت Chou 3</translation>
    </message>
    <message>
        <source>Envelope Chou 4</source>
        <translation>پاکت Chou 4</translation>
    </message>
    <message>
        <source>Envelope DL</source>
        <translation>پاکت DL</translation>
    </message>
    <message>
        <source>Envelope Invite</source>
        <translation>پاکت دعوت‌نامه</translation>
    </message>
    <message>
        <source>Envelope Italian</source>
        <translation>پاکت ایتالیایی</translation>
    </message>
    <message>
        <source>Envelope Kaku 2</source>
        <translation>پاکت Kaku 2</translation>
    </message>
    <message>
        <source>Envelope Kaku 3</source>
        <translation>پاکت Kaku 3</translation>
    </message>
    <message>
        <source>Envelope Monarch</source>
        <translation>پاکت مونارک</translation>
    </message>
    <message>
        <source>Envelope PRC 1</source>
        <translation>پاکت PRC 1</translation>
    </message>
    <message>
        <source>Envelope PRC 10</source>
        <translation>پاکت PRC 10</translation>
    </message>
    <message>
        <source>Envelope PRC 2</source>
        <translation>پاکت PRC 2</translation>
    </message>
    <message>
        <source>Envelope PRC 3</source>
        <translation>پاکت PRC 3</translation>
    </message>
    <message>
        <source>Envelope PRC 4</source>
        <translation>پاکت PRC 4</translation>
    </message>
    <message>
        <source>Envelope PRC 5</source>
        <translation>پاکت PRC 5</translation>
    </message>
    <message>
        <source>Envelope PRC 6</source>
        <translation>پاکت PRC 6</translation>
    </message>
    <message>
        <source>Envelope PRC 7</source>
        <translation>پاکت PRC 7</translation>
    </message>
    <message>
        <source>Envelope PRC 8</source>
        <translation>پاکت PRC 8</translation>
    </message>
    <message>
        <source>Envelope PRC 9</source>
        <translation>پاکت PRC 9</translation>
    </message>
    <message>
        <source>Envelope Personal</source>
        <translation>پاکت شخصی</translation>
    </message>
    <message>
        <source>Envelope US 10</source>
        <translation>پاکت US 10</translation>
    </message>
    <message>
        <source>Envelope US 11</source>
        <translation>پاکت US 11</translation>
    </message>
    <message>
        <source>Envelope US 12</source>
        <translation>پاکت US 12</translation>
    </message>
    <message>
        <source>Envelope US 14</source>
        <translation>پاکت US 14</translation>
    </message>
    <message>
        <source>Envelope US 9</source>
        <translation>پاکت US 9</translation>
    </message>
    <message>
        <source>Fan-fold German (8.5 x 12 in)</source>
        <translation>‫کاغذ پیوستهٔ آلمانی (‪۸٫۵ × ۱۲‬ اینچ)‬</translation>
    </message>
    <message>
        <source>Fan-fold German Legal (8.5 x 13 in)</source>
        <translation>‫کاغذ پیوستهٔ آلمانی حقوقی (‪۸٫۵ × ۱۳‬ اینچ)‬</translation>
    </message>
    <message>
        <source>Fan-fold US (14.875 x 11 in)</source>
        <translation>‫کاغذ پیوستهٔ آمریکایی (‪۱۴٫۸۷۵ × ۱۱‬ اینچ)‬</translation>
    </message>
    <message>
        <source>Legal</source>
        <translation>حقوقی</translation>
    </message>
    <message>
        <source>Legal Extra</source>
        <translation>حقوقی بزرگ</translation>
    </message>
    <message>
        <source>Letter Extra</source>
        <translation>نامه بزرگ</translation>
    </message>
    <message>
        <source>Letter Plus</source>
        <translation>نامه پلاس</translation>
    </message>
    <message>
        <source>Letter Small</source>
        <translation>نامه کوچک</translation>
    </message>
    <message>
        <source>PRC 32K Big</source>
        <translation>PRC 32K بزرگ</translation>
    </message>
    <message>
        <source>Postcard</source>
        <translation>کارت‌پستال</translation>
    </message>
    <message>
        <source>Quarto</source>
        <translation>ربعی</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>صورت‌حساب</translation>
    </message>
    <message>
        <source>Super A</source>
        <translation>سوپر A</translation>
    </message>
    <message>
        <source>Super B</source>
        <translation>سوپر B</translation>
    </message>
    <message>
        <source>Tabloid Extra</source>
        <translation>نیم‌قطع بزرگ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;خیر</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>&amp;خیر برای همه</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>ذخیره نکن</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>Invalid Pages Definition</source>
        <translation>صفحه‌ها نادرست مشخص شده‌اند</translation>
    </message>
    <message>
        <source>%1 does not follow the correct syntax. Please use &apos;,&apos; to separate ranges and pages, &apos;-&apos; to define ranges and make sure ranges do not intersect with each other.</source>
        <translation>%1 نگارش درستی ندارد. صفحه‌ها و بازه‌ها را با «⁦,⁩» از هم جدا کنید، بازه‌ها را با «⁦-⁩» مشخص کنید و مطمئن شوید بازه‌ها روی هم نمی‌افتند.</translation>
    </message>
    <message>
        <source>Duplex Settings Conflicts</source>
        <translation>ناسازگاری در تنظیمات چاپ دورو</translation>
    </message>
    <message>
        <source>There are conflicts in duplex settings. Do you want to fix them?</source>
        <translation>تنظیمات چاپ دورو با هم ناسازگارند. می‌خواهید آن‌ها را اصلاح کنید؟</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesDialog</name>
    <message>
        <source>Page Setup Conflicts</source>
        <translation>ناسازگاری در تنظیمات صفحه</translation>
    </message>
    <message>
        <source>Advanced Option Conflicts</source>
        <translation>ناسازگاری در گزینه‌های پیشرفته</translation>
    </message>
    <message>
        <source>There are conflicts in page setup options. Do you want to fix them?</source>
        <translation>تنظیمات صفحه با هم ناسازگارند. می‌خواهید آن‌ها را اصلاح کنید؟</translation>
    </message>
    <message>
        <source>There are conflicts in some advanced options. Do you want to fix them?</source>
        <translation>برخی گزینه‌های پیشرفته با هم ناسازگارند. می‌خواهید آن‌ها را اصلاح کنید؟</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message>
        <source>Advanced</source>
        <translation>پیشرفته</translation>
    </message>
    <message>
        <source>There are conflicts in some options. Please fix them.</source>
        <translation>برخی گزینه‌ها با هم ناسازگارند. لطفاً آن‌ها را اصلاح کنید.</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Double Sided Printing</source>
        <translation>چاپ دورو</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>صحافی از لبهٔ بلند</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>خاموش</translation>
    </message>
    <message>
        <source>Page &amp;Set:</source>
        <translation>&amp;مجموعهٔ صفحه‌ها:</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>صفحه‌ها</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>صحافی از لبهٔ کوتاه</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>صفحه‌ها یا بازه‌ها را با ویرگول از هم جدا کنید. هر بازه دو عدد است که با خط تیره از هم جدا می‌شوند. مثلاً ⁦3,5-7,9⁩ صفحه‌های ۳، ۵، ۶، ۷ و ۹ را چاپ می‌کند.</translation>
    </message>
</context>
</TS>
