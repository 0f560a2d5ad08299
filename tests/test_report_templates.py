"""The client report and its audit trail, the templates behind them and the branding options."""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from zorgadvies.api import advisor
from zorgadvies.cli import main
from zorgadvies.errors import ZorgadviesError
from zorgadvies.render.context import report_context
from zorgadvies.render.html import render_html
from zorgadvies.render.markdown import render_markdown
from zorgadvies.render.options import RenderOptions, load_logo, parse_colour

from conftest import EXAMPLES

# These tests compare English message text; the default language is Dutch (zorgadvies/messages.py).
pytestmark = pytest.mark.usefixtures("english")

ADV = advisor()
KB = ADV.kb
REPORTS = {path.stem: ADV.assess(path) for path in EXAMPLES}
runner = CliRunner()
# The smallest valid PNG: 1x1, one grey pixel.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgYAAAAAMAASsJTYQAAAAASUVORK5CYII="
)


class _Text(HTMLParser):
    """The text a reader sees: no tags, attributes, styles or the chart's markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "title"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "title"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def _visible(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def _ids(report) -> set[str]:
    ids = {report.knowledge_sha256, report.knowledge_sha256[:12]}
    for pillar in report.pillars:
        ids |= {ev.rule for ev in pillar.evidence} | {req.rule for req in pillar.missing} | set(pillar.settle)
        ids |= {c.subject for req in pillar.missing for c in req.conditions}
    for rec in report.recommendations:
        ids |= {rec.id, rec.rule, *rec.also_rules} | {s for s, _ in rec.facts}
    ids |= {q.rule for q in report.reflection_questions}
    return {i for i in ids if "_" in i or "/" in i or "-" in i or len(i) >= 12}


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_client_body_has_no_ids_or_digests_and_the_audit_trail_has_them(name: str) -> None:
    report = REPORTS[name]
    ids = _ids(report)
    assert ids, "the example must have ids to look for"
    client = [_visible(render_html(report, KB)), render_markdown(report, KB)]
    for text in client:
        leaked = sorted(i for i in ids if re.search(rf"(?<![\w/-]){re.escape(i)}(?![\w/-])", text))
        assert leaked == [], leaked[:5]
        assert "sha256" not in text
    audit = render_html(report, KB, options=RenderOptions(audit=True))
    assert report.knowledge_sha256 in audit and report.knowledge_version in audit
    for rec in report.recommendations:
        assert f"<code>{rec.rule}</code>" in audit


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_management_summary_names_focus_extremes_and_next_stages(name: str) -> None:
    report = REPORTS[name]
    context = report_context(report, KB)
    html = render_html(report, KB)
    summary = html[: html.index('class="pillar-page')]
    for pillar in context["pillars"]:
        assert pillar["name"] in summary
        if pillar["next_stage"]:
            assert f"{pillar['next_stage']} · {pillar['next_stage_name']}" in summary
    if context["strongest"]:
        assert f"Sterkste pijler:</strong> {context['strongest']['name']}" in summary
        assert f"Zwakste pijler:</strong> {context['weakest']['name']}" in summary
        assert context["strongest"]["value"] > context["weakest"]["value"]
    assert [item["rec"]["id"] for item in context["focus"]] == [f.id for f in report.focus]
    for item in context["focus"]:
        assert item["rec"]["title"] in summary and item["reason"] in summary
    # The roadmap is in rank order, phase as a tag, never as a heading that breaks the numbering.
    roadmap = html[html.index('id="aanbevelingen"') :]
    ranks = [int(r) for r in re.findall(r'<li class="rec" id="rec-[^"]+" value="(\d+)"', roadmap)]
    assert ranks == list(range(1, len(report.recommendations) + 1))


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_prerequisite_is_on_its_card_and_in_an_earlier_step(name: str) -> None:
    context = report_context(REPORTS[name], KB)
    for step, layer in enumerate(context["steps"], start=1):
        for rec in layer:
            assert rec["step"] == step
            for before in rec["requires"]:
                assert next(r for r in context["recs"] if r["id"] == before["id"])["step"] < step
    html = render_html(REPORTS[name], KB)
    for rec in context["recs"]:
        if rec["requires"] and rec["step"]:
            card = re.search(rf'<strong>{rec["rank"]}\. [^<]*</strong><span class="after">Begin na: ([\d, ]+)</span>', html)
            assert card, rec["id"]
            assert [int(x) for x in card.group(1).split(", ")] == [o["rank"] for o in rec["requires"]]


def test_a_template_folder_overrides_single_templates(tmp_path: Path) -> None:
    report = REPORTS["welzijn-zuidoever"]
    (tmp_path / "style.css.j2").write_text("body { color: #123456; } /* eigen huisstijl */\n", encoding="utf-8")
    html = render_html(report, KB, options=RenderOptions(template_dir=tmp_path))
    assert "eigen huisstijl" in html and "Managementsamenvatting" in html  # the rest is built in
    (tmp_path / "report.html.j2").write_text("<p>{{ org.name }}</p><p>{{ t.roadmap }}</p>\n", encoding="utf-8")
    evil = ADV.assess({"organisation": {"name": "<img src=x onerror=alert(1)>"}, "answers": {}})
    html = render_html(evil, KB, options=RenderOptions(template_dir=tmp_path))
    assert html == "<p>&lt;img src=x onerror=alert(1)&gt;</p><p>Routekaart</p>\n"  # still escaped


def test_template_errors_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "report.html.j2").write_text("{{ org.name }\n", encoding="utf-8")
    with pytest.raises(ZorgadviesError, match="template error"):
        render_html(REPORTS["welzijn-zuidoever"], KB, options=RenderOptions(template_dir=tmp_path))
    (tmp_path / "report.html.j2").write_text("{{ org.__class__.__mro__ }}\n", encoding="utf-8")
    with pytest.raises(ZorgadviesError, match="template error"):  # sandboxed: no Python internals
        render_html(REPORTS["welzijn-zuidoever"], KB, options=RenderOptions(template_dir=tmp_path))


def test_branding_logo_colour_and_introduction(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    options = RenderOptions(logo=load_logo(logo), accent=parse_colour("#AA3300"), intro="Eerste <b>alinea</b>.\n\nTweede alinea.")
    html = render_html(REPORTS["welzijn-zuidoever"], KB, options=options)
    assert '<img class="logo" src="data:image/png;base64,' in html
    assert "--accent: #aa3300;" in html
    assert "<p>Eerste &lt;b&gt;alinea&lt;/b&gt;.</p><p>Tweede alinea.</p>" in html
    assert "Eerste \\<b\\>alinea\\</b\\>." in render_markdown(REPORTS["welzijn-zuidoever"], KB, options=options)


@pytest.mark.parametrize("colour", ["red", "#12345", "#1234567", "#12345g; } body { x", "#123456;"])
def test_only_hex_colours_reach_the_stylesheet(colour: str) -> None:
    with pytest.raises(ZorgadviesError, match="#rrggbb"):
        parse_colour(colour)
    with pytest.raises(ZorgadviesError):
        RenderOptions(accent=colour)


def test_logo_must_be_an_image(tmp_path: Path) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    with pytest.raises(ZorgadviesError, match="not a PNG, JPEG or SVG"):
        load_logo(fake)
    with pytest.raises(ZorgadviesError):
        RenderOptions(logo="javascript:alert(1)")


def test_cli_report_options(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    intro = tmp_path / "intro.txt"
    intro.write_text("Voor het bestuur van De Linde.\n", encoding="utf-8")
    out = tmp_path / "rapport.html"
    args = ["report", str(EXAMPLES[0]), "-o", str(out), "--logo", str(logo), "--accent", "#225588", "--intro", str(intro)]
    result = runner.invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Voor het bestuur van De Linde." in html and "--accent: #225588;" in html and "sha256" not in html
    assert runner.invoke(main, [*args, "--audit"]).exit_code == 0
    assert "sha256" in out.read_text(encoding="utf-8")
    bad = runner.invoke(main, ["report", str(EXAMPLES[0]), "-o", str(tmp_path / "x.html"), "--accent", "blue"])
    assert bad.exit_code == 2 and bad.output.count("\n") == 1 and "#rrggbb" in bad.output
    assert not (tmp_path / "x.html").exists()
    broken = tmp_path / "tpl"
    broken.mkdir()
    (broken / "report.md.j2").write_text("{% if %}\n", encoding="utf-8")
    bad = runner.invoke(main, ["report", str(EXAMPLES[0]), "-o", str(tmp_path / "y.md"), "--template", str(broken)])
    assert bad.exit_code == 2 and "report.md.j2" in bad.output and bad.output.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["intro.txt", "logo.png", "rapport.html", "tpl"]


def _proef(placement: str):
    answers = {"zelf_metrics_evaluatie": placement, "met_meten": "resultaten_verzameld"}
    report = ADV.assess({"organisation": {"name": "Proef"}, "answers": answers})
    shown = next(p for p in report_context(report, KB)["pillars"] if p["id"] == "metrics_evaluatie")
    return report, shown


def test_undetermined_pillar_shows_bounds_and_an_estimate_worded_apart() -> None:
    report, shown = _proef("gedefinieerd")  # inside the bounds 1..2: the estimate
    assert (report.pillar("metrics_evaluatie").stage_min, report.pillar("metrics_evaluatie").stage_max) == (1, 2)
    assert shown["stage_text"] == "onbepaald: minstens Geïnitieerd, hoogstens Gedefinieerd"
    assert shown["estimate_text"] == "geschat: Gedefinieerd (2), eigen inschatting"
    html, md = render_html(report, KB), render_markdown(report, KB)
    assert f'<span class="est">{shown["estimate_text"]}</span>' in html
    assert shown["estimate_text"] in md and "Geschat stadium: Gedefinieerd" in md
    assert not shown["conflicts"]


def test_a_self_placement_outside_the_bounds_is_a_conflict_told_in_words() -> None:
    report, shown = _proef("georganiseerd")  # above stage_max 2
    assert "eigen inschatting" not in (shown["estimate_text"] or "") and len(shown["conflicts"]) == 1  # the bounds win
    conflict = shown["conflicts"][0]
    html = render_html(report, KB)
    assert conflict["text"] in html and "de antwoorden gaan voor" in conflict["text"]
    audit = render_html(report, KB, options=RenderOptions(audit=True))
    for rule in conflict["rules"]:
        assert rule not in _visible(html) and f"<code>{rule}</code>" in audit


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_english_reports_leave_no_dutch_labels_sectors_or_source_titles(name: str) -> None:
    from zorgadvies.render.markdown import LABELS

    report = REPORTS[name]
    dutch = {s.nl for s in KB.stages if s.nl != s.en}
    dutch |= {v for k, v in LABELS["nl"]["sectors"].items() if v != LABELS["en"]["sectors"][k]}
    dutch |= {d.title for d in KB.documents if d.title != d.title_en}
    dutch |= {s.title for s in KB.sections.values() if s.title != s.title_en and len(s.title) > 12}
    for pillar in report.pillars:
        for ev in pillar.evidence:
            for subject, value in ev.facts:
                q = KB.questions.get(subject)
                if q is not None and q.label(value, "nl") != q.label(value, "en") and len(q.label(value, "nl")) > 12:
                    dutch.add(q.label(value, "nl"))
    for options in (RenderOptions(), RenderOptions(audit=True)):
        text = _visible(render_html(report, KB, "en", options)) + render_markdown(report, KB, "en", options=options)
        text = text.replace(str(report.organisation["name"]), "")  # a name may hold a Dutch word
        left = sorted(d for d in dutch if d in text)
        assert left == [], left[:5]


@pytest.mark.parametrize(
    ("answers", "said"),
    [
        ({}, "6 van de 6 pijlers"),  # nothing known: no pillar is "at a level"
        ({"zelf_merk": "gedefinieerd", "zelf_innovatie": "gedefinieerd"}, None),  # a spread: strongest and weakest
    ],
)
def test_pillars_without_a_stage_are_not_called_equal(answers: dict[str, str], said: str | None) -> None:
    report = ADV.assess({"organisation": {"name": "T"}, "answers": answers})
    for text in (render_markdown(report, KB), _visible(render_html(report, KB))):
        assert "hetzelfde niveau" not in text
        if said:
            assert f"Welke pijler het sterkst is, is nog niet te zeggen: {said}" in text
        else:
            assert "Sterkste pijler" in text and "nog niet te zeggen" not in text
    assert "6 of the 6 pillars have no stage or estimate yet" in render_markdown(report if said else ADV.assess({"organisation": {"name": "T"}, "answers": {}}), KB, lang="en")
    # Every pillar at the same estimate: that one is true.
    same = ADV.assess({"organisation": {"name": "T"}, "answers": {f"zelf_{p.id}": "gedefinieerd" for p in KB.pillars}})
    assert "Alle pijlers staan op hetzelfde niveau." in render_markdown(same, KB)
