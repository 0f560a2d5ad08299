"""The assessment block, notes per answer (toelichting) and targets per pillar (doelen): loaded and
checked, carried into the JSON, the audit log and the reports, drawn on the radar."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from zorgadvies.api import advisor
from zorgadvies.audit import audit_lines
from zorgadvies.cli import main
from zorgadvies.errors import InputError
from zorgadvies.history import save_assessment
from zorgadvies.render.charts import radar_svg
from zorgadvies.render.html import render_html
from zorgadvies.render.markdown import render_markdown
from zorgadvies.render.options import RenderOptions

from conftest import ROOT

# These tests compare English message text; the default language is Dutch (zorgadvies/messages.py).
pytestmark = pytest.mark.usefixtures("english")

ADV = advisor()
KB = ADV.kb
SVG = "{http://www.w3.org/2000/svg}"
BASE = {
    "organisation": {"name": "Proefzorg"},
    "assessment": {"date": "2026-01-15", "consultant": "M. Jansen", "client_contact": "H. de Boer", "round": "nulmeting"},
    "doelen": {"marketingpraktijk": 2, "innovatie": "georganiseerd"},
    "toelichting": {"mp_inzet": "zie <jaarplan> 2025"},
    "answers": {"mp_inzet": "ad_hoc_communicatie"},
}


def test_loaded_into_the_report_json_and_back_into_the_facts() -> None:
    facts = ADV.load(BASE)
    assert facts.assessment is not None and facts.assessment.consultant == "M. Jansen"
    assert facts.targets == {"marketingpraktijk": 2, "innovatie": 3}
    assert facts.notes == {"mp_inzet": "zie <jaarplan> 2025"}
    again = ADV.load(facts.to_dict())  # what an interview saves loads to the same facts
    assert (again.assessment, again.targets, again.notes) == (facts.assessment, facts.targets, facts.notes)
    data = json.loads(ADV.assess(BASE).to_json())
    assert data["assessment"] == BASE["assessment"]
    assert data["targets"] == {"marketingpraktijk": 2, "innovatie": 3}
    assert data["notes"] == {"mp_inzet": "zie <jaarplan> 2025"}
    plain = json.loads(ADV.assess({"organisation": {"name": "x"}, "answers": {}}).to_json())
    assert (plain["assessment"], plain["targets"], plain["notes"]) == (None, {}, {})


def test_audit_log_carries_them() -> None:
    facts = ADV.load(BASE)
    report, firings = ADV.assess_traced(facts)
    header = json.loads(audit_lines(ADV, facts, firings, report)[0])
    assert header["facts"]["assessment"]["round"] == "nulmeting"
    assert header["facts"]["doelen"] == {"marketingpraktijk": 2, "innovatie": 3}
    assert header["facts"]["toelichting"] == {"mp_inzet": "zie <jaarplan> 2025"}


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"assessment": {"date": "15-01-2026"}}, "assessment.date", "YYYY-MM-DD"),
        ({"assessment": {"date": "2026-02-30"}}, "assessment.date", "YYYY-MM-DD"),
        ({"assessment": {"adviseur": "x"}}, "assessment.adviseur", ""),
        ({"doelen": {"marketing": 2}}, "doelen.marketing", "marketingpraktijk"),
        ({"doelen": {"merk": 5}}, "doelen.merk", "at most 4"),
        ({"toelichting": {"mp_inzett": "x"}}, "toelichting.mp_inzett", "mp_inzet"),
        ({"toelichting": {"mp_inzet": ""}}, "toelichting.mp_inzet", ""),
    ],
)
def test_bad_blocks_are_refused_naming_the_field(change: dict, field: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        ADV.load(BASE | change)
    assert field in str(info.value) and message in str(info.value)


def test_reports_show_them_escaped() -> None:
    report = ADV.assess(BASE)
    html = render_html(report, KB)
    for text in ("2026-01-15", "M. Jansen", "H. de Boer", "nulmeting", "Doel: Gedefinieerd (2)", "Doel: Georganiseerd (3)"):
        assert text in html, text
    assert "zie &lt;jaarplan&gt; 2025" in html and "<jaarplan>" not in html
    md = render_markdown(report, KB)
    assert "Adviseur: M. Jansen" in md and "| Doel |" in md and "zie \\<jaarplan\\> 2025" in md
    audit = render_html(report, KB, options=RenderOptions(audit=True))
    assert "Toelichtingen bij de antwoorden" in audit and "<code>mp_inzet</code>: zie &lt;jaarplan&gt; 2025" in audit


def test_radar_draws_targets_and_the_previous_assessment_with_their_own_shapes() -> None:
    report = ADV.assess(BASE)
    previous = {p.id: 1 for p in report.pillars}
    root = ET.fromstring(radar_svg(report, KB, previous=previous))
    squares = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "target"]
    triangles = [p for p in root.iter(f"{SVG}polygon") if p.get("class") == "previous"]
    assert len(squares) == 2 + 1 and len(triangles) == 6 + 1  # the markers and one in the legend each
    assert [p for p in root.iter(f"{SVG}polygon") if p.get("class") == "previous-line"]
    assert not [p for p in root.iter(f"{SVG}polygon") if p.get("class") == "target-line"]  # 2 of 6 targets
    legend = " ".join(t.text or "" for t in root.iter(f"{SVG}tspan"))
    assert "doel" in legend and "vorige meting" in legend


def test_cli_previous_takes_the_last_other_assessment_from_the_history(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite3"
    earlier = ADV.assess(BASE | {"answers": {}})
    save_assessment(earlier, db_path=db)
    now = ADV.assess(BASE)
    save_assessment(now, db_path=db)  # this assessment itself is skipped
    facts = tmp_path / "f.json"
    facts.write_text(json.dumps(BASE), encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", str(facts), "-o", str(out), "--previous", "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert 'class="previous"' in html and "Vorige meting: Geïnitieerd (1)" in html


def test_demo_example_has_them() -> None:
    facts = ADV.load(ROOT / "examples" / "thuiszorg-de-linde.yaml")
    assert facts.assessment is not None and facts.assessment.date and len(facts.targets) == 6 and facts.notes
