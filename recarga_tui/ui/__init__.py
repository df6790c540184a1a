"""The Textual interface: screens render state and turn keys into service calls."""
