"""Business processes: the bizproc.* handlers and the engine, programs, documents and lists
they share."""
