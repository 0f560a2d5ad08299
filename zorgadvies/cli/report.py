"""CLI commands: report (registered on the main group by zorgadvies.cli)."""

from __future__ import annotations

import sys
from pathlib import Path

import attrs
import click

from ..api import advisor
from .lang import lang_option
from .util import errors_to_exit, rules_option, write_binary, write_output
from ..errors import ZorgadviesError
from ..facts import DEFAULT_SIZE_THRESHOLD
from ..history import load_history
from ..render.html import render_html
from ..render.markdown import markdown_images, render_markdown
from ..render.options import RenderOptions, load_intro, load_logo, parse_colour
from ..render.pdf import render_pdf
from ..report import Report
from ..tracking import radar_stages

_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".pdf": "pdf"}


def previous_stages(report: Report, db: str | None) -> dict[str, int | None] | None:
    """Stage per pillar of the latest saved assessment of this organisation other than ``report``
    itself (its lower bound where the stage was not established); None when there is none."""
    mine = {k: v for k, v in report.to_dict().items() if k != "knowledge"}
    for entry in reversed(load_history(str(report.organisation["name"]), db)):
        if {k: v for k, v in entry.report.items() if k != "knowledge"} == mine:
            continue  # this very assessment, saved with --save
        return radar_stages(entry.report)
    return None


def _free_name(organisation: str, fmt: str) -> Path:
    """``rapport-<organisation>.html`` in the current folder, or ``-2``, ``-3``... when taken."""
    from ..interview import slug

    base = f"rapport-{slug(organisation)}"
    candidate, n = Path(f"{base}.{fmt}"), 2
    while candidate.exists():
        candidate, n = Path(f"{base}-{n}.{fmt}"), n + 1
    return candidate


def register(group: click.Group) -> None:
    """Add this module's commands to group."""
    group.add_command(report)


@click.command(help="cli.report")
@click.argument("file", type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "pdf"]),
    default=None,
    help="cli.report.format",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="cli.opt.output")
@lang_option
@click.option("--size-threshold", type=click.IntRange(min=1), default=DEFAULT_SIZE_THRESHOLD, show_default=True, help="cli.opt.size_threshold")
@click.option("--audit", is_flag=True, help="cli.report.audit")
@click.option("--template", "template_dir", type=click.Path(file_okay=False), help="cli.report.template")
@click.option("--logo", type=click.Path(dir_okay=False), help="cli.report.logo")
@click.option("--accent", help="cli.report.accent")
@click.option("--intro", "intro_file", type=click.Path(dir_okay=False), help="cli.report.intro")
@click.option("--previous", is_flag=True, help="cli.report.previous")
@click.option("--db", "db", type=click.Path(dir_okay=False), help="cli.report.db")
@rules_option
@errors_to_exit
def report(
    file: str,
    fmt: str | None,
    output: str | None,
    lang: str,
    size_threshold: int,
    audit: bool,
    template_dir: str | None,
    logo: str | None,
    accent: str | None,
    intro_file: str | None,
    previous: bool,
    db: str | None,
    rules: tuple[str, ...],
) -> None:
    if fmt is None:
        fmt = _SUFFIXES.get(Path(output).suffix.lower(), "html") if output else "html"
    named = output is None and fmt in ("html", "pdf") and sys.stdout.isatty()
    options = RenderOptions(
        audit=audit,
        template_dir=Path(template_dir) if template_dir else None,
        logo=load_logo(logo) if logo else None,
        accent=parse_colour(accent) if accent else None,
        intro=load_intro(intro_file) if intro_file else None,
    )
    adv = advisor(rules)
    result = adv.assess(file, size_threshold=size_threshold)
    if named:
        # HTML or a PDF dumped into a terminal helps nobody: write a file named after the organisation.
        output = str(_free_name(str(result.organisation["name"]), fmt))
    if previous:
        options = attrs.evolve(options, previous=previous_stages(result, db))
    if fmt == "html":
        write_output(render_html(result, adv.kb, lang, options), output, inputs=[file])
        if named:
            click.echo(f"{output}")
        return
    if fmt == "pdf":
        write_binary(render_pdf(result, adv.kb, lang, options), output, inputs=[file])
        if named:
            click.echo(f"{output}")
        return
    if output is None or output == "-":
        write_output(render_markdown(result, adv.kb, lang, options=options), None)
        return
    target = Path(output)
    # Render first and write the chart before the Markdown, so that a template error leaves
    # nothing behind and the Markdown never links to a file that is not there yet.
    text = render_markdown(result, adv.kb, lang, image_stem=target.stem, options=options)
    for name, svg in markdown_images(result, adv.kb, lang, target.stem, options).items():
        write_output(svg, str(target.with_name(name)), inputs=[file])
    write_output(text, output, inputs=[file])
