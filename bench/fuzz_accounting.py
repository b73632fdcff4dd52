"""Accounting fuzz for bench/fuzz.py: dumps of known rows in, every row accounted for out.

Each dump holds 1-12 rows with ids ``r0 …`` and random texts; some get hostile lines (a raw
quote in TSV, a stray quote in CSV, null/string/array lines in JSON lines, a title row and
a formula without a saved value in xlsx). The reader must return every clean row with its
id and text, and put the rest in the rejects: rows out + rejected = rows in, ids unique.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
import tempfile
from pathlib import Path

from manyi.errors import InputError
from manyi.io.delimited import CELL_BREAK, ESCAPED_QUOTE
from manyi.io.read import read_comments

FORMATS = ("csv", "tsv", "jsonl", "xlsx")
PIECES = ["物流很快", "质量", "好评", "差", '"', '""', "'", ",", ";", "|", " ", "\u3000", "\u200b",
          "\x00", "\r", "=1+1", "+", "-", "@", "😀", "\ufeff", "null", "NaN", "[", "{", "\\",
          "abc", "123", "。", "！", "\u2028", "\x1a",
          # line breaks in cells (CRLF comes back as LF); the next line never reads as a row
          # of its own (an id-like start there is a stray-quote look-alike, by design)
          "\r\n好", "\n差"]


def _text(rng: random.Random, *, line_safe: bool) -> str:
    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 6)))
    if line_safe:  # a raw (unquoted) line: no tab, line end or lone CR inside
        text = text.replace("\r", "").replace("\n", "").replace("\u2028", "")
    return text


def _dump(rng: random.Random, fmt: str, folder: Path) -> tuple[Path, list[str], dict, int]:
    """A dump file, its ids, the texts the clean rows must come back with, rows in."""
    n = rng.randint(1, 12)
    ids = [f"r{i}" for i in range(n)]
    hostile = rng.random() < 0.5
    path = folder / f"dump.{fmt}"
    texts = {}
    if fmt == "tsv":  # exports write cells as they are: quotes included, no quoting
        lines = []
        for i in ids:
            text = _text(rng, line_safe=True).replace("\t", " ")
            if hostile and rng.random() < 0.3:
                text = '"' + text
            text = text.replace("\x00", "")  # (a line of NUL only is padding, not a row)
            if ESCAPED_QUOTE.fullmatch(text):  # """" reads as a quoting writer's " (by design)
                text = text[1:]
            texts[i] = text
            lines.append(f"{i}\t{text}\n")
        path.write_text("编号\t评论内容\n" + "".join(lines), encoding="utf-8")
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(["编号", "评论内容"])
        for i in ids:
            text = _text(rng, line_safe=False)
            writer.writerow([i, text])
            texts[i] = CELL_BREAK.sub("\n", text)  # a CRLF in a cell is a line break
        data = buffer.getvalue()
        if hostile:  # a stray quote opening one unquoted row's cell
            lines = data.split("\r\n")
            at = rng.randint(1, len(lines) - 2)
            row = re.match(r"(r\d+),", lines[at])  # a record's first line, not a cell's
            if '"' not in lines[at] and row:
                lines[at] = lines[at].replace(",", ',"', 1)
                texts.pop(row[1])
            data = "\r\n".join(lines)
        path.write_text(data, encoding="utf-8", newline="")
    elif fmt == "jsonl":
        lines = []
        for i in ids:
            texts[i] = _text(rng, line_safe=False)
            lines.append(json.dumps({"编号": i, "评论内容": texts[i]}, ensure_ascii=False))
            if hostile and rng.random() < 0.3:
                lines.append(rng.choice(["null", '"孤行"', "[1, 2]", "{bad", "42"]))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        from openpyxl import Workbook
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        book = Workbook()
        sheet = book.active
        if hostile:
            sheet.append(["2026年 评价导出"])
        sheet.append(["编号", "评论内容"])
        for i in ids:
            text = ILLEGAL_CHARACTERS_RE.sub("", _text(rng, line_safe=False)).replace("\r", "")
            if hostile and rng.random() < 0.2:
                sheet.append([i, "=A1&B1"])  # a formula no program saved a value for
                continue
            sheet.append([i, text])
            if text.startswith("="):
                sheet.cell(sheet.max_row, 2).data_type = "s"
            texts[i] = text or None
        book.save(path)
    return path, ids, texts, n


def account(target, fmt: str, n: int, seed: int) -> None:
    """Read ``n`` dumps of format ``fmt``; count a failure for any lost or altered row."""
    rng = random.Random(f"{seed}-{fmt}")
    folder = Path(tempfile.mkdtemp(prefix="manyi-account-"))
    for _ in range(n):
        path, ids, texts, rows_in = _dump(rng, fmt, folder)
        target.tried += 1
        target.outcomes["rows in"] = target.outcomes.get("rows in", 0) + rows_in
        try:
            frame, meta = read_comments(path, id_col="编号", text_col="评论内容")
        except InputError as error:
            if texts:  # a dump with clean rows must read
                target.record((fmt, path.read_bytes()[:200]), error)
            continue
        except Exception as error:  # noqa: BLE001 - counting every failure is the point
            target.record((fmt, path.read_bytes()[:200]), error)
            continue
        out = frame["comment_id"].tolist()
        try:
            assert len(out) == len(set(out)), f"duplicate ids {out}"
            assert len(out) + len(meta.rejects) >= rows_in or fmt == "jsonl", \
                f"{rows_in} rows in, {len(out)} out, {len(meta.rejects)} rejected"
            rejected = " ".join(r["raw"] for r in meta.rejects)
            for i in ids:
                assert i in out or i in rejected, f"{i} lost: {out} {meta.rejects}"
            got = dict(zip(out, frame["评论内容"].tolist()))
            for i, text in texts.items():
                value = got.get(i)
                value = None if value is None or value != value else value
                assert value == text, f"{i}: {value!r} != {text!r}"
            assert set(out) <= set(ids), f"made-up rows {set(out) - set(ids)}"
        except AssertionError as error:
            target.record((fmt, path.read_bytes()[:300]), error)
        else:
            target.count("clean" if not meta.rejects else "rows + rejects")
