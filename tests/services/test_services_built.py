"""The services the screens use are whole from the moment the composition builds them: no
part is filled in afterwards, so no screen can meet one missing."""

from __future__ import annotations

import pytest
from msgspec.structs import fields

from recarga_tui.config import Settings
from recarga_tui.services.printing import Printing
from recarga_tui.services.shop import Services
from recarga_tui.services.tally import Tally
from recarga_tui.wiring import build, demo_settings

# What a Services may be built without: the demo's flag and simulator, and the start's notes.
OPTIONAL = {"demo", "sim_app", "notes"}


def test_every_part_of_the_services_is_given_when_they_are_built():
    required = {f.name for f in fields(Services) if f.required}
    assert required == {f.name for f in fields(Services)} - OPTIONAL
    assert {"printing", "tally"} <= required
    with pytest.raises(TypeError, match="printing"):
        Services(*[None] * (len(required) - 2))  # all but printing and tally


def test_the_composition_builds_them_whole(tmp_path):
    services = build(demo_settings(Settings(), tmp_path / "journal"), demo=True)
    try:
        for f in fields(Services):
            if f.name not in OPTIONAL:
                assert getattr(services, f.name) is not None, f.name
        assert isinstance(services.printing, Printing) and isinstance(services.tally, Tally)
    finally:
        services.close_journal()
