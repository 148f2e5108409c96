"""Pages of the network app, one module per page family."""
