"""Renderings of a privacy map for people and programs: JSON and a self-contained page.

The JSON shape is stable and documented in the README::

    {"source": URL, "tables": [{"name", "rows", "columns": [{"name", "type", "category",
      "confidence", "evidence", "contains"}]}]}
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import cache

import jinja2

from sluis.model.categories import CATEGORIES
from sluis.model.privacy_map import PrivacyMap


def to_json(privacy_map: PrivacyMap) -> str:
    return json.dumps(privacy_map.to_dict(), indent=2, ensure_ascii=False) + "\n"


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("sluis.discover", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template("scan.html.j2")


def to_html(privacy_map: PrivacyMap, version: str) -> str:
    """One page a privacy officer can read offline: no scripts, no external files."""
    personal = privacy_map.personal_columns
    return _template().render(
        map=privacy_map,
        categories=CATEGORIES,
        personal_count=len(personal),
        personal_tables=len({table for table, _ in personal}),
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        version=version,
    )
