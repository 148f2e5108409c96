"""The demo's acquisition: each project's measures catalogue, target profile and benefit
template, and about a year of approaches to companies with their history.

`content` holds the words (measures, templates, texts of activities and notes) as
plain data; `plan.acquisition_plan` picks the companies and channels and dates the
stages (`dates`), `approach` works out each approach's dossier, agreements,
activities and benefit statement, `followups` the open follow-ups around the
reference date, all as plain data (`specs`); `writer.DemoAcquisitionWriter` writes
them: needs, measures and stages through the services, the rest in bulk with what
the services would set.
"""
