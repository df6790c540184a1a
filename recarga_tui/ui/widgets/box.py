"""The boxes a screen's widgets stand in: Textual's containers, laid out once for a change of
what they hold (a stage of the capture, a line that grows) rather than twice
(``PlacedOnce``)."""

from __future__ import annotations

from textual.containers import Container, Vertical

from ..textual_private import PlacedOnce


class Body(PlacedOnce, Container):
    """The part of a screen between its status lines and its footer."""


class Box(PlacedOnce, Vertical):
    """A screen's box of lines and fields."""
