class ImportRefused(Exception):
    """The file cannot be imported; the message is one plain sentence."""


class BrokenItem(ImportRefused):
    """One item of the file cannot be mapped; `--skip-broken` goes on without it."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem
