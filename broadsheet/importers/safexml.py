"""Reading an export file as a stream of XML events, refusing what could make the
parser read another file, reach the network or expand without end.

Exports never carry a document type declaration, so any DTD is refused as soon
as the parser meets it: that covers internal entities (the billion laughs),
external entities and external DTDs alike, before any of them is resolved.
Expat itself never fetches a DTD or an entity; defusedxml's handlers refuse them
before Python code would.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from broadsheet.importers.exceptions import ImportRefused


def opened(path: Path, what: str) -> BinaryIO:
    """The file at `path`, open for reading; raises ImportRefused if it cannot be."""
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise ImportRefused(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise ImportRefused(f"{path} is a directory, not {what}.") from None
    except PermissionError:
        raise ImportRefused(f"{path} cannot be read (permission denied).") from None


def xml_events(path: Path, what: str) -> Iterator[tuple[str, Element]]:
    """("start" | "end", element) for each element of the file at `path`."""
    with opened(path, what) as handle:
        events = iterparse(
            handle,
            events=("start", "end"),
            forbid_dtd=True,
            forbid_entities=True,
            forbid_external=True,
        )
        try:
            yield from events
        except DefusedXmlException:
            raise ImportRefused(
                f"{path} declares a document type (DTD) or entities, which {what} "
                "never does; it was not read any further, for safety."
            ) from None
        except ParseError as error:
            line = error.position[0] if error.position else "?"
            raise ImportRefused(
                f"{path} is not {what}: it is not well-formed XML (line {line})."
            ) from None
