"""``zorgadvies serve``: the web app for consultants and respondents, on uvicorn (needs the ``web`` extra)."""

from __future__ import annotations

import click

from .lang import messages_lang_option
from .util import errors_to_exit
from ..errors import ZorgadviesError
from ..messages import t

__all__ = ["register", "serve"]


@click.command(help="cli.serve")
@messages_lang_option
@click.option("--database", metavar="PATH|URL", help="cli.serve.database")
@click.option("--host", default="127.0.0.1", show_default=True, help="cli.serve.host")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="cli.serve.workers")
@click.option("--behind-tls-proxy", is_flag=True, help="cli.serve.behind_tls_proxy")
@errors_to_exit
def serve(database: str | None, host: str, port: int, workers: int, behind_tls_proxy: bool) -> None:
    try:
        import uvicorn

        from ..web.accounts import first_admin_link
        from ..web.server import prepare
    except ImportError as exc:
        raise ZorgadviesError(t("cli_serve.web_server_needs_web", name=exc.name)) from None
    store = prepare(database, secure_cookies=behind_tls_proxy)
    with store.session() as session:
        token = first_admin_link(session)
    base = f"http://{'localhost' if host in ('127.0.0.1', '::1') else host}:{port}"
    click.echo(t("cli_serve.listening", base=base, database=store.label, workers=workers))
    if token:
        click.echo(t("cli_serve.first_admin", base=base, token=token))
    uvicorn.run(
        "zorgadvies.web.server:app_from_env", factory=True, host=host, port=port, workers=workers,
        proxy_headers=behind_tls_proxy, forwarded_allow_ips="127.0.0.1" if behind_tls_proxy else None,
        log_level="warning", access_log=False,
    )


def register(group: click.Group) -> None:
    group.add_command(serve)
