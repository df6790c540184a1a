"""Pure rules of the counter procedure: no Textual, no HTTP, no files, no clock reads."""
