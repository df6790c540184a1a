#!/usr/bin/env bash
# Copy the 80x24 snapshots of the real screens (tests/ui/__snapshots__) into docs/img for the
# cashier's guide: the sale's screens, and those of lost answers (the check in the sales report,
# the pending list, a paid or deferred sale). Run after `pytest tests/ui --snapshot-update`
# changed a screen.
set -euo pipefail
cd "$(dirname "$0")/.."
for svg in tests/ui/__snapshots__/test_snapshots/*.svg \
           tests/ui/__snapshots__/test_snapshots_lost/*.svg; do
  name=$(basename "$svg" .svg)
  name=${name#*[}
  cp "$svg" "docs/img/${name%]}.svg"
done
ls docs/img
