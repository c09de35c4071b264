"""`graphsvc token`: create, list and revoke API tokens."""

from __future__ import annotations

import typer
from rich.table import Table

from graphsvc.cli.common import cli_errors, console, fail, graph_session
from graphsvc.services import tokens

app = typer.Typer(help="API tokens (stored hashed; shown once).", no_args_is_help=True)


@app.command()
def create(
    role: str = typer.Option(..., help="admin, staff or viewer"),
    name: str = typer.Option(..., help="Who or what holds the token (shown in the audit log)."),
) -> None:
    """Mints a token and prints it as the last line; it cannot be shown again."""
    with graph_session() as graph, cli_errors():
        token = tokens.create_token(graph, role=role, name=name)
    console.print(f"Token for {name} ({role}). Keep it secret; it is shown only now:")
    print(token)


@app.command("list")
def list_() -> None:
    """Lists tokens (never their secrets)."""
    with graph_session() as graph:
        rows = tokens.list_tokens(graph)
    table = Table("id", "name", "role", "created", "revoked")
    for t in rows:
        table.add_row(t.id, t.name, t.role, t.created_at.isoformat(), "yes" if t.revoked else "")
    console.print(table)


@app.command()
def revoke(ref: str = typer.Argument(..., help="The token's id or name.")) -> None:
    """Revokes a token by id or name."""
    with graph_session() as graph:
        count = tokens.revoke_token(graph, ref)
    if count == 0:
        raise fail(f"no token with id or name {ref!r}; see `graphsvc token list`")
    console.print(f"Revoked {count} token(s).")
