"""Importing contacts from CSV, Excel and vCard files.

Reading (`decoding`, `tabular`, `vcard`, `mapping`, `records`, `reading`) is pure:
bytes in, validated plain records out, no database. `service` plans duplicates
against the workspace and writes everything in one transaction.
"""
