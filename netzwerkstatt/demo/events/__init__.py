"""The demo's past event: a reflection workshop with programme, 25 participants, a World Café
with results, photos, presentations and a published report.

`content` holds its words as plain data, `pictures` draws its photos, and
`writer.DemoEventWriter` enters it all through the events app's services.
"""
