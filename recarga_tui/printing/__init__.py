"""The customer's tickets and the other slips (cash close, a deferred sale, money back).

Three layers, each testable alone: ``slips`` lays a slip out as plain lines from the records
(pure, no printer); ``escpos_out`` turns those lines into ESC/POS commands with python-escpos;
``device`` opens the configured printer and sends them. The screens reach all of it through
``services/printing.py`` only. Nothing here is imported at start-up but ``settings``: the
printer library is loaded the first time something is printed.
"""
