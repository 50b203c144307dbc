"""The README is the CLI reference: every command and every option is documented there."""

import click

from concord.cli import main

from conftest import ROOT


def _commands(cmd, path=()):
    if isinstance(cmd, click.Group):
        for name, sub in sorted(cmd.commands.items()):
            yield from _commands(sub, path + (name,))
    else:
        yield path, cmd


def test_every_command_and_option_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = []
    for path, cmd in _commands(main):
        if f"concord {' '.join(path)}" not in readme:
            missing.append(" ".join(path))
        for p in cmd.params:
            if isinstance(p, click.Option):
                for opt in p.opts:
                    if opt.startswith("--") and opt != "--help" and f"`{opt}" not in readme \
                            and f"{opt} " not in readme and f"[{opt}" not in readme:
                        missing.append(f"{' '.join(path)} {opt}")
    assert missing == []
    assert len(list(_commands(main))) >= 10


def test_readme_check_table_is_the_registry():
    from concord.checks import markdown_table

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- checks-table -->\n", 1)[1].split("\n<!-- /checks-table -->", 1)[0]
    assert table == markdown_table()
