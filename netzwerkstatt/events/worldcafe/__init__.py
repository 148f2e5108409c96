"""The World-Café planner in the product: an event's tables, topics and seating plan.

`selectors` turn an event into the planner's `tableplanner.Problem` (participants
are invitation ids), `services` store settings, topics, the organiser's wishes,
the plan, swaps and results, `topics` deals topics out and seats groups at topics
new to them (pure), `report` keeps the quality report as JSON, `printouts`
renders the PDFs.
"""
