"""A product's line in the capture's list, cut to the box's width: never a word cut short."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from recarga_tui.ui.screens.capture import CHOICES_WIDTH, fitted


def test_a_bundle_cut_to_the_box_never_shows_a_figure_cut_short():
    row = ("1  $50.00 · Amigo Sin Límite $50 · 7 días · Llamadas y SMS ilimitados, "
           "500 MB para navegar, WhatsApp ilimitado")
    shown = fitted(row)
    assert len(shown) <= CHOICES_WIDTH
    assert shown.endswith("ilimitados…")  # not "ilimitados, 50…" (on TERM=linux "50.")


words = st.lists(st.text(alphabet="abcdefgh0123456789$.,·áñ", min_size=1, max_size=12),
                 min_size=1, max_size=20)


@given(words, st.integers(min_value=10, max_value=90))
def test_a_line_cut_ends_between_words_and_fits(parts, width):
    text = " ".join(parts)
    shown = fitted(text, width)
    assert len(shown) <= width
    if len(text) <= width:
        assert shown == text
        return
    kept = shown.removesuffix("…")
    assert text.startswith(kept)
    whole_words = " " in text[:width - 1]
    if whole_words:  # what is kept ends where a word of the text ended
        rest = text[len(kept):]
        assert rest == "" or rest[0] in " ,·" or not kept
