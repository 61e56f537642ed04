#!/usr/bin/env python3
"""Writes Sources/ServiceHall/Resources/pinyin.tsv: every GB 2312 hanzi plus every hanzi of the shipped catalog,
one per line, with all its toneless readings (`行\thang xing`).

The service hall's search matches pinyin initials (`ybcx` → 医保查询) and full pinyin (`yibao`) against these
readings, any reading of each character, so heteronyms (银行 / 出行) need no phrase dictionary. Covering all of
GB 2312 lets an administrator add services with new names without regenerating the table.
Needs `pip install pypinyin`. Run from the repository root: python3 scripts/catalog/build-pinyin.py
"""
import json
import pathlib

from pypinyin import Style, pinyin


def gb2312_hanzi():
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                yield bytes([high, low]).decode("gb2312")
            except UnicodeDecodeError:
                continue


def catalog_hanzi():
    catalog = json.loads(pathlib.Path("data/service-catalog.json").read_text(encoding="utf-8"))
    texts = []
    for department in catalog["departments"]:
        texts.append(department["name"]["zh"])
    for service in catalog["services"]:
        texts.append(service["name"]["zh"])
        texts.extend(service["synonyms"])
    return {ch for text in texts for ch in text if "\u4e00" <= ch <= "\u9fff"}


def main():
    chars = sorted(set(gb2312_hanzi()) | catalog_hanzi())
    lines = []
    for ch in chars:
        readings = pinyin(ch, style=Style.NORMAL, heteronym=True)[0]
        readings = sorted({r.replace("ü", "v") for r in readings if r.isascii() and r.isalpha()})
        if readings:
            lines.append(f"{ch}\t{' '.join(readings)}")
    path = pathlib.Path("Sources/ServiceHall/Resources/pinyin.tsv")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} characters")


if __name__ == "__main__":
    main()
