"""CLI commands: report (registered on the main group by zorgadvies.cli)."""

from __future__ import annotations

from pathlib import Path

import click

from .api import advisor
from .cliutil import errors_to_exit, rules_option, write_output
from .facts import DEFAULT_SIZE_THRESHOLD
from .render.html import render_html
from .render.markdown import markdown_images, render_markdown

_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def register(group: click.Group) -> None:
    """Add this module's commands to group."""
    group.add_command(report)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html"]),
    default=None,
    help="Report format. Default: from the suffix of --output (.md: markdown), else html.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file instead of printing.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Language of the report.")
@click.option("--size-threshold", type=click.IntRange(min=1), default=DEFAULT_SIZE_THRESHOLD, show_default=True, help="Employees from which an organisation is 'groot'.")
@rules_option
@errors_to_exit
def report(file: str, fmt: str | None, output: str | None, lang: str, size_threshold: int, rules: tuple[str, ...]) -> None:
    """Write the full report on the organisation in FILE as Markdown or HTML.

    The HTML report is one self-contained file (inline CSS and SVG charts) that prints well to
    PDF. A Markdown report written with -o gets its two charts as SVG files beside it
    (OUT-radar.svg, OUT-graaf.svg, OUT without its suffix); printed to stdout, the charts are
    embedded as data: URIs instead.
    """
    if fmt is None:
        fmt = _SUFFIXES.get(Path(output).suffix.lower(), "html") if output else "html"
    adv = advisor(rules)
    result = adv.assess(file, size_threshold=size_threshold)
    if fmt == "html":
        write_output(render_html(result, adv.kb, lang), output, inputs=[file])
        return
    if output is None or output == "-":
        write_output(render_markdown(result, adv.kb, lang), None)
        return
    target = Path(output)
    # The charts first, so that the Markdown never links to a file that is not there yet.
    for name, svg in markdown_images(result, adv.kb, lang, target.stem).items():
        write_output(svg, str(target.with_name(name)), inputs=[file])
    write_output(render_markdown(result, adv.kb, lang, image_stem=target.stem), output, inputs=[file])
