"""`prm`, the command line (Typer): one module per group of commands, assembled here.

`main` runs the clinic (serve, worker, db, seed, kb, chat), `clinic` holds its details, `users` and
`tokens` manage who gets in, `evals` and `nlu` score the agent, `bench` measures it; `common` holds
what they share (the runtime for one command, number formatting, exit codes). Each command builds
its own runtime: the CLI is part of the composition root.
"""

from __future__ import annotations

from api.cli.bench import app as bench_app
from api.cli.clinic import clinic_app
from api.cli.evals import eval_app
from api.cli.main import app
from api.cli.tokens import token_app
from api.cli.users import user_app

app.add_typer(token_app, name="token")
app.add_typer(user_app, name="user")
app.add_typer(clinic_app, name="clinic")
app.add_typer(bench_app, name="bench")
app.add_typer(eval_app, name="eval")

__all__ = ["app"]
