from django.core.management.base import BaseCommand

from broadsheet import conf

HEADER = """# Configuration

Broadsheet is configured by environment variables, read once at start-up. This
page is generated from `broadsheet/conf.py` by `broadsheet config_docs`; a test
checks that it is current.

Editorial settings (site name, tagline, default appeal, default disclaimer) are
not here: they live in the database and are edited in the admin.

| Variable | Default | What it does |
| --- | --- | --- |
"""


def render() -> str:
    rows = []
    for variable in conf.VARIABLES:
        default = (
            f"`{variable.default}`"
            if isinstance(variable.default, str) and variable.default
            else ("empty" if isinstance(variable.default, str) else "computed")
        )
        if variable.name == "BROADSHEET_DATA_DIR":
            default = "`$XDG_DATA_HOME/broadsheet` or `~/.local/share/broadsheet`"
        if variable.name == "BROADSHEET_WORKERS":
            default = "number of cores"
        rows.append(f"| `{variable.name}` | {default} | {variable.help} |")
    return HEADER + "\n".join(rows) + "\n"


class Command(BaseCommand):
    help = "Print docs/configuration.md, generated from the table in conf.py."

    def handle(self, *args, **options) -> None:
        self.stdout.write(render(), ending="")
