"""Event documentation: photos, presentations and the public event report.

`publication` holds the rule that decides whether a photo may be shown in public
(pure), `photos` and `presentations` the team's writes and reads, and `report` the
public report: finding an event by its report token and collecting what the
report shows (only what is public).
"""
