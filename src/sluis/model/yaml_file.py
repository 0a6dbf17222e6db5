"""Reading the YAML files people write (policies, retention rules): strictly, with lines.

A key given twice in one mapping is refused (the second would silently win), and a syntax
error names the file and the line where the broken construct starts.
"""

from __future__ import annotations

from typing import Any

import yaml

from sluis.errors import SluisError


class _StrictLoader(yaml.SafeLoader):
    """A safe loader (no arbitrary objects) that refuses a key given twice in one mapping."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"{key!r} is given twice; keep one", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_yaml(text: str, name: str, error: type[SluisError]) -> tuple[yaml.Node | None, Any]:
    """The node tree (for line numbers) and the data of ``text``; bad YAML raises ``error``
    with ``name:line: problem``."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.load(text, Loader=_StrictLoader)
    except yaml.YAMLError as exc:
        # The context mark is where the broken construct starts, which is where to look.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        at = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid"
        raise error(
            f"{name}{at}: YAML syntax: {problem} (check the brackets, quotes, colons and"
            " indentation on this line and the next)"
        ) from None
    return node, data
