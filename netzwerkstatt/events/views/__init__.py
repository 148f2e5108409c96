"""Pages of the events app: one module per page family (events, invitations, check-in,
the public registration; the World Café and documentation parts add their own)."""
