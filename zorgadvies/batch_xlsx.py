"""A batch's results as an Excel workbook: a sheet per view (``batch --out resultaten.xlsx``).

``Organisaties``: one row per organisation (the CSV's columns, with numbers as numbers);
``Peers``: per pillar how many organisations are at each stage (only when the group is large
enough, as in the JSON); ``Positie``: where ``--peer`` stands per pillar (when given and found).
Text that starts with ``=`` is stored with a leading apostrophe, so that a name in a facts file can
never become a formula in someone's spreadsheet (openpyxl would store it as one).
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Mapping, Sequence
from typing import Any

from .batch import BatchResult, results_to_csv

__all__ = ["results_to_xlsx"]

_SHEETS = {
    "nl": ("Organisaties", "Peers", "Positie", "Pijler", "onbepaald", "stadium", "lager", "gelijk", "hoger"),
    "en": ("Organisations", "Peers", "Position", "Pillar", "undetermined", "stage", "below", "same", "above"),
}


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        if value.isdigit():
            return int(value)
        if value.startswith("="):
            return "'" + value  # stored as text, never as a formula
    return value


def results_to_xlsx(results: Sequence[BatchResult], view: Mapping[str, Any], lang: str = "nl") -> bytes:
    """The workbook (xlsx bytes); deterministic for the same results."""
    import csv

    from openpyxl import Workbook
    from openpyxl.styles import Font

    from .workbook import _fixed_zip_times

    names = _SHEETS[lang]
    book = Workbook()
    sheet = book.active
    sheet.title = names[0]
    for row in csv.reader(io.StringIO(results_to_csv(results))):
        sheet.append([_cell(v) for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "C2"
    if view.get("shown") and view.get("pillars"):
        peers = book.create_sheet(names[1])
        peers.append([names[3], "1", "2", "3", "4", names[4]])
        for pillar in view["pillars"]:
            counts = pillar["counts"]
            title = pillar["name"] if lang == "nl" else pillar["name_en"]
            peers.append([title, counts["1"], counts["2"], counts["3"], counts["4"], counts["undetermined"]])
        for cell in peers[1]:
            cell.font = Font(bold=True)
    position = view.get("position")
    if position:
        where = book.create_sheet(names[2])
        where.append([str(position.get("name", ""))])
        where.append([names[3], names[5], names[6], names[7], names[8], names[4]])
        titles = {p["id"]: (p["name"] if lang == "nl" else p["name_en"]) for p in view.get("pillars") or ()}
        for pillar in position["pillars"]:
            where.append([titles.get(pillar["id"], pillar["id"]), pillar["stage"], pillar["below"], pillar["same"], pillar["above"], pillar["undetermined"]])
    book.properties.created = book.properties.modified = datetime.datetime(2000, 1, 1)
    out = io.BytesIO()
    book.save(out)
    return _fixed_zip_times(out.getvalue())
