"""The World-Café planner in the product: an event's tables, topics and seating plan.

`selectors` turn an event into the planner's `tableplanner.Problem` (participants
are invitation ids); `services/` store the tables and rounds, topics, the
organiser's wishes, the plan, swaps and results; `topics` and `polish` (pure)
deal topics out and seat people at topics new to them without giving up
encounters or mix; `report` keeps the quality report as JSON; `pages` and
`printouts` prepare what the pages and PDFs show.
"""
