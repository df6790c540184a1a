#!/usr/bin/env bash
# Copy the 80x24 snapshots of the real screens (tests/ui/__snapshots__) into docs/img for the
# cashier's guide. Run after `pytest tests/ui --snapshot-update` changed a screen.
set -euo pipefail
cd "$(dirname "$0")/.."
for svg in tests/ui/__snapshots__/test_snapshots/*.svg; do
  name=$(basename "$svg" .svg)
  name=${name#test_screen_at_80x24[}
  cp "$svg" "docs/img/${name%]}.svg"
done
ls docs/img
