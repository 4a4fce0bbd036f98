from pathlib import Path

from broadsheet.core.management.commands.config_docs import render

DOCS = Path(__file__).resolve().parents[3] / "docs"


def test_configuration_docs_match_the_table_in_conf():
    written = (DOCS / "configuration.md").read_text()
    assert written == render(), (
        "docs/configuration.md is out of date: run "
        "`broadsheet config_docs > docs/configuration.md`"
    )
