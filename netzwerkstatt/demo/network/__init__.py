"""The demo's relationship network: team, door openers, ties, recommendations, surveys, trend.

`plan.network_plan` builds it as plain data from the seed and the contacts plan
(`specs`); `writer.NetworkWriter` writes it; `history` stores a year of monthly
health snapshots computed from it.
"""
