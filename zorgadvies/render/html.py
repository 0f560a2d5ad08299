"""The full report as one self-contained HTML file, in Dutch (default) or English.

Everything is inline: the stylesheet and both charts (SVG). Nothing is fetched from anywhere (no
fonts, scripts or images), so the file opens offline, can be mailed as it is and prints to PDF on
A4 with a page break before each major section. Every piece of text is escaped with
:func:`html.escape`. The words are those of the Markdown report (:data:`.markdown.LABELS`).
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from ..knowledge import PHASES, KnowledgeBase
from ..report import PillarResult, Recommendation, Report
from .charts import PHASE_COLOURS, dependency_layers, graph_svg, radar_svg
from .markdown import (
    LABELS,
    disputes,
    about,
    cited_sources,
    condition_parts,
    fact_pairs,
    sections_by_document,
    stage_label,
    subject_text,
    summary,
)

__all__ = ["render_html"]


def _e(text: object) -> str:
    return escape(str(text), quote=True)


_CSS = """
:root { --ink: #1a1a1a; --muted: #555; --line: #d5dae1; --accent: #1d4e89; --open: #b34700; --soft: #f4f6f9; }
* { box-sizing: border-box; }
html { font-size: 16px; -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.55;
  font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
.page { max-width: 72rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
p, li, dd, blockquote { max-width: 52rem; }
a { color: var(--accent); }
code { font-family: "DejaVu Sans Mono", Consolas, "Liberation Mono", monospace; font-size: .8em; color: #444;
  background: var(--soft); padding: 0 .3em; border-radius: 3px; overflow-wrap: anywhere; }
header.cover { border-bottom: 4px solid var(--accent); padding-bottom: 1.2rem; margin-bottom: 1.5rem; }
.kicker { margin: 0; color: var(--accent); font-weight: 700; letter-spacing: .08em; text-transform: uppercase; font-size: .9rem; }
h1 { font-size: 2.3rem; line-height: 1.15; margin: .3rem 0 .4rem; }
.subtitle { margin: 0 0 1rem; color: var(--muted); font-size: 1.1rem; }
.about { display: flex; flex-wrap: wrap; gap: .4rem 1.5rem; margin: 0; padding: 0; list-style: none; font-weight: 600; }
.summary { margin: 1rem 0 0; padding: .8rem 1rem; background: var(--soft); border-radius: 6px; }
.kb { margin: .6rem 0 0; color: var(--muted); font-size: .85rem; }
nav.toc { margin: 0 0 2rem; }
nav.toc h2 { font-size: 1rem; border: 0; margin: 0 0 .3rem; color: var(--ink); }
nav.toc ol { margin: 0; padding-left: 1.4rem; columns: 2; }
h2 { font-size: 1.65rem; line-height: 1.25; color: var(--accent); border-bottom: 1px solid var(--line);
  padding-bottom: .3rem; margin: 3rem 0 1rem; }
h3 { font-size: 1.3rem; line-height: 1.3; margin: 2rem 0 .6rem; }
h4 { font-size: 1.02rem; margin: 1.2rem 0 .4rem; }
.intro { color: var(--muted); }
.profile { display: grid; grid-template-columns: minmax(0, 11fr) minmax(0, 9fr); gap: 1.5rem 2rem; align-items: center; }
figure { margin: 1rem 0; }
figcaption { color: var(--muted); font-size: .88rem; margin-top: .3rem; }
svg.chart { display: block; width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding-bottom: .4rem; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
tbody th a { color: inherit; text-decoration: none; }
tbody th { font-weight: 600; }
th, td { text-align: left; vertical-align: top; padding: .5rem .6rem; border-bottom: 1px solid var(--line); }
thead th { border-bottom: 2px solid var(--ink); }
td.num, th.num { text-align: center; white-space: nowrap; }
.stage-open { color: var(--open); font-weight: 600; }
.badge { display: inline-block; font-size: .85rem; font-weight: 600; padding: .1rem .55rem; border-radius: 1rem;
  background: var(--accent); color: #fff; vertical-align: middle; margin-left: .4rem; white-space: nowrap; }
.badge.open { background: #fff; color: var(--open); border: 2px solid var(--open); }
.disputed { font-size: 0.8em; font-weight: normal; color: #9c4a00; }
.pillar { border-top: 1px solid var(--line); margin-top: 2rem; }
.cell { margin: .4rem 0 .8rem; padding: .4rem 1rem; border-left: 4px solid var(--accent); background: var(--soft); font-style: italic; }
ul.checks { list-style: none; padding: 0; margin: 0; }
ul.checks > li { margin: 0 0 .8rem; padding-left: 1.8rem; position: relative; }
.mark { position: absolute; left: 0; top: 0; width: 1.3rem; text-align: center; font-weight: 700; }
.mark.met { color: #2b7a3d; } .mark.fails { color: #b3261e; } .mark.unknown { color: var(--open); }
ul.facts { margin: .2rem 0; padding-left: 1.1rem; color: #333; font-size: .93rem; }
.src { font-size: .85rem; color: var(--muted); margin: .1rem 0 0; }
.src a, a.cite { text-decoration: none; }
.top { color: var(--muted); font-style: italic; }
.phase-intro { color: var(--muted); font-style: italic; margin-top: -.3rem; }
ol.recs { list-style: none; padding: 0; margin: 0; }
li.rec { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: .7rem 1rem .8rem; margin: 0 0 .9rem; }
li.rec h4 { margin: 0 0 .3rem; font-size: 1.08rem; display: flex; gap: .6rem; align-items: baseline; }
.rank { flex: none; display: inline-block; min-width: 1.9rem; padding: .05rem .35rem; border-radius: 1rem; color: #fff;
  text-align: center; font-size: .9rem; }
li.rec p.body { margin: .2rem 0 .5rem; }
dl.meta { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .15rem .8rem; margin: 0; font-size: .9rem; }
dl.meta dt { font-weight: 600; color: #333; }
dl.meta dd { margin: 0; }
ul.inline { list-style: none; margin: 0; padding: 0; }
ul.reflect li { margin-bottom: .5rem; }
dl.sources dt { font-weight: 600; margin-top: .8rem; }
dl.sources dd { margin: .1rem 0 0 0; }
.byline { color: var(--muted); font-style: italic; margin-top: -.3rem; }
dl.kbinfo { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem 1rem; }
dl.kbinfo dd { margin: 0; }
footer { margin-top: 3rem; padding-top: .8rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
@media screen and (max-width: 50rem) {
  .profile { grid-template-columns: 1fr; }
  nav.toc ol { columns: 1; }
}
@media print {
  @page { size: A4; margin: 15mm 14mm 16mm; }
  html { font-size: 10pt; }
  body { color: #000; background: #fff; }
  .page { max-width: none; padding: 0; }
  nav.toc { display: none; }
  section.major { break-before: page; }
  h2 { margin-top: 0; }
  h2, h3, h4 { break-after: avoid; }
  figure, table, tr, li.rec, ul.checks > li, div.source, .pillar-head { break-inside: avoid; }
  .pillar-head, dl.sources dt, .phase-intro, .intro { break-after: avoid; }
  .profile { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem 1.2rem; }
  thead { display: table-header-group; }
  svg.chart { max-height: 235mm; }
  figure.graph svg.chart { max-height: 205mm; }
  a { color: inherit; text-decoration: none; }
  .summary, .cell, code { background: none; }
  .summary { border: 1px solid var(--line); }
  code, .intro, .phase-intro, .src, figcaption, .kb, .byline, .top { color: #222; }
  svg, .badge, .rank, li.rec { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


class _Html:
    def __init__(self, report: Report, kb: KnowledgeBase, lang: str) -> None:
        self.report, self.kb, self.lang = report, kb, lang
        self.t = LABELS[lang]
        self.numbers = cited_sources(report, kb)
        self.recs = {r.id: r for r in report.recommendations}
        self.out: list[str] = []

    def w(self, *parts: str) -> None:
        self.out.extend(parts)

    # -- small pieces -----------------------------------------------------------------------

    def cite(self, refs: Iterable[str]) -> str:
        links = []
        for number in sorted({self.numbers[r] for r in refs}):
            ref = next(r for r, n in self.numbers.items() if n == number)
            section = self.kb.sections.get(ref)
            title = (section.title if self.lang == "nl" else section.title_en) if section else ref
            links.append(f'<a class="cite" href="#bron-{number}" title="{_e(title)}">[{number}]</a>')
        return ", ".join(links)

    def facts(self, facts: Iterable[tuple[str, object]]) -> str:
        items = [
            f"<li>{_e(question)} <code>{_e(subject)}</code>: <em>{_e(answer)}</em></li>"
            for subject, question, answer in fact_pairs(self.kb, facts, self.lang)
        ]
        return f'<ul class="facts">{"".join(items)}</ul>' if items else ""

    def rec_ref(self, rec_id: str) -> str:
        rec = self.recs[rec_id]
        return f'<a href="#rec-{_e(rec.id)}">{rec.rank}. {_e(self.title(rec))}</a>'

    def title(self, rec: Recommendation) -> str:
        return rec.title if self.lang == "nl" else rec.title_en

    def stage_badge(self, pillar: PillarResult) -> str:
        stage, number = stage_label(self.kb, pillar, self.lang)
        flag = self.disputed(pillar.disputed)
        if pillar.stage is not None:
            return f'<span class="badge">{_e(number)} · {_e(stage)}</span>{flag}'
        return f'<span class="badge open">{_e(stage)}</span>{flag}'

    def disputed(self, questions: Iterable[str]) -> str:
        names = list(questions)
        if not names:
            return ""
        return f' <span class="disputed">{_e(self.t["disputed"])}: {_e(", ".join(names))}</span>'

    def respondents(self) -> None:
        t, report = self.t, self.report
        if not report.respondents:
            return
        self.section("respondenten", f"{t['respondents']}: {', '.join(report.respondents['names'])}")
        self.w(f'<p class="intro">{_e(t["disputes_intro"])}</p>')
        rows = disputes(report, self.kb, self.lang)
        if rows:
            self.w(
                '<table class="disputes"><thead><tr>'
                f'<th scope="col">{_e(t["question"])}</th><th scope="col">{_e(t["answers_given"])}</th>'
                f'<th scope="col">{_e(t["counts"])}</th></tr></thead><tbody>'
            )
            for text, qid, said, counts in rows:
                given = "<br>".join(f"{_e(who)}: {_e(label)}" for who, label in said)
                self.w(f"<tr><td>⚠ {_e(text)} <code>{_e(qid)}</code></td><td>{given}</td><td>{_e(counts)}</td></tr>")
            self.w("</tbody></table>")
        self.w("</section>")

    # -- sections -----------------------------------------------------------------------------

    def cover(self) -> None:
        t, report = self.t, self.report
        self.w('<header class="cover">', f'<p class="kicker">{_e(t["title"])}</p>', f"<h1>{_e(report.organisation['name'])}</h1>")
        self.w(f'<p class="subtitle">{_e(t["subtitle"])}</p>')
        parts = about(report, self.lang)
        if parts:
            self.w('<ul class="about">', *(f"<li>{_e(p)}</li>" for p in parts), "</ul>")
        self.w(f'<p class="summary"><strong>{_e(t["summary"])}:</strong> {_e(summary(report, self.lang))}</p>')
        self.w(f'<p class="kb">{_e(t["kb_line"].format(version=report.knowledge_version, sha=report.knowledge_sha256[:12] + "…"))}</p>')
        self.w("</header>")

    def toc(self) -> None:
        t = self.t
        entries = [("profiel", t["profile"]), ("pijlers", t["pillars"])]
        if self.report.recommendations:
            entries += [("aanbevelingen", t["recs"]), ("graaf", t["graph"])]
        if self.report.reflection_questions:
            entries.append(("reflectie", t["reflect"]))
        entries.append(("bronnen", t["appendix"]))
        self.w(f'<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">{_e(t["contents"])}</h2><ol>')
        self.w(*(f'<li><a href="#{key}">{_e(text)}</a></li>' for key, text in entries))
        self.w("</ol></nav>")

    def section(self, key: str, heading: str, *, major: bool = True) -> None:
        cls = ' class="major"' if major else ""
        self.w(f'<section id="{key}"{cls} aria-labelledby="{key}-h">', f'<h2 id="{key}-h">{_e(heading)}</h2>')

    def profile(self) -> None:
        t, kb, lang = self.t, self.kb, self.lang
        self.section("profiel", t["profile"], major=False)
        self.w(f'<p class="intro">{_e(t["profile_intro"])}</p>', '<div class="profile">')
        self.w('<figure class="radar">', radar_svg(self.report, kb, lang, standalone=False).rstrip("\n"))
        self.w(f"<figcaption>{_e(t['radar_caption'])}</figcaption></figure>")
        self.w(
            "<table>",
            f'<caption class="sr-only">{_e(t["profile"])}</caption>',
            f'<thead><tr><th scope="col">{_e(t["pillar"])}</th><th scope="col">{_e(t["stage"])}</th>'
            f'<th scope="col" class="num">{_e(t["number"])}</th></tr></thead><tbody>',
        )
        for pillar in self.report.pillars:
            stage, number = stage_label(kb, pillar, lang)
            cls = "" if pillar.stage is not None else ' class="stage-open"'
            self.w(
                f'<tr><th scope="row"><a href="#pijler-{_e(pillar.id)}">{_e(kb.pillar(pillar.id).name(lang))}</a></th>'
                f"<td{cls}>{_e(stage)}</td><td class=\"num\">{_e(number)}</td></tr>"
            )
        self.w("</tbody></table></div></section>")

    def pillars(self) -> None:
        t, kb, lang = self.t, self.kb, self.lang
        self.section("pijlers", t["pillars"])
        self.w(f'<p class="intro">{_e(t["legend"])}</p>')
        for pillar in self.report.pillars:
            self.w(f'<article class="pillar" id="pijler-{_e(pillar.id)}" aria-labelledby="pijler-{_e(pillar.id)}-h">')
            self.w('<div class="pillar-head">')
            self.w(f'<h3 id="pijler-{_e(pillar.id)}-h">{_e(kb.pillar(pillar.id).name(lang))} {self.stage_badge(pillar)}</h3>')
            if pillar.stage is not None:
                self.w(f'<blockquote class="cell">{_e(kb.pillar(pillar.id).cells[pillar.stage][0 if lang == "nl" else 1])}</blockquote>')
            self.w("</div>")
            self.w(f"<h4>{_e(t['why'])}</h4>")
            if not pillar.evidence:
                self.w(f"<p>{_e(t['no_evidence'])}</p>")
            else:
                self.w('<ul class="checks">')
                for ev in pillar.evidence:
                    self.w(
                        f'<li><span class="mark met" role="img" aria-label="{_e(t["status"]["met"])}">✓</span>'
                        f"<strong>{_e(ev.title if lang == 'nl' else ev.title_en)}</strong> <code>{_e(ev.rule)}</code>",
                        self.facts(ev.facts),
                        f'<p class="src">{_e(t["source"])}: {self.cite(ev.sources)}</p></li>',
                    )
                self.w("</ul>")
            if pillar.missing_stage is None:
                self.w(f'<p class="top">{_e(t["top"])}</p>')
            elif pillar.missing:
                target = f"{kb.stage(pillar.missing_stage).name(lang)} ({pillar.missing_stage})"
                self.w(f"<h4>{_e(t['need'].format(stage=target))}</h4>", '<ul class="checks">')
                for req in pillar.missing:
                    status, mark = ("fails", "✗") if req.status == "fails" else ("unknown", "?")
                    word = t["status"][status]
                    conds = []
                    for cond in req.conditions:
                        question, now, need = condition_parts(kb, cond, lang)
                        conds.append(
                            f"<li>{_e(question)} <code>{_e(cond.subject)}</code>: {_e(t['now'])} <em>{_e(now)}</em>; "
                            f"{_e(t['needs'])} <em>{_e(need)}</em></li>"
                        )
                    self.w(
                        f'<li><span class="mark {status}" role="img" aria-label="{_e(word)}">{mark}</span>'
                        f"<strong>{_e(req.title if lang == 'nl' else req.title_en)}</strong> <code>{_e(req.rule)}</code>",
                        f'<ul class="facts">{"".join(conds)}</ul>' if conds else "",
                        f'<p class="src">{_e(t["source"])}: {self.cite(req.sources)}</p></li>',
                    )
                self.w("</ul>")
            if pillar.settle:
                self.w(f"<h4>{_e(t['settle'])}</h4>", '<ul class="facts">')
                self.w(*(f"<li>{_e(subject_text(kb, s, lang))} <code>{_e(s)}</code></li>" for s in pillar.settle))
                self.w("</ul>")
            self.w("</article>")
        self.w("</section>")

    def recommendation(self, rec: Recommendation) -> None:
        t, lang = self.t, self.lang
        fill, stroke = PHASE_COLOURS[rec.phase]
        self.w(
            f'<li class="rec" id="rec-{_e(rec.id)}" value="{rec.rank}" style="border-left-color: {stroke}">',
            f'<h4><span class="rank" style="background: {stroke}">{rec.rank}</span><span>{_e(self.title(rec))}</span></h4>',
            f'<p class="body">{_e(rec.body if lang == "nl" else rec.body_en)}</p>',
            '<dl class="meta">',
        )
        if rec.disputed:
            self.w(f"<dt>⚠</dt><dd>{self.disputed(rec.disputed)}</dd>")
        if rec.requires:
            self.w(f"<dt>{_e(t['after'])}</dt><dd>{'; '.join(self.rec_ref(r) for r in rec.requires)}</dd>")
        if rec.unblocks:
            self.w(f"<dt>{_e(t['unblocks'])}</dt><dd>{'; '.join(self.rec_ref(r) for r in rec.unblocks)}</dd>")
        facts = fact_pairs(self.kb, rec.facts, lang)
        if facts:
            self.w(
                f"<dt>{_e(t['based_on'])}</dt><dd>"
                + "; ".join(f"{_e(q)} <code>{_e(s)}</code>: <em>{_e(a)}</em>" for s, q, a in facts)
                + "</dd>"
            )
        rule = f"<code>{_e(rec.rule)}</code>"
        if rec.also_rules:
            rule += f" ({_e(t['also'])} " + ", ".join(f"<code>{_e(r)}</code>" for r in rec.also_rules) + ")"
        self.w(
            f"<dt>{_e(t['rule'])}</dt><dd>{rule}</dd>",
            f"<dt>{_e(t['id'])}</dt><dd><code>{_e(rec.id)}</code></dd>",
            f"<dt>{_e(t['source'])}</dt><dd>{self.cite(rec.sources)}</dd>",
            "</dl></li>",
        )

    def recommendations(self) -> None:
        t = self.t
        self.section("aanbevelingen", t["recs"])
        if not self.report.recommendations:
            self.w(f"<p>{_e(t['no_recs'])}</p></section>")
            return
        self.w(f'<p class="intro">{_e(t["recs_intro"])}</p>')
        for phase in PHASES:
            in_phase = [r for r in self.report.recommendations if r.phase == phase]
            if not in_phase:
                continue
            self.w(f'<h3 id="fase-{phase}">{_e(t["phases"][phase])}</h3>', f'<p class="phase-intro">{_e(t["phase_intro"][phase])}</p>')
            self.w('<ol class="recs">')
            for rec in in_phase:
                self.recommendation(rec)
            self.w("</ol>")
        self.w("</section>")

    def graph(self) -> None:
        if not self.report.recommendations:
            return
        t = self.t
        self.section("graaf", t["graph"])
        self.w(f'<p class="intro">{_e(t["graph_intro"])}</p>')
        layers, free = dependency_layers(self.report)
        if layers:
            self.w('<figure class="graph">', graph_svg(self.report, self.kb, self.lang, standalone=False, part="linked").rstrip("\n"))
            self.w(f"<figcaption>{_e(t['graph_linked'])}</figcaption></figure>")
        if free:
            self.w('<figure class="graph">', graph_svg(self.report, self.kb, self.lang, standalone=False, part="free").rstrip("\n"))
            self.w(f"<figcaption>{_e(t['graph_free'])}</figcaption></figure>")
        self.w("</section>")

    def reflection(self) -> None:
        questions = self.report.reflection_questions
        if not questions:
            return
        t = self.t
        self.section("reflectie", t["reflect"], major=False)
        self.w(f'<p class="intro">{_e(t["reflect_intro"])}</p>')
        for field in dict.fromkeys(q.field for q in questions):
            self.w(f"<h3>{_e(t['fields'].get(field, field))}</h3>", '<ul class="reflect">')
            for q in questions:
                if q.field == field:
                    self.w(
                        f"<li>{_e(q.text if self.lang == 'nl' else q.text_en)} "
                        f'<span class="src">({_e(t["rule"].lower())} <code>{_e(q.rule)}</code>; {self.cite(q.sources)})</span></li>'
                    )
            self.w("</ul>")
        self.w("</section>")

    def appendix(self) -> None:
        t, kb, lang, report = self.t, self.kb, self.lang, self.report
        self.section("bronnen", t["appendix"])
        self.w(f'<p class="intro">{_e(t["appendix_intro"])}</p>')
        for doc_id, entries in sections_by_document(kb, self.numbers):
            if doc_id is not None:
                doc = kb.document(doc_id)
                self.w(f"<h3>{_e(doc.title if lang == 'nl' else doc.title_en)}</h3>")
                who = ", ".join(p for p in (", ".join(doc.authors), doc.publisher or "") if p)
                if who:
                    self.w(f'<p class="byline">{_e(who)}</p>')
            self.w('<dl class="sources">')
            for number, ref, section in entries:
                title = (section.title if lang == "nl" else section.title_en) if section else ref
                self.w(f'<div class="source"><dt id="bron-{number}">[{number}] {_e(title)} <code>{_e(ref)}</code></dt>')
                if section:
                    self.w(f"<dd>{_e(section.summary_nl if lang == 'nl' else section.summary_en)}</dd>")
                self.w("</div>")
            self.w("</dl>")
        self.w(f"<h3>{_e(t['knowledge'])}</h3>", '<dl class="kbinfo">')
        self.w(f"<dt>{_e(t['version'])}</dt><dd>{_e(report.knowledge_version)}</dd>")
        self.w(f"<dt>sha256</dt><dd><code>{_e(report.knowledge_sha256)}</code></dd></dl></section>")

    def document(self) -> str:
        t, report = self.t, self.report
        self.w(
            "<!DOCTYPE html>",
            f'<html lang="{_e(self.lang)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(t['title'])}: {_e(report.organisation['name'])}</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            '<body><div class="page">',
        )
        self.cover()
        self.toc()
        self.w("<main>")
        self.profile()
        self.respondents()
        self.pillars()
        self.recommendations()
        self.graph()
        self.reflection()
        self.appendix()
        self.w("</main>")
        kb_line = t["kb_line"].format(version=report.knowledge_version, sha=report.knowledge_sha256)
        self.w(f"<footer>{_e(t['title'])} · {_e(report.organisation['name'])} · {_e(kb_line)}</footer>")
        self.w("</div></body>", "</html>")
        return "\n".join(self.out) + "\n"


def render_html(report: Report, kb: KnowledgeBase, lang: str = "nl") -> str:
    """The report as one self-contained HTML document (inline CSS and SVG, no external resources)."""
    return _Html(report, kb, lang).document()
