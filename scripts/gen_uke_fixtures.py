#!/usr/bin/env python3
"""Write the receipt-file (レセ電) fixtures of test/fixtures/uke/.

The files are what receipt software writes: Shift_JIS (CP932, so 髙 and 﨑
are allowed), CR LF, one record a line, GO last.  Fields follow the public
医科 layout (記録条件仕様; field notes §5).  Run it from the repository root
after changing a fixture here, and commit the .UKE files with it:

    python3 scripts/gen_uke_fixtures.py
"""
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "uke")


def ir(pref, tensu, code7, name, month, payer="1"):
    return ["IR", payer, pref, tensu, code7, "", name, month, "00", "03-1234-5678"]


def re(number, kind, month, name, sex, birth, kana, chart):
    f = [""] * 38
    f[0] = "RE"
    f[1] = str(number)
    f[2] = kind
    f[3] = month
    f[4] = name
    f[5] = sex
    f[6] = birth
    f[7] = "70"
    f[13] = chart
    f[36] = kana
    return f


def ho(insurer, symbol, number, days):
    return ["HO", insurer, symbol, number, str(days), "500", "", "", ""]


def ko(payer, recipient, days):
    return ["KO", payer, recipient, "", str(days), "500", "", "", ""]


def sn(payer_kind, kind, insurer=""):
    return ["SN", payer_kind, kind, insurer, "", "", "", "", ""]


def jd(payer_kind, codes):
    days = [""] * 31
    for d, c in codes.items():
        days[d - 1] = str(c)
    return ["JD", payer_kind] + days


def act(rec, code, days):
    """SI, IY or TO with counts on the given days (fields 13..43; TO 17..47,
    after its unit, price, a spare field and the product name)."""
    f = [rec, "11", "1", code, "", "288", "1"] + [""] * 6
    if rec == "TO":
        f = [rec, "11", "1", code, "1", "288", "1", "001", "130", "", "ガーゼ　５ｃｍ"] + [""] * 6
    counts = [""] * 31
    for d in days:
        counts[d - 1] = "1"
    return f + counts


def co(text):
    return ["CO", "11", "1", "810000001", text]


def go(count):
    return ["GO", str(count), "99999", "99"]


def write(name, records, raw_lines=()):
    lines = [",".join(r) for r in records]
    for index, line in raw_lines:
        lines.insert(index, line)
    data = "".join(line + "\r\n" for line in lines).encode("cp932")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


# An East clinic (東京都), February 2025, 西暦 dates: the seeded windows
# are 2/1 22:00-2/2 0:30 (outage) and 2/2 3:00-22:00 (intermittent).
east = [
    ir("13", "1", "1234567", "東京テスト診療所", "202502"),
    # 1: insured, confirmed at the window (SN 01), on 2/2 and 2/10
    re(1, "1112", "202502", "東京　太郎", "1", "19600115", "ﾄｳｷｮｳ ﾀﾛｳ", "A-0001"),
    ho("06130012", "１２", "３４５", 2),
    sn("1", "01"),
    jd("1", {2: 1, 10: 1}),
    act("SI", "111000110", [2]),
    act("IY", "620000001", [10]),
    # 2: 不詳 with its comment, seen 2/1 (the evening outage), no SN
    re(2, "1112", "202502", "髙﨑　花子", "2", "19851224", "ﾀｶｻｷ ﾊﾅｺ", "A-0002"),
    ho("77777777", "", "777777777", 1),
    act("SI", "111000110", [1]),
    co("不詳　タカサキ　ハナコ　協会けんぽ　連絡日２月３日"),
    # 3: 不詳 (77777779) on an unaffected day, no comment
    re(3, "1112", "202502", "山田　次郎", "1", "3450303", "ﾔﾏﾀﾞ ｼﾞﾛｳ", "A-0003"),
    ho("77777779", "", "777777777", 1),
    act("SI", "111000110", [15]),
    # 4: public expense only (生活保護), JD days 2 (coded 2) and 3, day 20
    # coded 9 (no visit), a material (TO) on 2/5
    re(4, "1212", "202502", "佐藤　三郎", "1", "4010108", "ｻﾄｳ ｻﾌﾞﾛｳ", "A-0004"),
    ko("12136012", "1234567", 2),
    sn("2", "01", "12136012"),
    jd("2", {2: 2, 3: 1, 20: 9}),
    act("TO", "700000001", [5]),
    # 5: full-width insurer number, a 明治 birth date, 令和 claim month
    re(5, "1112", "50702", "鈴木　ウメ", "2", "1450729", "ｽｽﾞｷ ｳﾒ", "A-0005"),
    ho("０１１３００１２", "記号", "番号", 1),
    act("SI", "111000110", [28]),
    co("症状詳記なし"),
    # 6: insured, real numbers, but 「不詳」 in 摘要; visit on 2/2, no SN
    re(6, "1112", "202502", "田中　一郎", "1", "19900401", "ﾀﾅｶ ｲﾁﾛｳ", "A-0006"),
    ho("06130012", "１", "２", 1),
    act("SI", "111000110", [2]),
    co("不詳　資格申立書による"),
    # an unknown record is read past
    ["SY", "8831058", "20250201", "1", "", "", ""],
    go(6),
]
write("east_2025_02.UKE", east)

# A West clinic (大阪府, 点数表 1): the seeded window is 2/2 7:00-8:00 and
# registration delays during the East's windows.
west = [
    ir("27", "1", "7654321", "大阪テスト医院", "202502", "2"),
    re(101, "1112", "202502", "西野　一", "1", "19700707", "ﾆｼﾉ ﾊｼﾞﾒ", "W-1"),
    ho("27130017", "", "1", 1),
    act("SI", "111000110", [2]),
    re(102, "1112", "202502", "西野　二", "2", "19710808", "ﾆｼﾉ ﾌﾀﾊﾞ", "W-2"),
    ho("27130017", "", "2", 1),
    act("SI", "111000110", [1]),
    go(2),
]
write("west_2025_02.UKE", west)

# An older file, all 和暦 (平成), two facilities' IRs.
heisei = [
    ir("01", "1", "0100015", "札幌テスト診療所", "43102"),
    re(1, "1112", "43101", "北　一", "1", "3501231", "ｷﾀ ﾊｼﾞﾒ", "H-1"),
    ho("01010016", "", "1", 2),
    act("SI", "111000110", [7, 31]),
    ir("47", "3", "0300013", "那覇テスト歯科", "43102"),
    re(2, "3112", "43101", "南　二", "2", "2150505", "ﾐﾅﾐ ｼﾞ", "H-2"),
    ho("47010017", "", "2", 1),
    act("SI", "111000110", [9]),
    go(2),
]
write("heisei_2019_01.UKE", heisei)

# Bad lines, and no GO: a day count that is no number (line 4), a line of
# garbage (line 6), an RE with no such day (line 8; its claim's records
# are skipped), a comment that is not CP932 (line 13).
bad_day = act("SI", "111000110", [2])
bad_day[14] = "x"
corrupt = [
    ir("13", "1", "1234567", "東京テスト診療所", "202502"),
    re(1, "1112", "202502", "東京　太郎", "1", "19600115", "ﾄｳｷｮｳ ﾀﾛｳ", "A-0001"),
    ho("06130012", "", "345", 1),
    bad_day,
    act("SI", "111000110", [10]),
    "@@ this is not a record",
    re(2, "1112", "202502", "髙﨑　花子", "2", "19851224", "ﾀｶｻｷ ﾊﾅｺ", "A-0002"),
    re(3, "1112", "202502", "山田　次郎", "1", "20250230", "ﾔﾏﾀﾞ ｼﾞﾛｳ", "A-0003"),
    ho("77777779", "", "777777777", 1),
    act("SI", "111000110", [15]),
    re(4, "1112", "202502", "佐藤　三郎", "1", "4010108", "ｻﾄｳ ｻﾌﾞﾛｳ", "A-0004"),
    act("SI", "111000110", [3]),
    b"CO,11,1,810000001,\x82",
    act("SI", "111000110", [4]),
]
data = b""
for r in corrupt:
    if isinstance(r, bytes):
        data += r + b"\r\n"
    elif isinstance(r, str):
        data += r.encode("cp932") + b"\r\n"
    else:
        data += ",".join(r).encode("cp932") + b"\r\n"
with open(os.path.join(OUT, "corrupt.UKE"), "wb") as f:
    f.write(data)
