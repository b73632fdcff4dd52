"""The same bytes every run: charts without a date or random ids, a workbook zip with fixed
member dates and stamps (and the rows of long sheets streamed in).

>>> fixed_metadata("svg")
{'Date': None}
"""

from __future__ import annotations

import re
from pathlib import Path

from manyi.io.write import atomic_path


def fixed_metadata(fmt: str) -> dict:
    """``savefig`` metadata without the run's date (SVG and PDF carry one by default)."""
    return {"svg": {"Date": None}, "pdf": {"CreationDate": None, "ModDate": None}}.get(fmt, {})


class plt_fixed_ids:  # noqa: N801 - used as a context manager like open()
    """Matplotlib's SVG element ids from a fixed salt instead of a random one."""

    def __enter__(self) -> None:
        import matplotlib

        self.before = matplotlib.rcParams["svg.hashsalt"]
        matplotlib.rcParams["svg.hashsalt"] = "manyi"

    def __exit__(self, *exc) -> None:
        import matplotlib

        matplotlib.rcParams["svg.hashsalt"] = self.before


FIXED_TIME = "2000-01-01T00:00:00Z"


def fixed_zip(path: Path, rows: dict | None = None) -> None:
    """Rewrite a zip (an .xlsx) with every member dated 1980-01-01 and the workbook's
    created/modified stamps set to :data:`FIXED_TIME`: same content, same bytes.

    ``rows`` maps a worksheet's member name to an iterator of row XML chunks, streamed into
    that sheet before its ``</sheetData>`` (the long sheets of ``manyi.report.sheet_rows``)."""
    import zipfile

    rows = rows or {}
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with atomic_path(path) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*",
                              rb"\g<1>" + FIXED_TIME.encode(), data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            if info.filename not in rows:
                target.writestr(fixed, data)
                continue
            cut = data.rindex(b"</sheetData>")
            fixed._compresslevel = 1  # a long sheet: 3× quicker, about 15 % larger
            with target.open(fixed, "w", force_zip64=True) as member:
                member.write(data[:cut])
                for chunk in rows[info.filename]:
                    member.write(chunk)
                member.write(data[cut:])
