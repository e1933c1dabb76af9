"""``python -m engine`` runs the ``afweging`` command, for environments without the script."""

from engine.cli import app

app(prog_name="afweging")
