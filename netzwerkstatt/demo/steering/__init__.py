"""The demo's two regional networks with a year of steering: members and their topics,
goals with progress, meetings with minutes, decisions and action items, and a handover plan.

`content` holds the words (the networks, their topics, goals, agendas, minutes,
decisions and tasks) as plain data; `plan.steering_plan` picks the members from the
demo's contacts in each network's region, dates the meetings, casts attendance and
owners and plans the handovers, all as plain data (`specs`);
`writer.DemoSteeringWriter` writes them in bulk with what the services would set.
"""
